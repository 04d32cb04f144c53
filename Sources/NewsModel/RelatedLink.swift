/// Why an article is related to another.
public enum RelatedKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Listed by the source: "Related News", Atom `rel="related"`, a body link to a stored article.
    case explicit
    /// Found by computed similarity of content.
    case similar
    /// Another source's report of the same event ("More on this story").
    case sameStory
}

/// A related story: a title, maybe a URL, and the stored article it resolves to.
public struct RelatedLink: Hashable, Sendable, Codable {
    public var title: String
    public var url: String?
    /// The stored article this resolves to; nil shows the title as unresolved.
    public var articleID: ArticleID?
    public var kind: RelatedKind
    /// Relevance, higher first; 1.0 for explicit links.
    public var score: Double
    /// The resolved article's source name, for "More on this story" side by side.
    public var source: String?

    public init(title: String, url: String? = nil, articleID: ArticleID? = nil,
                kind: RelatedKind = .explicit, score: Double = 1, source: String? = nil) {
        self.title = title
        self.url = url
        self.articleID = articleID
        self.kind = kind
        self.score = score
        self.source = source
    }
}
