import Foundation

/// The SAX event handler that turns RSS, RDF and Atom elements into a `ParsedFeed`.
///
/// It is fed by `FeedXMLParser` (libxml2's SAX2 push parser) with raw UTF-8 names, attributes
/// and character data, and keeps one byte buffer for all text: an element that captures text
/// remembers where its text starts, and the buffer is cut back when it ends. Child elements of
/// a title or body are serialised back into that buffer as markup.
///
/// Where the formats leave room, values follow feedparser 6 (the corpus oracle): the first
/// title wins, later links and dates replace earlier ones, a `guid` (or Atom `id`) is the link
/// when there is no link element, and the last author with a name is the author.
final class FeedXMLHandler {
    let limits: FeedLimits

    /// Why parsing was stopped early (a limit was exceeded).
    private(set) var failure: FeedParseError?

    private(set) var format: FeedFormat = .unknown
    /// The document element's name; nil until it starts.
    private var rootName: String?
    /// True once an rss, RDF, feed or channel element was seen (at any depth).
    private var sawFeedElement = false

    // Feed-level values.
    private var feedTitle: TypedText?
    private var feedLink: PendingLink?
    /// The feed's Atom `id`, the home link of last resort (feedparser reads it as a permalink).
    private var feedIDLink: PendingLink?
    private var feedAuthor: AuthorDetail?
    private var drafts: [EntryDraft] = []
    private var entry: EntryDraft?

    /// State touched on every character event, in a separately allocated cell: class stored
    /// properties would pay a dynamic exclusivity check on each access in the hot path.
    private struct HotState {
        /// Text captured by open elements (see `Frame.textStart`).
        var text: [UInt8] = []
        /// Open elements that capture text.
        var capturing = 0
        /// True while character data goes into markup and must be escaped.
        var escapeText = false
        /// Open elements whose whole subtree is ignored (image, textinput, source).
        var skipping = 0
    }

    private let hot = UnsafeMutablePointer<HotState>.allocate(capacity: 1)

    // Element stack.
    private var frames: [Frame] = []
    /// Index in `frames` of the open title/body element whose children are markup, if any.
    private var markupOwner: Int?
    /// `xml:base` values in scope, innermost last (already resolved against their parents).
    private var bases: [String?] = []
    /// Open author elements (0 or 1 in practice).
    private var authorDepth = 0
    /// True when the open author element has name/email/uri children (Atom style).
    private var authorHasChildren = false

    private var elementCache: [ElementKey: FeedElement] = [:]

    init(limits: FeedLimits) {
        self.limits = limits
        hot.initialize(to: HotState())
        hot.pointee.text.reserveCapacity(1 << 16)
    }

    deinit {
        hot.deinitialize(count: 1)
        hot.deallocate()
    }

    // MARK: - Frames

    private struct ElementKey: Hashable {
        var name: UnsafeRawPointer
        var uri: UnsafeRawPointer?
    }

    private enum Role {
        /// No meaning of its own; text inside still goes to an enclosing capture.
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
        /// A title; `isFallback` for `media:title`, used only when there is no title element.
        case title(FeedTextType, isFallback: Bool)
        case link
        case guid(isPermaLink: Bool)
        case body(BodyRole, FeedTextType)
        case date(published: Bool)
        case authorName, authorEmail, authorURI
    }

    /// Body elements by precedence: content (Atom `content`, `content:encoded`), then
    /// description (`description`, `dc:description`, Atom `summary`), then anything else.
    private enum BodyRole { case content, description, other }

    private struct Frame {
        /// The element's local name (libxml2 interns names, so equal names often share a pointer).
        var name: UnsafePointer<UInt8>
        var role: Role
        var textStart: Int
        var pushedBase: Bool
    }

    /// The real name of the end tag libxml2 reports next, when it did not match the open
    /// element (see `endElement(named:)`).
    private var mismatchedEndTag: [UInt8]?

    // MARK: - SAX events

    /// An element starts; returns false to stop parsing. `attributes` holds `count` groups of
    /// five pointers: local name, prefix, URI, value start, value end.
    func startElement(name: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?,
                      attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) -> Bool {
        guard failure == nil else { return false }
        mismatchedEndTag = nil
        if frames.count >= limits.maxDepth {
            failure = .tooDeep
            return false
        }
        let attrs = Attributes(base: attributes, count: count)
        var frame = Frame(name: name, role: .ignored, textStart: hot.pointee.text.count, pushedBase: false)
        if count > 0, let base = attrs.xmlBase() {
            let resolved = base.isEmpty ? currentBase : FeedURL.resolve(base, against: currentBase)
            bases.append(resolved.flatMap { $0.isEmpty ? nil : $0 })
            frame.pushedBase = true
        }
        if let owner = markupOwner {
            // Inside a title or body: the element is part of the value. Markup inside text
            // declared as escaped HTML turns the rest of it into XHTML (as feedparser does).
            switch frames[owner].role {
            case .field(.title(let type, let isFallback)) where type != .xhtml:
                frames[owner].role = .field(.title(.xhtml, isFallback: isFallback))
            case .field(.body(let role, let type)) where type != .xhtml:
                frames[owner].role = .field(.body(role, .xhtml))
            default:
                break
            }
            hot.pointee.escapeText = true
            let isVoid = appendStartTag(name: name, attributes: attrs)
            frame.role = .markup(name: name, isVoid: isVoid)
            frames.append(frame)
            return true
        }
        if hot.pointee.skipping > 0 {
            frame.role = .skipped
            hot.pointee.skipping += 1
            frames.append(frame)
            return true
        }

        let element = classify(name: name, prefix: prefix, uri: uri)
        if rootName == nil { rootName = String(cString: name) }
        if element.isFeedRoot { noteFormat(element, uri: uri, attributes: attrs) }
        if element == .item, entry == nil, frames.last.map(isField) != true {
            guard drafts.count < limits.maxEntries else {
                failure = .tooManyEntries(limits.maxEntries)
                return false
            }
            var draft = EntryDraft()
            if let about = attrs.value(localName: "about") { draft.id = about.trimmingASCIIWhitespace() }
            entry = draft
            frame.role = .entry
        } else {
            frame.role = role(for: element, attributes: attrs)
        }
        switch frame.role {
        case .field(let field):
            hot.pointee.capturing += 1
            switch field {
            case .title(let type, _), .body(_, let type):
                markupOwner = frames.count
                hot.pointee.escapeText = type == .xhtml
            default:
                break
            }
        case .author:
            hot.pointee.capturing += 1
            authorDepth += 1
            authorHasChildren = false
        case .skipped:
            hot.pointee.skipping += 1
        default:
            break
        }
        frames.append(frame)
        return true
    }

    private func isField(_ frame: Frame) -> Bool {
        if case .field = frame.role { return true }
        return false
    }

    /// The role of a newly opened element outside markup and skipped subtrees.
    private func role(for element: FeedElement, attributes attrs: Attributes) -> Role {
        // Inside a simple text field (link, id, date, name): children only add their text.
        if let top = frames.last, isField(top) { return .ignored }
        let inEntry = entry != nil
        switch element {
        case .rss, .rdf, .feed, .channel, .item, .other:
            return .container
        case .title:
            return .field(.title(textType(attrs, default: .text), isFallback: false))
        case .mediaTitle:
            return inEntry ? .field(.title(textType(attrs, default: .text), isFallback: true)) : .ignored
        case .link:
            if let href = attrs.value(localName: "href") {
                handleAtomLink(href: href, attributes: attrs, inEntry: inEntry)
                return .ignored
            }
            return .field(.link)
        case .guid:
            let permaLink = attrs.value(localName: "isPermaLink") ?? "true"
            return .field(.guid(isPermaLink: permaLink == "true"))
        case .description:
            return inEntry ? .field(.body(.description, textType(attrs, default: .html))) : .ignored
        case .summary:
            return inEntry ? .field(.body(.description, textType(attrs, default: .text))) : .ignored
        case .mediaDescription:
            return inEntry ? .field(.body(.other, textType(attrs, default: .html))) : .ignored
        case .itunesSummary:
            return inEntry ? .field(.body(.other, textType(attrs, default: .text))) : .ignored
        case .content:
            guard inEntry, attrs.value(localName: "src") == nil else { return .ignored }
            return .field(.body(.content, textType(attrs, default: .text)))
        case .contentEncoded:
            return inEntry ? .field(.body(.content, textType(attrs, default: .html))) : .ignored
        case .xhtmlBody:
            return inEntry ? .field(.body(.content, .xhtml)) : .ignored
        case .author:
            return authorDepth > 0 ? .ignored : .author
        case .managingEditor:
            return inEntry || authorDepth > 0 ? .ignored : .author
        case .name:
            return authorDepth > 0 ? .field(.authorName) : .container
        case .email:
            return authorDepth > 0 ? .field(.authorEmail) : .container
        case .uri:
            return authorDepth > 0 ? .field(.authorURI) : .container
        case .published:
            return inEntry ? .field(.date(published: true)) : .ignored
        case .updated:
            return inEntry ? .field(.date(published: false)) : .ignored
        case .skipSubtree:
            return .skipped
        case .enclosure:
            if inEntry, let url = attrs.value(localName: "url") {
                addEnclosure(url: url, type: attrs.value(localName: "type"), length: attrs.value(localName: "length"))
            }
            return .ignored
        case .mediaContent:
            if inEntry, let url = attrs.value(localName: "url") {
                addEnclosure(url: url, type: attrs.value(localName: "type"), length: attrs.value(localName: "fileSize"))
            }
            return .container
        }
    }

    private func textType(_ attrs: Attributes, default fallback: FeedTextType) -> FeedTextType {
        FeedTextType(type: attrs.value(localName: "type"), mode: attrs.value(localName: "mode"), default: fallback)
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
        entry?.enclosures.append((pendingLink(url), type, length.flatMap { Int($0.trimmingASCIIWhitespace()) }))
    }

    /// Character data (text or CDATA).
    func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard hot.pointee.capturing > 0, hot.pointee.skipping == 0 else { return }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        if hot.pointee.escapeText {
            appendEscaped(buffer, quote: false)
        } else if count == 1 {
            // Each `&lt;` of escaped HTML arrives alone: skip the bulk-copy machinery.
            hot.pointee.text.append(bytes.pointee)
        } else {
            hot.pointee.text.append(contentsOf: buffer)
        }
    }

    /// libxml2 found an end tag that does not match the open element (`</p>` while `<b>` is
    /// open); `name` is the tag's real local name.
    func noteMismatchedEndTag(_ name: UnsafePointer<UInt8>) {
        mismatchedEndTag = Array(UnsafeBufferPointer(start: name, count: strlen(name)))
    }

    /// An end tag; `name` is the local name libxml2 reports.
    ///
    /// In recovery mode libxml2 treats a mismatched end tag as closing whatever element is
    /// open, which would shift every later element one level. So elements are closed by the
    /// tag's real name instead: up to the innermost open element of that name, or not at all
    /// for a stray end tag.
    func endElement(named name: UnsafePointer<UInt8>) {
        let real = mismatchedEndTag
        mismatchedEndTag = nil
        guard let index = frames.lastIndex(where: { frame in
            if let real {
                return strlen(frame.name) == real.count && memcmp(frame.name, real, real.count) == 0
            }
            return frame.name == name || strcmp(frame.name, name) == 0
        }) else { return }
        while frames.count > index { endElement() }
    }

    /// Closes the innermost open element.
    private func endElement() {
        guard let frame = frames.popLast() else { return }
        if frame.pushedBase { bases.removeLast() }
        switch frame.role {
        case .ignored, .container:
            break
        case .skipped:
            hot.pointee.skipping -= 1
        case .markup(let name, let isVoid):
            if !isVoid {
                hot.pointee.text.append(contentsOf: "</".utf8)
                hot.pointee.text.append(contentsOf: UnsafeBufferPointer(start: name, count: strlen(name)))
                hot.pointee.text.append(UInt8(ascii: ">"))
            }
        case .entry:
            if let draft = entry { drafts.append(draft) }
            entry = nil
        case .author:
            hot.pointee.capturing -= 1
            authorDepth -= 1
            let raw = takeText(from: frame.textStart)
            guard !authorHasChildren, let raw, authorDetail == nil else { return }
            let parsed = FeedAuthor.parse(raw)
            authorDetail = AuthorDetail(name: parsed.name, email: parsed.email)
        case .field(let field):
            hot.pointee.capturing -= 1
            endField(field, textStart: frame.textStart)
        }
    }

    /// The author record of the current context (the open entry, else the feed).
    private var authorDetail: AuthorDetail? {
        get { entry != nil ? entry?.author : feedAuthor }
        set {
            if entry != nil { entry?.author = newValue } else { feedAuthor = newValue }
        }
    }

    private func endField(_ field: Field, textStart: Int) {
        switch field {
        case .title(let type, let isFallback):
            markupOwner = nil
            hot.pointee.escapeText = false
            guard let typed = typedText(from: textStart, type: type), !typed.value.isEmpty else { return }
            if isFallback {
                if entry?.mediaTitle == nil { entry?.mediaTitle = typed }
            } else if entry != nil {
                if entry?.title == nil { entry?.title = typed }
            } else if feedTitle == nil {
                feedTitle = typed
            }
        case .body(let role, let type):
            markupOwner = nil
            hot.pointee.escapeText = false
            guard let typed = typedText(from: textStart, type: type), !typed.value.isEmpty else { return }
            switch role {
            case .content: if entry?.content == nil { entry?.content = typed }
            case .description: if entry?.description == nil { entry?.description = typed }
            case .other: if entry?.otherBody == nil { entry?.otherBody = typed }
            }
        case .link:
            let link = pendingLink(takeText(from: textStart) ?? "")
            if entry != nil {
                entry?.link = link
                entry?.sawLinkElement = true
            } else {
                feedLink = link
            }
        case .guid(let isPermaLink):
            let value = takeText(from: textStart)
            guard entry != nil else {
                if let value, isPermaLink { feedIDLink = pendingLink(value) }
                return
            }
            entry?.id = value
            if let value, isPermaLink { entry?.guidLink = pendingLink(value) }
        case .date(let published):
            let date = hot.pointee.text.withUnsafeBufferPointer { buffer in
                FeedDate.parse(bytes: UnsafeBufferPointer(rebasing: buffer[textStart...]))
            }
            hot.pointee.text.removeSubrange(textStart...)
            if published { entry?.published = date } else { entry?.updated = date }
        case .authorName:
            authorHasChildren = true
            authorDetail = AuthorDetail(name: takeText(from: textStart) ?? "", email: authorDetail?.email)
        case .authorEmail:
            authorHasChildren = true
            authorDetail = AuthorDetail(name: authorDetail?.name, email: takeText(from: textStart) ?? "")
        case .authorURI:
            authorHasChildren = true
            _ = takeText(from: textStart)
            if authorDetail == nil { authorDetail = AuthorDetail() }
        }
    }

    // MARK: - Format

    /// Sets the format from the first rss, RDF, feed or channel element.
    private func noteFormat(_ element: FeedElement, uri: UnsafePointer<UInt8>?, attributes attrs: Attributes) {
        let namespace = uri.map { String(cString: $0).lowercased() } ?? ""
        if sawFeedElement {
            // RSS 0.90 is RDF whose channel is in the Netscape namespace.
            if element == .channel, format == .rss10, namespace.contains("netscape.com/rdf/simple/0.9") {
                format = .rss090
            }
            return
        }
        sawFeedElement = true
        switch element {
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
        default:
            format = .rss
        }
    }

    private func classify(name: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?,
                          uri: UnsafePointer<UInt8>?) -> FeedElement {
        let key = ElementKey(name: UnsafeRawPointer(name), uri: uri.map(UnsafeRawPointer.init))
        if let element = elementCache[key] { return element }
        let namespace = FeedElement.Namespace(uri: uri.map { String(cString: $0) }, prefix: prefix.map { String(cString: $0) })
        let element = FeedElement(namespace: namespace, localName: String(cString: name).lowercased())
        elementCache[key] = element
        return element
    }

    // MARK: - Text buffer

    /// The captured text since `start`, trimmed, with the buffer cut back; nil if only whitespace.
    private func takeText(from start: Int) -> String? {
        defer { hot.pointee.text.removeSubrange(start...) }
        return hot.pointee.text.withUnsafeBufferPointer { buffer -> String? in
            var lo = start
            var hi = buffer.count
            while lo < hi, FeedDate.isSpace(buffer[lo]) { lo += 1 }
            while hi > lo, FeedDate.isSpace(buffer[hi - 1]) { hi -= 1 }
            guard hi > lo else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: buffer[lo..<hi])
            if let repaired = FeedText.undoDoubleEncoding(bytes) { return repaired }
            return FeedText.decode(bytes)
        }
    }

    /// The captured text as a typed value (base64 decoded when it is UTF-8 text).
    private func typedText(from start: Int, type: FeedTextType) -> TypedText? {
        guard let value = takeText(from: start) else { return nil }
        guard type == .base64 else { return TypedText(value: value, type: type) }
        if let data = Data(base64Encoded: value, options: .ignoreUnknownCharacters),
           let decoded = String(validating: data, as: UTF8.self) {
            return TypedText(value: decoded, type: .text)
        }
        return TypedText(value: value, type: .text)
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
            if i > runStart { hot.pointee.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            replacement.withUTF8Buffer { hot.pointee.text.append(contentsOf: $0) }
            runStart = i + 1
        }
        if bytes.count > runStart {
            hot.pointee.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Serialises a start tag into the text; returns true for void elements (no end tag).
    private func appendStartTag(name: UnsafePointer<UInt8>, attributes attrs: Attributes) -> Bool {
        let nameBytes = UnsafeBufferPointer(start: name, count: strlen(name))
        hot.pointee.text.append(UInt8(ascii: "<"))
        hot.pointee.text.append(contentsOf: nameBytes)
        for index in 0..<attrs.count {
            guard let attrName = attrs.localName(at: index) else { continue }
            hot.pointee.text.append(UInt8(ascii: " "))
            if let prefix = attrs.prefix(at: index) {
                hot.pointee.text.append(contentsOf: UnsafeBufferPointer(start: prefix, count: strlen(prefix)))
                hot.pointee.text.append(UInt8(ascii: ":"))
            }
            hot.pointee.text.append(contentsOf: UnsafeBufferPointer(start: attrName, count: strlen(attrName)))
            hot.pointee.text.append(contentsOf: "=\"".utf8)
            var value = attrs.value(at: index)
            value.withUTF8 { appendEscaped($0, quote: true) }
            hot.pointee.text.append(UInt8(ascii: "\""))
        }
        let isVoid = FeedXMLHandler.voidElements.contains(String(decoding: nameBytes, as: UTF8.self).lowercased())
        hot.pointee.text.append(contentsOf: isVoid ? " />".utf8 : ">".utf8)
        return isVoid
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

    /// Closes the elements a truncated document left open, so that their values count.
    ///
    /// Must run while libxml2's parser context is alive: open frames hold element names that
    /// point into its dictionary, which `xmlFreeParserCtxt` frees.
    func closeOpenElements() {
        while !frames.isEmpty { endElement() }
        mismatchedEndTag = nil
    }

    /// The feed built from the events; throws when the document held no feed at all.
    ///
    /// Call `closeOpenElements()` first: a truncated document leaves elements open.
    func result(bozo: Bool, bozoMessage: String?) throws(FeedParseError) -> ParsedFeed {
        if let failure { throw failure }
        if !sawFeedElement, drafts.isEmpty {
            guard let rootName else { throw .notAFeed("no XML elements found") }
            if rootName.lowercased() == "html" {
                throw .notAFeed("an HTML page, not a feed; look for a feed link in it")
            }
            throw .notAFeed("the document's root element is <\(rootName)>, not rss, RDF or feed")
        }
        let home: String? = (feedLink ?? feedIDLink).map { link in
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
        feed.title = feedTitle.map(\.plainText).flatMap { $0.isEmpty ? nil : $0 }
        feed.link = home
        feed.author = feedAuthor?.display.map { TypedText(value: $0, type: .text).plainText }
        feed.bozo = bozo
        feed.bozoMessage = bozoMessage
        let inherited = isAtom ? feed.author : nil
        feed.entries = drafts.map { $0.entry(inheritedAuthor: inherited, resolve: resolve) }
        return feed
    }
}
