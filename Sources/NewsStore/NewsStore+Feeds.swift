import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Inserts or updates a feed by its URL; returns its identity. Keeps counts and state.
    ///
    /// Descriptive fields (kind, title, site, tags) are replaced by the given ones. Fetch state
    /// (validators, last fetch, last error) is only replaced where the given feed has a value.
    /// A feed with an `id` is updated by id, which may change its URL.
    public func upsertFeed(_ feed: Feed) throws -> FeedID {
        let feed = feed.sanitized
        let tags = try JSONList.encode(feed.tags)
        return try write { db in
            if let id = feed.id {
                try db.execute(sql: """
                    UPDATE feed SET url = ?, kind = ?, title = ?, siteURL = ?, tags = ?,
                        etag = coalesce(?, etag), lastModified = coalesce(?, lastModified),
                        lastFetched = coalesce(?, lastFetched), lastError = coalesce(?, lastError)
                    WHERE id = ?
                    """, arguments: [feed.url, feed.kind.rawValue, feed.title, feed.siteURL, tags,
                                     feed.etag, feed.lastModified, feed.lastFetched?.timeIntervalSince1970,
                                     feed.lastError, id.rawValue])
                guard db.changesCount > 0 else { throw StoreError.notFound("feed \(id)") }
                return id
            }
            let id = try Int64.fetchOne(db, sql: """
                INSERT INTO feed (url, kind, title, siteURL, tags, etag, lastModified, lastFetched, lastError)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (url) DO UPDATE SET
                    kind = excluded.kind, title = excluded.title, siteURL = excluded.siteURL,
                    tags = excluded.tags,
                    etag = coalesce(excluded.etag, etag),
                    lastModified = coalesce(excluded.lastModified, lastModified),
                    lastFetched = coalesce(excluded.lastFetched, lastFetched),
                    lastError = coalesce(excluded.lastError, lastError)
                RETURNING id
                """, arguments: [feed.url, feed.kind.rawValue, feed.title, feed.siteURL, tags,
                                 feed.etag, feed.lastModified, feed.lastFetched?.timeIntervalSince1970,
                                 feed.lastError])
            guard let id else { throw StoreError.notFound("feed \(feed.url) after insert") }
            return FeedID(id)
        }
    }

    public func feed(id: FeedID) throws -> Feed? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(FeedColumns.list) FROM feed WHERE id = ?"),
                             arguments: [id.rawValue]).map(FeedColumns.feed)
        }
    }

    public func feed(url: String) throws -> Feed? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(FeedColumns.list) FROM feed WHERE url = ?"),
                             arguments: [url]).map(FeedColumns.feed)
        }
    }

    /// Every feed with its unread and total counts, ordered by title.
    public func feeds() throws -> [FeedSummary] {
        try read { db in
            let sql = """
                SELECT \(FeedColumns.list), unreadCount, totalCount FROM feed ORDER BY title COLLATE NOCASE, id
                """
            return try Row.fetchAll(db.cachedStatement(sql: sql)).map { row in
                FeedSummary(feed: FeedColumns.feed(row), unread: row[FeedColumns.count],
                            total: row[FeedColumns.count + 1])
            }
        }
    }

    /// How many feeds the store has.
    public func feedCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM feed") ?? 0 }
    }

    /// Removes a feed with its articles, highlights and related rows; bookmarks of its articles are kept.
    ///
    /// Kept bookmarks hold a copy of their article's title, source, URL and date, so lists and
    /// exports still show them; links from other articles to the removed ones become unresolved.
    /// If the feed comes back, a new article with the same URL takes its bookmarks back.
    public func removeFeed(id: FeedID) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM feed WHERE id = ?", arguments: [id.rawValue]) != nil else {
                throw StoreError.notFound("feed \(id)")
            }
            // Refresh the copies in bookmarks before their article goes.
            try db.execute(sql: """
                UPDATE bookmark SET
                    articleTitle = a.title, articleSource = coalesce(a.source, f.title),
                    articleURL = a.url, articleDate = coalesce(a.published, a.updated)
                FROM article a JOIN feed f ON f.id = a.feedID
                WHERE a.id = bookmark.articleID AND a.feedID = ?
                """, arguments: [id.rawValue])
            // The index is external-content: its entries go with the old text, read back first.
            try db.execute(sql: """
                INSERT INTO search (search, rowid, title, summary, body, highlights)
                SELECT 'delete', id, title, summary, body, highlights FROM search_source
                WHERE id IN (SELECT id FROM article WHERE feedID = ?)
                """, arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id.rawValue])
        }
    }

    /// Records a fetch result: validators on success, the error otherwise, and a new URL after a permanent redirect.
    ///
    /// Validators and the content digest are replaced only by non-nil values on success (a 304
    /// answer may carry none; a failed fetch keeps them). A new URL that another feed already
    /// has is not taken: the two feeds stay apart.
    public func recordFetch(feed: FeedID, etag: String?, lastModified: String?, error: String?,
                            at date: Date, newURL: String?, contentDigest: String? = nil) throws {
        let error = error.map { TextSanitizer.clean($0, keepNewlines: false) }
        try write { db in
            try db.execute(sql: """
                UPDATE feed SET lastFetched = :date, lastError = :error,
                    etag = CASE WHEN :error IS NULL THEN coalesce(:etag, etag) ELSE etag END,
                    lastModified = CASE WHEN :error IS NULL THEN coalesce(:lastModified, lastModified) ELSE lastModified END,
                    contentDigest = CASE WHEN :error IS NULL THEN coalesce(:digest, contentDigest) ELSE contentDigest END
                WHERE id = :id
                """, arguments: ["date": date.timeIntervalSince1970, "error": error, "etag": etag,
                                 "lastModified": lastModified, "digest": contentDigest, "id": feed.rawValue])
            guard db.changesCount > 0 else { throw StoreError.notFound("feed \(feed)") }
            if let newURL {
                try db.execute(sql: """
                    UPDATE feed SET url = :url WHERE id = :id
                    AND NOT EXISTS (SELECT 1 FROM feed WHERE url = :url)
                    """, arguments: ["url": newURL, "id": feed.rawValue])
            }
        }
    }
}

/// Reading feed rows: the columns in one fixed order, decoded by position.
///
/// Decoding by position instead of by name matters at start-up, where every feed is read.
enum FeedColumns {
    /// The columns `feed(_:)` reads, in its order; extra columns may follow them.
    static let list = """
        id, url, kind, title, siteURL, tags, etag, lastModified, lastFetched, lastError, contentDigest
        """
    /// How many columns `list` names: the position of the first extra column.
    static let count = 11

    /// The feed in a row selected with `list` first.
    static func feed(_ row: Row) -> Feed {
        Feed(id: FeedID(row[0]),
             url: row[1],
             kind: FeedKind(rawValue: row[2]) ?? .web,
             title: row[3],
             siteURL: row[4],
             tags: JSONList.decode(row[5]),
             etag: row[6],
             lastModified: row[7],
             lastFetched: (row[8] as Double?).map(Date.init(timeIntervalSince1970:)),
             lastError: row[9],
             contentDigest: row[10])
    }
}

/// Lists of strings stored as JSON arrays (tags), so SQL can look inside with `json_each`.
enum JSONList {
    static func encode(_ list: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
    }

    /// The list in `json`; empty when there is none or it cannot be read.
    static func decode(_ json: String?) -> [String] {
        guard let json, json != "[]" else { return [] }
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String] ?? []
    }
}

extension Feed {
    /// The feed with its text cleaned of control characters.
    var sanitized: Feed {
        var feed = self
        feed.url = TextSanitizer.clean(url, keepNewlines: false)
        feed.title = TextSanitizer.clean(title, keepNewlines: false)
        feed.siteURL = siteURL.map { TextSanitizer.clean($0, keepNewlines: false) }
        feed.tags = tags.map { TextSanitizer.clean($0, keepNewlines: false) }
        feed.lastError = lastError.map { TextSanitizer.clean($0, keepNewlines: false) }
        return feed
    }
}
