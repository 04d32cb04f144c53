import Foundation
import NewsIngest
import NewsModel
import NewsStore

extension RelatedScorer: RelatedScoring {}

/// Real feeds from the shared corpus, stored with their related stories computed.
enum RelatedCorpus {
    /// `/work/shared` as seen from this checkout: `<repo>/../shared`, else `/work/shared`; nil when absent.
    static let sharedFolder: URL? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [repo.deletingLastPathComponent().appendingPathComponent("shared"),
                          URL(fileURLWithPath: "/work/shared")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("corpus/feeds").path) }
    }()

    static var feedsFolder: URL? { sharedFolder?.appendingPathComponent("corpus/feeds") }

    /// The articles of one corpus feed file, built as a refresh builds them (body blocks, summary).
    static func articles(file: String) throws -> [Article] {
        guard let folder = feedsFolder else { return [] }
        let url = folder.appendingPathComponent(file)
        let parsed = try FeedParser.parse(try Data(contentsOf: url), baseURL: nil)
        let source = parsed.title.map(oneLine).flatMap { $0.isEmpty ? nil : $0 } ?? file
        return parsed.entries.map { entry in
            let base = entry.link.flatMap { URL(string: $0) }
            let body = entry.contentHTML.map { entry.contentIsHTML ? HTMLBlocks.blocks(fromHTML: $0, baseURL: base)
                                                                  : [Block.paragraph([Span(oneLine($0))])] } ?? []
            let summary = entry.summary.map { oneLine(HTMLBlocks.blocks(fromHTML: $0, baseURL: base).plainText) }
            return Article(source: source, url: entry.link, guid: entry.id, title: oneLine(entry.title ?? ""),
                           summary: summary?.isEmpty == false ? summary : nil,
                           published: entry.published, updated: entry.updated,
                           body: body.isEmpty ? (summary.map { [Block.paragraph([Span($0)])] } ?? []) : body)
        }.filter { !$0.title.isEmpty }
    }

    static func oneLine(_ text: String) -> String {
        TextSanitizer.clean(text, keepNewlines: false).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Stores every file of `files` as its own feed; returns the store and each file's article ids.
    static func store(_ files: [String], scorer: RelatedScorer = RelatedScorer()) throws -> (NewsStore, [String: [ArticleID]]) {
        let store = try NewsStore.inMemory()
        var ids: [String: [ArticleID]] = [:]
        for file in files {
            guard let articles = try? articles(file: file) else { continue } // empty or unreadable files
            guard !articles.isEmpty else { continue }
            let feed = try store.upsertFeed(Feed(url: "corpus:\(file)", kind: .web, title: articles[0].source))
            let summary = try store.upsertArticles(articles, feed: feed)
            ids[file] = summary.ids
            try store.updateRelated(for: summary.ids, scoring: scorer)
        }
        return (store, ids)
    }
}
