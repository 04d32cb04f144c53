import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct SearchTests {
    struct Sample {
        let store: NewsStore
        let feed: FeedID
        let ids: [ArticleID]

        init() throws {
            (store, feed) = try storeWithFeed()
            ids = try store.upsertArticles([
                sampleArticle(1, title: "Harbour reopens", body: [paragraph("The heliotrope garden by the harbour opened.")]),
                sampleArticle(2, title: "Markets", body: [paragraph("Nothing about flowers here.")],
                              highlights: [Highlight(kind: .takeaway, text: "A zeppelin was sighted")]),
                sampleArticle(3, title: "東京の朝", body: [paragraph("日本語ニュースを読む人が増えた。")]),
                sampleArticle(4, title: "Café culture", body: [paragraph("Résumé of the week in cafés.")]),
                sampleArticle(5, title: "Heliotrope season", body: [paragraph("A short note.")]),
            ], feed: feed).ids
        }
    }

    @Test func findsBodyWordsHighlightOnlyWordsAndCJKSubstrings() throws {
        let sample = try Sample()
        let store = sample.store
        #expect(try store.search("zeppelin", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[1]])
        #expect(try store.search("本語", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[2]])
        #expect(try store.search("語", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[2]], "one CJK character")
        #expect(try store.search("東京", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[2]], "CJK in a title")
        #expect(try store.search("cafe resume", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[3]], "diacritics fold")
        #expect(try store.search("harbour garden", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[0]])
        #expect(try store.search("harbour flowers", offset: 0, limit: 10).isEmpty, "terms are ANDed")
        #expect(try store.search("summary story", offset: 0, limit: 10).count == 5, "summaries are searched")
    }

    @Test func hitsAreRankedWithMarkedSnippetsAndPaged() throws {
        let sample = try Sample()
        let hits = try sample.store.search("heliotrope", offset: 0, limit: 10)
        #expect(hits.map(\.headline.id) == [sample.ids[4], sample.ids[0]], "a title match ranks first")
        #expect(hits[0].rank <= hits[1].rank)
        #expect(hits[1].snippet.contains("[heliotrope]"))
        #expect(hits[1].headline.title == "Harbour reopens")
        #expect(try sample.store.search("heliotrope", offset: 1, limit: 1).map(\.headline.id) == [sample.ids[0]])
        #expect(try sample.store.searchCount("heliotrope") == 2)
        let cjk = try #require(try sample.store.search("本語", offset: 0, limit: 1).first)
        #expect(cjk.snippet.contains("日[本語]ニュース"))
        #expect(try sample.store.search("helio", offset: 0, limit: 10).isEmpty, "words match whole")
    }

    @Test func queriesMatchingVeryManyArticlesListTheNewestStoredFirst() throws {
        let sample = try Sample()
        // Every article's summary says "story".
        let ranked = try sample.store.search("story", offset: 0, limit: 10)
        #expect(ranked.map(\.headline.id).count == 5)
        let recent = try sample.store.search("story", offset: 0, limit: 3, rankedMatchLimit: 4)
        #expect(recent.map(\.headline.id) == Array(sample.ids.reversed().prefix(3)))
        #expect(recent.allSatisfy { $0.rank == 0 && $0.snippet.contains("[story]") })
        #expect(ranked.allSatisfy { $0.rank < 0 })
        let next = try sample.store.search("story", offset: 3, limit: 3, rankedMatchLimit: 4)
        #expect(next.map(\.headline.id) == [sample.ids[1], sample.ids[0]])
        #expect(try sample.store.search("story", offset: 0, limit: 10, rankedMatchLimit: 5).map(\.headline.id)
                == ranked.map(\.headline.id), "at the limit, still ranked")
    }

    @Test(arguments: ["\"", "AND (", "*", "-", "harbour\" OR \"x", "NEAR(a b)", "title:harbour",
                      "'); DROP TABLE article; --", "(((", "^harbour", "a*b", "👍", "", "   ", "\u{1B}[2J", "OR",
                      "NOT harbour", String(repeating: "x ", count: 500)])
    func hostileQueriesNeverThrow(query: String) throws {
        let sample = try Sample()
        _ = try sample.store.search(query, offset: 0, limit: 10)
        _ = try sample.store.searchCount(query)
        #expect(try sample.store.headlineCount(.all) == 5)
    }

    @Test func operatorWordsAreSearchedAsText() throws {
        let (store, feed) = try storeWithFeed()
        let ids = try store.upsertArticles([sampleArticle(1, title: "Rock AND roll (live)", body: []),
                                            sampleArticle(2, title: "Rock", body: []),
                                            sampleArticle(3, title: "New AI rules", body: [])], feed: feed).ids
        #expect(try store.search("AND (", offset: 0, limit: 10).map(\.headline.id) == [ids[0]])
        #expect(try store.search("title:rock", offset: 0, limit: 10).isEmpty, "a column filter is just text")
        #expect(try store.search("ai", offset: 0, limit: 10).map(\.headline.id) == [ids[2]], "short words are words")
    }

    @Test func theIndexFollowsUpdatesAndRemovals() throws {
        let sample = try Sample()
        let store = sample.store
        try store.upsertArticles([sampleArticle(1, title: "Harbour reopens", body: [paragraph("Now about tulips.")])],
                                 feed: sample.feed)
        #expect(try store.search("heliotrope", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[4]])
        #expect(try store.search("tulips", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[0]])
        #expect(try store.integrityCheck() == [])

        // One batch rewrites a stored article twice and adds one that it then rewrites.
        try store.upsertArticles([sampleArticle(2, title: "Markets", body: [paragraph("First rewrite: orchids.")]),
                                  sampleArticle(6, body: [paragraph("New: daffodils.")]),
                                  sampleArticle(2, title: "Markets", body: [paragraph("Second rewrite: lilies.")]),
                                  sampleArticle(6, body: [paragraph("New, revised: crocuses.")])], feed: sample.feed)
        #expect(try store.search("orchids", offset: 0, limit: 10).isEmpty)
        #expect(try store.search("daffodils", offset: 0, limit: 10).isEmpty)
        #expect(try store.search("lilies", offset: 0, limit: 10).map(\.headline.id) == [sample.ids[1]])
        #expect(try store.search("crocuses", offset: 0, limit: 10).count == 1)
        #expect(try store.integrityCheck() == [])

        let other = try store.upsertFeed(Feed(url: "https://other.example/feed", title: "Other"))
        try store.upsertArticles([sampleArticle(50, title: "Tulips elsewhere")], feed: other)
        try store.removeFeed(id: sample.feed)
        #expect(try store.search("tulips", offset: 0, limit: 10).map(\.headline.title) == ["Tulips elsewhere"])
        #expect(try store.search("zeppelin", offset: 0, limit: 10).isEmpty)
        #expect(try store.integrityCheck() == [])
    }
}
