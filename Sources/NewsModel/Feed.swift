import Foundation

/// What kind of source a feed is; decides how it is fetched and parsed.
public enum FeedKind: String, Sendable, Codable, CaseIterable {
    /// An RSS, Atom or JSON Feed document fetched over HTTP(S) or read from a file.
    case web
    /// A local folder (or file) of plain-text news pages, imported with `herald import`.
    case pages
}

/// A source of articles: a subscribed feed URL or a local folder of pages.
public struct Feed: Hashable, Sendable, Codable {
    /// Store identity; nil until stored.
    public var id: FeedID?
    /// The feed's URL (`https://…`), or `pages:<site>` for text pages grouped by their site line.
    public var url: String
    public var kind: FeedKind
    /// Display title: the user's rename if any, else the feed's own title.
    public var title: String
    /// The site's home page, when the feed names one.
    public var siteURL: String?
    /// Tags (newsboat tags, OPML folders), in the user's order.
    public var tags: [String]
    /// HTTP validator from the last 200 response, sent back as `If-None-Match`.
    public var etag: String?
    /// HTTP validator from the last 200 response, sent back as `If-Modified-Since`.
    public var lastModified: String?
    /// When the last fetch finished (successful or not).
    public var lastFetched: Date?
    /// The last fetch's error in words, nil when it succeeded.
    public var lastError: String?
    /// Digest of the last 200 response body whose articles were stored, so that the same body
    /// served again is not parsed and stored again (computed by the refresher; opaque here).
    public var contentDigest: String?

    public init(id: FeedID? = nil, url: String, kind: FeedKind = .web, title: String,
                siteURL: String? = nil, tags: [String] = [], etag: String? = nil,
                lastModified: String? = nil, lastFetched: Date? = nil, lastError: String? = nil,
                contentDigest: String? = nil) {
        self.id = id
        self.url = url
        self.kind = kind
        self.title = title
        self.siteURL = siteURL
        self.tags = tags
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetched = lastFetched
        self.lastError = lastError
        self.contentDigest = contentDigest
    }
}
