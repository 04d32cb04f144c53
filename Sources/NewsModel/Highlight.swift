/// What a highlight is.
public enum HighlightKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A "Key Takeaways" quote from the page itself.
    case takeaway
    /// A "Highlights" bullet from the page itself.
    case highlight
    /// Quoted speech or a blockquote found in the body.
    case quote
    /// A key sentence chosen by extraction.
    case keySentence
    /// A passage the reader selected.
    case passage
}

/// A place in an article body that survives re-wrapping at any width.
public struct Anchor: Hashable, Sendable, Codable {
    /// Index into the article's `body` blocks.
    public var block: Int
    /// Start offset in the block's `plainText`, in Unicode scalars.
    public var start: Int
    /// End offset (exclusive) in the block's `plainText`, in Unicode scalars.
    public var end: Int

    public init(block: Int, start: Int, end: Int) {
        self.block = block
        self.start = start
        self.end = end
    }
}

/// A line worth keeping: a takeaway, a highlight bullet, a quote, a key sentence or a passage.
public struct Highlight: Hashable, Sendable, Codable {
    /// Store identity; nil until stored.
    public var id: HighlightID?
    /// The article it belongs to; nil until stored.
    public var articleID: ArticleID?
    public var kind: HighlightKind
    /// The highlighted text, cleaned.
    public var text: String
    /// Who said it, or the takeaway's attribution line.
    public var attribution: String?
    /// Where the text stands in the body, when it does.
    public var anchor: Anchor?
    /// Order among the article's highlights (explicit page highlights first).
    public var position: Int

    public init(id: HighlightID? = nil, articleID: ArticleID? = nil, kind: HighlightKind,
                text: String, attribution: String? = nil, anchor: Anchor? = nil, position: Int = 0) {
        self.id = id
        self.articleID = articleID
        self.kind = kind
        self.text = text
        self.attribution = attribution
        self.anchor = anchor
        self.position = position
    }
}
