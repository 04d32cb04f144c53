import Foundation
import NewsModel
import Synchronization
import Testing
@testable import NewsStore

/// A transparent model, so that these tests see the store's side alone: words are terms, every
/// word is searchable, a signature is the word counts at unit length, anything at `similarThreshold` or
/// more is related (`.sameStory` across sources), and headlines match when their word sets
/// differ by at most one word each way.
struct WordScoring: RelatedScoring {
    var similarThreshold = 0.3
    var minimumSharedTerms = 1
    /// The frequencies each `signature` call saw, for tests of the counting.
    let seen = SignatureCalls()

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    func termWeights(of article: Article) -> [String: Double] {
        var weights: [String: Double] = [:]
        for word in Self.words([article.title, article.summary ?? "", article.body.plainText].joined(separator: " ")) {
            weights[word, default: 0] += 1
        }
        return weights
    }

    func signature(of weights: [String: Double], documentFrequency: [String: Int], documents: Int) -> [String: Double] {
        seen.withLock { $0.append((documentFrequency, documents)) }
        let norm = weights.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? weights.mapValues { $0 / norm } : [:]
    }

    func isSearchable(documentFrequency frequency: Int, documents: Int) -> Bool { true }

    func relation(of article: Headline, to other: Headline, similarity: Double, sharedTerms: Int) -> RelatedKind? {
        guard similarity >= similarThreshold, sharedTerms >= minimumSharedTerms else { return nil }
        return article.source == other.source ? .similar : .sameStory
    }

    func headlineWords(of title: String) -> [String] { Self.words(title) }

    func headlineVariants(of title: String) -> [String] {
        let words = Set(Self.words(title)).sorted()
        guard words.count >= 3 else { return [] }
        return [words.joined(separator: " ")] + words.indices.map { index in
            words.enumerated().filter { $0.offset != index }.map(\.element).joined(separator: " ")
        }
    }

    func headlineMatch(_ reference: String, _ title: String) -> Double? {
        let a = Set(Self.words(reference)), b = Set(Self.words(title))
        let shared = a.intersection(b).count
        return shared >= 3 && a.count - shared <= 1 && b.count - shared <= 1 ? Double(shared) : nil
    }
}

/// What `signature` was called with, in order.
final class SignatureCalls: Sendable {
    let calls = Mutex<[(frequencies: [String: Int], documents: Int)]>([])

    func withLock<T>(_ body: (inout [(frequencies: [String: Int], documents: Int)]) -> T) -> T {
        calls.withLock { body(&$0) }
    }
}

@Suite struct RelatedUpdateTests {
    private let scoring = WordScoring()

    private func article(_ number: Int, _ title: String, body: String? = nil, source: String = "Example News",
                         related: [RelatedLink] = [], links: [String] = []) -> Article {
        var spans = [Span(body ?? title)]
        for link in links { spans.append(Span(" see this", link: link)) }
        return Article(source: source, url: "https://example.org/\(number)", guid: "guid-\(number)", title: title,
                       published: day(number), body: [.paragraph(spans)], related: related)
    }

    /// Stores `articles` in `feed` and updates their related stories; returns their ids.
    @discardableResult
    private func add(_ articles: [Article], to store: NewsStore, feed: FeedID,
                     limits: RelatedLimits = RelatedLimits()) throws -> [ArticleID] {
        let ids = try store.upsertArticles(articles, feed: feed).ids
        try store.updateRelated(for: ids, scoring: scoring, limits: limits)
        return ids
    }

    private func computed(_ id: ArticleID, in store: NewsStore) throws -> [RelatedLink] {
        try #require(try store.article(id: id)).related.filter { $0.kind != .explicit }
    }

    @Test func aNewArticleGetsItsListAndJoinsTheListsOfThoseItRelatesTo() throws {
        let (store, feed) = try storeWithFeed()
        let first = try add([article(1, "harbor bridge closes for repairs"), article(2, "orchard harvest starts early")],
                            to: store, feed: feed)
        #expect(try computed(first[0], in: store).isEmpty)

        let second = try add([article(3, "harbor bridge repairs begin")], to: store, feed: feed)
        let links = try computed(second[0], in: store)
        #expect(links.map(\.articleID) == [first[0]])
        #expect(links.first?.kind == .similar && links.first?.title == "harbor bridge closes for repairs")
        let score = try #require(try store.relatedSimilarity(second[0], first[0]))
        #expect(abs((links.first?.score ?? 0) - score.similarity) < 1e-9 && score.sharedTerms == 3)

        let backlinks = try computed(first[0], in: store)
        #expect(backlinks.map(\.articleID) == [second[0]])
        #expect(backlinks.first?.score == links.first?.score)
        #expect(try computed(first[1], in: store).isEmpty)
    }

    @Test func unchangedArticlesAreSkippedAndChangedOnesRecomputed() throws {
        let (store, feed) = try storeWithFeed()
        let ids = try add([article(1, "harbor bridge closes for repairs"), article(2, "harbor bridge repairs begin")],
                          to: store, feed: feed)
        let again = try store.updateRelated(for: ids + ids, scoring: scoring)
        #expect(again.computed == 0 && again.unchanged == 2)

        // The second article becomes another story: both lists lose the link.
        let changed = try store.upsertArticles([article(2, "orchard harvest starts early")], feed: feed)
        #expect(changed.ids == [ids[1]] && changed.updated == 1)
        let summary = try store.updateRelated(for: changed.ids, scoring: scoring)
        #expect(summary.computed == 1 && summary.links == 0)
        #expect(try computed(ids[1], in: store).isEmpty)
        #expect(try computed(ids[0], in: store).isEmpty)
    }

    @Test func listsKeepTheBestLinksPerKind() throws {
        let (store, feed) = try storeWithFeed()
        var limits = RelatedLimits()
        limits.linksPerKind = 2
        let hub = try add([article(1, "alpha beta gamma delta epsilon")], to: store, feed: feed, limits: limits)[0]
        // Added weakest first: each later one is more like the hub.
        let weak = try add([article(2, "alpha beta gamma zeta eta theta")], to: store, feed: feed, limits: limits)[0]
        let middle = try add([article(3, "alpha beta gamma delta zeta")], to: store, feed: feed, limits: limits)[0]
        let strong = try add([article(4, "alpha beta gamma delta epsilon zeta")], to: store, feed: feed, limits: limits)[0]
        let hubLinks = try computed(hub, in: store)
        #expect(hubLinks.map(\.articleID) == [strong, middle])
        #expect(hubLinks.map(\.score) == hubLinks.map(\.score).sorted(by: >))
        #expect(try computed(strong, in: store).count == 2, "its own list is bounded too")
        #expect(!(try computed(weak, in: store)).isEmpty, "the weak one keeps its own links")
    }

    @Test func anotherSourceMakesTheSameStoryWithItsSourceName() throws {
        let (store, feed) = try storeWithFeed()
        let other = try store.upsertFeed(Feed(url: "https://other.example/feed", title: "Other Post"))
        let mine = try add([article(1, "harbor bridge closes for repairs")], to: store, feed: feed)[0]
        let theirs = try add([article(2, "harbor bridge closes for urgent repairs", source: "Other Post")],
                             to: store, feed: other)[0]
        let links = try computed(mine, in: store)
        #expect(links.map(\.kind) == [.sameStory] && links.map(\.articleID) == [theirs])
        #expect(links.first?.source == "Other Post")
        #expect(try computed(theirs, in: store).first?.source == "Example News")
    }

    /// Computed links to a removed article go with it (explicit ones stay, unresolved), and so
    /// does its signature.
    @Test func removingAFeedTakesItsComputedLinksAndSignatures() throws {
        let (store, feed) = try storeWithFeed()
        let other = try store.upsertFeed(Feed(url: "https://other.example/feed", title: "Other Post"))
        let gone = try add([article(1, "harbor bridge closes for repairs", source: "Other Post"),
                            article(2, "orchard harvest starts early", source: "Other Post")], to: store, feed: other)
        let kept = try add([article(3, "harbor bridge repairs begin",
                                    related: [RelatedLink(title: "orchard harvest starts early")])], to: store, feed: feed)[0]
        let links = try computed(kept, in: store)
        #expect(links.map(\.articleID) == [gone[0]])
        #expect(links.first?.title == "harbor bridge closes for repairs" && links.first?.url == "https://example.org/1")
        #expect(links.first?.source == "Other Post")
        #expect(try #require(try store.article(id: kept)).related.first { $0.kind == .explicit }?.articleID == gone[1])
        #expect(try store.relatedIndexRows(of: gone[0]).signature > 0)

        try store.removeFeed(id: other)
        let left = try #require(try store.article(id: kept)).related
        #expect(left.map(\.kind) == [.explicit] && left.first?.articleID == nil)
        #expect(left.first?.title == "orchard harvest starts early")
        #expect(try store.relatedIndexRows(of: gone[0]).signature == 0)
        #expect(try store.relatedSimilarity(kept, gone[0]) == nil)
    }

    /// A computed link shows its target as it is now, not as it was when the link was made.
    @Test func computedLinksShowTheirTargetsCurrentTitle() throws {
        let (store, feed) = try storeWithFeed()
        let first = try add([article(1, "harbor bridge closes for repairs")], to: store, feed: feed)[0]
        let second = try add([article(2, "harbor bridge repairs begin")], to: store, feed: feed)[0]
        _ = try store.upsertArticles([article(1, "harbor bridge closes for repairs, council says")], feed: feed)
        #expect(try computed(second, in: store).first?.title == "harbor bridge closes for repairs, council says")
        #expect(try computed(second, in: store).first?.articleID == first)
    }

    @Test func bodyLinksToStoredArticlesBecomeExplicitLinks() throws {
        let (store, feed) = try storeWithFeed()
        let target = try add([article(1, "orchard harvest starts early")], to: store, feed: feed)[0]
        let linking = try add([article(2, "weather report for the weekend",
                                       links: ["https://example.org/1", "https://elsewhere.example/x",
                                               "https://example.org/2"])], to: store, feed: feed)[0]
        let explicit = try #require(try store.article(id: linking)).related.filter { $0.kind == .explicit }
        #expect(explicit.map(\.articleID) == [target], "not the unknown page, not itself")
        #expect(explicit.first?.title == "orchard harvest starts early" && explicit.first?.url == "https://example.org/1")

        // A page that already lists the link keeps one.
        let listed = try add([article(3, "market news", related: [RelatedLink(title: "Harvest", url: "https://example.org/1")],
                                      links: ["https://example.org/1"])], to: store, feed: feed)[0]
        let listedLinks = try #require(try store.article(id: listed)).related.filter { $0.kind == .explicit }
        #expect(listedLinks.map(\.title) == ["Harvest"] && listedLinks.first?.articleID == target)

        // Two stored articles at the linked URL (another feed carries the page too): the newest wins.
        let other = try store.upsertFeed(Feed(url: "https://other.example/feed", title: "Other"))
        var copy = article(5, "orchard harvest starts early, updated")
        copy.url = "https://example.org/1"
        let newer = try add([copy], to: store, feed: other)[0]
        let late = try add([article(6, "late weekend report", links: ["https://example.org/1"])], to: store, feed: feed)[0]
        let lateLinks = try #require(try store.article(id: late)).related.filter { $0.kind == .explicit }
        #expect(lateLinks.map(\.articleID) == [newer], "the newest article at the URL, not \(target)")
    }

    @Test func headlineReferencesResolveLooselyInEitherOrderButNeverToThemselves() throws {
        let (store, feed) = try storeWithFeed()
        let before = try add([article(1, "council backs harbor bridge repair plan")], to: store, feed: feed)[0]
        let page = try add([article(2, "ferry operators add night crossings", related: [
            RelatedLink(title: "council backs harbor bridge repair plan today"),
            RelatedLink(title: "engineers trace bridge cracks to steel"),
            RelatedLink(title: "ferry operators add night crossings again"),
            RelatedLink(title: "lantern festival tickets"),
        ])], to: store, feed: feed)[0]
        var links = try #require(try store.article(id: page)).related
        #expect(links.map(\.articleID) == [before, nil, nil, nil])

        let after = try add([article(3, "engineers trace bridge cracks to old steel")], to: store, feed: feed)[0]
        links = try #require(try store.article(id: page)).related.filter { $0.kind == .explicit }
        #expect(links.map(\.articleID) == [before, after, nil, nil])
        #expect(try store.relatedIndexRows(of: page).references > 0, "the unresolved ones stay filed")
    }

    /// The articles in memory give what reading them back gives, and only new or changed
    /// articles need computing.
    @Test func inputsFromArticlesInMemoryMatchTheStoredPath() throws {
        let articles = [article(1, "harbor bridge closes for repairs", links: ["https://example.org/2"]),
                        article(2, "harbor bridge repairs begin"), article(3, "orchard harvest starts early")]
        let (stored, storedFeed) = try storeWithFeed()
        let storedIDs = try stored.upsertArticles(articles, feed: storedFeed).ids
        try stored.updateRelated(for: storedIDs, scoring: scoring)

        let (memory, memoryFeed) = try storeWithFeed()
        let ids = try memory.upsertArticles(articles, feed: memoryFeed).ids
        #expect(try memory.articlesNeedingRelated(ids) == ids)
        let summary = try memory.updateRelated(zip(ids, articles).map { RelatedInput(id: $0, article: $1, scoring: scoring) },
                                               scoring: scoring)
        #expect(summary.computed == 3 && summary.resolved == 1)
        for (a, b) in zip(storedIDs, ids) {
            #expect(try stored.article(id: a)?.related == memory.article(id: b)?.related)
        }

        #expect(try memory.articlesNeedingRelated(ids).isEmpty)
        var changed = articles
        changed[2] = article(3, "orchard harvest starts late")
        _ = try memory.upsertArticles([changed[2]], feed: memoryFeed)
        #expect(try memory.articlesNeedingRelated(ids + [ArticleID(99)]) == [ids[2]])
        let again = try memory.updateRelated(zip(ids, changed).map { RelatedInput(id: $0, article: $1, scoring: scoring) },
                                             scoring: scoring)
        #expect(again.computed == 1 && again.unchanged == 2)
    }

    @Test func documentFrequenciesCountEachArticleOnce() throws {
        let (store, feed) = try storeWithFeed()
        let ids = try add([article(1, "harbor news"), article(2, "harbor weather"), article(3, "market news")],
                          to: store, feed: feed)
        let first = scoring.seen.withLock { $0 }
        #expect(first.count == 3)
        #expect(first.allSatisfy { $0.documents == 3 && $0.frequencies["harbor"] == 2 && $0.frequencies["news"] == 2 })

        // A changed article is computed again but not counted again.
        _ = try store.upsertArticles([article(3, "market harbor news")], feed: feed)
        try store.updateRelated(for: [ids[2]], scoring: scoring)
        let last = try #require(scoring.seen.withLock { $0.last })
        #expect(last.documents == 3 && last.frequencies["harbor"] == 2)

        try add([article(4, "harbor market")], to: store, feed: feed)
        let newest = try #require(scoring.seen.withLock { $0.last })
        #expect(newest.documents == 4 && newest.frequencies["harbor"] == 3 && newest.frequencies["market"] == 2)
    }

    /// Each term reads at most `articlesPerTerm` articles, the newest: the work per article is
    /// bounded however many articles share its words.
    @Test func candidatesAreTheNewestArticlesSharingATerm() throws {
        let (store, feed) = try storeWithFeed()
        var limits = RelatedLimits()
        limits.articlesPerTerm = 3
        let older = try add((1...10).map { article($0, "harbor bridge story \($0)") }, to: store, feed: feed, limits: limits)
        let newest = try add([article(11, "harbor bridge story")], to: store, feed: feed, limits: limits)[0]
        let linked = Set(try computed(newest, in: store).compactMap(\.articleID))
        #expect(!linked.isEmpty && linked.isSubset(of: Set(older.suffix(3))))
    }
}
