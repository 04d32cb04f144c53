import Foundation
import GRDB
import NewsModel
@testable import NewsStore
import Testing

/// Highlights whose anchor spans their text in the body are stored without text and read back
/// whole; the others keep their text, and only theirs is indexed a second time.
@Suite struct HighlightTextTests {
    /// A body with non-ASCII scalars: anchors count Unicode scalars, not characters.
    static let body: [Block] = [
        .heading(level: 2, text: "Ferries 🚢 return"),
        .paragraph([Span("The mayor said: "), Span("“we kept the harbour open”", link: "https://example.org/q"),
                    Span(" on Tuesday.")]),
        .paragraph([Span("Cafe\u{301} owners cheered.")]),  // "é" as e + combining acute
    ]

    /// Highlights of every case: what each stores as text (nil: recovered from its anchor).
    static let cases: [(highlight: Highlight, stored: String?)] = [
        (Highlight(kind: .quote, text: "“we kept the harbour open”", attribution: "The mayor",
                   anchor: Anchor(block: 1, start: 16, end: 42), position: 0), nil),
        (Highlight(kind: .keySentence, text: "Ferries 🚢 return", anchor: Anchor(block: 0, start: 0, end: 16),
                   position: 1), nil),
        (Highlight(kind: .takeaway, text: "Zeppelins over the quay", position: 2), "Zeppelins over the quay"),
        // The anchor spans other text: the stored text wins.
        (Highlight(kind: .highlight, text: "Harbour open again", anchor: Anchor(block: 1, start: 0, end: 10),
                   position: 3), "Harbour open again"),
        // Canonically equivalent but other scalars (precomposed "é"): the scalars are kept.
        (Highlight(kind: .quote, text: "Caf\u{E9} owners cheered.", anchor: Anchor(block: 2, start: 0, end: 21),
                   position: 4), "Caf\u{E9} owners cheered."),
        // The anchor lies outside the body.
        (Highlight(kind: .quote, text: "Lost anchor", anchor: Anchor(block: 7, start: 0, end: 11), position: 5),
         "Lost anchor"),
        (Highlight(kind: .quote, text: "Past the end", anchor: Anchor(block: 0, start: 10, end: 99), position: 6),
         "Past the end"),
    ]

    static func storedTexts(_ store: NewsStore, _ id: ArticleID) throws -> [String?] {
        try store.read { db in
            try String?.fetchAll(db, sql: "SELECT text FROM highlight WHERE articleID = ? ORDER BY position",
                                 arguments: [id.rawValue])
        }
    }

    static func scalars(_ highlights: [Highlight]) -> [[Unicode.Scalar]] {
        highlights.map { Array($0.text.unicodeScalars) }
    }

    @Test func highlightsRoundTripWithTheirTextAndStoreOnlyWhatAnchorsCannotRecover() throws {
        let (store, feed) = try storeWithFeed()
        let highlights = Self.cases.map(\.highlight)
        let id = try #require(try store.upsertArticles([sampleArticle(1, body: Self.body, highlights: highlights)],
                                                       feed: feed).ids.first)
        let article = try #require(try store.article(id: id))
        #expect(Self.scalars(article.highlights) == Self.scalars(highlights))
        #expect(article.highlights.map(\.anchor) == highlights.map(\.anchor))
        #expect(article.highlights.map(\.attribution) == highlights.map(\.attribution))
        #expect(try Self.storedTexts(store, id) == Self.cases.map(\.stored))
        #expect(try store.integrityCheck() == [])
    }

    @Test func searchFindsUnanchoredHighlightsAndBodiesButIndexesAnchoredTextOnce() throws {
        let (store, feed) = try storeWithFeed()
        let id = try #require(try store.upsertArticles(
            [sampleArticle(1, body: Self.body, highlights: Self.cases.map(\.highlight))], feed: feed).ids.first)
        #expect(try store.search("zeppelins", offset: 0, limit: 5).map(\.headline.id) == [id])
        #expect(try store.search("harbour", offset: 0, limit: 5).map(\.headline.id) == [id])
        #expect(try store.search("tuesday", offset: 0, limit: 5).map(\.headline.id) == [id])
        let indexed = try store.read { db in
            try String.fetchOne(db, sql: "SELECT highlights FROM search_source WHERE id = ?", arguments: [id.rawValue])
        }
        let text = try #require(indexed)
        #expect(text.contains("Zeppelins over the quay") && text.contains("Lost anchor"))
        #expect(!text.contains("kept the harbour"), "an anchored highlight is indexed twice: \(text)")
    }

    @Test func aChangedArticleRewritesItsHighlightsAndIndexConsistently() throws {
        let (store, feed) = try storeWithFeed()
        let first = Highlight(kind: .quote, text: "Ferries 🚢 return", anchor: Anchor(block: 0, start: 0, end: 16))
        let id = try #require(try store.upsertArticles([sampleArticle(1, body: Self.body, highlights: [first])],
                                                       feed: feed).ids.first)
        let quoteID = try #require(try store.article(id: id)?.highlights.first?.id)
        try store.addBookmark(Bookmark(articleID: id, highlightID: quoteID, kind: .quote, text: first.text,
                                       anchor: first.anchor))
        // The quote moves to the second block and a takeaway joins it.
        let body = [paragraph("Airships are back.")] + Self.body
        let moved = Highlight(kind: .quote, text: "Ferries 🚢 return", anchor: Anchor(block: 1, start: 0, end: 16))
        let takeaway = Highlight(kind: .takeaway, text: "Airships everywhere", position: 1)
        #expect(try store.upsertArticles([sampleArticle(1, body: body, highlights: [moved, takeaway])],
                                         feed: feed).updated == 1)
        let article = try #require(try store.article(id: id))
        #expect(article.highlights.map(\.text) == [moved.text, takeaway.text])
        #expect(try Self.storedTexts(store, id) == [nil, takeaway.text])
        let bookmark = try #require(try store.bookmarks(matching: nil, tag: nil).first?.bookmark)
        #expect(bookmark.highlightID == article.highlights.first?.id)
        #expect(bookmark.anchor == moved.anchor)
        #expect(try store.search("airships", offset: 0, limit: 5).map(\.headline.id) == [id])
        #expect(try store.integrityCheck() == [])
    }

    /// A store from before this change (every highlight with its text) migrates: the rows keep
    /// their text, the index still matches, bookmarks keep their highlight, and new writes
    /// store anchored highlights without text.
    @Test func storesFromBeforeKeepTheirHighlightTexts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-hl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("herald.db").path
        let quote = Self.cases[0].highlight
        do {
            var config = Configuration()
            config.prepareDatabase { NewsStore.registerFunctions($0) }
            let queue = try DatabaseQueue(path: path, configuration: config)
            try NewsStore.migrator.migrate(queue, upTo: "feed-content-digest")
            try queue.write { db in
                try OldSchemaTests.insertContent(db)
                try db.execute(sql: """
                    INSERT INTO highlight (id, articleID, position, kind, text, anchorBlock, anchorStart, anchorEnd)
                    VALUES (1, 1, 0, 'quote', ?, 1, 0, 9), (2, 1, 1, 'takeaway', 'Dirigibles moored', NULL, NULL, NULL)
                    """, arguments: ["A paragr"])  // an anchor that no longer matches: text kept as stored
                try db.execute(sql: """
                    INSERT INTO bookmark (articleID, highlightID, kind, text, created, articleTitle, articleSource)
                    VALUES (1, 2, 'takeaway', 'Dirigibles moored', 1700010000, 'x', 'Old Feed')
                    """)
                try db.execute(sql: "INSERT INTO search (search) VALUES ('rebuild')")
            }
        }
        let store = try NewsStore.open(path: path)
        #expect(try store.integrityCheck() == [])
        let article = try #require(try store.article(id: ArticleID(1)))
        #expect(article.highlights.map(\.text) == ["A paragr", "Dirigibles moored"])
        #expect(try store.search("dirigibles", offset: 0, limit: 5).map(\.headline.id) == [ArticleID(1)])
        let bookmark = try #require(try store.bookmarks(matching: "dirigibles", tag: nil).first?.bookmark)
        #expect(bookmark.highlightID == HighlightID(2))

        let feed = try #require(try store.feed(url: OldSchemaTests.Content.feedURL)?.id)
        let id = try #require(try store.upsertArticles([sampleArticle(9, body: Self.body, highlights: [quote])],
                                                       feed: feed).ids.first)
        #expect(try Self.storedTexts(store, id) == [nil])
        #expect(try store.article(id: id)?.highlights.map(\.text) == [quote.text])
        #expect(try store.integrityCheck() == [])
    }
}
