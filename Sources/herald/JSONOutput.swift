import Foundation
import NewsModel

/// The stable JSON shapes of `list`, `show`, `search` and `bookmarks` (documented in the README).
enum JSONOutput {
    /// One headline row.
    struct HeadlineRow: Encodable {
        var id: Int64
        var feed_id: Int64
        var title: String
        var source: String
        @Nullable var date: Date?
        var read: Bool
        var starred: Bool
        @Nullable var url: String?

        init(_ h: Headline) {
            id = h.id.rawValue; feed_id = h.feedID.rawValue; title = h.title; source = h.source
            date = h.date; read = h.isRead; starred = h.isStarred; url = h.url
        }
    }

    /// One body block: `type` is paragraph, heading, quote, list_item, preformatted, image, table or rule.
    struct BlockRow: Encodable {
        struct Link: Codable { var text: String; var url: String }
        var type: String
        var text: String
        @Nullable var level: Int?
        @Nullable var attribution: String?
        @Nullable var depth: Int?
        @Nullable var number: Int?
        @Nullable var url: String?
        @Nullable var rows: [[String]]?
        @Nullable var links: [Link]?

        init(_ block: Block) {
            text = block.plainText
            let links = block.links.compactMap { span in span.link.map { Link(text: span.text, url: $0) } }
            self.links = links.isEmpty ? nil : links
            switch block {
            case .paragraph: type = "paragraph"
            case .heading(let level, _): type = "heading"; self.level = level
            case .quote(_, let attribution): type = "quote"; self.attribution = attribution
            case .listItem(_, let depth, let number): type = "list_item"; self.depth = depth; self.number = number
            case .preformatted: type = "preformatted"
            case .image(_, let url): type = "image"; self.url = url
            case .table(let rows): type = "table"; self.rows = rows
            case .rule: type = "rule"
            }
        }
    }

    /// One highlight (`kind`: takeaway, highlight, quote, keySentence, passage).
    struct HighlightRow: Encodable {
        struct AnchorRow: Codable { var block: Int; var start: Int; var end: Int }
        @Nullable var id: Int64?
        var kind: String
        var text: String
        @Nullable var attribution: String?
        @Nullable var anchor: AnchorRow?

        init(_ h: Highlight) {
            id = h.id?.rawValue; kind = h.kind.rawValue; text = h.text; attribution = h.attribution
            anchor = h.anchor.map { AnchorRow(block: $0.block, start: $0.start, end: $0.end) }
        }
    }

    /// One related story; `article_id` is null when unresolved.
    struct RelatedRow: Encodable {
        var title: String
        @Nullable var url: String?
        @Nullable var article_id: Int64?
        var resolved: Bool
        var kind: String
        var score: Double
        @Nullable var source: String?

        init(_ r: RelatedLink) {
            title = r.title; url = r.url; article_id = r.articleID?.rawValue; resolved = r.articleID != nil
            kind = r.kind.rawValue; score = r.score; source = r.source
        }
    }

    /// The whole article of `herald show --json`.
    struct ArticleDocument: Encodable {
        @Nullable var id: Int64?
        @Nullable var feed_id: Int64?
        var source: String
        var title: String
        var alternate_titles: [String]
        @Nullable var summary: String?
        @Nullable var author: String?
        @Nullable var url: String?
        @Nullable var guid: String?
        @Nullable var published: Date?
        @Nullable var updated: Date?
        var read: Bool
        var starred: Bool
        var body: [BlockRow]
        /// The page's "Key Takeaways" (kind takeaway).
        var takeaways: [HighlightRow]
        /// Every other highlight: page bullets, quotes, key sentences.
        var highlights: [HighlightRow]
        var related: [RelatedRow]

        init(_ a: Article) {
            id = a.id?.rawValue; feed_id = a.feedID?.rawValue; source = a.source; title = a.title
            alternate_titles = a.alternateTitles; summary = a.summary; author = a.author; url = a.url
            guid = a.guid; published = a.published; updated = a.updated; read = a.isRead
            starred = a.isStarred; body = a.body.map(BlockRow.init)
            takeaways = a.highlights.filter { $0.kind == .takeaway }.map(HighlightRow.init)
            highlights = a.highlights.filter { $0.kind != .takeaway }.map(HighlightRow.init)
            related = a.related.map(RelatedRow.init)
        }
    }

    /// One search hit.
    struct SearchRow: Encodable {
        var article: HeadlineRow
        var snippet: String
        var rank: Double

        init(_ hit: SearchHit) {
            article = HeadlineRow(hit.headline); snippet = hit.snippet; rank = hit.rank
        }
    }
}
