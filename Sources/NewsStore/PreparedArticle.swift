import Foundation
import NewsModel

/// An article made ready to write: cleaned, its body encoded, its content hashed, its title keys
/// and index text computed. All of this happens before the write lock is taken, so several
/// imports can prepare in parallel while one writes.
struct PreparedArticle: Sendable {
    /// The article with every text cleaned, empty alternate titles dropped and highlights in
    /// stored order (by position, ties in input order).
    let article: Article
    /// Keys of the title and alternate titles: distinct and non-empty, the title's first.
    let titleKeys: [String]
    /// `BodyCodec.encode` of the body.
    let encodedBody: [UInt8]
    /// What the store compares to tell an unchanged re-import: everything written but read state.
    let contentHash: Int64
    /// Each highlight's text as stored, in stored order: nil where its anchor recovers it from
    /// the body (`HighlightText.stored`).
    let highlightTexts: [String?]
    /// The links stored as `.explicit`.
    let explicitLinks: [RelatedLink]
    /// The article's text as the full-text index holds it: exactly what the view
    /// `search_source` rebuilds from the stored rows (title and alternate titles one per line,
    /// body blocks separated by blank lines, the highlights stored with text one per line in
    /// stored order: anchored ones are in the body already).
    let searchDocument: SearchDocument
    /// The body's stored form, once `packBody` computed it.
    private(set) var packedBody: [UInt8]?

    init(_ input: Article) {
        let article = input.sanitized
        self.article = article
        var keys: [String] = []
        for title in [article.title] + article.alternateTitles {
            let key = TitleKey.make(title)
            if !key.isEmpty && !keys.contains(key) { keys.append(key) }
        }
        titleKeys = keys
        encodedBody = BodyCodec.encode(article.body)
        highlightTexts = article.highlights.map { HighlightText.stored($0, body: article.body) }
        explicitLinks = article.related.map { link in
            var link = link
            link.kind = .explicit
            return link
        }
        let storedTexts = highlightTexts.compactMap { $0 }
        searchDocument = SearchDocument(
            title: SearchText.indexable(([article.title] + article.alternateTitles).joined(separator: "\n")),
            summary: article.summary.map(SearchText.indexable),
            body: SearchText.indexable(article.body, capacity: encodedBody.count),
            highlights: storedTexts.isEmpty ? nil : storedTexts.map(SearchText.indexable).joined(separator: "\n"))

        var hash = StableHash()
        hash.add(article.guid)
        hash.add(article.url)
        hash.add(article.title)
        for title in article.alternateTitles { hash.add(title) }
        hash.add(byte: 0)
        hash.add(article.source)
        hash.add(article.summary)
        hash.add(article.author)
        hash.add(article.published?.timeIntervalSince1970)
        hash.add(article.updated?.timeIntervalSince1970)
        hash.add(UInt64(encodedBody.count))
        hash.add(bytes: encodedBody)
        for highlight in article.highlights {
            hash.add(highlight.kind.rawValue)
            hash.add(highlight.text)
            hash.add(highlight.attribution)
            hash.add(highlight.anchor?.block)
            hash.add(highlight.anchor?.start)
            hash.add(highlight.anchor?.end)
            hash.add(highlight.position)
        }
        hash.add(byte: 0)
        for link in explicitLinks {
            hash.add(link.title)
            hash.add(link.url)
            hash.add(link.articleID.map { Int($0.rawValue) })
            hash.add(link.score)
            hash.add(link.source)
        }
        contentHash = hash.int64
    }

    /// Computes the body's stored form now, if it was not yet.
    mutating func packBody(using deflater: Deflater) {
        if packedBody == nil { packedBody = BodyCodec.pack(encodedBody, using: deflater) }
    }
}

extension Article {
    /// The article with every text cleaned of control characters (titles also of line breaks),
    /// empty guid, URL and alternate titles dropped, and highlights in stored order.
    ///
    /// Articles from Herald's own ingest are clean already: one scan of their bytes
    /// (`CleanText.isClean`) finds that, and nothing is rebuilt.
    var sanitized: Article {
        var article = isClean ? self : cleaned
        article.url = article.url.flatMap(Self.identifier)
        article.guid = article.guid.flatMap(Self.identifier)
        article.alternateTitles = article.alternateTitles.filter { !$0.isEmpty }
        if !article.highlights.isSorted(by: { $0.position <= $1.position }) {
            article.highlights = article.highlights.enumerated()
                .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
                .map(\.element)
        }
        return article
    }

    /// Every text through `TextSanitizer.clean`.
    private var cleaned: Article {
        var article = self
        article.source = TextSanitizer.clean(source, keepNewlines: false)
        article.url = url.map { TextSanitizer.clean($0, keepNewlines: false) }
        article.guid = guid.map { TextSanitizer.clean($0, keepNewlines: false) }
        article.title = TextSanitizer.clean(title, keepNewlines: false)
        article.alternateTitles = alternateTitles.map { TextSanitizer.clean($0, keepNewlines: false) }
        article.summary = summary.map { TextSanitizer.clean($0) }
        article.author = author.map { TextSanitizer.clean($0, keepNewlines: false) }
        article.body = body.map(\.sanitized)
        article.highlights = highlights.map(\.sanitized)
        article.related = related.map { link in
            var link = link
            link.title = TextSanitizer.clean(link.title, keepNewlines: false)
            link.url = link.url.map { TextSanitizer.clean($0, keepNewlines: false) }
            link.source = link.source.map { TextSanitizer.clean($0, keepNewlines: false) }
            return link
        }
        return article
    }

    /// True when no text of the article holds anything `TextSanitizer.clean` would change.
    /// (Loops, not `allSatisfy` closures: this runs on every article, and closures over blocks
    /// copied each one.)
    private var isClean: Bool {
        guard CleanText.isClean(source), CleanText.isClean(title), CleanText.isClean(url),
              CleanText.isClean(guid), CleanText.isClean(author),
              summary.map({ CleanText.isClean($0, keepingNewlines: true) }) ?? true else { return false }
        for title in alternateTitles where !CleanText.isClean(title) { return false }
        for block in body where !block.isClean { return false }
        for highlight in highlights {
            guard CleanText.isClean(highlight.text, keepingNewlines: true),
                  CleanText.isClean(highlight.attribution) else { return false }
        }
        for link in related {
            guard CleanText.isClean(link.title), CleanText.isClean(link.url),
                  CleanText.isClean(link.source) else { return false }
        }
        return true
    }

    /// A guid or URL cleaned and trimmed; nil when nothing is left (an empty guid identifies nothing).
    private static func identifier(_ text: String) -> String? {
        let cleaned = CleanText.isClean(text) ? text : TextSanitizer.clean(text, keepNewlines: false)
        // Nearly every identifier starts and ends with a character that is no space: nothing to trim.
        guard let first = cleaned.utf8.first, let last = cleaned.utf8.last else { return nil }
        if first < 0x80 && first != UInt8(ascii: " ") && last < 0x80 && last != UInt8(ascii: " ") {
            return cleaned
        }
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension Highlight {
    var sanitized: Highlight {
        var highlight = self
        highlight.text = TextSanitizer.clean(text)
        highlight.attribution = attribution.map { TextSanitizer.clean($0, keepNewlines: false) }
        return highlight
    }
}

extension Block {
    /// True when no text of the block holds anything `TextSanitizer.clean` would change.
    var isClean: Bool {
        switch self {
        case .paragraph(let spans), .listItem(let spans, _, _):
            return CleanText.isClean(spans)
        case .heading(_, let heading):
            return CleanText.isClean(heading)
        case .preformatted(let preformatted):
            return CleanText.isClean(preformatted, keepingNewlines: true)
        case .quote(let spans, let attribution):
            return CleanText.isClean(spans)
                && (attribution.map { CleanText.isClean($0, keepingNewlines: true) } ?? true)
        case .image(let alt, let url):
            return CleanText.isClean(alt) && CleanText.isClean(url)
        case .table(let rows):
            for row in rows {
                for cell in row where !CleanText.isClean(cell, keepingNewlines: true) { return false }
            }
            return true
        case .rule:
            return true
        }
    }

    /// The block with its text cleaned of control characters.
    var sanitized: Block {
        switch self {
        case .paragraph(let spans):
            return .paragraph(spans.map(\.sanitized))
        case .heading(let level, let text):
            return .heading(level: level, text: TextSanitizer.clean(text, keepNewlines: false))
        case .quote(let spans, let attribution):
            return .quote(spans.map(\.sanitized), attribution: attribution.map { TextSanitizer.clean($0) })
        case .listItem(let spans, let depth, let number):
            return .listItem(spans.map(\.sanitized), depth: depth, number: number)
        case .preformatted(let text):
            return .preformatted(TextSanitizer.clean(text))
        case .image(let alt, let url):
            return .image(alt: TextSanitizer.clean(alt, keepNewlines: false),
                          url: url.map { TextSanitizer.clean($0, keepNewlines: false) })
        case .table(let rows):
            return .table(rows.map { $0.map { TextSanitizer.clean($0) } })
        case .rule:
            return .rule
        }
    }
}

extension Span {
    var sanitized: Span {
        Span(TextSanitizer.clean(text), link: link.map { TextSanitizer.clean($0, keepNewlines: false) },
             emphasis: emphasis)
    }
}

/// The fast check before `TextSanitizer.clean`: a scan of UTF-8 bytes.
enum CleanText {
    /// True when `text` has none of what `TextSanitizer.clean` removes or replaces: C0 controls
    /// (tabs, carriage returns and, unless `keepingNewlines`, line feeds included), DEL, C1
    /// controls, bidi controls, the zero-width joiner and the interlinear annotation controls.
    /// Looks at bytes, decoding only the lead bytes of those characters (0xC2, 0xD8, 0xE2, 0xEF).
    ///
    /// Eight bytes at a time are let through at once when none of them is a control, DEL or
    /// beyond ASCII; the others are looked at one by one.
    static func isClean(_ text: String, keepingNewlines: Bool = false) -> Bool {
        if let clean = text.utf8.withContiguousStorageIfAvailable({ isClean($0, keepingNewlines: keepingNewlines) }) {
            return clean
        }
        var text = text
        return text.withUTF8 { isClean($0, keepingNewlines: keepingNewlines) }
    }

    /// `isClean` of an optional text that is not a body text (line feeds count): true for nil.
    static func isClean(_ text: String?) -> Bool {
        text.map { isClean($0) } ?? true
    }

    /// True when the texts (with line feeds) and links of `spans` are clean.
    static func isClean(_ spans: [Span]) -> Bool {
        for span in spans {
            guard isClean(span.text, keepingNewlines: true), isClean(span.link) else { return false }
        }
        return true
    }

    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, keepingNewlines: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count && isPlainASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, count)
            while index < end {
                let byte = bytes[index]
                if byte < 0x20 && !(keepingNewlines && byte == 0x0A) || byte == 0x7F { return false }
                if byte >= 0xC2 && !isCleanSequence(bytes, at: index) { return false }
                index += 1
            }
        }
        return true
    }

    /// Whether all eight bytes of `word` are printable ASCII (0x20 to 0x7E).
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        let below0x20 = (word &- 0x20 &* ones) & ~word & highBits   // nonzero when a byte < 0x20 (or > 0x7F)
        let del = word ^ (0x7F &* ones)
        let isDEL = (del &- ones) & ~del & highBits                  // nonzero when a byte is 0x7F
        return (word & highBits) | below0x20 | isDEL == 0
    }

    /// Whether the character starting at `index` (a lead byte) is one `clean` keeps.
    private static func isCleanSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch bytes[index] {
        case 0xC2: return next >= 0xA0                                  // U+0080–U+009F: C1 controls
        case 0xD8: return next != 0x9C                                  // U+061C: Arabic letter mark
        case 0xE2 where next == 0x80: return !(0x8D...0x8F ~= third) && !(0xAA...0xAE ~= third)  // ZWJ, LRM, RLM, embeddings
        case 0xE2 where next == 0x81: return !(0xA6...0xA9 ~= third)    // U+2066–U+2069: isolates
        case 0xEF where next == 0xBF: return !(0xB9...0xBB ~= third)    // U+FFF9–U+FFFB: annotations
        default: return true
        }
    }
}

extension Array {
    /// True when every element is in order by `areInOrder` with the next.
    func isSorted(by areInOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy(areInOrder)
    }
}
