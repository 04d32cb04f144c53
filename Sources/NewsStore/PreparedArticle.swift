import Foundation
import NewsModel

/// An article made ready to write: cleaned, its body encoded, its content hashed, its title keys
/// computed. All of this happens before the write lock is taken, so several imports can
/// prepare in parallel while one writes.
struct PreparedArticle {
    /// The article with every text cleaned, empty alternate titles dropped and highlights in
    /// stored order (by position, ties in input order).
    let article: Article
    /// Keys of the title and alternate titles: distinct and non-empty, the title's first.
    let titleKeys: [String]
    /// `BodyCodec.encode` of the body.
    let encodedBody: [UInt8]
    /// What the store compares to tell an unchanged re-import: everything written but read state.
    let contentHash: Int64
    /// The links stored as `.explicit`.
    let explicitLinks: [RelatedLink]
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
        explicitLinks = article.related.map { link in
            var link = link
            link.kind = .explicit
            return link
        }

        var hash = ContentHash()
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

    /// The article's text as the full-text index holds it: exactly what the view
    /// `search_source` rebuilds from the stored rows (title and alternate titles one per line,
    /// body blocks separated by blank lines, highlights one per line in stored order).
    var searchDocument: SearchDocument {
        SearchDocument(
            title: SearchText.indexable(([article.title] + article.alternateTitles).joined(separator: "\n")),
            summary: article.summary.map(SearchText.indexable),
            body: SearchText.indexable(article.body.plainText),
            highlights: article.highlights.isEmpty ? nil
                : article.highlights.map { SearchText.indexable($0.text) }.joined(separator: "\n"))
    }
}

extension Article {
    /// The article with every text cleaned of control characters (titles also of line breaks),
    /// empty guid, URL and alternate titles dropped, and highlights in stored order.
    var sanitized: Article {
        var article = self
        article.source = TextSanitizer.clean(source, keepNewlines: false)
        article.url = url.flatMap(Self.identifier)
        article.guid = guid.flatMap(Self.identifier)
        article.title = TextSanitizer.clean(title, keepNewlines: false)
        article.alternateTitles = alternateTitles.map { TextSanitizer.clean($0, keepNewlines: false) }
            .filter { !$0.isEmpty }
        article.summary = summary.map { TextSanitizer.clean($0) }
        article.author = author.map { TextSanitizer.clean($0, keepNewlines: false) }
        article.body = body.map(\.sanitized)
        article.highlights = highlights.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map { $0.element.sanitized }
        article.related = related.map { link in
            var link = link
            link.title = TextSanitizer.clean(link.title, keepNewlines: false)
            link.url = link.url.map { TextSanitizer.clean($0, keepNewlines: false) }
            link.source = link.source.map { TextSanitizer.clean($0, keepNewlines: false) }
            return link
        }
        return article
    }

    /// A guid or URL cleaned and trimmed; nil when nothing is left (an empty guid identifies nothing).
    private static func identifier(_ text: String) -> String? {
        let cleaned = TextSanitizer.clean(text, keepNewlines: false).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? nil : cleaned
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
