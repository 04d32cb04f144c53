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
                    usleep(useconds_t(milliseconds * 1000))
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Writes `count` distinct text pages into `folder`.
    static func writePages(count: Int, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in 0..<count {
            let text = """
            Kill Test Wire (sample)
            Test story number \(i) about the harbour and its ferries
            A summary of story \(i), written for the data-safety test.

            Story \(i) has a body paragraph long enough to be read as a paragraph of the article, with words to index.
            Key Takeaways
            "We keep every write whole, story \(i)"
            A tester on atomic commits
            Related News

            Test story number \((i + 1) % count) about the harbour and its ferries
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
        let (readID, starredID, bookmarkID): (ArticleID, ArticleID, BookmarkID)
        let samples: Int
        do {
            let store = try NewsStore.open(path: storePath)
            samples = try store.headlineCount(.all)
            let rows = try store.headlines(.all, offset: 0, limit: 3)
            try #require(rows.count == 3)
            readID = rows[0].id
            starredID = rows[1].id
            try store.setRead(readID, true)
            try store.setStarred(starredID, true)
            bookmarkID = try store.addBookmark(Bookmark(articleID: rows[2].id, kind: .passage, text: "kept through every kill", note: "a note"))
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
                #expect(try store.article(id: readID)?.isRead == true, "round \(round): read state lost")
                #expect(try store.article(id: starredID)?.isStarred == true, "round \(round): star lost")
                let marks = try store.bookmarks(matching: "kept through every kill", tag: nil)
                #expect(marks.map(\.bookmark.id) == [bookmarkID], "round \(round): bookmark lost")
                #expect(marks.first?.bookmark.note == "a note")
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
}
