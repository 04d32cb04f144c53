import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Imports of this many new or changed articles or more are followed by `PRAGMA optimize`.
    static let largeImport = 5_000

    /// Upserts articles of one feed by guid, then url, then title+date; keeps read/starred/bookmarks.
    /// Also replaces each article's highlights (re-anchoring bookmarks) and explicit related links.
    ///
    /// Identity: an incoming article is the stored article of the same feed with the same
    /// guid; else with the same URL; else with the same title and date. URL and title matches
    /// are skipped when both articles have guids (and so differ): feeds where every item links
    /// to one page must not collapse into one article.
    ///
    /// A match whose content hash is unchanged is left alone (`unchanged`). Otherwise it is
    /// rewritten in place (`updated`): same id, read and starred kept (an import can set them,
    /// never clear them), bookmarks re-anchored to the new highlights and body. All articles
    /// are written in one transaction.
    @discardableResult
    public func upsertArticles(_ articles: [Article], feed: FeedID) throws -> UpsertSummary {
        try upsertArticles(prepareArticles(articles, feed: feed))
    }

    /// The part of `upsertArticles(_:feed:)` that needs no write lock: cleans, encodes, hashes
    /// and indexes the articles' text and compresses their bodies (except those a guid shows
    /// unchanged: it reads the feed's stored content hashes). May run on many threads at once,
    /// while another thread writes; `upsertArticles(_:)` then writes the result.
    public func prepareArticles(_ articles: [Article], feed: FeedID) throws -> PreparedArticles {
        var prepared = articles.map(PreparedArticle.init)
        let deflater = Deflater()
        let known = try knownHashes(of: prepared, feed: feed)
        for index in prepared.indices {
            let article = prepared[index]
            if let guid = article.article.guid, known[guid] == article.contentHash { continue }
            prepared[index].packBody(using: deflater)
        }
        return PreparedArticles(feed: feed, articles: prepared)
    }

    /// Writes articles made ready by `prepareArticles`, as `upsertArticles(_:feed:)` does.
    @discardableResult
    public func upsertArticles(_ prepared: PreparedArticles) throws -> UpsertSummary {
        let summary = try write { db in
            var searchIndex = SearchIndexBatch()
            let summary = try Self.writeArticles(prepared, searchIndex: &searchIndex, db)
            try searchIndex.apply(db)
            return summary
        }
        if summary.added + summary.updated >= Self.largeImport { try optimize() }
        return summary
    }

    /// Writes prepared articles inside the caller's write transaction, all but their full-text
    /// index changes, which it adds to `searchIndex` for the caller to apply.
    static func writeArticles(_ prepared: PreparedArticles, searchIndex: inout SearchIndexBatch,
                              _ db: Database) throws -> UpsertSummary {
        var writer = try ArticleWriter(db: db, feed: prepared.feed, searchIndex: searchIndex)
        var summary = UpsertSummary()
        for article in prepared.articles {
            let (id, outcome) = try writer.upsert(article)
            summary.ids.append(id)
            switch outcome {
            case .added: summary.added += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.unchanged += 1
            }
        }
        searchIndex = writer.searchIndex
        return summary
    }

    /// Content hashes of the stored articles of `feed` that share a guid with `articles`.
    private func knownHashes(of articles: [PreparedArticle], feed: FeedID) throws -> [String: Int64] {
        let guids = articles.compactMap(\.article.guid)
        guard !guids.isEmpty else { return [:] }
        let json = try JSONList.encode(guids)
        return try read { db in
            var hashes: [String: Int64] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT guid, contentHash FROM article
                WHERE feedID = ? AND guid IN (SELECT value FROM json_each(?))
                """), arguments: [feed.rawValue, json])
            while let row = try rows.next() { hashes[row[0]] = row[1] }
            return hashes
        }
    }
}

/// Articles of one feed made ready to write (`NewsStore.prepareArticles`).
public struct PreparedArticles: Sendable {
    let feed: FeedID
    let articles: [PreparedArticle]

    /// How many articles there are.
    public var count: Int { articles.count }
}

/// Writes prepared articles of one feed inside a write transaction.
struct ArticleWriter {
    enum Outcome { case added, updated, unchanged }

    /// The stored article an incoming one was matched to.
    private struct Match {
        var id: Int64
        var contentHash: Int64
        var sortDate: Double
    }

    let db: Database
    let feedID: Int64
    /// The feed's title: an article whose source is the same stores none.
    let feedTitle: String
    /// "First seen" for articles without dates, in epoch seconds.
    let now = Date().timeIntervalSince1970
    /// Whether the feed has articles without a guid, which an article with one may match by URL or title.
    private var feedHasGuidlessArticles: Bool
    /// Whether some bookmark lost its article (its feed was removed) and may find it again by URL.
    private let hasDetachedBookmarks: Bool
    /// Whether some related link waits for its article.
    private var hasPendingLinks: Bool
    /// Compresses the bodies not compressed ahead of the write (made when first needed).
    private lazy var deflater = Deflater()
    /// Index changes, applied by the caller once the rows are written.
    private(set) var searchIndex: SearchIndexBatch

    init(db: Database, feed: FeedID, searchIndex: SearchIndexBatch) throws {
        guard let title = try String.fetchOne(db, sql: "SELECT title FROM feed WHERE id = ?", arguments: [feed.rawValue]) else {
            throw StoreError.notFound("feed \(feed)")
        }
        self.db = db
        self.searchIndex = searchIndex
        self.feedID = feed.rawValue
        self.feedTitle = title
        feedHasGuidlessArticles = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM article INDEXED BY article_guidless WHERE feedID = ? AND guid IS NULL
            """, arguments: [feed.rawValue]) ?? false
        hasDetachedBookmarks = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM bookmark WHERE articleURL IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM article WHERE id = bookmark.articleID)
            """) ?? false
        hasPendingLinks = try Bool.fetchOne(db, sql: "SELECT 1 FROM related WHERE targetID IS NULL LIMIT 1") ?? false
    }

    mutating func upsert(_ prepared: PreparedArticle) throws -> (ArticleID, Outcome) {
        let article = prepared.article
        guard let match = try findMatch(prepared) else {
            if article.guid == nil { feedHasGuidlessArticles = true }
            return (try insert(prepared), .added)
        }
        let id = ArticleID(match.id)
        if match.contentHash == prepared.contentHash {
            if article.isRead || article.isStarred { try raiseFlags(id, article) }
            return (id, .unchanged)
        }
        try update(id, prepared, sortDate: article.date?.timeIntervalSince1970 ?? match.sortDate)
        return (id, .updated)
    }

    // MARK: Identity

    private func findMatch(_ prepared: PreparedArticle) throws -> Match? {
        let article = prepared.article
        if let guid = article.guid {
            if let match = try fetchMatch(.matchByGuid, [feedID, guid]) { return match }
            // Only an article without a guid could match by URL or title.
            if !feedHasGuidlessArticles { return nil }
        }
        if let url = article.url, let match = try fetchMatch(.matchByURL, [url, feedID, article.guid]) {
            return match
        }
        guard let key = prepared.titleKeys.first else { return nil }
        return try fetchMatch(.matchByTitle, [key, feedID, article.title, article.date?.timeIntervalSince1970, article.guid])
    }

    private func fetchMatch(_ query: HotQuery, _ arguments: StatementArguments) throws -> Match? {
        try Row.fetchOne(db.cachedStatement(sql: query.sql), arguments: arguments).map { row in
            Match(id: row[0], contentHash: row[1], sortDate: row[2])
        }
    }

    // MARK: Writing

    private mutating func insert(_ prepared: PreparedArticle) throws -> ArticleID {
        let article = prepared.article
        try db.cachedStatement(sql: """
            INSERT INTO article (feedID, guid, url, title, altTitles, source, summary, author,
                                 published, updated, sortDate, isRead, isStarred, contentHash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                feedID, article.guid, article.url, article.title, TitleLines.encode(article.alternateTitles),
                storedSource(article), article.summary, article.author,
                article.published?.timeIntervalSince1970, article.updated?.timeIntervalSince1970,
                article.date?.timeIntervalSince1970 ?? now, article.isRead, article.isStarred,
                prepared.contentHash,
            ])
        let id = ArticleID(db.lastInsertedRowID)
        try writeBody(id, prepared)
        try writeTitleKeys(id, prepared)
        let highlightIDs = try writeHighlights(id, prepared)
        // A bookmark of this article from before its feed was removed comes back to it.
        if hasDetachedBookmarks, let url = article.url {
            try db.cachedStatement(sql: """
                UPDATE bookmark SET articleID = ? WHERE articleURL = ?
                AND NOT EXISTS (SELECT 1 FROM article WHERE id = bookmark.articleID)
                """).execute(arguments: [id.rawValue, url])
            if db.changesCount > 0 {
                try BookmarkAnchoring.reanchor(article: id, body: article.body, highlights: highlightIDs, db)
            }
        }
        try writeRelated(id, prepared)
        searchIndex.add(id.rawValue, prepared.searchDocument)
        return id
    }

    private mutating func update(_ id: ArticleID, _ prepared: PreparedArticle, sortDate: Double) throws {
        let article = prepared.article
        // Before the rows change: the index's removal of the old terms needs them.
        try searchIndex.replace(id.rawValue, with: prepared.searchDocument, db)
        try db.cachedStatement(sql: """
            UPDATE article SET guid = coalesce(?, guid), url = coalesce(?, url), title = ?, altTitles = ?,
                source = ?, summary = ?, author = ?, published = ?, updated = ?, sortDate = ?,
                isRead = max(isRead, ?), isStarred = max(isStarred, ?), contentHash = ?
            WHERE id = ?
            """).execute(arguments: [
                article.guid, article.url, article.title, TitleLines.encode(article.alternateTitles),
                storedSource(article), article.summary, article.author,
                article.published?.timeIntervalSince1970, article.updated?.timeIntervalSince1970, sortDate,
                article.isRead, article.isStarred, prepared.contentHash, id.rawValue,
            ])
        try writeBody(id, prepared)
        try db.cachedStatement(sql: "DELETE FROM article_title_key WHERE articleID = ?").execute(arguments: [id.rawValue])
        try writeTitleKeys(id, prepared)
        try db.cachedStatement(sql: "DELETE FROM highlight WHERE articleID = ?").execute(arguments: [id.rawValue])
        let highlightIDs = try writeHighlights(id, prepared)
        try BookmarkAnchoring.reanchor(article: id, body: article.body, highlights: highlightIDs, db)
        try db.cachedStatement(sql: "DELETE FROM related WHERE articleID = ? AND kind = 'explicit'")
            .execute(arguments: [id.rawValue])
        try writeRelated(id, prepared)
    }

    /// Stores the explicit links, then resolves links of other articles waiting for this one.
    private mutating func writeRelated(_ id: ArticleID, _ prepared: PreparedArticle) throws {
        if try RelatedLinks.insert(prepared.explicitLinks, of: id, db) { hasPendingLinks = true }
        if hasPendingLinks {
            try RelatedLinks.resolvePending(to: id, keys: prepared.titleKeys, url: prepared.article.url, db)
        }
    }

    /// Sets read or starred when an unchanged import brings them; never clears them.
    private func raiseFlags(_ id: ArticleID, _ article: Article) throws {
        try db.cachedStatement(sql: """
            UPDATE article SET isRead = max(isRead, ?), isStarred = max(isStarred, ?) WHERE id = ?
            """).execute(arguments: [article.isRead, article.isStarred, id.rawValue])
    }

    private func storedSource(_ article: Article) -> String? {
        article.source.isEmpty || article.source == feedTitle ? nil : article.source
    }

    private mutating func writeBody(_ id: ArticleID, _ prepared: PreparedArticle) throws {
        let body = prepared.packedBody ?? BodyCodec.pack(prepared.encodedBody, using: deflater)
        try db.cachedStatement(sql: """
            INSERT INTO article_body (articleID, body) VALUES (?, ?)
            ON CONFLICT (articleID) DO UPDATE SET body = excluded.body
            """).execute(arguments: [id.rawValue, Data(body)])
    }

    private func writeTitleKeys(_ id: ArticleID, _ prepared: PreparedArticle) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO article_title_key (key, articleID) VALUES (?, ?)")
        for key in prepared.titleKeys {
            try statement.execute(arguments: [key, id.rawValue])
        }
    }

    /// Inserts the highlights in stored order, with text only where the anchor does not recover
    /// it; returns them (with their whole text) and their new ids.
    private func writeHighlights(_ id: ArticleID, _ prepared: PreparedArticle) throws -> [(id: Int64, highlight: Highlight)] {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO highlight (articleID, position, kind, text, attribution, anchorBlock, anchorStart, anchorEnd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        return try zip(prepared.article.highlights, prepared.highlightTexts).map { highlight, text in
            try statement.execute(arguments: [
                id.rawValue, highlight.position, highlight.kind.rawValue, text, highlight.attribution,
                highlight.anchor?.block, highlight.anchor?.start, highlight.anchor?.end,
            ])
            return (db.lastInsertedRowID, highlight)
        }
    }
}
