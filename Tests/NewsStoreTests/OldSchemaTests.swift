import Foundation
import GRDB
import NewsModel
@testable import NewsStore
import Testing

/// Stores made by earlier schemas open with today's `NewsStore`: the missing migrations run
/// forward and the reader's data survives. Fixtures: `Fixtures/old-schemas/` (see its README).
@Suite struct OldSchemaTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/old-schemas")

    /// Every fixture store in the folder, whatever schemas it covers.
    static var fixtures: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "sqlite" }.sorted { $0.path < $1.path }
    }

    /// What every fixture holds (written by `writeFixtures`).
    enum Content {
        static let feedURL = "https://old.example/feed.xml"
        static let titles = ["Harbour ferries return", "Lighthouse keepers strike", "Tides at the old quay"]
        /// 1-based: the first article is read, the second starred, the third bookmarked.
        static let body: [Block] = [
            .heading(level: 2, text: "From the old schema"),
            .paragraph([Span("A paragraph about the "), Span("harbour", link: "https://old.example/h")]),
        ]
        static let bookmarkText = "kept across schema versions"
        static let bookmarkNote = "written by an old Herald"
    }

    @Test func fixturesExist() {
        #expect(Self.fixtures.count >= 2, "no old-schema fixtures in \(Self.folder.path)")
    }

    @Test(arguments: fixtures)
    func oldStoreMigratesForwardWithItsData(fixture: URL) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("herald.db")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let original = try Data(contentsOf: fixture)

        let all = NewsStore.migrator.migrations
        let before = try Self.appliedMigrations(copy.path)
        #expect(!before.isEmpty && before.count < all.count, "\(fixture.lastPathComponent) is not an older schema")
        #expect(Array(all.prefix(before.count)) == before, "applied out of order: \(before)")

        do {
            let store = try NewsStore.open(path: copy.path)
            #expect(try store.integrityCheck() == [])
            let feed = try #require(try store.feed(url: Content.feedURL))
            let rows = try store.headlines(.feed(try #require(feed.id)), offset: 0, limit: 10)
            #expect(Set(rows.map(\.title)) == Set(Content.titles))
            let byTitle = Dictionary(uniqueKeysWithValues: rows.map { ($0.title, $0) })
            let read = try #require(byTitle[Content.titles[0]]), starred = try #require(byTitle[Content.titles[1]])
            #expect(read.isRead && !read.isStarred)
            #expect(starred.isStarred && !starred.isRead)
            #expect(try store.unreadCount() == 2)
            let article = try #require(try store.article(id: read.id))
            #expect(article.body == Content.body)
            #expect(try store.search("lighthouse", offset: 0, limit: 5).map(\.headline.title) == [Content.titles[1]])
            let marks = try store.bookmarks(matching: Content.bookmarkText, tag: nil)
            #expect(marks.count == 1)
            #expect(marks.first?.bookmark.note == Content.bookmarkNote)
            #expect(marks.first?.bookmark.articleID == byTitle[Content.titles[2]]?.id)
            // The migrated store takes new writes.
            try store.setRead(starred.id, true)
            #expect(try store.unreadCount() == 1)
        }
        #expect(try Self.appliedMigrations(copy.path) == all)
        #expect(try Data(contentsOf: fixture) == original, "the fixture itself was changed")
    }

    /// The migrations recorded in the store at `path`, in the order they were applied.
    static func appliedMigrations(_ path: String) throws -> [String] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    // MARK: - Making the fixtures

    /// The schemas the fixtures stop at: each fixture has the migrations up to this one.
    static let fixtureSchemas = ["v1", "related"]

    /// Writes the missing `Fixtures/old-schemas/after-<migration>.sqlite`. Run only on purpose:
    /// `HERALD_WRITE_OLD_SCHEMAS=1 swift test --filter OldSchemaTests/writeFixtures`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HERALD_WRITE_OLD_SCHEMAS"] == "1"))
    func writeFixtures() throws {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        for migration in Self.fixtureSchemas {
            let path = Self.folder.appendingPathComponent("after-\(migration).sqlite").path
            // An existing fixture stands for stores users have: never rewrite it.
            if FileManager.default.fileExists(atPath: path) { continue }
            var config = Configuration()
            config.prepareDatabase { db in
                NewsStore.registerFunctions(db)
                try db.execute(sql: "PRAGMA page_size = \(NewsStore.pageSize)")
            }
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                try NewsStore.migrator.migrate(pool, upTo: migration)
                try pool.write(Self.insertContent)
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            }
            #expect(try Self.appliedMigrations(path).last == migration)
            // Checkpointed: the store is whole in its main file (still in WAL mode, as Herald's are).
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// The fixture's rows, written with the v1 tables' SQL (the only tables every fixture has).
    static func insertContent(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO feed (id, url, kind, title) VALUES (1, ?, 'web', 'Old Feed')",
                       arguments: [Content.feedURL])
        let body = [0] + BodyCodec.encode(Content.body)  // the stored form, uncompressed
        for (index, title) in Content.titles.enumerated() {
            let id = index + 1
            try db.execute(sql: """
                INSERT INTO article (id, feedID, guid, url, title, summary, published, sortDate, isRead, isStarred, contentHash)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, "old-\(id)", "https://old.example/\(id)", title, "Summary of \(title).",
                                 1_700_000_000 + id * 3600, 1_700_000_000 + id * 3600,
                                 index == 0, index == 1, id])
            try db.execute(sql: "INSERT INTO article_body (articleID, body) VALUES (?, ?)",
                           arguments: [id, Data(body)])
        }
        try db.execute(sql: """
            INSERT INTO bookmark (articleID, kind, text, note, created, articleTitle, articleSource, articleURL, articleDate)
            VALUES (3, 'passage', ?, ?, 1700010000, ?, 'Old Feed', 'https://old.example/3', ?)
            """, arguments: [Content.bookmarkText, Content.bookmarkNote, Content.titles[2], 1_700_000_000 + 3 * 3600])
        try db.execute(sql: "INSERT INTO search (search) VALUES ('rebuild')")
    }
}
