import Foundation

/// A bookmarked highlight or passage. It keeps its own copy of the text so it outlives edits.
public struct Bookmark: Hashable, Sendable, Codable {
    /// Store identity; nil until stored.
    public var id: BookmarkID?
    public var articleID: ArticleID
    /// The highlight bookmarked, nil for a free passage or when the highlight is gone.
    public var highlightID: HighlightID?
    public var kind: HighlightKind
    /// The bookmarked text as it was when bookmarked.
    public var text: String
    public var attribution: String?
    /// Where the passage stands in the current body; nil when it could not be found again.
    public var anchor: Anchor?
    /// The reader's note.
    public var note: String?
    public var tags: [String]
    public var created: Date
    /// True when the article changed and the passage is no longer in it.
    public var isOrphaned: Bool

    public init(id: BookmarkID? = nil, articleID: ArticleID, highlightID: HighlightID? = nil,
                kind: HighlightKind, text: String, attribution: String? = nil,
                anchor: Anchor? = nil, note: String? = nil, tags: [String] = [],
                created: Date = Date(), isOrphaned: Bool = false) {
        self.id = id
        self.articleID = articleID
        self.highlightID = highlightID
        self.kind = kind
        self.text = text
        self.attribution = attribution
        self.anchor = anchor
        self.note = note
        self.tags = tags
        self.created = created
        self.isOrphaned = isOrphaned
    }
}
