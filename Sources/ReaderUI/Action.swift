import Foundation
import NewsModel

/// What a passage selection grows or shrinks by in visual mode.
public enum SelectionUnit: String, Equatable, Sendable {
    case sentence
    case paragraph
}

/// Everything that can happen to the reader: user intents (from the keymap) and the results of
/// effects (from the executable). The reducer decides what an intent means in the current
/// focus, overlay or mode.
public enum Action: Equatable, Sendable {
    // MARK: Life cycle

    /// The program started: loads the feed list and the first page of "All".
    case start
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Closes the current overlay, prompt, selection or search; on the main screen, quits.
    case quit

    // MARK: Moving

    case moveDown
    case moveUp
    case pageDown
    case pageUp
    case top
    case bottom
    /// Opens what is selected: a feed, a headline, a link or related story, a bookmark.
    case open
    case focusNext
    case focusPrevious
    /// Selects (and in the article pane opens) the next unread headline.
    case nextUnread
    case prevUnread
    /// Selects the next numbered link or related story of the article, in reading order.
    case nextLink
    case prevLink
    /// Goes back to the previous article in the history.
    case back
    case forward

    // MARK: Article state

    case toggleStar
    case toggleRead
    /// Marks every headline of the current scope read.
    case markAllRead
    case openInBrowser

    // MARK: Highlights and passages

    /// Toggles the bookmark of the selected highlight, or bookmarks the selected passage.
    case bookmark
    /// Deletes the selected bookmark (bookmarks screen).
    case deleteBookmark
    /// Starts selecting a passage at the top of the article view (visual mode).
    case startSelection
    /// Grows (`forward`) or shrinks the passage selection.
    case extendSelection(SelectionUnit, forward: Bool)
    /// Moves the passage selection to the next or previous paragraph.
    case moveSelection(forward: Bool)
    /// Prompts for the note of the selected bookmark.
    case addNote
    /// Prompts for the tags of the selected bookmark.
    case editTags

    // MARK: Screens and settings

    case showBookmarks
    case showHistory
    case showHelp
    /// Prompts for a search (or, on the bookmarks screen, a filter).
    case startSearch
    case cycleTheme
    case toggleSidebar
    /// Refreshes the selected feed (or the feed of the current scope).
    case refreshFeed
    case refreshAll

    // MARK: Prompt input

    case input(Character)
    case inputBackspace
    case submit
    /// Closes a prompt, overlay or selection, leaves search results, clears the message.
    case cancel

    // MARK: Results of effects

    case feedsLoaded([FeedSummary], unread: Int)
    case headlinesLoaded(HeadlineScope, offset: Int, rows: [Headline], total: Int)
    case articleLoaded(Article, bookmarks: [Bookmark])
    case bookmarkSaved(Bookmark)
    case bookmarkRemoved(BookmarkID)
    case bookmarksLoaded([BookmarkEntry])
    case searchLoaded(query: String, hits: [SearchHit], offset: Int)
    case refreshProgress(done: Int, total: Int)
    case refreshFinished(String)
    /// An effect failed; the text is shown as an error.
    case failed(String)
}

extension Action {
    /// Actions a key can be bound to in the configuration, by name (`page-down`).
    public static let bindable: [(name: String, action: Action)] = [
        ("quit", .quit), ("move-down", .moveDown), ("move-up", .moveUp),
        ("page-down", .pageDown), ("page-up", .pageUp), ("top", .top), ("bottom", .bottom),
        ("open", .open), ("focus-next", .focusNext), ("focus-previous", .focusPrevious),
        ("next-unread", .nextUnread), ("prev-unread", .prevUnread),
        ("next-link", .nextLink), ("prev-link", .prevLink), ("back", .back), ("forward", .forward),
        ("toggle-star", .toggleStar), ("toggle-read", .toggleRead), ("mark-all-read", .markAllRead),
        ("open-in-browser", .openInBrowser), ("bookmark", .bookmark),
        ("delete-bookmark", .deleteBookmark), ("start-selection", .startSelection),
        ("extend-sentence", .extendSelection(.sentence, forward: true)),
        ("shrink-sentence", .extendSelection(.sentence, forward: false)),
        ("extend-paragraph", .extendSelection(.paragraph, forward: true)),
        ("shrink-paragraph", .extendSelection(.paragraph, forward: false)),
        ("next-paragraph", .moveSelection(forward: true)),
        ("previous-paragraph", .moveSelection(forward: false)),
        ("add-note", .addNote), ("edit-tags", .editTags),
        ("show-bookmarks", .showBookmarks), ("show-history", .showHistory), ("show-help", .showHelp),
        ("start-search", .startSearch), ("cycle-theme", .cycleTheme), ("toggle-sidebar", .toggleSidebar),
        ("refresh-feed", .refreshFeed), ("refresh-all", .refreshAll),
        ("submit", .submit), ("cancel", .cancel),
    ]

    /// The action a configuration names: `page-down`, also written `pageDown` or `page_down`.
    public static func named(_ name: String) -> Action? {
        let wanted = normalized(name)
        return bindable.first { normalized($0.name) == wanted }?.action
    }

    /// The configuration name of a bindable action.
    public var bindingName: String? {
        Action.bindable.first { $0.action == self }?.name
    }

    private static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    }
}
