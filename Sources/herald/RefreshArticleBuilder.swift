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
        let body = blocks(entry.contentHTML, isHTML: entry.contentIsHTML, base: base)
        let summaryBlocks = blocks(entry.summary, isHTML: true, base: base)
        let summary = oneLine(summaryBlocks.plainText)
        let finalBody = body.isEmpty ? summaryBlocks : body
        let title = oneLine(entry.title ?? "")
        return Article(
            source: source,
            url: entry.link.map(clean),
            guid: entry.id.map(clean).flatMap { $0.isEmpty ? nil : $0 },
            title: title.isEmpty ? fallbackTitle(summary: summary, body: finalBody) : title,
            summary: summary.isEmpty ? nil : summary,
            author: entry.author.map { oneLine($0) }.flatMap { $0.isEmpty ? nil : $0 },
            published: entry.published,
            updated: entry.updated,
            body: finalBody,
            highlights: HighlightExtractor.extract(from: finalBody, explicit: [], maxKeySentences: keySentences),
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
        TextSanitizer.clean(text, keepNewlines: false).trimmingCharacters(in: .whitespaces)
    }

    /// Cleaned, on one line, whitespace runs collapsed.
    static func oneLine(_ text: String) -> String {
        TextSanitizer.clean(text, keepNewlines: false).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
