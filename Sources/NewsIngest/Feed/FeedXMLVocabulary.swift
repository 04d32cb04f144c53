/// The RSS, RDF and Atom elements the feed parser understands, by namespace and local name.
///
/// Atom, RSS 0.9x/2.0 and RSS 1.0 elements form one "core" vocabulary (feeds mix them freely,
/// e.g. `atom:link` in RSS), as feedparser treats them. Local names are compared lower-cased.
enum FeedElement: UInt8 {
    case rss, rdf, feed, channel, item
    case title, mediaTitle, link, guid
    /// `description`, `summary`, `dc:description`, `itunes:summary`, `media:description`.
    case description, summary, itunesSummary, mediaDescription
    /// Atom `content`, `content:encoded`, `xhtml:body`.
    case content, contentEncoded, xhtmlBody
    /// `author`, `dc:creator`, `dc:author`, `itunes:author`; `managingEditor` (feed only).
    case author, managingEditor, name, email, uri
    case published, updated
    /// `image`, `textinput`, `source`: their titles and links are not the feed's or entry's.
    case skipSubtree
    case enclosure, mediaContent
    case other

    /// Namespaces the parser knows, by URI (compared lower-cased).
    enum Namespace {
        case core, rdf, dc, dcterms, content, itunes, media, xhtml, other

        /// The namespace of an element from its URI, or from its prefix when the URI is unknown
        /// (feeds misspell well-known URIs; feedparser then goes by the prefix too).
        init(uri: String?, prefix: String?) {
            guard let uri, !uri.isEmpty else {
                self = .core
                return
            }
            var key = uri.lowercased()
            if key.hasSuffix("/") { key.removeLast() }
            switch key {
            case "http://www.w3.org/2005/atom", "http://purl.org/atom/ns#", "http://purl.org/rss/1.0",
                 "http://my.netscape.com/rdf/simple/0.9", "http://channel.netscape.com/rdf/simple/0.9",
                 "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/rss/1.0/modules/rss091#":
                self = .core
            case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
            case "http://purl.org/dc/elements/1.1", "http://purl.org/dc/elements/1.0": self = .dc
            case "http://purl.org/dc/terms": self = .dcterms
            case "http://purl.org/rss/1.0/modules/content": self = .content
            case "http://www.itunes.com/dtds/podcast-1.0.dtd", "https://www.itunes.com/dtds/podcast-1.0.dtd":
                self = .itunes
            case "http://search.yahoo.com/mrss": self = .media
            case "http://www.w3.org/1999/xhtml": self = .xhtml
            case let other where other.contains("backend.userland.com/rss"): self = .core
            default:
                switch prefix?.lowercased() {
                // An unknown default namespace is read as the core vocabulary, as feedparser does.
                case nil, "atom": self = .core
                case "dc": self = .dc
                case "dcterms": self = .dcterms
                case "content": self = .content
                case "itunes": self = .itunes
                case "media": self = .media
                case "rdf": self = .rdf
                default: self = .other
                }
            }
        }
    }

    init(namespace: Namespace, localName: String) {
        switch (namespace, localName) {
        case (.core, "rss"): self = .rss
        case (.rdf, "rdf"): self = .rdf
        case (.core, "feed"): self = .feed
        case (.core, "channel"): self = .channel
        case (.core, "item"), (.core, "entry"): self = .item
        case (.core, "title"), (.dc, "title"): self = .title
        case (.media, "title"): self = .mediaTitle
        case (.core, "link"): self = .link
        case (.core, "guid"), (.core, "id"): self = .guid
        case (.core, "description"), (.dc, "description"): self = .description
        case (.core, "summary"): self = .summary
        case (.itunes, "summary"): self = .itunesSummary
        case (.media, "description"): self = .mediaDescription
        case (.core, "content"): self = .content
        case (.content, "encoded"): self = .contentEncoded
        case (.xhtml, "body"), (.core, "body"): self = .xhtmlBody
        case (.core, "author"), (.dc, "creator"), (.dc, "author"), (.itunes, "author"): self = .author
        case (.core, "managingeditor"): self = .managingEditor
        case (.core, "name"): self = .name
        case (.core, "email"): self = .email
        case (.core, "uri"), (.core, "url"): self = .uri
        case (.core, "pubdate"), (.core, "published"), (.core, "issued"), (.dcterms, "issued"):
            self = .published
        case (.core, "updated"), (.core, "modified"), (.dc, "date"), (.dcterms, "modified"):
            self = .updated
        case (.core, "image"), (.core, "textinput"), (.core, "source"): self = .skipSubtree
        case (.core, "enclosure"): self = .enclosure
        case (.media, "content"): self = .mediaContent
        default: self = .other
        }
    }

    /// True for elements that start a feed document (and tell its format).
    var isFeedRoot: Bool {
        switch self {
        case .rss, .rdf, .feed, .channel: return true
        default: return false
        }
    }
}

/// How a text value is to be read, from its element and `type`/`mode` attributes.
enum FeedTextType {
    /// Plain text that may still "look like HTML".
    case text
    case html
    /// XHTML markup (child elements are part of the value).
    case xhtml
    /// Base64 (Atom `mode="base64"`, binary `type`s): decoded when it is UTF-8 text.
    case base64

    /// The type declared by `type` (Atom `text`/`html`/`xhtml` or a MIME type) and `mode`.
    init(type: String?, mode: String?, default fallback: FeedTextType) {
        let mode = mode?.lowercased()
        if mode == "base64" {
            self = .base64
            return
        }
        if mode == "xml" {
            self = .xhtml
            return
        }
        guard let type = type?.trimmingASCIIWhitespace().lowercased(), !type.isEmpty else {
            self = mode == "escaped" ? .html : fallback
            return
        }
        let mime = type.split(separator: ";").first.map { $0.trimmingASCIIWhitespace() } ?? type
        switch mime {
        case "text", "text/plain", "plain": self = .text
        case "html", "text/html": self = .html
        case "xhtml", "application/xhtml+xml": self = .xhtml
        default:
            if !mime.contains("/") || mime.hasPrefix("text/") {
                self = .text
            } else if mime.hasSuffix("+xml") || mime.hasSuffix("/xml") {
                self = .xhtml
            } else {
                self = .base64
            }
        }
    }
}
