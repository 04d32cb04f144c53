import Foundation
import GRDB
import NewsModel

/// Errors the store reports in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file exists but is not a Herald store (or not SQLite at all); it was left untouched.
    case notAStore(path: String, reason: String)
    /// Another process holds the write lock for longer than the busy timeout.
    case busy(path: String)
    case notFound(String)
    case notImplemented(String)

    public var description: String {
        switch self {
        case .notAStore(let path, let reason): return "\(path) is not a Herald store (\(reason)); it was left untouched"
        case .busy(let path): return "the store \(path) is busy: another Herald is writing to it"
        case .notFound(let what): return "not found: \(what)"
        case .notImplemented(let what): return "not implemented yet: \(what)"
        }
    }
}

/// The SQLite store. Thread-safe: every method may be called from any thread.
///
/// CONTRACT SKELETON: the signatures below are what other modules code against.
public final class NewsStore: Sendable {
    /// Opens (creating and migrating if needed) the store at `path`, in WAL mode.
    public static func open(path: String) throws -> NewsStore { throw StoreError.notImplemented(#function) }
    /// A fresh in-memory store, for tests.
    public static func inMemory() throws -> NewsStore { throw StoreError.notImplemented(#function) }

    init() {}

    // MARK: Feeds

    /// Inserts or updates a feed by its URL; returns its identity. Keeps counts and state.
    public func upsertFeed(_ feed: Feed) throws -> FeedID { throw StoreError.notImplemented(#function) }
    public func feed(id: FeedID) throws -> Feed? { throw StoreError.notImplemented(#function) }
    public func feed(url: String) throws -> Feed? { throw StoreError.notImplemented(#function) }
    /// Every feed with its unread and total counts, ordered by title.
    public func feeds() throws -> [FeedSummary] { throw StoreError.notImplemented(#function) }
    /// Removes a feed with its articles, highlights and related rows; bookmarks of its articles are kept.
    public func removeFeed(id: FeedID) throws { throw StoreError.notImplemented(#function) }
    /// Records a fetch result: validators on success, the error otherwise, and a new URL after a permanent redirect.
    public func recordFetch(feed: FeedID, etag: String?, lastModified: String?, error: String?,
                            at date: Date, newURL: String?) throws { throw StoreError.notImplemented(#function) }

    // MARK: Articles

    /// Upserts articles of one feed by guid, then url, then title+date; keeps read/starred/bookmarks.
    /// Also replaces each article's highlights (re-anchoring bookmarks) and explicit related links.
    public func upsertArticles(_ articles: [Article], feed: FeedID) throws -> UpsertSummary { throw StoreError.notImplemented(#function) }
    /// One page of headlines, newest first. Never loads bodies.
    public func headlines(_ scope: HeadlineScope, offset: Int, limit: Int) throws -> [Headline] { throw StoreError.notImplemented(#function) }
    /// How many headlines `scope` has.
    public func headlineCount(_ scope: HeadlineScope) throws -> Int { throw StoreError.notImplemented(#function) }
    /// The whole article: body, highlights (by position) and related links (resolved ones carry ids).
    public func article(id: ArticleID) throws -> Article? { throw StoreError.notImplemented(#function) }
    public func setRead(_ id: ArticleID, _ read: Bool) throws { throw StoreError.notImplemented(#function) }
    public func setStarred(_ id: ArticleID, _ starred: Bool) throws { throw StoreError.notImplemented(#function) }
    public func markAllRead(_ scope: HeadlineScope) throws { throw StoreError.notImplemented(#function) }
    /// Unread articles in all feeds.
    public func unreadCount() throws -> Int { throw StoreError.notImplemented(#function) }

    // MARK: Search

    /// Full-text search over title, summary, body and highlights; ranked, with snippets.
    public func search(_ query: String, offset: Int, limit: Int) throws -> [SearchHit] { throw StoreError.notImplemented(#function) }

    // MARK: Related

    /// Articles whose title or alternate title matches `titleKey` (see `TitleKey` in NewsIngest).
    public func articles(titleKey: String) throws -> [Headline] { throw StoreError.notImplemented(#function) }
    /// Replaces the related links of `article` of the given kinds.
    public func setRelated(_ links: [RelatedLink], for article: ArticleID, kinds: Set<RelatedKind>) throws { throw StoreError.notImplemented(#function) }

    // MARK: Bookmarks

    /// Adds a bookmark; returns its identity.
    public func addBookmark(_ bookmark: Bookmark) throws -> BookmarkID { throw StoreError.notImplemented(#function) }
    public func removeBookmark(id: BookmarkID) throws { throw StoreError.notImplemented(#function) }
    public func updateBookmark(id: BookmarkID, note: String?, tags: [String]) throws { throw StoreError.notImplemented(#function) }
    /// Bookmarks, newest first, optionally filtered by text (in quote, note or title) and tag.
    public func bookmarks(matching text: String?, tag: String?) throws -> [BookmarkEntry] { throw StoreError.notImplemented(#function) }
    public func bookmarks(article: ArticleID) throws -> [Bookmark] { throw StoreError.notImplemented(#function) }
}
