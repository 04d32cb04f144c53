import Foundation
import NewsIngest
import NewsModel

/// Turns parsed feed entries into articles: body blocks, highlights, related links, clean text.
enum RefreshArticleBuilder {
    /// Key sentences picked per article when the page names no highlights of its own.
    static let keySentences = 3

    /// The articles of `feed`, in document order. `source` is the name readers see.
    static func articles(from feed: ParsedFeed, source: String, feedURL: URL) -> [Article] {
        feed.entries.map { article(from: $0, source: source, feedURL: feedURL) }
    }

    static func article(from entry: ParsedEntry, source: String, feedURL: URL) -> Article {
        let base = entry.link.flatMap { URL(string: $0) } ?? feedURL
        var body = blocks(entry.contentHTML, isHTML: entry.contentIsHTML, base: base)
        // The summary is shown as one line: plain text is enough (no second HTML parse).
        let summary = entry.summary.map { oneLine(HTMLText.plainText($0)) } ?? ""
        if body.isEmpty { body = blocks(entry.summary, isHTML: true, base: base) }
        let title = oneLine(entry.title ?? "")
        return Article(
            source: source,
            url: entry.link.map(clean),
            guid: entry.id.map(clean).flatMap { $0.isEmpty ? nil : $0 },
            title: title.isEmpty ? fallbackTitle(summary: summary, body: body) : title,
            summary: summary.isEmpty ? nil : summary,
            author: entry.author.map { oneLine($0) }.flatMap { $0.isEmpty ? nil : $0 },
            published: entry.published,
            updated: entry.updated,
            body: body,
            highlights: HighlightExtractor.extract(from: body, explicit: [], maxKeySentences: keySentences),
            related: entry.relatedLinks.map { link in
                RelatedLink(title: oneLine(link.title ?? "").isEmpty ? link.url : oneLine(link.title ?? ""),
                            url: link.url, kind: .explicit)
            })
    }

    /// Body blocks of HTML or plain text (paragraphs at blank lines).
    static func blocks(_ content: String?, isHTML: Bool, base: URL?) -> [Block] {
        guard let content, !content.allSatisfy(\.isWhitespace) else { return [] }
        if isHTML { return HTMLBlocks.blocks(fromHTML: content, baseURL: base) }
        return TextSanitizer.clean(content)
            .components(separatedBy: "\n\n")
            .map(oneLine)
            .filter { !$0.isEmpty }
            .map { Block.paragraph([Span($0)]) }
    }

    /// An untitled entry is shown by the start of its text.
    private static func fallbackTitle(summary: String, body: [Block]) -> String {
        let text = summary.isEmpty ? oneLine(body.plainText) : summary
        guard !text.isEmpty else { return "(untitled)" }
        let words = text.split(separator: " ")
        return words.count <= 12 ? text : words.prefix(12).joined(separator: " ") + "…"
    }

    private static func clean(_ text: String) -> String {
        let cleaned = TextSanitizer.clean(text, keepNewlines: false)
        // Links and ids nearly always start and end with a visible ASCII character: nothing to
        // trim then, and Foundation's trimming costs more than the rest of the article's fields.
        let isVisibleASCII: (UInt8?) -> Bool = { $0.map { $0 > 0x20 && $0 < 0x7F } ?? false }
        if isVisibleASCII(cleaned.utf8.first) && isVisibleASCII(cleaned.utf8.last) { return cleaned }
        return cleaned.trimmingCharacters(in: .whitespaces)
    }

    /// Cleaned, on one line, whitespace runs collapsed.
    static func oneLine(_ text: String) -> String {
        let cleaned = TextSanitizer.clean(text, keepNewlines: false)
        if isCollapsed(cleaned) { return cleaned }
        return cleaned.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when `text` has no leading, trailing or doubled whitespace and no whitespace but
    /// plain spaces (the usual case for titles the parser already cleaned).
    private static func isCollapsed(_ text: String) -> Bool {
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if scalar.isASCII ? (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || text.isEmpty
    }
}
