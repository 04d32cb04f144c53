import Foundation

/// The SAX event handler that turns RSS, RDF and Atom elements into a `ParsedFeed`.
///
/// It is fed by `FeedXMLParser` (libxml2's SAX2 push parser) with raw UTF-8 names, attributes
/// and character data, and keeps one byte buffer for all text: an element that captures text
/// remembers where its text starts, and the buffer is cut back when it ends. Child elements of
/// a body or title are serialised back into that buffer as markup.
final class FeedXMLHandler {
    let limits: FeedLimits

    /// Why parsing was stopped early (a limit, or a document that is not a feed).
    private(set) var failure: FeedParseError?

    private(set) var format: FeedFormat = .unknown
    private var sawRoot = false
    private var rootIsFeed = false
    private var rootName = ""

    // Feed-level values.
    private var feedTitle: TypedText?
    private var feedLink: PendingLink?
    private var feedAuthor: String?
    private var drafts: [EntryDraft] = []
    private var entry: EntryDraft?

    // Element stack.
    private var frames: [Frame] = []
    /// Text captured by open elements (see `Frame.textStart`).
    private var text: [UInt8] = []
    /// Open elements that capture text.
    private var capturing = 0
    /// Index in `frames` of the open title/body element whose children are markup, if any.
    private var markupOwner: Int?
    /// True while character data goes into markup and must be escaped.
    private var escapeText = false
    /// Open elements whose whole subtree is ignored (image, textinput, source).
    private var skipping = 0
    /// `xml:base` values in scope, innermost last (already resolved against their parents).
    private var bases: [String?] = []
    /// Open author elements (0 or 1 in practice).
    private var authorDepth = 0
    /// Author sub-elements seen inside the open author element.
    private var authorName: String?
    private var authorEmail: String?

    private var kindCache: [ElementKey: ElementKind] = [:]

    init(limits: FeedLimits) {
        self.limits = limits
        text.reserveCapacity(1 << 16)
    }

    // MARK: - Element vocabulary

    /// What an element means, from its namespace and lower-cased local name.
    enum ElementKind: UInt8 {
        case rss, rdf, feed, channel, item, title, link, guid, description, summary, content
        case contentEncoded, xhtmlBody, author, managingEditor, name, email, published, updated
        case skipSubtree, enclosure, mediaContent, otherBody, html, other
    }

    private struct ElementKey: Hashable {
        var name: UnsafeRawPointer
        var uri: UnsafeRawPointer?
    }

    /// Namespaces the parser knows, by URI (compared lower-cased).
    private enum Namespace {
        case core, rdf, dc, dcterms, content, itunes, media, xhtml, other

        static func from(uri: String?, hasPrefix: Bool) -> Namespace {
            guard let uri, !uri.isEmpty else { return .core }
            switch uri.lowercased() {
            case "http://www.w3.org/2005/atom", "http://purl.org/atom/ns#", "http://purl.org/rss/1.0/",
                 "http://my.netscape.com/rdf/simple/0.9/", "http://blogs.law.harvard.edu/tech/rss",
                 "http://purl.org/rss/1.0/modules/rss091#", "http://channel.netscape.com/rdf/simple/0.9/":
                return .core
            case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return .rdf
            case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/": return .dc
            case "http://purl.org/dc/terms/": return .dcterms
            case "http://purl.org/rss/1.0/modules/content/": return .content
            case "http://www.itunes.com/dtds/podcast-1.0.dtd", "https://www.itunes.com/dtds/podcast-1.0.dtd":
                return .itunes
            case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss": return .media
            case "http://www.w3.org/1999/xhtml": return .xhtml
            case let other where other.contains("backend.userland.com/rss"): return .core
            default:
                // An unknown default namespace is read as the core vocabulary, as feedparser does.
                return hasPrefix ? .other : .core
            }
        }
    }

    private func classify(name: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?,
                          uri: UnsafePointer<UInt8>?) -> ElementKind {
        let key = ElementKey(name: UnsafeRawPointer(name), uri: uri.map(UnsafeRawPointer.init))
        if let kind = kindCache[key] { return kind }
        let local = String(cString: name).lowercased()
        let namespace = Namespace.from(uri: uri.map { String(cString: $0) }, hasPrefix: prefix != nil)
        let kind: ElementKind
        switch (namespace, local) {
        case (.core, "rss"): kind = .rss
        case (.rdf, "rdf"): kind = .rdf
        case (.core, "feed"): kind = .feed
        case (.core, "channel"): kind = .channel
        case (.core, "item"), (.core, "entry"): kind = .item
        case (.core, "title"), (.dc, "title"): kind = .title
        case (.core, "link"): kind = .link
        case (.core, "guid"), (.core, "id"): kind = .guid
        case (.core, "description"), (.dc, "description"): kind = .description
        case (.core, "summary"): kind = .summary
        case (.core, "content"): kind = .content
        case (.content, "encoded"): kind = .contentEncoded
        case (.xhtml, "body"), (.core, "body"): kind = .xhtmlBody
        case (.core, "author"), (.dc, "creator"), (.dc, "author"), (.itunes, "author"): kind = .author
        case (.core, "managingeditor"): kind = .managingEditor
        case (.core, "name"): kind = .name
        case (.core, "email"): kind = .email
        case (.core, "pubdate"), (.core, "published"), (.core, "issued"), (.dcterms, "issued"):
            kind = .published
        case (.core, "updated"), (.core, "modified"), (.dc, "date"), (.dcterms, "modified"):
            kind = .updated
        case (.core, "image"), (.core, "textinput"), (.core, "source"): kind = .skipSubtree
        case (.core, "enclosure"): kind = .enclosure
        case (.media, "content"): kind = .mediaContent
        case (.itunes, "summary"), (.media, "description"): kind = .otherBody
        case (_, "html"): kind = .html
        default: kind = .other
        }
        kindCache[key] = kind
        return kind
    }

    // MARK: - Frames and drafts

    private enum Role {
        case ignored
        case skipped
        case container
        case entry
        /// A child element of a title or body; `name` is libxml2's interned local name.
        case markup(name: UnsafePointer<UInt8>, isVoid: Bool)
        case field(Field)
        case author
    }

    private enum Field {
        case title(TextType)
        case link
        case guid(isPermaLink: Bool)
        case body(BodySlot, TextType)
        case date(published: Bool)
        case authorName
        case authorEmail
    }

    enum BodySlot { case content, description, other }

    /// How a text value is to be read.
    enum TextType {
        /// Plain text that may still "look like HTML".
        case text
        case html
        /// XHTML markup (child elements are part of the value).
        case xhtml
        /// Not text (base64, binary types): ignored.
        case unusable
    }

    private struct Frame {
        var role: Role
        var textStart: Int
        var pushedBase: Bool
    }

    struct TypedText {
        var value: String
        var type: TextType
    }

    /// A link that may still need resolving against the feed's home link.
    struct PendingLink {
        var value: String
        /// The `xml:base` in scope where the link was found, when it was not absolute.
        var base: String?
    }

    struct EntryDraft {
        var title: TypedText?
        var link: PendingLink?
        var sawLinkElement = false
        var guidLink: PendingLink?
        var id: String?
        var published: Date?
        var updated: Date?
        var author: String?
        var content: TypedText?
        var description: TypedText?
        var otherBody: TypedText?
        var related: [(title: String?, link: PendingLink)] = []
        var enclosures: [(link: PendingLink, type: String?, length: Int?)] = []
    }

    // MARK: - SAX events

    /// An element starts. `attributes` holds `count` groups of five pointers:
    /// local name, prefix, URI, value start, value end.
    func startElement(name: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?,
                      attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) -> Bool {
        guard failure == nil else { return false }
        if frames.count >= limits.maxDepth {
            failure = .tooDeep
            return false
        }
        let attrs = Attributes(base: attributes, count: count)
        var frame = Frame(role: .ignored, textStart: text.count, pushedBase: false)
        if count > 0, let base = attrs.xmlBase() {
            let resolved = base.isEmpty ? currentBase : FeedURL.resolve(base, against: currentBase)
            bases.append(resolved.flatMap { $0.isEmpty ? nil : $0 })
            frame.pushedBase = true
        }

        if markupOwner != nil {
            // Inside a title or body: the element is part of the value.
            let owner = markupOwner ?? 0
            if case .field(let field) = frames[owner].role, case .body(_, let type) = field, type != .xhtml {
                // Markup inside text declared as escaped HTML: from here on it is XHTML (feedparser).
                escapeText = true
            } else if case .field(.title(let type)) = frames[owner].role, type != .xhtml {
                escapeText = true
            }
            let isVoid = appendStartTag(name: name, attributes: attrs)
            frame.role = .markup(name: name, isVoid: isVoid)
            frames.append(frame)
            return true
        }
        if skipping > 0 {
            frame.role = .skipped
            skipping += 1
            frames.append(frame)
            return true
        }

        let kind = classify(name: name, prefix: prefix, uri: uri)
        if !sawRoot {
            sawRoot = true
            if !startRoot(kind: kind, name: name, uri: uri, attributes: attrs) { return false }
        }
        if kind == .channel, let uri { noteRDFNamespace(String(cString: uri)) }
        frame.role = role(for: kind, attributes: attrs)
        switch frame.role {
        case .field(let field):
            capturing += 1
            if case .title(let type) = field { beginMarkupCapture(type: type) }
            if case .body(_, let type) = field { beginMarkupCapture(type: type) }
        case .author:
            capturing += 1
            authorDepth += 1
            authorName = nil
            authorEmail = nil
        case .skipped:
            skipping += 1
        default:
            break
        }
        frames.append(frame)
        if case .entry = frame.role {
            if drafts.count >= limits.maxEntries {
                failure = .tooManyEntries(limits.maxEntries)
                return false
            }
            var draft = EntryDraft()
            if let about = attrs.value(localName: "about") {
                draft.id = about.trimmingASCIIWhitespace()
            }
            entry = draft
        }
        return true
    }

    private func beginMarkupCapture(type: TextType) {
        markupOwner = frames.count
        escapeText = type == .xhtml
    }

    /// The role of a newly opened element outside markup and skipped subtrees.
    private func role(for kind: ElementKind, attributes attrs: Attributes) -> Role {
        // Inside a simple text field (link, id, date, name): children only add their text.
        if let top = frames.last, case .field = top.role { return .ignored }
        let inEntry = entry != nil
        switch kind {
        case .rss, .rdf, .feed, .channel, .html, .other:
            return .container
        case .item:
            return inEntry ? .ignored : .entry
        case .title:
            return .field(.title(textType(attrs, default: .text)))
        case .link:
            if let href = attrs.value(localName: "href") {
                handleAtomLink(href: href, attributes: attrs, inEntry: inEntry)
                return .ignored
            }
            return .field(.link)
        case .guid:
            guard inEntry else { return .ignored }
            let permaLink = attrs.value(localName: "isPermaLink") ?? "true"
            return .field(.guid(isPermaLink: permaLink == "true"))
        case .description:
            return inEntry ? .field(.body(.description, textType(attrs, default: .html))) : .ignored
        case .summary:
            return inEntry ? .field(.body(.description, textType(attrs, default: .text))) : .ignored
        case .content:
            guard inEntry, attrs.value(localName: "src") == nil else { return .ignored }
            return .field(.body(.content, textType(attrs, default: .text)))
        case .contentEncoded:
            return inEntry ? .field(.body(.content, .html)) : .ignored
        case .xhtmlBody:
            return inEntry ? .field(.body(.content, .xhtml)) : .ignored
        case .otherBody:
            return inEntry ? .field(.body(.other, textType(attrs, default: .text))) : .ignored
        case .author:
            return authorDepth > 0 ? .ignored : .author
        case .managingEditor:
            return inEntry || authorDepth > 0 ? .ignored : .author
        case .name:
            return authorDepth > 0 ? .field(.authorName) : .container
        case .email:
            return authorDepth > 0 ? .field(.authorEmail) : .container
        case .published:
            return inEntry ? .field(.date(published: true)) : .ignored
        case .updated:
            return inEntry ? .field(.date(published: false)) : .ignored
        case .skipSubtree:
            return .skipped
        case .enclosure:
            if inEntry, let url = attrs.value(localName: "url") {
                addEnclosure(url: url, type: attrs.value(localName: "type"),
                             length: attrs.value(localName: "length"))
            }
            return .ignored
        case .mediaContent:
            if inEntry, let url = attrs.value(localName: "url") {
                addEnclosure(url: url, type: attrs.value(localName: "type"),
                             length: attrs.value(localName: "fileSize"))
            }
            return .container
        }
    }

    private func textType(_ attrs: Attributes, default fallback: TextType) -> TextType {
        if let mode = attrs.value(localName: "mode")?.lowercased() {
            if mode == "base64" { return .unusable }
            if mode == "xml" { return .xhtml }
            if mode == "escaped", attrs.value(localName: "type") == nil { return .html }
        }
        guard let type = attrs.value(localName: "type")?.lowercased().trimmingASCIIWhitespace(),
              !type.isEmpty else { return fallback }
        let mime = type.split(separator: ";").first.map { $0.trimmingASCIIWhitespace() } ?? type
        switch mime {
        case "text", "text/plain": return .text
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default:
            if mime.hasPrefix("text/") { return .text }
            if mime.hasSuffix("+xml") || mime.hasSuffix("/xml") { return .xhtml }
            return .unusable
        }
    }

    private func handleAtomLink(href: String, attributes attrs: Attributes, inEntry: Bool) {
        let rel = attrs.value(localName: "rel")?.trimmingASCIIWhitespace().lowercased() ?? "alternate"
        let link = pendingLink(href.trimmingASCIIWhitespace())
        switch rel {
        case "alternate":
            let type = attrs.value(localName: "type")?.lowercased() ?? "text/html"
            guard type.hasPrefix("text/html") || type.hasPrefix("application/xhtml+xml") else { return }
            if inEntry {
                entry?.link = link
                entry?.sawLinkElement = true
            } else {
                feedLink = link
            }
        case "related":
            guard inEntry, !link.value.isEmpty else { return }
            let title = attrs.value(localName: "title").map(HTMLText.collapseWhitespace)
            entry?.related.append((title?.isEmpty == false ? title : nil, link))
        case "enclosure":
            guard inEntry else { return }
            addEnclosure(url: href, type: attrs.value(localName: "type"), length: attrs.value(localName: "length"))
        default:
            break
        }
    }

    private func addEnclosure(url: String, type: String?, length: String?) {
        let url = url.trimmingASCIIWhitespace()
        guard !url.isEmpty else { return }
        entry?.enclosures.append((pendingLink(url), type,
                                  length.flatMap { Int($0.trimmingASCIIWhitespace()) }))
    }

    /// Character data (text or CDATA).
    func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard capturing > 0, skipping == 0 else { return }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        if escapeText {
            appendEscaped(buffer, quote: false)
        } else {
            text.append(contentsOf: buffer)
        }
    }

    /// An element ends.
    func endElement() {
        guard let frame = frames.popLast() else { return }
        defer {
            if frame.pushedBase { bases.removeLast() }
        }
        switch frame.role {
        case .ignored, .container:
            break
        case .skipped:
            skipping -= 1
        case .markup(let name, let isVoid):
            if !isVoid {
                text.append(contentsOf: "</".utf8)
                text.append(contentsOf: UnsafeBufferPointer(start: name, count: strlen(name)))
                text.append(UInt8(ascii: ">"))
            }
        case .entry:
            if let draft = entry { drafts.append(draft) }
            entry = nil
        case .author:
            capturing -= 1
            authorDepth -= 1
            let raw = takeText(from: frame.textStart)
            let name: String?
            if authorName != nil || authorEmail != nil {
                name = authorName ?? authorEmail
            } else {
                name = raw.flatMap(FeedAuthor.name(fromRSS:))
            }
            if let name, let plain = Optional(plainText(name, type: .text)), !plain.isEmpty {
                if entry != nil {
                    if entry?.author == nil { entry?.author = plain }
                } else if feedAuthor == nil {
                    feedAuthor = plain
                }
            }
        case .field(let field):
            capturing -= 1
            endField(field, textStart: frame.textStart)
        }
    }

    private func endField(_ field: Field, textStart: Int) {
        switch field {
        case .title(let type), .body(_, let type):
            markupOwner = nil
            escapeText = false
            guard type != .unusable, let value = takeText(from: textStart), !value.isEmpty else { return }
            // Markup children turn escaped-HTML text into XHTML (their tags are now in the value).
            let typed = TypedText(value: value, type: type)
            if case .title = field {
                if entry != nil {
                    if entry?.title == nil { entry?.title = typed }
                } else if feedTitle == nil {
                    feedTitle = typed
                }
                return
            }
            guard entry != nil, case .body(let slot, _) = field else { return }
            switch slot {
            case .content: if entry?.content == nil { entry?.content = typed }
            case .description: if entry?.description == nil { entry?.description = typed }
            case .other: if entry?.otherBody == nil { entry?.otherBody = typed }
            }
        case .link:
            let value = takeText(from: textStart) ?? ""
            let link = pendingLink(value)
            if entry != nil {
                entry?.link = link
                entry?.sawLinkElement = true
            } else {
                feedLink = link
            }
        case .guid(let isPermaLink):
            guard let value = takeText(from: textStart) else {
                entry?.id = nil
                return
            }
            entry?.id = value
            if isPermaLink, !value.isEmpty { entry?.guidLink = pendingLink(value) }
        case .date(let published):
            let date = text.withUnsafeBufferPointer { buffer in
                FeedDate.parse(bytes: UnsafeBufferPointer(rebasing: buffer[textStart...]))
            }
            text.removeSubrange(textStart...)
            if published { entry?.published = date } else { entry?.updated = date }
        case .authorName:
            if let value = takeText(from: textStart), !value.isEmpty, authorName == nil { authorName = value }
        case .authorEmail:
            if let value = takeText(from: textStart), !value.isEmpty, authorEmail == nil { authorEmail = value }
        }
    }

    // MARK: - Root element

    private func startRoot(kind: ElementKind, name: UnsafePointer<UInt8>, uri: UnsafePointer<UInt8>?,
                           attributes attrs: Attributes) -> Bool {
        rootName = String(cString: name)
        let namespace = uri.map { String(cString: $0).lowercased() } ?? ""
        switch kind {
        case .rss:
            let version = attrs.value(localName: "version")?.trimmingASCIIWhitespace() ?? ""
            switch version {
            case "0.91": format = .rss091
            case "0.92": format = .rss092
            case "0.93": format = .rss093
            case "0.94": format = .rss094
            case let v where v.hasPrefix("2."): format = .rss20
            default: format = .rss
            }
        case .rdf:
            format = .rss10
        case .feed:
            if namespace == "http://www.w3.org/2005/atom" {
                format = .atom10
            } else if namespace == "http://purl.org/atom/ns#" || attrs.value(localName: "version") == "0.3" {
                format = .atom03
            } else {
                format = .atom
            }
        case .channel:
            format = .rss
        case .html:
            failure = .notAFeed("an HTML page (<\(rootName)>), not a feed; look for a feed link in it")
            return false
        default:
            // Keep going: items may still be found inside an unusual wrapper.
            return true
        }
        rootIsFeed = true
        return true
    }

    /// Notes the namespace of an RDF document's channel, which tells RSS 0.90 from 1.0.
    func noteRDFNamespace(_ uri: String) {
        if format == .rss10, uri.contains("netscape.com/rdf/simple/0.9") { format = .rss090 }
    }

    // MARK: - Text buffer

    /// The captured text since `start`, trimmed, with the buffer cut back; nil if only whitespace.
    private func takeText(from start: Int) -> String? {
        defer { text.removeSubrange(start...) }
        return text.withUnsafeBufferPointer { buffer -> String? in
            var lo = start
            var hi = buffer.count
            while lo < hi, FeedDate.isSpace(buffer[lo]) { lo += 1 }
            while hi > lo, FeedDate.isSpace(buffer[hi - 1]) { hi -= 1 }
            guard hi > lo else { return nil }
            return FeedXMLHandler.decodeText(UnsafeBufferPointer(rebasing: buffer[lo..<hi]))
        }
    }

    /// UTF-8 bytes as a String, with C1 controls read as windows-1252 (as feedparser does).
    static func decodeText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, memchr(base, 0xC2, bytes.count) != nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                scalars.append(HTMLEntities.windows1252High[Int(scalar.value - 0x80)])
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quote: Bool) {
        var runStart = 0
        for (i, b) in bytes.enumerated() {
            let replacement: StaticString
            switch b {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where quote: replacement = "&quot;"
            default: continue
            }
            if i > runStart { text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            replacement.withUTF8Buffer { text.append(contentsOf: $0) }
            runStart = i + 1
        }
        if bytes.count > runStart {
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Serialises a start tag into the text; returns true for void elements (no end tag).
    private func appendStartTag(name: UnsafePointer<UInt8>, attributes attrs: Attributes) -> Bool {
        let nameLength = strlen(name)
        let nameBytes = UnsafeBufferPointer(start: name, count: nameLength)
        text.append(UInt8(ascii: "<"))
        text.append(contentsOf: nameBytes)
        for index in 0..<attrs.count {
            guard let attrName = attrs.localName(at: index) else { continue }
            text.append(UInt8(ascii: " "))
            if let prefix = attrs.prefix(at: index) {
                text.append(contentsOf: UnsafeBufferPointer(start: prefix, count: strlen(prefix)))
                text.append(UInt8(ascii: ":"))
            }
            text.append(contentsOf: UnsafeBufferPointer(start: attrName, count: strlen(attrName)))
            text.append(contentsOf: "=\"".utf8)
            var value = Array(attrs.value(at: index).utf8)
            value.withUnsafeMutableBufferPointer { appendEscaped(UnsafeBufferPointer($0), quote: true) }
            text.append(UInt8(ascii: "\""))
        }
        let void = FeedXMLHandler.voidElements.contains(String(decoding: nameBytes, as: UTF8.self).lowercased())
        text.append(contentsOf: void ? " />".utf8 : ">".utf8)
        return void
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ]

    // MARK: - Links

    private var currentBase: String? { bases.last ?? nil }

    private func pendingLink(_ value: String) -> PendingLink {
        if FeedURL.hasScheme(value) { return PendingLink(value: value, base: nil) }
        if let base = currentBase, FeedURL.hasScheme(base) {
            return PendingLink(value: FeedURL.resolve(value, against: base), base: nil)
        }
        return PendingLink(value: value, base: currentBase)
    }

    // MARK: - Result

    /// The feed built from the events so far.
    func result(bozo: Bool, bozoMessage: String?) throws(FeedParseError) -> ParsedFeed {
        if let failure { throw failure }
        if !rootIsFeed, drafts.isEmpty, feedTitle == nil {
            throw .notAFeed(sawRoot ? "the document's root element is <\(rootName)>, not rss, RDF or feed"
                                    : "no XML elements found")
        }
        let home: String? = feedLink.map { link in
            link.base.map { FeedURL.resolve(link.value, against: $0) } ?? link.value
        }.flatMap { $0.isEmpty ? nil : $0 }
        func resolve(_ link: PendingLink?) -> String? {
            guard let link, !link.value.isEmpty else { return nil }
            guard link.base != nil || !FeedURL.hasScheme(link.value) else { return link.value }
            let base = link.base.map { FeedURL.resolve($0, against: home) } ?? home
            return FeedURL.resolve(link.value, against: base)
        }
        let isAtom = format == .atom10 || format == .atom03 || format == .atom
        var feed = ParsedFeed(format: format)
        feed.title = feedTitle.map { plainText($0.value, type: $0.type) }.flatMap { $0.isEmpty ? nil : $0 }
        feed.link = home
        feed.author = feedAuthor
        feed.bozo = bozo
        feed.bozoMessage = bozoMessage
        feed.entries.reserveCapacity(drafts.count)
        for draft in drafts {
            var entry = ParsedEntry()
            entry.title = draft.title.map { plainText($0.value, type: $0.type) }
            entry.link = draft.sawLinkElement ? resolve(draft.link) : resolve(draft.guidLink)
            entry.id = draft.id.flatMap { $0.isEmpty ? nil : $0 }
            entry.published = draft.published
            entry.updated = draft.updated
            entry.author = draft.author ?? (isAtom ? feedAuthor : nil)
            let body = draft.content ?? draft.description ?? draft.otherBody
            if let body {
                entry.contentHTML = body.value
                entry.contentIsHTML = body.type != .text || HTMLText.looksLikeHTML(body.value)
                if draft.content != nil, let summary = draft.description { entry.summary = summary.value }
            }
            entry.relatedLinks = draft.related.compactMap { item in
                resolve(item.link).map { FeedRelatedLink(title: item.title, url: $0) }
            }
            entry.enclosures = draft.enclosures.compactMap { item in
                resolve(item.link).map { FeedEnclosure(url: $0, type: item.type, length: item.length) }
            }
            feed.entries.append(entry)
        }
        return feed
    }

    /// Plain text of a value by its declared type (HTML is converted; plain text that looks like
    /// HTML is converted too).
    func plainText(_ value: String, type: TextType) -> String {
        switch type {
        case .html, .xhtml:
            return HTMLText.plainText(value)
        case .text, .unusable:
            return HTMLText.looksLikeHTML(value) ? HTMLText.plainText(value) : HTMLText.collapseWhitespace(value)
        }
    }
}
