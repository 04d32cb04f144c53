import Foundation
import NewsModel
import TerminalUI

/// Which pane receives the keys.
public enum Focus: String, CaseIterable, Equatable, Sendable {
    /// The feed list (views and feeds), top of the left column.
    case feeds
    /// The headline list, below the feed list.
    case headlines
    /// The open article, centre.
    case article
    /// The highlights sidebar, right.
    case sidebar
}

/// What the headline list shows: a scope of the store, or the results of a search.
public enum ListScope: Hashable, Sendable {
    case headlines(HeadlineScope)
    case search(String)
}

/// A line of the status bar: information or an error.
public enum StatusMessage: Equatable, Sendable {
    case info(String)
    case error(String)
}

/// How far a refresh has come, in feeds.
public struct RefreshProgress: Equatable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}

/// A search for the next or previous unread headline that waits for a page to load.
public struct UnreadSeek: Equatable, Sendable {
    /// True for `n` (downwards), false for `N`.
    public var forward: Bool
    /// True when the headline found is also opened (the article pane had focus).
    public var opens: Bool
}

/// Everything the screen shows and the reducer needs. A value: `reduce` changes it, `render`
/// draws it, and neither ever touches the store or the terminal.
public struct AppState: Equatable, Sendable {
    // MARK: Terminal and clock

    /// Terminal width, in columns.
    public var width: Int
    /// Terminal height, in rows.
    public var height: Int
    /// The current time, set by the executable; ages ("3h") are computed against it.
    public var now: Date
    /// Offset of the user's time zone from UTC, in seconds, for dates shown in full.
    public var utcOffset: Int

    // MARK: Configuration

    /// Key bindings; the help overlay lists them.
    public var keymap: Keymap
    /// Names of the themes `T` cycles through, given by the executable.
    public var themeNames: [String]
    /// The theme in use; the executable draws with the theme of this name.
    public var themeName: String
    /// Headline pane width from the configuration, in columns (nil: derived from the width).
    public var headlinesWidth: Int?
    /// Sidebar width from the configuration, in columns (nil: derived from the width).
    public var sidebarWidth: Int?
    /// Whether the sidebar is shown on terminals wide enough for three panes.
    public var showsSidebar: Bool
    /// Whether the sidebar is shown over the article on narrower terminals.
    public var sidebarOverArticle: Bool

    // MARK: Feeds and headlines

    /// Feeds with their unread counts, in the store's order (by title).
    public var feeds: [FeedSummary]
    /// Unread articles in all feeds.
    public var unreadTotal: Int
    /// Selection in the feed list: the views (`FeedListEntry.views`) then the feeds.
    public var feedCursor: ListView
    /// The headline list: scope, total and one loaded page.
    public var headlines: HeadlineWindow
    /// The scope to return to when leaving search results.
    public var scopeBeforeSearch: HeadlineScope?
    /// A `n`/`N` search that waits for a page.
    public var unreadSeek: UnreadSeek?
    public var focus: Focus

    // MARK: Article

    /// The article shown, with its layout and reading position.
    public var reader: ArticleReader?
    /// An article asked for and not yet loaded, with where to put the view once it arrives.
    public var pendingOpen: PendingOpen?
    /// Selected item of the highlights sidebar (index into `reader.sidebarItems`).
    public var sidebarSelected: Int
    /// The passage being selected (visual mode).
    public var selection: PassageSelection?
    /// Articles to go back to, most recent last.
    public var backStack: [HistoryEntry]
    /// Articles to go forward to, most recent last.
    public var forwardStack: [HistoryEntry]

    // MARK: Overlays, prompt, status

    public var overlay: Overlay?
    public var prompt: Prompt?
    public var message: StatusMessage?
    public var refresh: RefreshProgress?

    /// Rows of one headline page, asked for at a time.
    public static let pageSize = 200
    /// Hits of one search-results page. Every hit costs the store a snippet (its body is read
    /// and decompressed, ~0.2 ms), so a page is about a screenful, not `pageSize`.
    public static let searchPageSize = 50

    /// Rows of one page of the list shown now.
    var listPageSize: Int {
        if case .search = headlines.scope { return Self.searchPageSize }
        return Self.pageSize
    }

    /// A state for a terminal of `width` × `height` with nothing loaded yet.
    public init(width: Int, height: Int, now: Date = Date(timeIntervalSince1970: 0),
                themeNames: [String] = ["default"], themeName: String? = nil,
                keymap: Keymap = .default) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.now = now
        self.utcOffset = 0
        self.keymap = keymap
        self.themeNames = themeNames.isEmpty ? ["default"] : themeNames
        self.themeName = themeName ?? self.themeNames[0]
        self.headlinesWidth = nil
        self.sidebarWidth = nil
        self.showsSidebar = true
        self.sidebarOverArticle = false
        self.feeds = []
        self.unreadTotal = 0
        self.feedCursor = ListView(count: FeedListEntry.views.count)
        self.headlines = HeadlineWindow(scope: .headlines(.all))
        self.scopeBeforeSearch = nil
        self.unreadSeek = nil
        self.focus = .headlines
        self.reader = nil
        self.pendingOpen = nil
        self.sidebarSelected = 0
        self.selection = nil
        self.backStack = []
        self.forwardStack = []
        self.overlay = nil
        self.prompt = nil
        self.message = nil
        self.refresh = nil
    }

    /// Which bindings apply now: a prompt, an overlay, visual mode, or the focused pane.
    public var keyContext: KeyContext {
        if prompt != nil { return .prompt }
        if let overlay { return .overlay(overlay.kind) }
        if selection != nil { return .visual }
        return .normal(focus)
    }
}

/// One entry of the feed list: a view over all feeds, or one feed.
public enum FeedListEntry: Equatable, Sendable {
    case view(HeadlineScope, title: String)
    case feed(FeedSummary)

    /// The views at the top of the feed list.
    public static let views: [FeedListEntry] = [
        .view(.all, title: "All"), .view(.unread, title: "Unread"),
        .view(.starred, title: "Starred"), .view(.bookmarked, title: "Bookmarked"),
    ]

    /// The scope this entry shows.
    public var scope: HeadlineScope {
        switch self {
        case .view(let scope, _): return scope
        case .feed(let summary): return .feed(summary.id)
        }
    }

    /// The name shown in the list.
    public var title: String {
        switch self {
        case .view(_, let title): return title
        case .feed(let summary): return summary.feed.title
        }
    }
}

extension AppState {
    /// Entries of the feed list: views then feeds.
    public var feedListCount: Int { FeedListEntry.views.count + feeds.count }

    /// The feed list entry at `index`, nil when out of range.
    public func feedListEntry(at index: Int) -> FeedListEntry? {
        if index < 0 { return nil }
        if index < FeedListEntry.views.count { return FeedListEntry.views[index] }
        let feedIndex = index - FeedListEntry.views.count
        return feedIndex < feeds.count ? .feed(feeds[feedIndex]) : nil
    }

    /// Unread count shown beside a feed list entry; nil when unknown (starred, bookmarked).
    public func unreadCount(of entry: FeedListEntry) -> Int? {
        switch entry.scope {
        case .all, .unread: return unreadTotal
        case .feed: if case .feed(let summary) = entry { return summary.unread } else { return nil }
        case .starred, .bookmarked, .tag: return nil
        }
    }

    /// A short name for a scope, for titles: "All", a feed's title, "Search: tariffs".
    public func title(of scope: ListScope) -> String {
        switch scope {
        case .search(let query): return "Search: \(query)"
        case .headlines(let scope):
            switch scope {
            case .all: return "All"
            case .unread: return "Unread"
            case .starred: return "Starred"
            case .bookmarked: return "Bookmarked"
            case .tag(let tag): return "#\(tag)"
            case .feed(let id): return feeds.first { $0.id == id }?.feed.title ?? "Feed"
            }
        }
    }
}
