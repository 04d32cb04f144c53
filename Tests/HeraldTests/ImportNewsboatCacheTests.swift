import Foundation
import NewsStore
import Testing

/// Reading newsboat's cache.db directly (the import's data source).
struct ImportNewsboatCacheTests {
    private func temporaryFile(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-nbcache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    @Test func readsFeedsItemsAndStateFromTheCurrentSchema() throws {
        let file = try temporaryFile("cache.db")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let date = Date(timeIntervalSince1970: 1_717_200_000)
        try NewsboatCache.writeFixture(at: file.path, feeds: [
            NewsboatCachedFeed(rssURL: "https://a.example/rss", siteURL: "https://a.example/", title: "A"),
        ], items: [
            NewsboatCachedItem(feedURL: "https://a.example/rss", guid: "g1", title: "Old", published: date,
                               contentHTML: "<p>old</p>", isUnread: false),
            NewsboatCachedItem(feedURL: "https://a.example/rss", guid: "g2", title: "New",
                               published: date.addingTimeInterval(3600), contentHTML: "<p>new</p>", flags: "sx"),
            NewsboatCachedItem(feedURL: "https://a.example/rss", guid: "g3", title: "Deleted", isDeleted: true),
            NewsboatCachedItem(feedURL: "https://other.example/rss", guid: "o1", title: "Other feed"),
        ])
        let cache = try NewsboatCache(path: file.path)
        #expect(try cache.feeds() == [NewsboatCachedFeed(rssURL: "https://a.example/rss", siteURL: "https://a.example/", title: "A")])
        let items = try cache.items(feedURL: "https://a.example/rss")
        #expect(items.map(\.guid) == ["g2", "g1"], "newest first, deleted items left out")
        #expect(items.map(\.isUnread) == [true, false])
        #expect(items.map(\.isFlagged) == [true, false])
        #expect(items.first?.published == date.addingTimeInterval(3600))
        #expect(items.last?.contentHTML == "<p>old</p>")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 CLI"))
    func readsAnOldSchemaWithoutFlagsOrDeleted() throws {
        let file = try temporaryFile("old-cache.db")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        // The tables as newsboat first created them, before `flags` and `deleted` were added.
        let sql = """
        CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL, title VARCHAR(1024) NOT NULL);
        CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid VARCHAR(64) NOT NULL,
          title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,
          feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL);
        INSERT INTO rss_feed VALUES ('https://old.example/rss', 'https://old.example/', 'Old');
        INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread)
          VALUES ('x', 'Item', 'Ann', 'https://old.example/x', 'https://old.example/rss', 0, '<p>hi</p>', 1);
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [file.path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let items = try NewsboatCache(path: file.path).items(feedURL: "https://old.example/rss")
        #expect(items == [NewsboatCachedItem(feedURL: "https://old.example/rss", guid: "x", title: "Item", author: "Ann",
                                             url: "https://old.example/x", published: nil, contentHTML: "<p>hi</p>",
                                             isUnread: true, flags: "")])
    }

    @Test func somethingElseIsAClearError() throws {
        let file = try temporaryFile("not-a-cache.db")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data("just text, not SQLite".utf8).write(to: file)
        #expect(throws: NewsboatCacheError.notACache(path: file.path, reason: "not an SQLite database")) {
            try NewsboatCache(path: file.path)
        }
        #expect(throws: NewsboatCacheError.notACache(path: "/nonexistent/cache.db", reason: "no such readable file")) {
            try NewsboatCache(path: "/nonexistent/cache.db")
        }
        // A Herald store is SQLite but not a newsboat cache.
        let store = file.deletingLastPathComponent().appendingPathComponent("herald.db")
        _ = try NewsStore.open(path: store.path)
        #expect(throws: NewsboatCacheError.self) { try NewsboatCache(path: store.path) }
    }
}
