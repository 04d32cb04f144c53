import Foundation
import NewsModel
@testable import NewsStore

/// A directory of its own under the system's temporary directory, removed on deinit.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Files that tests open, beside the tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)
}

/// A whole-second date `minutes` after 2024-06-01 00:00 UTC.
func day(_ minutes: Int) -> Date {
    Date(timeIntervalSince1970: 1_717_200_000 + Double(minutes) * 60)
}

/// A paragraph block of plain text.
func paragraph(_ text: String) -> Block { .paragraph([Span(text)]) }

/// An article with a guid, URL and date derived from `number`.
func sampleArticle(_ number: Int, title: String? = nil, body: [Block]? = nil, feedName: String = "Example News",
                   highlights: [Highlight] = [], related: [RelatedLink] = []) -> Article {
    Article(source: feedName, url: "https://example.org/\(number)", guid: "guid-\(number)",
            title: title ?? "Story number \(number)", summary: "Summary of story \(number)",
            author: "Reporter \(number % 3)", published: day(number),
            body: body ?? [paragraph("Body text of story \(number) about harbours and railways.")],
            highlights: highlights, related: related)
}

/// An in-memory store with one feed.
func storeWithFeed(title: String = "Example News", url: String = "https://example.org/feed.xml",
                   tags: [String] = []) throws -> (NewsStore, FeedID) {
    let store = try NewsStore.inMemory()
    let feed = try store.upsertFeed(Feed(url: url, title: title, tags: tags))
    return (store, feed)
}

extension Array where Element == Headline {
    var ids: [ArticleID] { map(\.id) }
}
