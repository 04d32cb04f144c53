import NewsModel

/// Which overlay is open, for the keymap.
public enum OverlayKind: String, Equatable, Sendable, CaseIterable {
    case help, bookmarks, history
}

/// A screen drawn over the panes.
public enum Overlay: Equatable, Sendable {
    /// The key bindings; the value is the first visible line.
    case help(top: Int)
    case bookmarks(BookmarksScreen)
    /// The history list; the value is the selected entry (index into `AppState.historyList`).
    case history(selected: Int)

    public var kind: OverlayKind {
        switch self {
        case .help: return .help
        case .bookmarks: return .bookmarks
        case .history: return .history
        }
    }
}

/// The bookmarks screen: every bookmark, newest first, filtered by text and tag.
public struct BookmarksScreen: Equatable, Sendable {
    /// The bookmarks shown, newest first.
    public var entries: [BookmarkEntry]
    /// Index of the selected entry.
    public var selected: Int
    /// The filter as typed: words to find, and `#tag` to keep one tag.
    public var filter: String
    /// True until the entries for the current filter arrive.
    public var isLoading: Bool

    public init(entries: [BookmarkEntry] = [], selected: Int = 0, filter: String = "",
                isLoading: Bool = true) {
        self.entries = entries
        self.selected = selected
        self.filter = filter
        self.isLoading = isLoading
    }

    /// The filter split into the text and the tag the store filters by.
    public static func query(_ filter: String) -> (text: String?, tag: String?) {
        var words: [Substring] = []
        var tag: String?
        for word in filter.split(separator: " ") {
            if word.hasPrefix("#"), word.count > 1, tag == nil {
                tag = String(word.dropFirst())
            } else {
                words.append(word)
            }
        }
        return (words.isEmpty ? nil : words.joined(separator: " "), tag)
    }

    /// The selected entry, nil when there is none.
    public var selectedEntry: BookmarkEntry? {
        entries.indices.contains(selected) ? entries[selected] : nil
    }
}

/// What a prompt's text is for.
public enum PromptKind: Equatable, Sendable {
    /// A full-text search.
    case search
    /// The bookmarks screen filter.
    case bookmarkFilter
    /// The note of a bookmark.
    case note(BookmarkID)
    /// The tags of a bookmark, separated by spaces or commas.
    case tags(BookmarkID)

    /// The label shown before the text.
    public var label: String {
        switch self {
        case .search: return "Search: "
        case .bookmarkFilter: return "Filter (words, #tag): "
        case .note: return "Note: "
        case .tags: return "Tags: "
        }
    }
}

/// A line of text being typed in the status line.
public struct Prompt: Equatable, Sendable {
    public var kind: PromptKind
    public var text: String

    public init(_ kind: PromptKind, text: String = "") {
        self.kind = kind
        self.text = text
    }
}

/// An article in the history, with where the reader was in it.
public struct HistoryEntry: Equatable, Sendable {
    public var id: ArticleID
    public var title: String
    public var source: String
    public var position: ArticlePosition

    public init(id: ArticleID, title: String, source: String, position: ArticlePosition) {
        self.id = id
        self.title = title
        self.source = source
        self.position = position
    }
}

/// An article asked for and not loaded yet, with where to put the view when it arrives.
public struct PendingOpen: Equatable, Sendable {
    public var id: ArticleID
    /// The reading position to restore (back, forward, history).
    public var position: ArticlePosition?
    /// A passage to scroll to and mark (from the bookmarks screen).
    public var anchor: Anchor?
    /// True when the unread counts already account for this article being read.
    public var countedRead: Bool

    public init(id: ArticleID, position: ArticlePosition? = nil, anchor: Anchor? = nil,
                countedRead: Bool = false) {
        self.id = id
        self.position = position
        self.anchor = anchor
        self.countedRead = countedRead
    }
}
