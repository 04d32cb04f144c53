import Foundation
import NewsModel

/// What `updateRelated` asks of a scoring model: pure functions of text and numbers.
///
/// The store runs the queries and keeps the results; the model decides what counts as related.
/// `NewsIngest.RelatedScorer` has exactly these methods: the executable declares the conformance
/// (`extension RelatedScorer: RelatedScoring {}`), so that neither module depends
/// on the other.
public protocol RelatedScoring: Sendable {
    /// Weighted term counts of an article: what its signature is made from.
    func termWeights(of article: Article) -> [String: Double]

    /// The article's signature: its most telling terms, with weights of unit length.
    ///
    /// `documentFrequency` gives the articles each term occurs in, out of `documents`.
    func signature(of weights: [String: Double], documentFrequency: [String: Int],
                   documents: Int) -> [String: Double]

    /// Whether a term in `frequency` of `documents` articles is worth looking up.
    func isSearchable(documentFrequency frequency: Int, documents: Int) -> Bool

    /// How `other` relates to `article`, given the dot product of their signatures and the
    /// number of signature terms they share; nil when it does not. Headline dates are the
    /// article's date, else when it was first seen.
    func relation(of article: Headline, to other: Headline, similarity: Double, sharedTerms: Int) -> RelatedKind?

    /// Words a headline reference is looked up by in the titles of stored articles.
    func headlineWords(of title: String) -> [String]

    /// Keys filing an unresolved reference: a title arriving later that shares one is checked
    /// with `headlineMatch`.
    func headlineVariants(of title: String) -> [String]

    /// How well a reference names a title (higher is better), or nil when it names another.
    func headlineMatch(_ reference: String, _ title: String) -> Double?
}

/// What `updateRelated` did.
public struct RelatedUpdateSummary: Hashable, Sendable {
    /// Articles whose related stories were computed.
    public var computed = 0
    /// Articles left alone: unchanged since their related stories were computed, or gone.
    public var unchanged = 0
    /// Computed links stored for the computed articles (`.similar` and `.sameStory`).
    public var links = 0
    /// Links added to the lists of articles stored before (the reverse of `links`).
    public var backlinks = 0
    /// Headline references and body links resolved to a stored article.
    public var resolved = 0

    public init() {}
}
