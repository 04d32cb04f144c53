import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct StoreFileTests {
    @Test func createsMigratesAndReopensAFileStore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        let articleID: ArticleID
        do {
            let store = try NewsStore.open(path: path)
            let feed = try store.upsertFeed(Feed(url: "https://example.org/feed.xml", title: "Example News"))
            articleID = try #require(store.upsertArticles([sampleArticle(1)], feed: feed).ids.first)
            try store.setStarred(articleID, true)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"), "a file store runs in WAL mode")
            let statistics = try store.statistics()
            #expect(statistics.pageSize == NewsStore.pageSize)
            #expect(statistics.articles == 1)
        }
        let reopened = try NewsStore.open(path: path)
        let article = try #require(try reopened.article(id: articleID))
        #expect(article.title == "Story number 1")
        #expect(article.isStarred)
        #expect(try reopened.feeds().map(\.feed.title) == ["Example News"])
        #expect(try reopened.integrityCheck() == [])
    }

    @Test func vacuumKeepsEverythingAndFreesSpace() throws {
        let directory = try TemporaryDirectory()
        let store = try NewsStore.open(path: directory.path("store.sqlite"))
        let keep = try store.upsertFeed(Feed(url: "https://keep.example/feed", title: "Keep"))
        let drop = try store.upsertFeed(Feed(url: "https://drop.example/feed", title: "Drop"))
        try store.upsertArticles((1...50).map { sampleArticle($0) }, feed: keep)
        let filler = (0..<20).map { paragraph("Paragraph \($0) of filler text") }
        try store.upsertArticles((51...400).map { sampleArticle($0, body: filler) }, feed: drop)
        try store.removeFeed(id: drop)
        let before = try store.statistics()
        #expect(before.freeBytes > 0)
        try store.vacuum()
        let after = try store.statistics()
        #expect(after.freeBytes == 0)
        #expect(after.bytes < before.bytes)
        #expect(try store.headlineCount(.all) == 50)
        #expect(try store.search("harbours", offset: 0, limit: 100).count == 50)
        #expect(try store.integrityCheck() == [])
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try NewsStore.open(path: path)
        #expect(try store.feeds().isEmpty)
    }

    @Test func aTextFileIsNotAStoreAndIsLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.txt")
        let contents = Data(String(repeating: "not a database, just notes\n", count: 200).utf8)
        try contents.write(to: URL(fileURLWithPath: path))
        try expectNotAStore(path: path, original: contents)
    }

    @Test func aDamagedSQLiteFileIsNotAStoreAndIsLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("damaged.sqlite")
        var contents = Data("SQLite format 3\0".utf8)
        contents.append(Data((0..<8176).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try contents.write(to: URL(fileURLWithPath: path))
        try expectNotAStore(path: path, original: contents)
    }

    @Test func anotherProgramsDatabaseIsNotAStoreAndIsLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("foreign.sqlite")
        try FileManager.default.copyItem(atPath: Fixtures.directory.appendingPathComponent("foreign.sqlite").path,
                                         toPath: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        try expectNotAStore(path: path, original: original)
    }

    @Test func aWriterHoldingTheLockMakesOthersBusy() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        let first = try NewsStore.open(path: path)
        let feed = try first.upsertFeed(Feed(url: "https://example.org/feed.xml", title: "Example News"))
        let id = try #require(try first.upsertArticles([sampleArticle(1)], feed: feed).ids.first)
        let second = try NewsStore.open(path: path, busyTimeout: 0.2)
        try first.holdingWriteLock { () throws -> Void in
            #expect(throws: StoreError.busy(path: path)) { try second.setRead(id, true) }
            // Readers are not blocked by the writer.
            #expect(try second.headlines(.all, offset: 0, limit: 10).ids == [id])
        }
        try second.setRead(id, true)
        #expect(try first.unreadCount() == 0)
    }

    /// Opening `path` fails with `notAStore`, and the file keeps its bytes and gets no companions.
    private func expectNotAStore(path: String, original: Data) throws {
        let error = #expect(throws: StoreError.self) { try NewsStore.open(path: path) }
        guard case .notAStore(let reportedPath, let reason)? = error else {
            Issue.record("expected notAStore, got \(String(describing: error))")
            return
        }
        #expect(reportedPath == path)
        #expect(!reason.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }
}
