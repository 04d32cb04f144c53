import Foundation

/// The syndication format (and version) a document was recognised as.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss090, rss091, rss092, rss093, rss094, rss20
    /// RSS 1.0 (RDF).
    case rss10
    /// RSS with no usable version attribute.
    case rss
    case atom03, atom10
    /// Atom with no recognised namespace or version.
    case atom
    case json10, json11
    case unknown
}

/// A link an entry lists as related to it (Atom `rel="related"`).
public struct FeedRelatedLink: Hashable, Sendable {
    /// The link's `title` attribute, if any.
    public var title: String?
    /// Absolute URL when the feed gave enough to resolve it.
    public var url: String

    public init(title: String?, url: String) {
        self.title = title
        self.url = url
    }
}

/// A media file attached to an entry (RSS `enclosure`, Atom `rel="enclosure"`, JSON attachments).
public struct FeedEnclosure: Hashable, Sendable {
    public var url: String
    /// MIME type as declared by the feed.
    public var type: String?
    /// Size as declared by the feed, in bytes.
    public var length: Int?

    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// One item of a feed, with every value as the feed gave it (after entity decoding).
public struct ParsedEntry: Sendable {
    /// Plain-text title (HTML converted), or nil when the item has no title element.
    public var title: String?
    /// The entry's alternate (web page) link, resolved to absolute when possible.
    public var link: String?
    /// RSS guid, Atom id, RDF `rdf:about` or JSON `id`, trimmed; nil when absent.
    public var id: String?
    public var published: Date?
    public var updated: Date?
    /// The first author's name (or e-mail when no name), plain text.
    public var author: String?
    /// The body chosen by the contract's order, raw (HTML or text, see `contentIsHTML`).
    public var contentHTML: String?
    /// True when `contentHTML` is HTML; false when it is plain text.
    public var contentIsHTML: Bool
    /// The summary/description when the body came from another element, raw.
    public var summary: String?
    /// Atom `rel="related"` links.
    public var relatedLinks: [FeedRelatedLink]
    public var enclosures: [FeedEnclosure]

    public init(title: String? = nil, link: String? = nil, id: String? = nil,
                published: Date? = nil, updated: Date? = nil, author: String? = nil,
                contentHTML: String? = nil, contentIsHTML: Bool = false, summary: String? = nil,
                relatedLinks: [FeedRelatedLink] = [], enclosures: [FeedEnclosure] = []) {
        self.title = title
        self.link = link
        self.id = id
        self.published = published
        self.updated = updated
        self.author = author
        self.contentHTML = contentHTML
        self.contentIsHTML = contentIsHTML
        self.summary = summary
        self.relatedLinks = relatedLinks
        self.enclosures = enclosures
    }

    /// The date a reader sees: published, else updated.
    public var date: Date? { published ?? updated }

    /// The body as plain text (the contract's HTML-to-text rule), or nil when there is no body.
    public var contentText: String? {
        guard let body = contentHTML else { return nil }
        return contentIsHTML ? HTMLText.plainText(body) : HTMLText.collapseWhitespace(body)
    }
}

/// A parsed feed document.
public struct ParsedFeed: Sendable {
    public var format: FeedFormat
    /// Plain-text feed title.
    public var title: String?
    /// The feed's home page.
    public var link: String?
    /// The feed-level author (entries of Atom and JSON feeds inherit it).
    public var author: String?
    /// Entries in document order.
    public var entries: [ParsedEntry]
    /// True when the document was malformed and the result comes from error recovery.
    public var bozo: Bool
    /// What was wrong with the document when `bozo` is true.
    public var bozoMessage: String?
    /// How many entries had their content or summary cut to `FeedLimits.maxEntryBytes`.
    public var cutEntries: Int = 0

    public init(format: FeedFormat, title: String? = nil, link: String? = nil,
                author: String? = nil, entries: [ParsedEntry] = [], bozo: Bool = false,
                bozoMessage: String? = nil) {
        self.format = format
        self.title = title
        self.link = link
        self.author = author
        self.entries = entries
        self.bozo = bozo
        self.bozoMessage = bozoMessage
    }
}

/// Resource limits applied while parsing untrusted documents.
public struct FeedLimits: Sendable {
    /// Largest accepted document, in bytes.
    public var maxBytes: Int
    /// Most entries accepted; a document with more is refused.
    public var maxEntries: Int
    /// Deepest accepted element (or JSON container) nesting, in levels.
    public var maxDepth: Int
    /// Longest kept content or summary of one entry, in UTF-8 bytes; longer ones are cut.
    public var maxEntryBytes: Int

    public init(maxBytes: Int = 50 << 20, maxEntries: Int = 10_000, maxDepth: Int = 256,
                maxEntryBytes: Int = 1 << 20) {
        self.maxBytes = maxBytes
        self.maxEntries = maxEntries
        self.maxDepth = maxDepth
        self.maxEntryBytes = maxEntryBytes
    }

    public static let `default` = FeedLimits()
}

/// Why a document produced no feed at all.
public enum FeedParseError: Error, Equatable, CustomStringConvertible {
    /// The document has no content (zero bytes or only whitespace).
    case empty
    /// The document is something else (an HTML page, binary data, other JSON); the text says what.
    case notAFeed(String)
    /// The document is larger than the limit; the value is the limit in bytes.
    case tooLarge(Int)
    /// Elements nest deeper than the limit.
    case tooDeep
    /// More entries than the limit; the value is the limit.
    case tooManyEntries(Int)
    /// The document is too broken to recover anything from.
    case malformed(String)

    public var description: String {
        switch self {
        case .empty:
            return "the document is empty"
        case .notAFeed(let what):
            return "not a feed: \(what)"
        case .tooLarge(let limit):
            return "the document is larger than the \(limit / (1 << 20)) MiB limit"
        case .tooDeep:
            return "elements are nested too deeply to be a feed"
        case .tooManyEntries(let limit):
            return "the feed has more than \(limit) entries"
        case .malformed(let why):
            return "the feed is malformed: \(why)"
        }
    }
}
