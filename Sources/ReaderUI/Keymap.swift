import TerminalUI

/// Which bindings apply: the focused pane, visual mode, a prompt, or an overlay.
public enum KeyContext: Hashable, Sendable {
    case normal(Focus)
    case visual
    case prompt
    case overlay(OverlayKind)
}

/// Where a binding applies. A key is looked up in the most specific scope first.
public enum KeyScope: String, Hashable, Sendable, CaseIterable {
    /// Every pane of the main screen.
    case main
    case feeds, headlines, article, sidebar
    case visual
    /// Every overlay.
    case overlays
    case help, bookmarks, history
    case prompt

    /// The scopes searched for a context, most specific first.
    static func chain(for context: KeyContext) -> [KeyScope] {
        switch context {
        case .normal(let focus):
            switch focus {
            case .feeds: return [.feeds, .main]
            case .headlines: return [.headlines, .main]
            case .article: return [.article, .main]
            case .sidebar: return [.sidebar, .main]
            }
        case .visual: return [.visual]
        case .prompt: return [.prompt]
        case .overlay(let kind):
            switch kind {
            case .help: return [.help, .overlays]
            case .bookmarks: return [.bookmarks, .overlays]
            case .history: return [.history, .overlays]
            }
        }
    }

    /// The heading of this scope in the help overlay.
    var title: String {
        switch self {
        case .main: return "Everywhere"
        case .feeds: return "Feed list"
        case .headlines: return "Headlines"
        case .article: return "Article"
        case .sidebar: return "Highlights sidebar"
        case .visual: return "Selecting a passage (v)"
        case .overlays: return "Help, bookmarks and history screens"
        case .help: return "Help"
        case .bookmarks: return "Bookmarks screen (B)"
        case .history: return "History (H)"
        case .prompt: return "Prompts"
        }
    }
}

/// Key bindings as data: which key does what in which context.
///
/// Keys follow newsboat where newsboat has the key (`j`/`k`, Enter, `q`, `n`/`N`, `/`, `o`,
/// `?`). `h`/Left and `l`/Right go back and forward only in the article pane; in the lists they
/// move between panes and open.
public struct Keymap: Sendable, Equatable {
    /// One key bound to one action in one scope.
    public struct Binding: Equatable, Sendable {
        public var key: Key
        public var action: Action
        public var scope: KeyScope
    }

    /// Every binding, in the order the help lists them.
    public private(set) var bindings: [Binding]

    /// A keymap of these bindings; a later binding of the same key in the same scope wins.
    public init(_ bindings: [Binding]) {
        self.bindings = []
        for binding in bindings { bind(binding.key, to: binding.action, in: binding.scope) }
    }

    /// The action for `key` in `context`, nil when the key does nothing there. In a prompt,
    /// printable keys type themselves.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        for scope in KeyScope.chain(for: context) {
            if let binding = bindings.last(where: { $0.scope == scope && $0.key == key }) {
                return binding.action
            }
        }
        if context == .prompt, case .char(let character) = key { return .input(character) }
        return nil
    }

    /// Binds `key` to `action` in `scope`, replacing the key's binding there.
    public mutating func bind(_ key: Key, to action: Action, in scope: KeyScope) {
        bindings.removeAll { $0.key == key && $0.scope == scope }
        bindings.append(Binding(key: key, action: action, scope: scope))
    }

    /// This keymap with the configuration's bindings (key spec → action name) applied.
    ///
    /// A binding applies in every scope where the action has a default binding (the main
    /// screen for actions without one) and replaces the key's binding there; the action name
    /// `none` unbinds the key everywhere. An unknown key spec or action name is reported and
    /// the binding skipped.
    public func applying(_ config: [String: String]) -> (Keymap, errors: [String]) {
        var keymap = self
        var errors: [String] = []
        for spec in config.keys.sorted() {
            guard let name = config[spec] else { continue }
            guard let key = KeySpec.parse(spec) else {
                errors.append("unknown key \"\(spec)\" (bound to \"\(name)\")")
                continue
            }
            if name == "none" {
                keymap.bindings.removeAll { $0.key == key && $0.scope != .prompt }
                continue
            }
            guard let action = Action.named(name) else {
                errors.append("unknown action \"\(name)\" for key \"\(spec)\"")
                continue
            }
            var scopes: [KeyScope] = []
            for binding in Keymap.default.bindings where binding.action == action && binding.scope != .prompt {
                if !scopes.contains(binding.scope) { scopes.append(binding.scope) }
            }
            for scope in scopes.isEmpty ? [.main] : scopes { keymap.bind(key, to: action, in: scope) }
        }
        return (keymap, errors)
    }

    /// Every binding for the help overlay: one row per scope and action, keys joined.
    public var help: [(section: String, keys: String, description: String)] {
        var rows: [(scope: KeyScope, action: Action, keys: [String])] = []
        for scope in KeyScope.allCases {
            for binding in bindings where binding.scope == scope {
                let name = KeySpec.describe(binding.key)
                if let i = rows.firstIndex(where: { $0.scope == scope && $0.action == binding.action }) {
                    rows[i].keys.append(name)
                } else {
                    rows.append((scope, binding.action, [name]))
                }
            }
        }
        var out = rows.map { (section: $0.scope.title, keys: $0.keys.joined(separator: " "),
                              description: Keymap.describe($0.action, in: $0.scope)) }
        if let index = out.lastIndex(where: { $0.section == KeyScope.prompt.title }) {
            out.insert((KeyScope.prompt.title, "other keys", "Type text"), at: index + 1)
        }
        return out
    }
}

extension Keymap {
    /// The bindings Herald starts with.
    public static let `default`: Keymap = {
        var list: [Binding] = []
        func add(_ scope: KeyScope, _ action: Action, _ keys: Key...) {
            for key in keys { list.append(Binding(key: key, action: action, scope: scope)) }
        }
        add(.main, .moveDown, .char("j"), .down)
        add(.main, .moveUp, .char("k"), .up)
        add(.main, .pageDown, .pageDown, .char(" "), .ctrl("d"))
        add(.main, .pageUp, .pageUp, .ctrl("u"))
        add(.main, .top, .char("g"), .home)
        add(.main, .bottom, .char("G"), .end)
        add(.main, .open, .enter)
        add(.main, .focusNext, .tab)
        add(.main, .focusPrevious, .backTab)
        add(.main, .nextUnread, .char("n"))
        add(.main, .prevUnread, .char("N"))
        add(.main, .nextLink, .char("]"))
        add(.main, .prevLink, .char("["))
        add(.main, .back, .backspace)
        add(.main, .toggleStar, .char("s"))
        add(.main, .toggleRead, .char("r"))
        add(.main, .markAllRead, .char("A"))
        add(.main, .openInBrowser, .char("o"))
        add(.main, .startSearch, .char("/"))
        add(.main, .showBookmarks, .char("B"))
        add(.main, .showHistory, .char("H"))
        add(.main, .toggleSidebar, .char("i"))
        add(.main, .refreshAll, .char("R"))
        add(.main, .cycleTheme, .char("T"))
        add(.main, .showHelp, .char("?"))
        add(.main, .cancel, .escape)
        add(.main, .quit, .char("q"))

        add(.feeds, .open, .char("l"), .right)
        add(.feeds, .refreshFeed, .char("r"))

        add(.headlines, .focusPrevious, .char("h"), .left)
        add(.headlines, .open, .char("l"), .right)

        add(.article, .back, .char("h"), .left)
        add(.article, .forward, .char("l"), .right)
        add(.article, .startSelection, .char("v"))

        add(.sidebar, .focusPrevious, .char("h"), .left)
        add(.sidebar, .bookmark, .char("b"))
        add(.sidebar, .addNote, .char("a"))
        add(.sidebar, .editTags, .char("t"))

        add(.visual, .extendSelection(.sentence, forward: true), .char("j"), .down)
        add(.visual, .extendSelection(.sentence, forward: false), .char("k"), .up)
        add(.visual, .extendSelection(.paragraph, forward: true), .char("}"))
        add(.visual, .extendSelection(.paragraph, forward: false), .char("{"))
        add(.visual, .moveSelection(forward: true), .char("J"))
        add(.visual, .moveSelection(forward: false), .char("K"))
        add(.visual, .bookmark, .char("b"), .enter)
        add(.visual, .cancel, .escape, .char("v"), .char("q"))

        add(.overlays, .moveDown, .char("j"), .down)
        add(.overlays, .moveUp, .char("k"), .up)
        add(.overlays, .pageDown, .pageDown, .char(" "), .ctrl("d"))
        add(.overlays, .pageUp, .pageUp, .ctrl("u"))
        add(.overlays, .top, .char("g"), .home)
        add(.overlays, .bottom, .char("G"), .end)
        add(.overlays, .cancel, .escape, .char("q"))

        add(.help, .cancel, .char("?"))

        add(.bookmarks, .open, .enter)
        add(.bookmarks, .startSearch, .char("/"))
        add(.bookmarks, .addNote, .char("a"))
        add(.bookmarks, .editTags, .char("t"))
        add(.bookmarks, .deleteBookmark, .char("d"))

        add(.history, .open, .enter)

        add(.prompt, .submit, .enter)
        add(.prompt, .cancel, .escape)
        add(.prompt, .inputBackspace, .backspace, .delete)
        return Keymap(list)
    }()

    /// What an action does in a scope, in the words of the help overlay.
    static func describe(_ action: Action, in scope: KeyScope) -> String {
        switch (action, scope) {
        case (.moveDown, .main): return "Next item; in the article, scroll down a line"
        case (.moveUp, .main): return "Previous item; in the article, scroll up a line"
        case (.moveDown, _): return "Next entry"
        case (.moveUp, _): return "Previous entry"
        case (.pageDown, _): return "Page down"
        case (.pageUp, _): return "Page up"
        case (.top, _): return "First entry, top of the article"
        case (.bottom, _): return "Last entry, end of the article"
        case (.open, .main): return "Open the feed, headline, selected link or related story"
        case (.open, .feeds): return "Open the feed"
        case (.open, .headlines): return "Open the article"
        case (.open, .bookmarks): return "Open the article at the bookmarked passage"
        case (.open, .history): return "Go to this article"
        case (.open, _): return "Open"
        case (.focusNext, _): return "Next pane"
        case (.focusPrevious, _): return "Previous pane"
        case (.nextUnread, _): return "Next unread headline (opens it from the article)"
        case (.prevUnread, _): return "Previous unread headline"
        case (.nextLink, _): return "Next link or related story in the article"
        case (.prevLink, _): return "Previous link or related story"
        case (.back, _): return "Back to the previous article"
        case (.forward, _): return "Forward again"
        case (.toggleStar, _): return "Star or unstar the article"
        case (.toggleRead, _): return "Mark the article read or unread"
        case (.markAllRead, _): return "Mark every headline in the list read"
        case (.openInBrowser, _): return "Open the article (or the selected link) in the browser"
        case (.bookmark, .visual): return "Bookmark the selected passage"
        case (.bookmark, _): return "Bookmark the highlight, or remove its bookmark"
        case (.deleteBookmark, _): return "Delete the bookmark"
        case (.startSelection, _): return "Select a passage, starting at the top of the view"
        case (.extendSelection(.sentence, true), _): return "Extend by a sentence"
        case (.extendSelection(.sentence, false), _): return "Shrink by a sentence"
        case (.extendSelection(.paragraph, true), _): return "Select the whole paragraph"
        case (.extendSelection(.paragraph, false), _): return "Back to the first sentence"
        case (.moveSelection(true), _): return "Move to the next paragraph"
        case (.moveSelection(false), _): return "Move to the previous paragraph"
        case (.addNote, _): return "Write a note on the bookmark"
        case (.editTags, _): return "Tag the bookmark"
        case (.showBookmarks, _): return "Bookmarks screen"
        case (.showHistory, _): return "History of articles read"
        case (.showHelp, _): return "This help"
        case (.startSearch, .bookmarks): return "Filter by words and #tag"
        case (.startSearch, _): return "Search all articles"
        case (.cycleTheme, _): return "Next colour theme"
        case (.toggleSidebar, _): return "Show or hide the highlights sidebar"
        case (.refreshFeed, _): return "Refresh the selected feed"
        case (.refreshAll, _): return "Refresh all feeds"
        case (.quit, .main): return "Quit (on one-pane terminals, from the article: back to the list)"
        case (.quit, _), (.cancel, .visual), (.cancel, .overlays), (.cancel, .help): return "Close"
        case (.cancel, .main): return "Leave search results, deselect the link, clear the message"
        case (.cancel, _): return "Cancel"
        case (.submit, _): return "Accept"
        case (.inputBackspace, _): return "Delete the last character"
        default: return action.bindingName ?? "\(action)"
        }
    }
}
