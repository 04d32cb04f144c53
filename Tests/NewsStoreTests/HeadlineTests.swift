import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct HeadlineTests {
    /// Two tagged feeds, interleaved dates, some read, starred and bookmarked articles.
    struct Sample {
        let store: NewsStore
        let world: FeedID
        let tech: FeedID
        /// Every article, newest first.
        let newestFirst: [ArticleID]
        let read: Set<ArticleID>
        let starred: Set<ArticleID>
        let bookmarked: Set<ArticleID>
        let worldArticles: Set<ArticleID>

        init() throws {
            store = try NewsStore.inMemory()
            world = try store.upsertFeed(Feed(url: "https://world.example/feed", title: "World", tags: ["news", "daily"]))
            tech = try store.upsertFeed(Feed(url: "https://tech.example/feed", title: "Tech", tags: ["computing"]))
            // World has even minutes, Tech odd ones; two World articles share a date (ties go by id).
            let worldIDs = try store.upsertArticles((0..<9).map { sampleArticle($0 * 2, feedName: "World") }
                                                    + [sampleArticle(100, title: "Same minute")].map { article in
                                                        var article = article
                                                        article.published = day(8)
                                                        return article
                                                    }, feed: world).ids
            let techIDs = try store.upsertArticles((0..<8).map { sampleArticle($0 * 2 + 1, feedName: "Tech") }, feed: tech).ids
            let dated = zip(worldIDs, [0, 2, 4, 6, 8, 10, 12, 14, 16, 8]).map { ($0, $1) }
                + zip(techIDs, [1, 3, 5, 7, 9, 11, 13, 15]).map { ($0, $1) }
            newestFirst = dated.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.map(\.0)
            worldArticles = Set(worldIDs)
            read = [worldIDs[1], techIDs[2], techIDs[7]]
            starred = [worldIDs[9], techIDs[0]]
            bookmarked = [worldIDs[3], techIDs[5]]
            for id in read { try store.setRead(id, true) }
            for id in starred { try store.setStarred(id, true) }
            for id in bookmarked { try store.addBookmark(Bookmark(articleID: id, kind: .passage, text: "Body text")) }
        }

        func expected(_ scope: HeadlineScope) -> [ArticleID] {
            switch scope {
            case .all: return newestFirst
            case .unread: return newestFirst.filter { !read.contains($0) }
            case .starred: return newestFirst.filter(starred.contains)
            case .bookmarked: return newestFirst.filter(bookmarked.contains)
            case .feed(let feed): return newestFirst.filter { worldArticles.contains($0) == (feed == world) }
            case .tag(let tag): return tag == "daily" ? newestFirst.filter(worldArticles.contains) : []
            }
        }

        var scopes: [HeadlineScope] {
            [.all, .unread, .starred, .bookmarked, .feed(world), .feed(tech), .tag("daily"), .tag("missing")]
        }
    }

    @Test func everyScopePagesNewestFirst() throws {
        let sample = try Sample()
        for scope in sample.scopes {
            var paged: [ArticleID] = []
            var offset = 0
            while true {
                let page = try sample.store.headlines(scope, offset: offset, limit: 4)
                #expect(page.count <= 4)
                paged += page.ids
                if page.count < 4 { break }
                offset += 4
            }
            #expect(paged == sample.expected(scope), "scope \(scope)")
            #expect(try sample.store.headlineCount(scope) == sample.expected(scope).count, "count of \(scope)")
        }
    }

    @Test func headlinesCarryWhatTheListShows() throws {
        let sample = try Sample()
        let page = try sample.store.headlines(.feed(sample.tech), offset: 0, limit: 1)
        let headline = try #require(page.first)
        #expect(headline.feedID == sample.tech)
        #expect(headline.source == "Tech")
        #expect(headline.title == "Story number 15")
        #expect(headline.date == day(15))
        #expect(headline.url == "https://example.org/15")
        #expect(headline.isRead == sample.read.contains(headline.id))
        #expect(try sample.store.headlines(.all, offset: 1000, limit: 10).isEmpty)
        #expect(try sample.store.headlines(.all, offset: 0, limit: 0).isEmpty)
    }

    /// Plans are checked as a new store makes them (no statistics) and after `optimize` (with them).
    @Test(arguments: [false, true])
    func hotQueriesUseIndexesAndNeverScanArticles(optimized: Bool) throws {
        let sample = try Sample()
        if optimized { try sample.store.optimize() }
        for scope in sample.scopes {
            let plan = try sample.store.queryPlan(.headlines(scope))
            #expect(!Self.scansArticles(plan), "full scan of articles for \(scope): \(plan)")
            #expect(plan.contains { $0.contains("USING") && $0.contains("INDEX") }, "no index for \(scope): \(plan)")
            switch scope {
            case .all, .unread, .starred, .feed:
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(scope) sorts instead of walking an index: \(plan)")
            default:
                break
            }
        }
        #expect(try sample.store.queryPlan(.headlines(.unread)).contains { $0.contains("article_unread") })
        #expect(try sample.store.queryPlan(.headlines(.starred)).contains { $0.contains("article_starred") })
        for query in [HotQuery.search, .searchRecent, .searchMatchesUpTo, .titleKey] {
            let plan = try sample.store.queryPlan(query)
            #expect(!Self.scansArticles(plan), "full scan of articles for \(query): \(plan)")
        }
        for query in [HotQuery.search, .searchRecent] {
            let plan = try sample.store.queryPlan(query)
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "FTS5 orders \(query) itself: \(plan)")
        }
        // Lookups by a JSON list walk the list and search the index once per element, whatever
        // the statistics say (after `optimize` they describe this small store).
        for query in HotQuery.listLookups {
            let plan = try sample.store.queryPlan(query)
            #expect(plan.first?.hasPrefix("SCAN j VIRTUAL TABLE") == true, "\(query): \(plan)")
            #expect(plan.dropFirst().allSatisfy { $0.hasPrefix("SEARCH") }, "\(query): \(plan)")
        }
        // Lookups done for every imported article touch a handful of rows, never a feed's worth.
        for query in HotQuery.lookups {
            let plan = try sample.store.queryPlan(query)
            #expect(!Self.scansArticles(plan), "full scan of articles for \(query): \(plan)")
            #expect(!plan.contains { $0.contains("article_feed_date") || $0.contains("article_date") }, "\(query): \(plan)")
            #expect(plan.first?.hasPrefix("SEARCH") == true, "\(query): \(plan)")
        }
    }

    /// True when a plan line reads the article table without an index ("SCAN a", "SCAN article").
    static func scansArticles(_ plan: [String]) -> Bool {
        plan.contains { line in
            (line.hasPrefix("SCAN a ") || line == "SCAN a" || line.hasPrefix("SCAN article")) && !line.contains("USING")
        }
    }
}
