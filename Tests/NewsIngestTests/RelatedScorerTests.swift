import Foundation
import NewsIngest
import NewsModel
import Testing

/// Signatures, similarity and the rules that make two articles related or the same story.
@Suite struct RelatedScorerTests {
    let scorer = RelatedScorer()

    @Test func signatureKeepsTheMostTellingTermsAtUnitLength() {
        var weights: [String: Double] = ["common": 9, "rare": 1, "mid": 2]
        for index in 0..<30 { weights["filler\(index)"] = 1 }
        let frequencies = ["common": 900, "rare": 2, "mid": 40]
            .merging((0..<30).map { ("filler\($0)", 500) }) { a, _ in a }
        let signature = scorer.signature(of: weights, documentFrequency: frequencies, documents: 1_000)
        #expect(signature.count == scorer.signatureSize)
        #expect(signature["rare"] != nil && signature["mid"] != nil)
        let norm = signature.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-9)
        // A rare term mentioned once outweighs a common term mentioned nine times.
        #expect((signature["rare"] ?? 0) > (signature["common"] ?? 0))
        // Same input, same signature: ties are broken by the term.
        #expect(scorer.signature(of: weights, documentFrequency: frequencies, documents: 1_000) == signature)
    }

    @Test func emptyTextHasNoSignature() {
        #expect(scorer.signature(of: [:], documentFrequency: [:], documents: 10).isEmpty)
    }

    @Test func commonTermsAreNotLookedUpInLargeStoresOnly() {
        #expect(scorer.isSearchable(documentFrequency: 90, documents: 100))
        #expect(scorer.isSearchable(documentFrequency: 5_000, documents: 100_000))
        #expect(!scorer.isSearchable(documentFrequency: 5_001, documents: 100_000))
        #expect(scorer.inverseDocumentFrequency(1, documents: 1_000) > scorer.inverseDocumentFrequency(100, documents: 1_000))
        #expect(scorer.inverseDocumentFrequency(1_000, documents: 1_000) > 0)
    }

    private func headline(_ id: Int64, feed: Int64, source: String, _ title: String, hours: Double = 0,
                          url: String? = nil) -> Headline {
        Headline(id: ArticleID(id), feedID: FeedID(feed), title: title, source: source,
                 date: Date(timeIntervalSince1970: 1_700_000_000 + hours * 3600), isRead: false, isStarred: false,
                 url: url ?? "https://\(feed).example/\(id)")
    }

    @Test func anotherSourceWithinDaysIsTheSameStory() {
        let a = headline(1, feed: 1, source: "Reuters", "Trump says Mexico would repay U.S. funds spent on border wall")
        let b = headline(2, feed: 2, source: "Japan Today", "Trump says Mexico would repay funds for border wall", hours: 30)
        #expect(scorer.relation(of: a, to: b, similarity: 0.6, sharedTerms: 6) == .sameStory)
        // Alike headlines need less similarity than unlike ones.
        #expect(scorer.relation(of: a, to: b, similarity: 0.4, sharedTerms: 4) == .sameStory)
        let unlike = headline(3, feed: 2, source: "Japan Today", "Congress weighs how to fund the barrier", hours: 30)
        #expect(scorer.relation(of: a, to: unlike, similarity: 0.4, sharedTerms: 4) == .similar)
        #expect(scorer.relation(of: a, to: unlike, similarity: 0.6, sharedTerms: 4) == .sameStory)
    }

    @Test func theSameSourceOrAWeekApartIsOnlySimilar() {
        let a = headline(1, feed: 1, source: "Reuters", "Gunfire at army camp in Ivory Coast")
        let sameFeed = headline(2, feed: 1, source: "Reuters", "Army revolt spreads in Ivory Coast", hours: 2)
        let later = headline(3, feed: 2, source: "BBC", "Army revolt spreads in Ivory Coast", hours: 24 * 7)
        #expect(scorer.relation(of: a, to: sameFeed, similarity: 0.9, sharedTerms: 8) == .similar)
        #expect(scorer.relation(of: a, to: later, similarity: 0.9, sharedTerms: 8) == .similar)
    }

    @Test func weakOrSingleTermOverlapIsNotRelated() {
        let a = headline(1, feed: 1, source: "A", "Coalition strike kills senior IS leader in Syria")
        let b = headline(2, feed: 2, source: "B", "Senior North Korean leader to attend inauguration")
        #expect(scorer.relation(of: a, to: b, similarity: scorer.similarThreshold - 0.01, sharedTerms: 3) == nil)
        #expect(scorer.relation(of: a, to: b, similarity: 0.9, sharedTerms: 1) == nil)
        #expect(scorer.relation(of: a, to: a, similarity: 1, sharedTerms: 12) == nil, "never itself")
    }

    @Test func copiesOfOneArticleAreNotRelated() {
        let a = headline(1, feed: 1, source: "Daring Fireball", "Chris Lattner Out at Tesla", url: "https://df.example/lattner")
        let sameURL = headline(2, feed: 2, source: "DF mirror", "Chris Lattner leaves Tesla", url: "https://df.example/lattner")
        let sameHeadline = headline(3, feed: 3, source: "Daring Fireball", "Chris Lattner out at Tesla")
        let other = headline(4, feed: 4, source: "The Verge", "Chris Lattner out at Tesla")
        #expect(scorer.relation(of: a, to: sameURL, similarity: 1, sharedTerms: 12) == nil)
        #expect(scorer.relation(of: a, to: sameHeadline, similarity: 1, sharedTerms: 12) == nil)
        #expect(scorer.relation(of: a, to: other, similarity: 1, sharedTerms: 12) == .sameStory)
    }
}
