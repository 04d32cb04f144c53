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
    /// Actions a key can be bound to in the configuration, by name.
    public static let bindable: [String: Action] = [
        "quit": .quit, "moveDown": .moveDown, "moveUp": .moveUp,
        "pageDown": .pageDown, "pageUp": .pageUp, "top": .top, "bottom": .bottom,
        "open": .open, "focusNext": .focusNext, "focusPrevious": .focusPrevious,
        "nextUnread": .nextUnread, "prevUnread": .prevUnread,
        "nextLink": .nextLink, "prevLink": .prevLink, "back": .back, "forward": .forward,
        "toggleStar": .toggleStar, "toggleRead": .toggleRead, "markAllRead": .markAllRead,
        "openInBrowser": .openInBrowser, "bookmark": .bookmark, "deleteBookmark": .deleteBookmark,
        "startSelection": .startSelection,
        "extendSentence": .extendSelection(.sentence, forward: true),
        "shrinkSentence": .extendSelection(.sentence, forward: false),
        "extendParagraph": .extendSelection(.paragraph, forward: true),
        "shrinkParagraph": .extendSelection(.paragraph, forward: false),
        "nextParagraph": .moveSelection(forward: true),
        "previousParagraph": .moveSelection(forward: false),
        "addNote": .addNote, "editTags": .editTags,
        "showBookmarks": .showBookmarks, "showHistory": .showHistory, "showHelp": .showHelp,
        "startSearch": .startSearch, "cycleTheme": .cycleTheme, "toggleSidebar": .toggleSidebar,
        "refreshFeed": .refreshFeed, "refreshAll": .refreshAll,
        "submit": .submit, "cancel": .cancel,
    ]

    /// The configuration name of a bindable action.
    public var bindingName: String? {
        Action.bindable.first { $0.value == self }?.key
    }
}
