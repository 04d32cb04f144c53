import Foundation
import NewsModel

/// How alike two articles are, and whether that makes them related or the same story.
///
/// Each article gets a signature: its `signatureSize` terms of highest TF-IDF weight
/// (`RelatedTerms.weights`, damped as 1 + ln(count), times the inverse document frequency),
/// scaled to unit length. The similarity of two articles is the dot product of their
/// signatures, a cosine from 0 (no shared term) to 1 (same terms, same proportions). Terms in
/// more than `commonTermFraction` of the articles (and more than `commonTermFloor`) are never
/// looked up: they cannot tell a story from the others, and their lists would be long.
///
/// Thresholds were chosen on 45 hand-labelled pairs of real feeds (29 related, 16 unrelated;
/// `Tests/HeraldTests/Fixtures/related-pairs.tsv`, many of them near the boundary):
/// `similarThreshold` sits just above the best-scoring unrelated pair (0.317). There precision is
/// 23/23 and recall 23/29 (the six misses score 0.25–0.30: items with a title only or a
/// one-line summary, sharing two or three words); at 0.30 precision would fall to 23/26. On 30
/// other linked pairs drawn at random from the same 696 articles, all 30 were judged related
/// (4 of them loosely: two reports from one trade show, two smart-speaker pieces, two episodes
/// of one podcast series, two posts on app sizes).
public struct RelatedScorer: Sendable {
    /// Terms kept in a signature.
    public var signatureSize = 12
    /// Least similarity for a `.similar` link.
    public var similarThreshold = 0.32
    /// Signature terms two articles must share, so that one rare word alone relates nothing.
    public var minimumSharedTerms = 2
    /// Least similarity for `.sameStory` when the headlines share little.
    public var sameStoryThreshold = 0.55
    /// Least similarity for `.sameStory` when the headlines are alike (`alikeHeadlines`).
    public var sameStoryThresholdForAlikeHeadlines = 0.35
    /// Headline likeness (Dice coefficient of their words, `TitleMatch.similarity`) from
    /// which two headlines count as alike.
    public var alikeHeadlines = 0.4
    /// Two reports of one event are at most this far apart, in seconds.
    public var sameStoryWindow: TimeInterval = 3 * 24 * 3600
    /// Terms in more than this fraction of the articles are too common to look up...
    public var commonTermFraction = 0.05
    /// ...when they are also in more than this many articles (small stores keep every term).
    public var commonTermFloor = 100

    public init() {}

    /// Weighted term counts of `article` (see `RelatedTerms.weights`).
    public func termWeights(of article: Article) -> [String: Double] {
        RelatedTerms.weights(of: article)
    }

    /// Inverse document frequency of a term in `frequency` of `documents` articles (BM25's form,
    /// always positive).
    public func inverseDocumentFrequency(_ frequency: Int, documents: Int) -> Double {
        let n = Double(max(documents, frequency)), df = Double(max(frequency, 0))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The signature of an article: its `signatureSize` terms of highest damped-TF × IDF, scaled
    /// to unit length. Ties go to the term first in alphabetical order, so the result is stable.
    ///
    /// - Parameters:
    ///   - weights: the article's `termWeights`.
    ///   - documentFrequency: articles each term occurs in; a term missing counts as in one.
    ///   - documents: articles counted in `documentFrequency`.
    public func signature(of weights: [String: Double], documentFrequency: [String: Int],
                          documents: Int) -> [String: Double] {
        // The best `signatureSize` so far, best first: a few hundred terms, a dozen kept.
        var top: [(term: String, weight: Double)] = []
        top.reserveCapacity(signatureSize + 1)
        func isBetter(_ a: (term: String, weight: Double), _ b: (term: String, weight: Double)) -> Bool {
            a.weight != b.weight ? a.weight > b.weight : a.term < b.term
        }
        for (term, count) in weights where count > 0 {
            let idf = inverseDocumentFrequency(documentFrequency[term] ?? 1, documents: documents)
            let scored = (term: term, weight: (1 + log(count)) * idf)
            guard top.count < signatureSize || isBetter(scored, top[top.count - 1]) else { continue }
            let index = top.firstIndex { isBetter(scored, $0) } ?? top.count
            top.insert(scored, at: index)
            if top.count > signatureSize { top.removeLast() }
        }
        let norm = top.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        guard norm > 0 else { return [:] }
        var signature: [String: Double] = [:]
        for (term, weight) in top { signature[term] = weight / norm }
        return signature
    }

    /// Whether a term in `frequency` of `documents` articles is worth looking up.
    public func isSearchable(documentFrequency frequency: Int, documents: Int) -> Bool {
        frequency <= commonTermFloor || Double(frequency) <= commonTermFraction * Double(documents)
    }

    /// How `other` relates to `article`, given the similarity of their signatures and how many
    /// signature terms they share; nil when it does not.
    ///
    /// Copies of one article (same URL, or same source and headline) are not related.
    /// `.sameStory`: another source (feed and source name differ), dates at most
    /// `sameStoryWindow` apart, and similarity of at least `sameStoryThreshold` (or
    /// `sameStoryThresholdForAlikeHeadlines` when the headlines are alike). `.similar`: any other
    /// article at `similarThreshold` or more. Both need `minimumSharedTerms`.
    public func relation(of article: Headline, to other: Headline, similarity: Double,
                         sharedTerms: Int) -> RelatedKind? {
        guard article.id != other.id, sharedTerms >= minimumSharedTerms,
              similarity >= similarThreshold, !isCopy(article, other) else { return nil }
        let otherSource = article.feedID != other.feedID && article.source != other.source
        if otherSource, let a = article.date, let b = other.date, abs(a.timeIntervalSince(b)) <= sameStoryWindow {
            if similarity >= sameStoryThreshold { return .sameStory }
            if similarity >= sameStoryThresholdForAlikeHeadlines,
               TitleMatch.similarity(article.title, other.title) >= alikeHeadlines {
                return .sameStory
            }
        }
        return .similar
    }

    /// Whether two articles are one article stored twice (the same page, or the same headline
    /// from the same source): a copy is no related story.
    func isCopy(_ a: Headline, _ b: Headline) -> Bool {
        if let url = a.url, url == b.url { return true }
        return a.source == b.source && TitleMatch.key(a.title) == TitleMatch.key(b.title)
    }

    // MARK: Headline references

    /// Words a headline reference is looked up by in the titles of stored articles.
    public func headlineWords(of title: String) -> [String] {
        HeadlineReference.searchWords(of: title)
    }

    /// The keys under which an unresolved reference is filed, so that a title arriving later
    /// that names the same headline finds it (see `HeadlineReference.variants`).
    public func headlineVariants(of title: String) -> [String] {
        HeadlineReference.variants(of: title)
    }

    /// How well a reference names a title, when it names it (see `HeadlineReference.match`).
    public func headlineMatch(_ reference: String, _ title: String) -> Double? {
        HeadlineReference.match(reference, title)
    }
}
