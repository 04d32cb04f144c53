import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct LargeStoreTests {
    static let feedCount = 50
    static let articleCount = 100_000
    static let batchSize = 2_000

    /// 100,000 small articles in a file store: pages are exact and every hot query keeps its index.
    /// Timings are printed for information only; nothing here asserts a duration.
    @Test func aHundredThousandArticlesPageExactlyAndKeepTheirIndexes() throws {
        let directory = try TemporaryDirectory()
        let store = try NewsStore.open(path: directory.path("large.sqlite"))
        let feeds = try (0..<Self.feedCount).map { index in
            try store.upsertFeed(Feed(url: "https://feed\(index).example/rss", title: "Feed \(index)",
                                      tags: index % 5 == 0 ? ["fifth"] : []))
        }

        let clock = ContinuousClock()
        var inserted = 0
        let insertTime = try clock.measure {
            for batch in stride(from: 0, to: Self.articleCount, by: Self.batchSize) {
                let feed = feeds[(batch / Self.batchSize) % Self.feedCount]
                let articles = (batch..<(batch + Self.batchSize)).map { number in
                    Article(source: "", url: "https://example.org/\(number)", guid: "\(number)",
                            title: "Story \(number) about \(number % 97) things",
                            published: Date(timeIntervalSince1970: 1_700_000_000 + Double(number * 37 % 1_000_003)),
                            body: [paragraph("Body \(number) with words \(number % 13) and \(number % 29).")])
                }
                inserted += try store.upsertArticles(articles, feed: feed).added
            }
        }
        #expect(inserted == Self.articleCount)
        #expect(try store.headlineCount(.all) == Self.articleCount)

        try store.setStarred(ArticleID(5), true)
        try store.markAllRead(.feed(feeds[1]))
        let limit = 50
        var queryTimes: [String] = []
        for scope: HeadlineScope in [.all, .unread, .feed(feeds[3]), .tag("fifth")] {
            var page: [Headline] = []
            let time = try clock.measure { page = try store.headlines(scope, offset: 1_000, limit: limit) }
            queryTimes.append("\(scope): \(time)")
            #expect(page.count == limit, "scope \(scope)")
            #expect(zip(page, page.dropFirst()).allSatisfy { ($0.date ?? .distantPast) >= ($1.date ?? .distantPast) })
            let plan = try store.queryPlan(.headlines(scope))
            #expect(!HeadlineTests.scansArticles(plan), "\(scope): \(plan)")
            #expect(plan.contains { $0.contains("INDEX") }, "\(scope): \(plan)")
        }
        #expect(try store.headlines(.starred, offset: 0, limit: limit).ids == [ArticleID(5)])
        var hits: [SearchHit] = []
        let searchTime = try clock.measure { hits = try store.search("words 7", offset: 0, limit: 20) }
        #expect(hits.count == 20)
        queryTimes.append("search: \(searchTime)")

        let statistics = try store.statistics()
        let seconds = Double(insertTime.components.seconds) + Double(insertTime.components.attoseconds) / 1e18
        print("""
            [LargeStoreTests] \(Self.articleCount) articles inserted in \(insertTime) \
            (\(Int(Double(Self.articleCount) / seconds)) rows/s); store \(statistics.bytes) bytes \
            (\(statistics.bytes / Self.articleCount) bytes/article); \(queryTimes.joined(separator: "; "))
            """)
    }
}
