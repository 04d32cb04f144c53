import Foundation
import Testing
@testable import NewsIngest

/// A small RSS document; the fetcher never parses, so only its bytes matter.
private let rss = """
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback</title><link>http://127.0.0.1/</link>
<item><title>First</title><guid>a1</guid><description>Hello &amp; welcome</description></item>
</channel></rss>
"""

private func fetcher(timeout: TimeInterval = 5, maxBytes: Int = 50 << 20) -> FeedFetcher {
    FeedFetcher(configuration: .init(timeout: timeout, maxResponseBytes: maxBytes,
                                     userAgent: FeedFetcher.userAgent(version: "9.9.9")))
}

/// The body of a `.fetched` result, nil otherwise.
private func body(_ result: FetchResult) -> String? {
    if case .fetched(let data, _, _, _, _) = result { return String(decoding: data, as: UTF8.self) }
    return nil
}

private func failure(_ result: FetchResult) -> String? {
    if case .failed(let message) = result { return message }
    return nil
}

@Suite(.enabled(if: LoopbackServer.isAvailable, "needs python3 for the loopback server"))
struct FetchTests {
    @Test func plainFetchReturnsBodyValidatorsAndSendsUserAgent() async throws {
        let server = try LoopbackServer()
        try server.write("feed.xml", rss)
        let result = await fetcher().fetch(FetchRequest(url: server.url("/feed.xml")))
        guard case .fetched(let data, let finalURL, let etag, let lastModified, let moved) = result else {
            Issue.record("expected .fetched, got \(result)")
            return
        }
        #expect(String(decoding: data, as: UTF8.self) == rss)
        #expect(finalURL == server.url("/feed.xml"))
        #expect(etag?.hasPrefix("\"") == true)
        #expect(lastModified == "Sat, 01 Jun 2024 00:00:00 GMT")
        #expect(moved == nil)
        let request = try #require(server.requests(for: "/feed.xml").first)
        #expect(request.headers["user-agent"] == "Herald/9.9.9 (+\(FeedFetcher.projectURL))")
        #expect(request.headers["if-none-match"] == nil)
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func etagRoundTripGives304() async throws {
        let server = try LoopbackServer()
        try server.write("a.xml", rss)
        try server.route("/etag", .init(file: "a.xml", etag: "\"v1\""))
        let f = fetcher()
        let first = await f.fetch(FetchRequest(url: server.url("/etag")))
        guard case .fetched(_, _, let etag, let lastModified, _) = first else {
            Issue.record("expected .fetched, got \(first)")
            return
        }
        #expect(etag == "\"v1\"")
        #expect(lastModified == nil)
        let second = await f.fetch(FetchRequest(url: server.url("/etag"), etag: etag, lastModified: lastModified))
        #expect(second == .notModified)
        let sent = server.requests(for: "/etag").map { $0.headers["if-none-match"] }
        #expect(sent == [nil, "\"v1\""])

        // A changed document (new ETag) is fetched again in full.
        try server.route("/etag", .init(file: "a.xml", etag: "\"v2\""))
        let third = await f.fetch(FetchRequest(url: server.url("/etag"), etag: etag))
        #expect(body(third) == rss)
    }

    @Test func lastModifiedRoundTripGives304() async throws {
        let server = try LoopbackServer()
        try server.write("a.xml", rss)
        let stamp = "Tue, 04 Jun 2024 10:00:00 GMT"
        try server.route("/lm", .init(file: "a.xml", lastModified: stamp))
        let f = fetcher()
        let first = await f.fetch(FetchRequest(url: server.url("/lm")))
        guard case .fetched(_, _, let etag, let lastModified, _) = first else {
            Issue.record("expected .fetched, got \(first)")
            return
        }
        #expect(etag == nil)
        #expect(lastModified == stamp)
        let second = await f.fetch(FetchRequest(url: server.url("/lm"), etag: etag, lastModified: lastModified))
        #expect(second == .notModified)
        #expect(server.requests(for: "/lm").last?.headers["if-modified-since"] == stamp)
    }

    @Test func gzipBodyArrivesDecoded() async throws {
        let server = try LoopbackServer()
        try server.write("a.xml", rss)
        try server.route("/gz", .init(file: "a.xml", gzip: true))
        #expect(body(await fetcher().fetch(FetchRequest(url: server.url("/gz")))) == rss)
    }

    @Test func permanentRedirectsReportTheNewAddress() async throws {
        let server = try LoopbackServer()
        try server.write("final.xml", rss)
        try server.route("/old", .init(status: 301, location: "/older"))
        try server.route("/older", .init(status: 308, location: "/moved"))
        try server.route("/moved", .init(status: 302, location: "/final.xml"))
        let result = await fetcher().fetch(FetchRequest(url: server.url("/old")))
        guard case .fetched(let data, let finalURL, _, _, let moved) = result else {
            Issue.record("expected .fetched, got \(result)")
            return
        }
        #expect(String(decoding: data, as: UTF8.self) == rss)
        #expect(finalURL == server.url("/final.xml"))
        // 301 then 308 are permanent; the 302 after them is not, so the feed now lives at /moved.
        #expect(moved == server.url("/moved"))
    }

    @Test func temporaryRedirectKeepsTheAddress() async throws {
        let server = try LoopbackServer()
        try server.write("final.xml", rss)
        try server.route("/temp", .init(status: 302, location: "/perm"))
        try server.route("/perm", .init(status: 301, location: "/final.xml"))
        let result = await fetcher().fetch(FetchRequest(url: server.url("/temp")))
        guard case .fetched(_, let finalURL, _, _, let moved) = result else {
            Issue.record("expected .fetched, got \(result)")
            return
        }
        #expect(finalURL == server.url("/final.xml"))
        #expect(moved == nil)
    }

    @Test func redirectLoopFails() async throws {
        let server = try LoopbackServer()
        try server.route("/a", .init(status: 301, location: "/b"))
        try server.route("/b", .init(status: 302, location: "/a"))
        let message = failure(await fetcher().fetch(FetchRequest(url: server.url("/a"))))
        #expect(message?.hasPrefix("redirect loop at http://127.0.0.1:\(server.port)/a") == true)
    }

    @Test func tooManyRedirectsFail() async throws {
        let server = try LoopbackServer()
        for hop in 0..<12 { try server.route("/hop\(hop)", .init(status: 307, location: "/hop\(hop + 1)")) }
        let message = failure(await fetcher().fetch(FetchRequest(url: server.url("/hop0"))))
        #expect(message == "more than 10 redirects")
        #expect(server.requests().count == 11)
    }

    @Test func redirectToAnotherSchemeIsRefused() async throws {
        let server = try LoopbackServer()
        try server.route("/sneaky", .init(status: 301, location: "file:///etc/passwd"))
        let message = failure(await fetcher().fetch(FetchRequest(url: server.url("/sneaky"))))
        #expect(message == "redirected to file:///etc/passwd, which is not an http(s) URL")
    }

    @Test(arguments: [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (410, "HTTP 410 Gone")])
    func errorStatusesFail(status: Int, message: String) async throws {
        let server = try LoopbackServer()
        try server.route("/err", .init(body: "nope", status: status))
        #expect(failure(await fetcher().fetch(FetchRequest(url: server.url("/err")))) == message)
    }

    @Test func silentServerTimesOut() async throws {
        let server = try LoopbackServer()
        try server.route("/hang", .init(hang: 30))
        let message = failure(await fetcher(timeout: 1).fetch(FetchRequest(url: server.url("/hang"))))
        // The server would close the connection without an answer after 30 s, which is a
        // different error: this message can only come from the client's 1 s timeout. (No
        // wall-clock bound: on a loaded machine resuming the test itself can take long.)
        #expect(message == "no answer within 1 s")
    }

    @Test func oversizedResponseIsCutOff() async throws {
        let server = try LoopbackServer()
        try server.route("/big", .init(bytes: 300_000))
        let message = failure(await fetcher(maxBytes: 100 << 10).fetch(FetchRequest(url: server.url("/big"))))
        #expect(message == "response larger than 100 KiB; cut off")
    }

    @Test func gzipBombIsCutOffAtTheDecodedLimit() async throws {
        let server = try LoopbackServer()
        // ~50 KB on the wire (under the limit), 50 MB decoded (far over it).
        try server.route("/bomb", .init(gzipBomb: 50_000_000))
        let message = failure(await fetcher(maxBytes: 1 << 20).fetch(FetchRequest(url: server.url("/bomb"))))
        #expect(message == "response larger than 1 MiB; cut off")
    }

    @Test func credentialsInTheURLBecomeBasicAuthorization() async throws {
        let server = try LoopbackServer()
        try server.write("private.xml", rss)
        let url = try #require(URL(string: "http://reader:s3cret@127.0.0.1:\(server.port)/private.xml"))
        #expect(body(await fetcher().fetch(FetchRequest(url: url))) == rss)
        let expected = "Basic " + Data("reader:s3cret".utf8).base64EncodedString()
        #expect(server.requests(for: "/private.xml").first?.headers["authorization"] == expected)
    }

    @Test func oneFailingFeedDoesNotStopTheOthers() async throws {
        let server = try LoopbackServer()
        try server.write("ok.xml", rss)
        try server.route("/broken", .init(status: 500))
        var requests = (0..<20).map { _ in FetchRequest(url: server.url("/ok.xml")) }
        requests.insert(FetchRequest(url: server.url("/broken")), at: 7)
        let results = await fetcher().fetchAll(requests, jobs: 4)
        #expect(results.count == 21)
        #expect(failure(results[7]) == "HTTP 500 Internal Server Error")
        #expect(results.enumerated().filter { $0.offset != 7 }.allSatisfy { body($0.element) == rss })
    }
}

/// Fetches that need no server.
struct FetchLocalTests {
    @Test func fileFeedUsesItsModificationTimeAsValidator() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("herald-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("local.xml")
        try Data(rss.utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_717_200_000)],
                                              ofItemAtPath: file.path)
        let f = fetcher()
        let first = await f.fetch(FetchRequest(url: file))
        guard case .fetched(let data, _, nil, let stamp, nil) = first else {
            Issue.record("expected .fetched, got \(first)")
            return
        }
        #expect(String(decoding: data, as: UTF8.self) == rss)
        #expect(stamp == "Sat, 01 Jun 2024 00:00:00 GMT")
        #expect(await f.fetch(FetchRequest(url: file, lastModified: stamp)) == .notModified)
        let missing = await f.fetch(FetchRequest(url: dir.appendingPathComponent("nope.xml")))
        #expect(failure(missing)?.hasSuffix("nope.xml: no such file") == true)
    }

    @Test func unsupportedSchemesAreRefused() async throws {
        let result = await fetcher().fetch(FetchRequest(url: try #require(URL(string: "ftp://example.org/feed"))))
        #expect(failure(result) == "unsupported URL scheme 'ftp' in ftp://example.org/feed; Herald fetches http, https and file URLs")
        #expect(throws: FetchError.self) { try FeedAddress.validate("exec:~/bin/feed.sh") }
        #expect(throws: FetchError.self) { try FeedAddress.validate("https:///nohost") }
        #expect(try FeedAddress.validate(" https://example.org/rss ") == URL(string: "https://example.org/rss"))
        #expect(try FeedAddress.validate("/tmp/feed.xml") == URL(fileURLWithPath: "/tmp/feed.xml"))
    }

    @Test func passwordsAreRedactedForDisplay() {
        #expect(FeedAddress.redacted("https://me:pw@example.org/a@b") == "https://me:***@example.org/a@b")
        #expect(FeedAddress.redacted("https://me@example.org/") == "https://me@example.org/")
        #expect(FeedAddress.redacted("https://example.org/x:y@z") == "https://example.org/x:y@z")
    }

    @Test func boundedConcurrencyNeverExceedsItsLimit() async {
        let counter = ConcurrencyProbe()
        var seen: [Int] = []
        await BoundedConcurrency.forEach(Array(0..<40), limit: 3) { value in
            await counter.enter()
            try? await Task.sleep(nanoseconds: 2_000_000)
            await counter.leave()
            return value * 2
        } onResult: { index, output in
            #expect(output == index * 2)
            seen.append(index)
        }
        #expect(seen.sorted() == Array(0..<40))
        #expect(await counter.peak == 3)
    }
}

extension FetchTests {
    @Test func boundedConcurrencyInBatchesHandsEveryResultOnceAndBatchesThoseReadyTogether() async {
        let counter = ConcurrencyProbe()
        var batches: [[Int]] = []
        await BoundedConcurrency.forEachBatch(Array(0..<40), limit: 4) { value in
            await counter.enter()
            try? await Task.sleep(nanoseconds: 1_000_000)
            await counter.leave()
            return value * 2
        } onResults: { results in
            #expect(!results.isEmpty)
            #expect(results.allSatisfy { $0.output == $0.index * 2 })
            batches.append(results.map(\.index))
            // A slow consumer: the operations started meanwhile finish and wait for the next call.
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        #expect(batches.joined().sorted() == Array(0..<40))
        #expect(batches.contains { $0.count > 1 }, "results that completed during a call come together")
        #expect(await counter.peak <= 4)
    }

    @Test func boundedConcurrencyWaitsForAFullBatchUntilEveryOperationHasStarted() async {
        let counter = ConcurrencyProbe()
        var batches: [[Int]] = []
        await BoundedConcurrency.forEachBatch(Array(0..<30), limit: 4, minimumBatch: 8) { value in
            await counter.enter()
            try? await Task.sleep(nanoseconds: 1_000_000)
            await counter.leave()
            return value
        } onResults: { results in
            batches.append(results.map(\.output))
        }
        #expect(batches.joined().sorted() == Array(0..<30))
        // Full batches while operations were left to start (the first 26 elements); the rest as they come.
        let full = batches.prefix { $0.count >= 8 }
        #expect(full.joined().count >= 30 - 4 - 8 + 1, "\(batches.map(\.count))")
        #expect(batches.dropFirst(full.count).allSatisfy { !$0.isEmpty && $0.count < 8 + 4 })
        #expect(await counter.peak <= 4)
    }

    /// The workers go on while the consumer works: operations start during a call to
    /// `onResults` (the serial store writer of a refresh), up to `minimumBatch` results waiting.
    @Test func boundedConcurrencyStartsOperationsWhileResultsAreHandled() async {
        let started = StartCounter()
        var startsDuringFirstCall: Int?
        var batches: [[Int]] = []
        await BoundedConcurrency.forEachBatch(Array(0..<16), limit: 2, minimumBatch: 4) { value in
            await started.add()
            try? await Task.sleep(nanoseconds: 1_000_000)
            return value
        } onResults: { results in
            batches.append(results.map(\.index))
            guard startsDuringFirstCall == nil else { return }
            let before = await started.count
            // Waits up to 5 s for two more operations to start without this call returning.
            for _ in 0..<500 where await started.count < before + 2 {
                try? await Task.sleep(nanoseconds: 10_000_000)
            }
            startsDuringFirstCall = await started.count - before
        }
        #expect(batches.joined().sorted() == Array(0..<16))
        #expect((startsDuringFirstCall ?? 0) >= 2, "operations started while results were handled: \(startsDuringFirstCall ?? 0)")
    }

    @Test func boundedConcurrencyInBatchesOfNothingCallsNothing() async {
        var calls = 0
        await BoundedConcurrency.forEachBatch([Int](), limit: 3) { $0 } onResults: { _ in calls += 1 }
        #expect(calls == 0)
    }
}

private actor StartCounter {
    private(set) var count = 0
    func add() { count += 1 }
}

private actor ConcurrencyProbe {
    private var running = 0
    private(set) var peak = 0
    func enter() { running += 1; peak = max(peak, running) }
    func leave() { running -= 1 }
}
