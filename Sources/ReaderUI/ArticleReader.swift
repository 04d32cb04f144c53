import NewsModel

/// The open article: its content, bookmarks, layout and where the reader is in it.
public struct ArticleReader: Equatable, Sendable {
    public var id: ArticleID
    public var article: Article
    /// The article's bookmarks (highlights and passages).
    public var bookmarks: [Bookmark]
    /// The article wrapped to the article pane's text width.
    public var layout: ArticleLayout
    /// The first visible line.
    public var position: ArticlePosition
    /// The selected link or related story (index into `layout.targets`).
    public var selectedTarget: Int?
    /// A passage marked in the body (the bookmark jumped to).
    public var marked: Anchor?

    public init(id: ArticleID, article: Article, bookmarks: [Bookmark], layout: ArticleLayout,
                position: ArticlePosition = .start) {
        self.id = id
        self.article = article
        self.bookmarks = bookmarks
        self.layout = layout
        self.position = position
        self.selectedTarget = nil
        self.marked = nil
    }

    /// The first visible line, in wrapped lines.
    public var topLine: Int { layout.line(at: position) }

    /// What the sidebar lists: the highlights in order, then passages bookmarked by the
    /// reader that are not highlights.
    public var sidebarItems: [SidebarItem] {
        var items: [SidebarItem] = []
        var used = Set<Int>()
        for highlight in article.highlights {
            let index = bookmarks.firstIndex { Self.matches($0, highlight) }
            if let index { used.insert(index) }
            items.append(SidebarItem(kind: highlight.kind, text: highlight.text,
                                     attribution: highlight.attribution, anchor: highlight.anchor,
                                     highlight: highlight, bookmark: index.map { bookmarks[$0] }))
        }
        for (index, bookmark) in bookmarks.enumerated() where !used.contains(index) {
            items.append(SidebarItem(kind: bookmark.kind, text: bookmark.text,
                                     attribution: bookmark.attribution, anchor: bookmark.anchor,
                                     highlight: nil, bookmark: bookmark))
        }
        return items
    }

    /// True when `bookmark` keeps `highlight`: same highlight id, or the same text.
    static func matches(_ bookmark: Bookmark, _ highlight: Highlight) -> Bool {
        if let id = bookmark.highlightID, let other = highlight.id { return id == other }
        return bookmark.text == highlight.text
    }
}

/// One entry of the highlights sidebar.
public struct SidebarItem: Equatable, Sendable {
    public var kind: HighlightKind
    public var text: String
    public var attribution: String?
    /// Where the text is in the body, when it is.
    public var anchor: Anchor?
    /// The highlight shown, nil for a passage the reader bookmarked.
    public var highlight: Highlight?
    /// The bookmark keeping this item, nil when not bookmarked.
    public var bookmark: Bookmark?
}

extension HighlightKind {
    /// The label shown in the sidebar and the bookmarks screen.
    public var label: String {
        switch self {
        case .takeaway: return "takeaway"
        case .highlight: return "highlight"
        case .quote: return "quote"
        case .keySentence: return "key sentence"
        case .passage: return "passage"
        }
    }
}
