import Foundation
import NewsModel
@testable import NewsStore
import Testing

/// Two Herald processes on one store: WAL readers work while another process writes, two
/// writers take turns (or the second says the store is busy), and the store stays whole.
@Suite struct TwoHeraldsTests {
    /// A herald process started in the background, its output going to files.
    final class Background: @unchecked Sendable {
        let process = Process()
        let started = Date()
        private let out: URL, err: URL

        init(_ arguments: [String], home: URL) throws {
            out = home.appendingPathComponent("bg-out-\(UUID().uuidString)")
            err = home.appendingPathComponent("bg-err-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: HeraldBinary.path)
            process.arguments = arguments
            process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                                   "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                                   "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        /// Waits for the exit on a Dispatch thread; returns the status, stderr and seconds run.
        func finish() async -> (status: Int32, stderr: String, seconds: Double) {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    self.process.waitUntilExit()
                    let stderr = (try? String(contentsOf: self.err, encoding: .utf8)) ?? ""
                    continuation.resume(returning: (self.process.terminationStatus, stderr,
                                                    Date().timeIntervalSince(self.started)))
                }
            }
        }
    }

    /// A store holding the sample library, with one read article; returns its path and the count.
    static func makeStore(in home: URL) async throws -> (path: String, articles: Int, readID: ArticleID) {
        let path = home.appendingPathComponent("herald.db").path
        let created = try await HeraldBinary.run(["list", "--store", path], home: home)
        #expect(created.status == 0, "\(created.stderr)")
        let store = try NewsStore.open(path: path)
        let first = try #require(try store.headlines(.all, offset: 0, limit: 1).first)
        try store.setRead(first.id, true)
        return (path, try store.headlineCount(.all), first.id)
    }

    @Test func readersWorkWhileAnotherHeraldImports() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (path, samples, readID) = try await Self.makeStore(in: home)
        let pages = home.appendingPathComponent("pages")
        // Enough pages that the import outlasts several reads even as imports get faster (400
        // once let only one read start during the import on a loaded machine).
        let count = 1_000
        try DataSafetyTests.writePages(count: count, into: pages)

        let writer = try Background(["import", "--store", path, pages.path], home: home)
        var readsDuringImport = 0
        var round = 0
        while writer.process.isRunning || round < 3 {
            for arguments in [["list", "--limit", "5"], ["search", "harbour"], ["show", String(readID.rawValue)]] {
                if writer.process.isRunning { readsDuringImport += 1 }
                let run = try await HeraldBinary.run(arguments + ["--store", path], home: home)
                #expect(run.status == 0, "\(arguments[0]) beside an import, round \(round): \(run.stderr)")
                #expect(!run.stdout.isEmpty, "\(arguments[0]) printed nothing, round \(round)")
            }
            round += 1
        }
        let written = await writer.finish()
        #expect(written.status == 0, "the import beside readers failed: \(written.stderr)")
        // Readers really started while the import was running, or this proves nothing.
        #expect(readsDuringImport >= 2, "\(readsDuringImport) readers started during the import (\(written.seconds) s)")
        let store = try NewsStore.open(path: path)
        #expect(try store.integrityCheck() == [])
        #expect(try store.headlineCount(.all) == samples + count)
        #expect(try store.article(id: readID)?.isRead == true)
    }

    @Test func twoWritersTakeTurnsOrTheSecondSaysBusy() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (path, samples, readID) = try await Self.makeStore(in: home)
        let first = home.appendingPathComponent("first"), second = home.appendingPathComponent("second")
        try DataSafetyTests.writePages(count: 200, into: first)
        try DataSafetyTests.writePages(count: 200, into: second, first: 1000)

        let writers = try [first, second].map { try Background(["import", "--store", path, $0.path], home: home) }
        var imported = 0
        for writer in writers {
            let result = await writer.finish()
            if result.status == 0 {
                imported += 200
            } else {
                #expect(result.stderr.contains("is busy: another Herald is writing to it"),
                        "a second writer failed without saying the store is busy: \(result.stderr)")
            }
        }
        // Each import commits in batches within the busy timeout: both should get through.
        #expect(imported == 400)
        let store = try NewsStore.open(path: path)
        #expect(try store.integrityCheck() == [])
        #expect(try store.headlineCount(.all) == samples + imported)
        #expect(try store.article(id: readID)?.isRead == true)
    }

    /// A writer waits for another process's write lock (the busy timeout) rather than failing
    /// at once, and after `NewsStore.defaultBusyTimeout` says clearly that the store is busy.
    @Test func aWriterWaitsForTheLockThenSaysBusy() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (path, samples, _) = try await Self.makeStore(in: home)
        let pages = home.appendingPathComponent("pages")
        try DataSafetyTests.writePages(count: 3, into: pages)
        let holder = try NewsStore.open(path: path)

        // Released 1.5 s after the import starts: the import waits, then succeeds.
        let waited = try await Self.importHolding(pages, into: path, home: home, holder: holder, releaseAfter: 1.5)
        #expect(waited.status == 0, "the writer did not wait for the lock: \(waited.stderr)")
        #expect(waited.seconds >= 1.0, "the import finished in \(waited.seconds) s while the lock was held")
        #expect(try holder.headlineCount(.all) == samples + 3)

        // Held until the import ends: the import of one new page gives up with a clear message.
        // (Each page is its own transaction: with more pages, later ones would get through
        // once the lock is free, and the run would report the busy page and succeed.)
        let one = home.appendingPathComponent("one")
        try DataSafetyTests.writePages(count: 1, into: one, first: 100)
        let refused = try await Self.importHolding(one, into: path, home: home, holder: holder, releaseAfter: nil)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is busy: another Herald is writing to it"), "\(refused.stderr)")
        #expect(refused.seconds >= NewsStore.defaultBusyTimeout - 0.5, "gave up after \(refused.seconds) s")
        #expect(try holder.integrityCheck() == [])
        #expect(try holder.headlineCount(.all) == samples + 3)
    }

    /// Runs `herald import` of `pages` while `holder` keeps the write lock: until `releaseAfter`
    /// seconds after the import started, or (nil) until the import ends.
    ///
    /// The hold is timed from the import's start on Dispatch threads: the test's own task may
    /// resume late on a loaded machine, and an early release would let the import through.
    static func importHolding(_ pages: URL, into path: String, home: URL, holder: NewsStore,
                              releaseAfter: Double?) async throws -> (status: Int32, stderr: String, seconds: Double) {
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.holdingWriteLock {
                locked.signal()
                release.wait()
            }
            released.signal()
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { locked.wait(); continuation.resume() }
        }
        let writer = try Background(["import", "--store", path, pages.path], home: home)
        if let releaseAfter {
            DispatchQueue.global().asyncAfter(deadline: .now() + releaseAfter) { release.signal() }
        }
        let result = await writer.finish()
        if releaseAfter == nil { release.signal() }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { released.wait(); continuation.resume() }
        }
        return result
    }
}
