import Foundation
import NewsModel
import NewsStore

/// The bookmark export formats: grouped by article, in Markdown and JSON.
enum BookmarkExport {
    /// The JSON document (`version` 1).
    struct Document: Codable {
        var version: Int
        var exported: Date
        var articles: [ArticleGroup]
    }

    /// One article and its bookmarks.
    struct ArticleGroup: Codable {
        var title: String
        var source: String
        @Nullable var url: String?
        @Nullable var date: Date?
        var bookmarks: [Entry]
    }

    /// One bookmark.
    struct Entry: Codable {
        var kind: HighlightKind
        var text: String
        @Nullable var attribution: String?
        @Nullable var note: String?
        var tags: [String]
        var created: Date
        /// True when the passage is no longer in the article.
        var orphaned: Bool
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Groups entries by article, keeping the newest-first order of the articles' first bookmarks.
    static func document(_ entries: [BookmarkEntry], now: Date = Date()) -> Document {
        var order: [ArticleID] = []
        var groups: [ArticleID: ArticleGroup] = [:]
        for e in entries {
            let b = e.bookmark
            let entry = Entry(kind: b.kind, text: b.text, attribution: b.attribution, note: b.note,
                              tags: b.tags, created: b.created, orphaned: b.isOrphaned)
            if groups[b.articleID] == nil {
                order.append(b.articleID)
                groups[b.articleID] = ArticleGroup(title: e.articleTitle, source: e.source, url: e.url,
                                                   date: e.date, bookmarks: [])
            }
            groups[b.articleID]?.bookmarks.append(entry)
        }
        // Whole seconds: the JSON round-trips exactly.
        let seconds = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        return Document(version: 1, exported: seconds, articles: order.compactMap { groups[$0] })
    }

    /// Markdown that drops into a notes app: one section per article, quotes as blockquotes.
    static func markdown(_ entries: [BookmarkEntry]) -> String {
        let doc = document(entries)
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        var out = "# Herald bookmarks\n"
        for group in doc.articles {
            out += "\n## \(escape(group.title))\n\n"
            var meta = ["*\(escape(group.source))*"]
            if let date = group.date { meta.append(day.string(from: date)) }
            if let url = group.url { meta.append("<\(url)>") }
            out += meta.joined(separator: " · ") + "\n"
            for b in group.bookmarks {
                out += "\n> " + b.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ") + "\n"
                if let who = b.attribution { out += ">\n> — \(who)\n" }
                if let note = b.note { out += "\n\(note)\n" }
                if !b.tags.isEmpty { out += "\nTags: " + b.tags.map { "#" + $0.replacingOccurrences(of: " ", with: "-") }.joined(separator: " ") + "\n" }
                if b.orphaned { out += "\n*(This passage is no longer in the article.)*\n" }
            }
        }
        return out
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for ch in TextSanitizer.clean(text, keepNewlines: false) {
            if "\\`*_[]<>#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Adds the document's bookmarks to the store, matching articles by URL, then source and title;
    /// an article not in the store is kept in a local "Imported bookmarks" feed.
    static func importDocument(_ doc: Document, into store: NewsStore) throws -> (added: Int, skipped: Int) {
        var added = 0, skipped = 0
        for group in doc.articles {
            let articleID = try store.findArticle(url: group.url, source: group.source, title: group.title)
                ?? createPlaceholder(for: group, in: store)
            let existing = Set(try store.bookmarks(article: articleID).map(\.text))
            for entry in group.bookmarks {
                if existing.contains(entry.text) { skipped += 1; continue }
                let article = try store.article(id: articleID)
                let anchor = article.flatMap { locate(entry.text, in: $0.body) }
                let highlight = article?.highlights.first { $0.text == entry.text }
                _ = try store.addBookmark(Bookmark(
                    articleID: articleID, highlightID: highlight?.id, kind: entry.kind, text: entry.text,
                    attribution: entry.attribution, anchor: anchor ?? highlight?.anchor, note: entry.note,
                    tags: entry.tags, created: entry.created, isOrphaned: anchor == nil && highlight == nil && entry.orphaned))
                added += 1
            }
        }
        return (added, skipped)
    }

    private static func createPlaceholder(for group: ArticleGroup, in store: NewsStore) throws -> ArticleID {
        let feed = try store.upsertFeed(Feed(url: "local:imported-bookmarks", kind: .pages, title: "Imported bookmarks"))
        let article = Article(source: group.source, url: group.url,
                              guid: "imported:" + (group.url ?? group.source + "/" + group.title),
                              title: group.title, published: group.date,
                              body: group.bookmarks.map { .quote([Span($0.text)], attribution: $0.attribution) })
        let summary = try store.upsertArticles([article], feed: feed)
        guard let id = summary.ids.first else { throw StoreError.notFound("imported article \(group.title)") }
        return id
    }

    /// Finds `text` in the body; the anchor is in Unicode scalars of the block's plain text.
    static func locate(_ text: String, in body: [Block]) -> Anchor? {
        for (index, block) in body.enumerated() {
            let plain = block.plainText
            guard let range = plain.range(of: text) else { continue }
            let start = plain.unicodeScalars.distance(from: plain.unicodeScalars.startIndex, to: range.lowerBound)
            let length = text.unicodeScalars.count
            return Anchor(block: index, start: start, end: start + length)
        }
        return nil
    }
}
