import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct RelatedTests {
    @Test func explicitLinksResolveByTitleKeyButNeverToThemselves() throws {
        let (store, feed) = try storeWithFeed()
        let other = try store.upsertFeed(Feed(url: "https://wire.example/feed", title: "Wire"))
        let story = sampleArticle(1, title: "Russia demands veto on Ukraine security guarantees", feedName: "Wire")
        let target = try #require(try store.upsertArticles([story], feed: other).ids.first)
        // The article lists its own headline (pages often do) and the other story.
        let article = sampleArticle(2, title: "Ukraine seeks security guarantees", related: [
            RelatedLink(title: "Ukraine Seeks Security Guarantees"),
            RelatedLink(title: "Russia Demands Veto on Ukraine “Security” Guarantees!", score: 0.5),
        ])
        let id = try #require(try store.upsertArticles([article], feed: feed).ids.first)
        let links = try #require(try store.article(id: id)?.related)
        #expect(links.map(\.title) == ["Ukraine Seeks Security Guarantees",
                                       "Russia Demands Veto on Ukraine “Security” Guarantees!"])
        #expect(links.allSatisfy { $0.kind == .explicit })
        #expect(links[0].articleID == nil, "not resolved to the article itself")
        #expect(links[1].articleID == target)
        #expect(links[1].source == "Wire")
    }

    @Test func unresolvedLinksResolveWhenTheirArticleArrives() throws {
        let (store, feed) = try storeWithFeed()
        let id = try #require(try store.upsertArticles([sampleArticle(1, related: [
            RelatedLink(title: "Alaska summit updates"),
            RelatedLink(title: "Nordic bloc backs Ukraine"),
            RelatedLink(title: "Link by address", url: "https://elsewhere.example/story"),
        ])], feed: feed).ids.first)
        #expect(try store.article(id: id)?.related.allSatisfy { $0.articleID == nil } == true)

        var byAlternate = sampleArticle(3, title: "Nordic and Baltic states back Ukraine")
        byAlternate.alternateTitles = ["The Nordic bloc backs Ukraine"]
        var byURL = sampleArticle(4, title: "Unrelated title")
        byURL.url = "https://elsewhere.example/story"
        let arrived = try store.upsertArticles([sampleArticle(2, title: "Alaska Summit: Updates"), byAlternate, byURL],
                                               feed: feed).ids
        let links = try #require(try store.article(id: id)?.related)
        #expect(links.map(\.articleID) == arrived)
        #expect(links.allSatisfy { $0.source == "Example News" })

        // When the target goes, the link is unresolved again (and can resolve again later).
        let other = try store.upsertFeed(Feed(url: "https://other.example/feed", title: "Other"))
        let remote = try #require(try store.upsertArticles([sampleArticle(9, title: "Far story")], feed: other).ids.first)
        try store.setRelated([RelatedLink(title: "Far story", kind: .sameStory, score: 0.9)], for: id, kinds: [.sameStory])
        #expect(try store.article(id: id)?.related.last?.articleID == remote)
        try store.removeFeed(id: other)
        #expect(try store.article(id: id)?.related.last?.articleID == nil)
        #expect(try store.article(id: id)?.related.last?.title == "Far story")
    }

    @Test func setRelatedReplacesOnlyTheGivenKindsAndOrdersExplicitFirst() throws {
        let (store, feed) = try storeWithFeed()
        let ids = try store.upsertArticles((1...4).map { sampleArticle($0) }, feed: feed).ids
        let id = ids[0]
        try store.upsertArticles([sampleArticle(1, related: [RelatedLink(title: "Story number 2")])], feed: feed)
        try store.setRelated([RelatedLink(title: "Story number 3", articleID: ids[2], kind: .similar, score: 0.4),
                              RelatedLink(title: "Story number 4", articleID: ids[3], kind: .sameStory, score: 0.8),
                              RelatedLink(title: "ignored: explicit not in kinds", kind: .explicit)],
                             for: id, kinds: [.similar, .sameStory])
        var links = try #require(try store.article(id: id)?.related)
        #expect(links.map(\.articleID) == [ids[1], ids[3], ids[2]])
        #expect(links.map(\.kind) == [.explicit, .sameStory, .similar])

        try store.setRelated([], for: id, kinds: [.similar])
        links = try #require(try store.article(id: id)?.related)
        #expect(links.map(\.kind) == [.explicit, .sameStory])
        #expect(throws: StoreError.notFound("article 99")) {
            try store.setRelated([], for: ArticleID(99), kinds: [.similar])
        }
    }

    @Test func articlesAreFoundByTheKeyOfTheirTitleOrAlternateTitles() throws {
        let (store, feed) = try storeWithFeed()
        var article = sampleArticle(1, title: "Russia seeks veto in Ukraine security guarantees")
        article.alternateTitles = ["Russia demands veto in Ukraine security guarantees"]
        let ids = try store.upsertArticles([article, sampleArticle(2, title: "Russia’s veto: Ukraine security guarantees")],
                                           feed: feed).ids
        #expect(try store.articles(titleKey: "russia demands veto ukraine security guarantees").ids == [ids[0]])
        #expect(try store.articles(titleKey: TitleKey.make("Russia seeks veto in Ukraine security guarantees")).ids == [ids[0]])
        #expect(try store.articles(titleKey: "Russias veto Ukraine security guarantees").ids == [ids[1]],
                "a raw title is normalised")
        #expect(try store.articles(titleKey: "ukraine").isEmpty, "keys match whole titles")
        #expect(try store.articles(titleKey: "the").isEmpty)

        // A changed title replaces the old keys.
        try store.upsertArticles([sampleArticle(2, title: "Another headline")], feed: feed)
        #expect(try store.articles(titleKey: "russias veto ukraine security guarantees").isEmpty)
        #expect(try store.articles(titleKey: "another headline").ids == [ids[1]])
    }
}
