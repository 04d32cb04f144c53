import Foundation

/// Which headlines a list shows.
public enum HeadlineScope: Hashable, Sendable, Codable {
    case all
    case unread
    case starred
    /// Articles with at least one bookmark.
    case bookmarked
    case feed(FeedID)
    /// Articles of feeds carrying this tag.
    case tag(String)
}

/// One row of a headline list: what the list shows, never the body.
public struct Headline: Hashable, Sendable, Codable, Identifiable {
    public var id: ArticleID
    public var feedID: FeedID
    public var title: String
    /// The source's display name.
    public var source: String
    public var date: Date?
    public var isRead: Bool
    public var isStarred: Bool
    public var url: String?

    public init(id: ArticleID, feedID: FeedID, title: String, source: String, date: Date?,
                isRead: Bool, isStarred: Bool, url: String? = nil) {
        self.id = id
        self.feedID = feedID
        self.title = title
        self.source = source
        self.date = date
        self.isRead = isRead
        self.isStarred = isStarred
        self.url = url
    }
}

/// A feed with its counts, for the feed list and `herald feeds`.
public struct FeedSummary: Hashable, Sendable, Codable, Identifiable {
    public var feed: Feed
    /// Unread articles, maintained incrementally by the store.
    public var unread: Int
    /// All articles.
    public var total: Int
    public var id: FeedID { feed.id ?? FeedID(0) }

    public init(feed: Feed, unread: Int, total: Int) {
        self.feed = feed
        self.unread = unread
        self.total = total
    }
}

/// One search result, ranked.
public struct SearchHit: Hashable, Sendable, Codable {
    public var headline: Headline
    /// A short excerpt around the match; matched terms wrapped in `[` `]`.
    public var snippet: String
    /// Relevance (bm25, lower is better as SQLite reports it).
    public var rank: Double

    public init(headline: Headline, snippet: String, rank: Double) {
        self.headline = headline
        self.snippet = snippet
        self.rank = rank
    }
}

/// A bookmark with what a list or an export needs about its article.
public struct BookmarkEntry: Hashable, Sendable, Codable {
    public var bookmark: Bookmark
    public var articleTitle: String
    public var source: String
    public var url: String?
    public var date: Date?

    public init(bookmark: Bookmark, articleTitle: String, source: String, url: String?, date: Date?) {
        self.bookmark = bookmark
        self.articleTitle = articleTitle
        self.source = source
        self.url = url
        self.date = date
    }
}

/// What an import or refresh did to the store.
public struct UpsertSummary: Hashable, Sendable, Codable {
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    /// Identity of every article written, in input order.
    public var ids: [ArticleID]

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, ids: [ArticleID] = []) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.ids = ids
    }
}
