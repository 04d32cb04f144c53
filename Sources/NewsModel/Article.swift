import Foundation

/// A news item with its body, highlights and related links.
public struct Article: Hashable, Sendable, Codable {
    /// Store identity; nil until stored.
    public var id: ArticleID?
    /// The feed it came from; nil until its feed is stored.
    public var feedID: FeedID?
    /// The site or feed name shown as its source ("T4K3.news").
    public var source: String
    /// The article's web page.
    public var url: String?
    /// The feed's own identifier for the item (RSS guid, Atom id), or a page key; drives identity.
    public var guid: String?
    public var title: String
    /// Other headlines the same story ran under.
    public var alternateTitles: [String]
    public var summary: String?
    public var author: String?
    public var published: Date?
    public var updated: Date?
    public var body: [Block]
    public var highlights: [Highlight]
    public var related: [RelatedLink]
    public var isRead: Bool
    public var isStarred: Bool

    public init(id: ArticleID? = nil, feedID: FeedID? = nil, source: String, url: String? = nil,
                guid: String? = nil, title: String, alternateTitles: [String] = [],
                summary: String? = nil, author: String? = nil, published: Date? = nil,
                updated: Date? = nil, body: [Block] = [], highlights: [Highlight] = [],
                related: [RelatedLink] = [], isRead: Bool = false, isStarred: Bool = false) {
        self.id = id
        self.feedID = feedID
        self.source = source
        self.url = url
        self.guid = guid
        self.title = title
        self.alternateTitles = alternateTitles
        self.summary = summary
        self.author = author
        self.published = published
        self.updated = updated
        self.body = body
        self.highlights = highlights
        self.related = related
        self.isRead = isRead
        self.isStarred = isStarred
    }

    /// The date a reader sees: published, else updated.
    public var date: Date? { published ?? updated }
}
