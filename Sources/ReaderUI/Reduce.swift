import NewsModel
import TerminalUI

/// Applies `action` to `state` and returns the effects to perform. Pure: no I/O, no clock.
///
/// User intents mean what the current context makes of them: a prompt takes text, an overlay
/// takes its own navigation, visual mode grows the passage selection, otherwise the focused
/// pane decides. Results of effects update the state wherever the user is.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects: [Effect]
    var isResult = false
    switch action {
    case .start:
        effects = [.loadFeeds] + state.show(.headlines(.all))
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        effects = []
    case .feedsLoaded, .headlinesLoaded, .articleLoaded, .bookmarkSaved, .bookmarkRemoved,
         .bookmarksLoaded, .searchLoaded, .refreshProgress, .refreshFinished, .failed:
        effects = state.receive(action)
        isResult = true
    default:
        state.message = nil
        if state.prompt != nil {
            effects = state.handlePrompt(action)
        } else if state.overlay != nil {
            effects = state.handleOverlay(action)
        } else if state.selection != nil {
            effects = state.handleVisual(action)
        } else {
            effects = state.handleMain(action)
        }
    }
    state.settleGeometry()
    // Pages are asked for after keys and resizes only: a result never triggers another load
    // by itself, so an answer that does not cover the selection cannot start a loop.
    if !isResult { effects += state.requestVisiblePage() }
    return effects
}

extension AppState {
    /// Handles an intent on the main screen, by focus.
    mutating func handleMain(_ action: Action) -> [Effect] {
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            move(action)
            return []
        case .open:
            return openSelected()
        case .focusNext:
            cycleFocus(by: 1)
        case .focusPrevious:
            cycleFocus(by: -1)
        case .nextUnread:
            return seekUnread(UnreadSeek(forward: true, opens: focus == .article || focus == .sidebar))
        case .prevUnread:
            return seekUnread(UnreadSeek(forward: false, opens: focus == .article || focus == .sidebar))
        case .nextLink:
            selectTarget(forward: true)
        case .prevLink:
            selectTarget(forward: false)
        case .back:
            return goBack()
        case .forward:
            return goForward()
        case .toggleStar:
            return toggleStar()
        case .toggleRead:
            return toggleRead()
        case .markAllRead:
            return markAllRead()
        case .openInBrowser:
            return openInBrowser()
        case .bookmark:
            if focus == .sidebar { return toggleSidebarBookmark() }
            message = .info("Select a passage with v, or a highlight in the sidebar")
        case .startSelection:
            startSelection()
        case .addNote, .editTags:
            guard focus == .sidebar else {
                message = .info("Select a bookmarked highlight in the sidebar first")
                break
            }
            promptForBookmark(sidebarBookmark, tags: action == .editTags)
        case .showBookmarks:
            overlay = .bookmarks(BookmarksScreen())
            return [.loadBookmarks(text: nil, tag: nil)]
        case .showHistory:
            overlay = .history(selected: historyCurrentIndex ?? max(0, historyList.count - 1))
        case .showHelp:
            overlay = .help(top: 0)
        case .startSearch:
            prompt = Prompt(.search)
        case .cycleTheme:
            let index = themeNames.firstIndex(of: themeName) ?? -1
            themeName = themeNames[(index + 1) % themeNames.count]
            message = .info("Theme: \(themeName)")
        case .toggleSidebar:
            toggleSidebar()
        case .refreshFeed:
            return startRefresh(feeds: refreshTarget())
        case .refreshAll:
            return startRefresh(feeds: [])
        case .cancel:
            if case .search = headlines.scope {
                return show(.headlines(scopeBeforeSearch ?? .all))
            }
            reader?.selectedTarget = nil
        case .quit:
            // On one-pane terminals the article is a screen of its own: q leaves it for the
            // list, as newsboat's q leaves its article view.
            if PaneLayout(self).mode == .one, focus == .article || focus == .sidebar {
                focus = .headlines
                return []
            }
            return [.quit]
        default:
            break
        }
        return []
    }

    /// Moves focus to the next (`step` 1) or previous (-1) pane, skipping a hidden sidebar.
    mutating func cycleFocus(by step: Int) {
        var order = Focus.allCases
        if PaneLayout(self, focus: .article).mode == .three, !showsSidebar {
            order.removeAll { $0 == .sidebar }
        }
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + step + order.count) % order.count]
    }

    /// Shows or hides the sidebar: beside the article when there is room, over it otherwise,
    /// and as the single pane on the narrowest terminals.
    mutating func toggleSidebar() {
        switch PaneLayout(self, focus: .article).mode {
        case .three:
            showsSidebar.toggle()
            if !showsSidebar, focus == .sidebar { focus = .article }
        case .two:
            let shown = sidebarOverArticle || focus == .sidebar
            sidebarOverArticle = !shown
            if shown, focus == .sidebar { focus = .article }
        case .one:
            focus = focus == .sidebar ? .article : .sidebar
        }
    }

    /// Asks for the headline page around the selection when the visible rows are not loaded.
    mutating func requestVisiblePage() -> [Effect] {
        guard unreadSeek == nil, let offset = headlines.pageToLoad(pageSize: listPageSize) else { return [] }
        headlines.requestedOffset = offset
        return [loadEffect(offset: offset)]
    }

    /// Keeps list heights, the article layout and the selections in range.
    mutating func settleGeometry() {
        feedCursor.setCount(feedListCount)
        feedCursor.setHeight(PaneLayout(self, focus: .feeds).feedRows)
        headlines.cursor.setHeight(PaneLayout(self, focus: .headlines).headlineRows)
        let articlePanes = PaneLayout(self, focus: .article)
        if var reader {
            let width = articlePanes.articleTextWidth
            if reader.layout.width != width {
                let old = reader.layout
                reader.layout = ArticleLayout(article: reader.article, width: width, utcOffset: utcOffset)
                reader.position = reader.layout.reflow(reader.position, from: old)
            }
            let maxTop = max(0, reader.layout.lines.count - articlePanes.articleRows)
            if reader.topLine > maxTop { reader.position = reader.layout.position(ofLine: maxTop) }
            let items = reader.sidebarItems.count
            sidebarSelected = min(max(0, sidebarSelected), max(0, items - 1))
            self.reader = reader
        }
        if case .help(let top) = overlay {
            overlay = .help(top: min(top, HelpScreen.maxTop(self)))
        }
    }

    /// The effect loading the page at `offset` of the current list.
    func loadEffect(offset: Int) -> Effect {
        switch headlines.scope {
        case .headlines(let scope): return .loadHeadlines(scope, offset: offset, limit: Self.pageSize)
        case .search(let query): return .search(query, offset: offset, limit: Self.searchPageSize)
        }
    }

    /// Shows `scope` in the headline list, from its first page.
    mutating func show(_ scope: ListScope) -> [Effect] {
        if case .headlines(let previous) = headlines.scope, case .search = scope {
            scopeBeforeSearch = previous
        }
        headlines = HeadlineWindow(scope: scope)
        headlines.requestedOffset = 0
        unreadSeek = nil
        return [loadEffect(offset: 0)]
    }
}
