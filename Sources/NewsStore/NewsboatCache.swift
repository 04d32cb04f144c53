import Foundation
import GRDB

/// A feed row of newsboat's `cache.db`.
public struct NewsboatCachedFeed: Hashable, Sendable {
    /// The feed URL as in the `urls` file (`rss_feed.rssurl`).
    public var rssURL: String
    /// The site's home page (`rss_feed.url`).
    public var siteURL: String
    public var title: String

    public init(rssURL: String, siteURL: String = "", title: String = "") {
        self.rssURL = rssURL
        self.siteURL = siteURL
        self.title = title
    }
}

/// An article row of newsboat's `cache.db`.
public struct NewsboatCachedItem: Hashable, Sendable {
    /// The feed it belongs to (`rss_item.feedurl`, an `rss_feed.rssurl`).
    public var feedURL: String
    public var guid: String
    public var title: String
    public var author: String
    /// The article's web page.
    public var url: String
    /// `pubDate`; nil when newsboat stored 0.
    public var published: Date?
    /// The body as newsboat stored it (HTML).
    public var contentHTML: String
    public var isUnread: Bool
    /// Newsboat's flag letters (`a`–`z`, `A`–`Z`); any flag makes the article starred in Herald.
    public var flags: String
    /// Deleted in newsboat (kept in the cache so it does not come back on the next reload).
    public var isDeleted: Bool

    public init(feedURL: String, guid: String, title: String = "", author: String = "", url: String = "",
                published: Date? = nil, contentHTML: String = "", isUnread: Bool = true, flags: String = "",
                isDeleted: Bool = false) {
        self.feedURL = feedURL
        self.guid = guid
        self.title = title
        self.author = author
        self.url = url
        self.published = published
        self.contentHTML = contentHTML
        self.isUnread = isUnread
        self.flags = flags
        self.isDeleted = isDeleted
    }

    /// True when newsboat has any flag on the item (Herald's "starred").
    public var isFlagged: Bool { !flags.isEmpty }
}

/// Why a newsboat cache could not be read.
public enum NewsboatCacheError: Error, Sendable, Equatable, CustomStringConvertible {
    case notACache(path: String, reason: String)

    public var description: String {
        switch self {
        case .notACache(let path, let reason): return "\(path) is not a newsboat cache (\(reason))"
        }
    }
}

/// Newsboat's `cache.db`, opened read-only: its feeds and articles with their read and
/// flagged state, so `herald import --newsboat --cache` carries them over.
///
/// Reads every schema newsboat has used since 2.10; columns added later (`flags`, `deleted`)
/// read as empty when absent. The file is never written.
public final class NewsboatCache: Sendable {
    private let database: DatabaseQueue
    private let path: String
    /// Optional `rss_item` columns present in this cache.
    private let hasFlags: Bool
    private let hasDeleted: Bool

    public init(path: String) throws(NewsboatCacheError) {
        self.path = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .notACache(path: path, reason: "no such readable file")
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            let columns = try database.read { db -> (item: Set<String>, feed: Set<String>) in
                let item = try db.columns(in: "rss_item").map { $0.name.lowercased() }
                let feed = try db.columns(in: "rss_feed").map { $0.name.lowercased() }
                return (Set(item), Set(feed))
            }
            let needed: Set<String> = ["guid", "title", "author", "url", "feedurl", "pubdate", "content", "unread"]
            let missing = needed.subtracting(columns.item).sorted()
            guard missing.isEmpty, columns.feed.isSuperset(of: ["rssurl", "url", "title"]) else {
                throw NewsboatCacheError.notACache(
                    path: path, reason: "rss_item lacks \(missing.isEmpty ? "nothing" : missing.joined(separator: ", ")) or rss_feed is incomplete")
            }
            hasFlags = columns.item.contains("flags")
            hasDeleted = columns.item.contains("deleted")
        } catch let error as NewsboatCacheError {
            throw error
        } catch let error as DatabaseError {
            let reason = error.resultCode == .SQLITE_NOTADB ? "not an SQLite database"
                : (error.message ?? "\(error.resultCode)")
            throw .notACache(path: path, reason: reason)
        } catch {
            throw .notACache(path: path, reason: "\(error)")
        }
    }

    /// Every feed in the cache, by URL.
    public func feeds() throws -> [NewsboatCachedFeed] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT rssurl, url, title FROM rss_feed ORDER BY rssurl").map { row in
                NewsboatCachedFeed(rssURL: row[0] ?? "", siteURL: row[1] ?? "", title: row[2] ?? "")
            }
        }
    }

    /// The articles of one feed that newsboat has not deleted, newest first.
    public func items(feedURL: String) throws -> [NewsboatCachedItem] {
        let flags = hasFlags ? "flags" : "''"
        let notDeleted = hasDeleted ? "AND deleted = 0" : ""
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT feedurl, guid, title, author, url, pubDate, content, unread, \(flags)
                FROM rss_item WHERE feedurl = ? \(notDeleted)
                ORDER BY pubDate DESC, id DESC
                """, arguments: [feedURL]).map { row in
                let pubDate: Int64 = row[5] ?? 0
                return NewsboatCachedItem(
                    feedURL: row[0] ?? "", guid: row[1] ?? "", title: row[2] ?? "", author: row[3] ?? "",
                    url: row[4] ?? "", published: pubDate > 0 ? Date(timeIntervalSince1970: TimeInterval(pubDate)) : nil,
                    contentHTML: row[6] ?? "", isUnread: (row[7] as Int64?) == 1, flags: row[8] ?? "")
            }
        }
    }

    // MARK: Test support

    /// Writes a cache file with newsboat's schema (2.11: the 2.10 tables plus every later
    /// column) holding `feeds` and `items`. For tests of the import; never used by Herald itself.
    package static func writeFixture(at path: String, feeds: [NewsboatCachedFeed], items: [NewsboatCachedItem]) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE rss_feed (
                  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,
                  url VARCHAR(1024) NOT NULL,
                  title VARCHAR(1024) NOT NULL,
                  lastmodified INTEGER(11) NOT NULL DEFAULT 0,
                  is_rtl INTEGER(1) NOT NULL DEFAULT 0,
                  etag VARCHAR(128) NOT NULL DEFAULT "");
                CREATE TABLE rss_item (
                  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                  guid VARCHAR(64) NOT NULL,
                  title VARCHAR(1024) NOT NULL,
                  author VARCHAR(1024) NOT NULL,
                  url VARCHAR(1024) NOT NULL,
                  feedurl VARCHAR(1024) NOT NULL,
                  pubDate INTEGER NOT NULL,
                  content VARCHAR(65535) NOT NULL,
                  unread INTEGER(1) NOT NULL,
                  enclosure_url VARCHAR(1024),
                  enclosure_type VARCHAR(1024),
                  enqueued INTEGER(1) NOT NULL DEFAULT 0,
                  flags VARCHAR(52),
                  deleted INTEGER(1) NOT NULL DEFAULT 0,
                  base VARCHAR(128) NOT NULL DEFAULT "");
                CREATE TABLE google_replay (
                  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                  guid VARCHAR(64) NOT NULL, state INTEGER NOT NULL, ts INTEGER NOT NULL);
                CREATE TABLE metadata (db_schema_version_major INTEGER NOT NULL, db_schema_version_minor INTEGER NOT NULL);
                INSERT INTO metadata VALUES (2, 11);
                CREATE INDEX idx_rssurl ON rss_feed(rssurl);
                CREATE INDEX idx_guid ON rss_item(guid);
                CREATE INDEX idx_feedurl ON rss_item(feedurl);
                """)
            for feed in feeds {
                try db.execute(sql: "INSERT INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
                               arguments: [feed.rssURL, feed.siteURL, feed.title])
            }
            for item in items {
                try db.execute(sql: """
                    INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, flags, deleted)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [item.guid, item.title, item.author, item.url, item.feedURL,
                                     Int64(item.published?.timeIntervalSince1970 ?? 0), item.contentHTML,
                                     item.isUnread ? 1 : 0, item.flags.isEmpty ? nil : item.flags,
                                     item.isDeleted ? 1 : 0])
            }
        }
    }
}
