import Foundation
import NewsModel
import NewsStore
import Testing

/// The store survives `kill -9` in the middle of writes and loses no reader state.
@Suite struct DataSafetyTests {
    /// Starts herald with `arguments` and kills it with SIGKILL after `milliseconds` (if still running).
    static func runAndKill(_ arguments: [String], home: URL, afterMilliseconds milliseconds: Int) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: HeraldBinary.path)
                    process.arguments = arguments
                    process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    // A loop, not one usleep: signals (SIGCHLD from other tests' children) cut it short.
                    let end = Date().addingTimeInterval(Double(milliseconds) / 1000)
                    while Date() < end, process.isRunning { usleep(2_000) }
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Starts herald with `arguments` and kills it with SIGKILL once its standard output holds
    /// `lines` progress lines (`[n/total] …`, one per feed done by `herald refresh` off a TTY),
    /// or lets it finish if it gets no further.
    static func runAndKill(_ arguments: [String], home: URL, afterProgressLines lines: Int) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let output = home.appendingPathComponent("progress-\(UUID().uuidString)")
                    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
                    defer { try? FileManager.default.removeItem(at: output) }
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: HeraldBinary.path)
                    process.arguments = arguments
                    process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
                    process.standardOutput = try FileHandle(forWritingTo: output)
                    process.standardError = FileHandle.nullDevice
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    while process.isRunning {
                        let text = (try? Data(contentsOf: output)) ?? Data()
                        let done = text.split(separator: UInt8(ascii: "\n")).filter { $0.first == UInt8(ascii: "[") }.count
                        if done >= lines {
                            kill(process.processIdentifier, SIGKILL)
                            break
                        }
                        usleep(1_000)
                    }
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Writes `count` distinct text pages into `folder`, numbered from `first`.
    static func writePages(count: Int, into folder: URL, first: Int = 0) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in first..<first + count {
            let text = """
            Kill Test Wire (sample)
            Test story number \(i) about the harbour and its ferries
            A summary of story \(i), written for the data-safety test.

            Story \(i) has a body paragraph long enough to be read as a paragraph of the article, with words to index.
            Key Takeaways
            "We keep every write whole, story \(i)"
            A tester on atomic commits
            Related News

            Test story number \(first + (i + 1 - first) % count) about the harbour and its ferries
            """
            try text.write(to: folder.appendingPathComponent(String(format: "page-%04d.txt", i)), atomically: true, encoding: .utf8)
        }
    }

    @Test func fiftyKillsDuringImportLoseNothing() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let storePath = home.appendingPathComponent("herald.db").path
        // A store with the sample library and some reader state in it.
        let created = try await HeraldBinary.run(["list", "--store", storePath], home: home)
        #expect(created.status == 0, "\(created.stderr)")
        let state: ReaderState
        let samples: Int
        do {
            let store = try NewsStore.open(path: storePath)
            samples = try store.headlineCount(.all)
            let rows = try store.headlines(.all, offset: 0, limit: 3)
            try #require(rows.count == 3)
            state = try ReaderState(marking: rows, in: store, bookmarkText: "kept through every kill")
        }
        let pages = home.appendingPathComponent("pages")
        try Self.writePages(count: 300, into: pages)

        var killedMidWrite = 0
        for round in 0..<50 {
            // Spread the kills from start-up to deep inside the import.
            let delay = 20 + (round * 37) % 400
            let status = try await Self.runAndKill(["import", "--store", storePath, pages.path], home: home, afterMilliseconds: delay)
            if status != 0 { killedMidWrite += 1 }
            if round % 10 == 9 || round == 49 {
                let store = try NewsStore.open(path: storePath)
                #expect(try store.integrityCheck() == [], "round \(round)")
                try state.expectKept(in: store, "round \(round)")
            }
        }
        // Most runs must really have died mid-way, or the test proves nothing.
        #expect(killedMidWrite >= 25, "only \(killedMidWrite) of 50 runs were killed")
        // The next run works and finishes the import.
        let finished = try await HeraldBinary.run(["import", "--store", storePath, pages.path], home: home)
        #expect(finished.status == 0, "\(finished.stderr)")
        let store = try NewsStore.open(path: storePath)
        #expect(try store.integrityCheck() == [])
        #expect(try store.headlineCount(.all) == samples + 300)
    }
    /// RSS for feed `feed`: its 40 base items, then `extra` newer ones (cumulative across rounds).
    static func killTestFeed(_ feed: Int, extra: Int, dates: [String]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Kill feed \(feed)</title><link>https://kill.example/\(feed)/</link>

        """
        for item in 0..<40 + extra {
            out += """
            <item><title>Feed \(feed) story \(item) on harbour ferries</title><guid isPermaLink="false">f\(feed)-\(item)</guid>
            <link>https://kill.example/\(feed)/\(item)</link><pubDate>\(dates[item])</pubDate>
            <description>&lt;p&gt;Story \(item) of feed \(feed): a paragraph long enough to be stored as the body of an article, with words to index.&lt;/p&gt;&lt;p&gt;Another paragraph.&lt;/p&gt;</description></item>

            """
        }
        return out + "</channel></rss>\n"
    }

    /// The short form of the kill-during-refresh test: 24 feeds on the loopback server,
    /// `herald refresh` killed 12 times after 1 to 22 feeds were done, while each round serves
    /// new items.
    @Test(.enabled(if: LoopbackServer.isAvailable, "needs python3"))
    func killsDuringRefreshLoseNothing() async throws {
        let home = try HeraldBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let storePath = home.appendingPathComponent("herald.db").path
        let server = try LoopbackServer()
        defer { server.stop() }
        let feeds = 24, rounds = 12, newPerRound = 3
        let dates = (0..<40 + rounds * newPerRound + newPerRound).map {
            TestFeeds.rfc822(Date(timeIntervalSince1970: 1_717_200_000 + Double($0 * 60)))
        }
        func serve(extra: Int) throws {
            for feed in 0..<feeds { try server.write("k\(feed).xml", Self.killTestFeed(feed, extra: extra, dates: dates)) }
        }
        try serve(extra: 0)
        let list = home.appendingPathComponent("feeds.opml")
        try TestFeeds.opml((0..<feeds).map { ("Kill feed \($0)", server.url("/k\($0).xml").absoluteString) })
            .write(to: list, atomically: true, encoding: .utf8)
        let subscribed = try await HeraldBinary.run(["import", "--store", storePath, list.path], home: home)
        #expect(subscribed.status == 0, "\(subscribed.stderr)")
        let first = try await HeraldBinary.run(["refresh", "--store", storePath], home: home)
        #expect(first.status == 0, "\(first.stderr)")

        // Reader state on refreshed articles, which every later refresh lists again.
        let state: ReaderState
        let before: Int
        do {
            let store = try NewsStore.open(path: storePath)
            before = try store.headlineCount(.all)
            let feed = try #require(try store.feed(url: server.url("/k7.xml").absoluteString)?.id)
            let rows = try store.headlines(.feed(feed), offset: 0, limit: 3)
            try #require(rows.count >= 3)
            state = try ReaderState(marking: rows, in: store, bookmarkText: "kept through every refresh kill")
        }

        var killed = 0, killedMidWrite = 0
        var count = before
        for round in 1...rounds {
            try serve(extra: round * newPerRound)  // every feed changed: each refresh writes
            // Killed once 1 to 22 of the 24 feeds are reported done: mid-refresh, whatever the
            // machine's load (a timed kill lands before or after the writes on a busy machine).
            let feedsDone = 1 + (round * 7) % (feeds - 2)
            let status = try await Self.runAndKill(["refresh", "--store", storePath], home: home,
                                                   afterProgressLines: feedsDone)
            if status != 0 { killed += 1 }
            // Killed after storing some feeds of the round but not all: really mid-refresh.
            let now = try NewsStore.open(path: storePath).headlineCount(.all)
            if now > count && now < before + feeds * round * newPerRound { killedMidWrite += 1 }
            count = now
            if round % 4 == 0 {
                let store = try NewsStore.open(path: storePath)
                #expect(try store.integrityCheck() == [], "round \(round)")
                try state.expectKept(in: store, "round \(round)")
                #expect(try store.headlineCount(.all) >= before, "round \(round): articles lost")
            }
        }
        #expect(killed >= rounds - 1, "only \(killed) of \(rounds) refreshes were killed")
        #expect(killedMidWrite >= rounds / 2, "only \(killedMidWrite) kills left a round part-stored")
        // The next refresh completes and brings every feed up to date.
        let finished = try await HeraldBinary.run(["refresh", "--store", storePath], home: home)
        #expect(finished.status == 0, "\(finished.stderr)")
        let store = try NewsStore.open(path: storePath)
        #expect(try store.integrityCheck() == [])
        #expect(try store.headlineCount(.all) == before + feeds * rounds * newPerRound)
        #expect(try store.feeds().allSatisfy { $0.feed.lastError == nil })
        try state.expectKept(in: store, "after the last refresh")
    }
}

/// Read, star and bookmark state put on three articles before a kill test, checked after kills.
struct ReaderState {
    let readID: ArticleID
    let starredID: ArticleID
    let bookmarkID: BookmarkID
    /// The bookmarked passage, also what finds the bookmark again.
    let bookmarkText: String
    static let note = "a note"

    /// Marks `rows[0]` read and `rows[1]` starred, and bookmarks a passage of `rows[2]` with a note.
    init(marking rows: [Headline], in store: NewsStore, bookmarkText: String) throws {
        readID = rows[0].id
        starredID = rows[1].id
        self.bookmarkText = bookmarkText
        try store.setRead(readID, true)
        try store.setStarred(starredID, true)
        bookmarkID = try store.addBookmark(Bookmark(articleID: rows[2].id, kind: .passage, text: bookmarkText,
                                                    note: Self.note))
    }

    /// Expects the read flag, the star, and the bookmark with its note all still stored.
    func expectKept(in store: NewsStore, _ context: String) throws {
        #expect(try store.article(id: readID)?.isRead == true, "\(context): read state lost")
        #expect(try store.article(id: starredID)?.isStarred == true, "\(context): star lost")
        let marks = try store.bookmarks(matching: bookmarkText, tag: nil)
        #expect(marks.map(\.bookmark.id) == [bookmarkID], "\(context): bookmark lost")
        #expect(marks.first?.bookmark.note == Self.note, "\(context): bookmark note lost")
    }
}
