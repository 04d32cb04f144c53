import Foundation
import GRDB
import NewsModel
import Testing
@testable import NewsStore

/// `upsertArticles(_:scoring:)`: several feeds' articles and related stories in one transaction.
@Suite struct UpsertBatchTests {
    private let scoring = WordScoring()

    /// Three feeds whose stories relate across feeds, link to each other's pages (earlier and
    /// later feeds) and name each other's headlines loosely (found through the search index).
    private func feedArticles(_ feed: Int) -> [Article] {
        let stories = ["harbor bridge closes for repairs", "harbor bridge repairs begin at dawn",
                       "orchard harvest starts early", "council votes on harbor bridge budget"]
        return (0..<4).map { item in
            let number = feed * 10 + item
            let other = ((feed + 1) % 3) * 10 + item
            return Article(source: "Feed \(feed)", url: "https://example.org/\(number)", guid: "guid-\(number)",
                           title: "\(stories[(item + feed) % 4]) \(feed)", published: day(number),
                           body: [.paragraph([Span("Story \(number) about \(stories[item]). "),
                                              Span("see also", link: "https://example.org/\(other)")])],
                           related: item == 0 ? [RelatedLink(title: "\(stories[1]) \((feed + 2) % 3) today")] : [])
        }
    }

    /// A store with three feeds, and their articles prepared for it.
    private func prepared() throws -> (NewsStore, [FeedID], [FeedArticles]) {
        let store = try NewsStore.inMemory()
        let feeds = try (0..<3).map { try store.upsertFeed(Feed(url: "https://example.org/\($0).xml", title: "Feed \($0)")) }
        let writes = try feeds.enumerated().map { index, feed in
            let articles = feedArticles(index)
            return FeedArticles(articles: try store.prepareArticles(articles, feed: feed),
                                related: articles.map { RelatedInput(id: ArticleID(0), article: $0, scoring: scoring) })
        }
        return (store, feeds, writes)
    }

    /// Everything a reader sees of the store's articles: headlines, related lists, search hits.
    private func contents(_ store: NewsStore) throws -> [String] {
        var lines: [String] = []
        for headline in try store.headlines(.all, offset: 0, limit: 100) {
            let article = try #require(try store.article(id: headline.id))
            lines.append("\(headline.id) \(headline.title) \(headline.source)")
            // Scores to 9 digits, and computed links of equal scores by target: a score's last bits
            // depend on the order its terms are summed in, which changes from run to run.
            let links = article.related.map { link in
                (link, "  \(link.kind) \(link.title) \(link.url ?? "-") \(link.articleID.map { "\($0)" } ?? "-") "
                    + String(format: "%.9f", link.score))
            }
            lines += links.filter { $0.0.kind == .explicit }.map(\.1)
            lines += links.filter { $0.0.kind != .explicit }.sorted { a, b in
                (a.0.kind.rawValue, -(a.0.score * 1e9).rounded(), a.0.articleID?.rawValue ?? 0)
                    < (b.0.kind.rawValue, -(b.0.score * 1e9).rounded(), b.0.articleID?.rawValue ?? 0)
            }.map(\.1)
        }
        for word in ["harbor", "orchard", "council", "dawn", "story"] {
            lines.append("\(word): " + (try store.search(word, offset: 0, limit: 50)).map { "\($0.headline.id)" }.joined(separator: " "))
        }
        return lines
    }

    @Test func aBatchStoresWhatSeparateWritesInTheSameOrderStore() throws {
        let (separate, _, writes) = try prepared()
        for write in writes {
            let ids = try separate.upsertArticles(write.articles).ids
            let inputs = zip(ids, write.related).map { id, input in
                var input = input
                input.id = id
                return input
            }
            try separate.updateRelated(inputs, scoring: scoring)
        }
        let (batched, _, batchWrites) = try prepared()
        let results = batched.upsertArticles(batchWrites, scoring: scoring)
        #expect(results.count == 3)
        for result in results {
            let stored = try result.get()
            #expect(stored.summary.added == 4 && stored.relatedError == nil)
        }
        let expected = try contents(separate)
        #expect(expected.contains { $0.hasPrefix("  sameStory") }, "the feeds relate to each other")
        #expect(expected.contains { $0.hasPrefix("  explicit") && $0.split(separator: " ").dropLast().last != "-" },
                "links resolve")
        #expect(try contents(batched) == expected)
    }

    @Test func aFeedFailingMidWriteLosesItsOwnWritesOnly() throws {
        let (store, feeds, writes) = try prepared()
        // The third article of the second feed cannot be stored: its first two already were,
        // inside the batch's transaction.
        try store.writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER fail_feed_1 BEFORE INSERT ON article WHEN NEW.guid = 'guid-12'
                BEGIN SELECT RAISE(ABORT, 'the disk says no'); END
                """)
        }
        let results = store.upsertArticles(writes, scoring: scoring)
        #expect(throws: DatabaseError.self) { try results[1].get() }
        #expect("\(results[1])".contains("the disk says no"))
        for index in [0, 2] {
            let stored = try results[index].get()
            #expect(stored.summary.added == 4 && stored.relatedError == nil)
        }
        #expect(try store.headlineCount(.feed(feeds[1])) == 0)
        #expect(try store.headlineCount(.all) == 8)
        #expect(try store.search("dawn", offset: 0, limit: 50).allSatisfy { $0.headline.source != "Feed 1" })
        #expect(try store.articlesNeedingRelated(try store.headlines(.all, offset: 0, limit: 100).ids).isEmpty)
        #expect(try store.integrityCheck() == [])

        // The same batch again, without the fault: the lost feed is stored, the others unchanged.
        try store.writer.write { db in try db.execute(sql: "DROP TRIGGER temp.fail_feed_1") }
        let again = store.upsertArticles(writes, scoring: scoring)
        #expect(try again.map { try $0.get().summary.added } == [0, 4, 0])
        #expect(try store.headlineCount(.all) == 12)
    }

    @Test func aFailedRelatedUpdateKeepsTheFeedsArticles() throws {
        let (store, feeds, writes) = try prepared()
        try store.writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER fail_related BEFORE INSERT ON related_state
                WHEN (SELECT guid FROM article WHERE id = NEW.articleID) = 'guid-21'
                BEGIN SELECT RAISE(ABORT, 'no related stories today'); END
                """)
        }
        let results = store.upsertArticles(writes, scoring: scoring)
        let failed = try results[2].get()
        #expect(failed.summary.added == 4)
        #expect("\(failed.relatedError.map { "\($0)" } ?? "")".contains("no related stories today"))
        #expect(try results[0].get().relatedError == nil && results[1].get().relatedError == nil)
        #expect(try store.headlineCount(.feed(feeds[2])) == 4)
        // None of the feed's related stories stay half done: all of them are computed again later.
        let third = try store.headlines(.feed(feeds[2]), offset: 0, limit: 10).ids
        #expect(Set(try store.articlesNeedingRelated(third)) == Set(third))
        #expect(try store.articlesNeedingRelated(try store.headlines(.feed(feeds[0]), offset: 0, limit: 10).ids).isEmpty)
        // Its search index entries were written although the savepoint that read the index failed.
        #expect(try store.search("dawn", offset: 0, limit: 50).contains { $0.headline.source == "Feed 2" })
        #expect(try store.integrityCheck() == [])
    }

    @Test func anEmptyBatchWritesNothing() throws {
        let (store, _, _) = try prepared()
        #expect(store.upsertArticles([], scoring: scoring).isEmpty)
        #expect(try store.headlineCount(.all) == 0)
    }
}
