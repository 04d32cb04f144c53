import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// The virtualised headline list: which pages are asked for, and the selection kept visible.
@Suite struct NavigationTests {
    /// True when the selected headline is on screen.
    func selectionVisible(_ state: AppState) -> Bool {
        let cursor = state.headlines.cursor
        return cursor.visibleRange.contains(cursor.selected)
    }

    @Test func startLoadsFeedsAndTheFirstPageOfAll() {
        var state = AppState(width: 120, height: 40)
        let effects = send(&state, .start)
        #expect(effects == [.loadFeeds, .loadHeadlines(.all, offset: 0, limit: 200)])
        #expect(state.headlines.isLoading)
    }

    @Test func movingWithinTheLoadedPageLoadsNothing() {
        var state = Fixtures.loadedState()
        let effects = press(&state, keys("jjjjj"))
        #expect(effects.isEmpty)
        #expect(state.headlines.cursor.selected == 5)
        #expect(selectionVisible(state))
    }

    @Test func jumpingToTheEndLoadsThePageAroundIt() {
        var state = Fixtures.loadedState()
        let effects = press(&state, .char("G"))
        #expect(state.headlines.cursor.selected == 1339)
        #expect(effects == [.loadHeadlines(.all, offset: 1140, limit: 200)])
        #expect(selectionVisible(state))
        // Until the page arrives the row is unknown; moving again does not ask twice.
        #expect(state.headlines.selectedRow == nil)
        #expect(press(&state, .char("k")).isEmpty)

        send(&state, .headlinesLoaded(.all, offset: 1140, rows: Fixtures.page(offset: 1140, limit: 200, total: 1340), total: 1340))
        #expect(state.headlines.selectedRow?.id == Fixtures.headline(1338).id)
        #expect(press(&state, .char("g")) == [.loadHeadlines(.all, offset: 0, limit: 200)])
    }

    @Test func pagingDownAsksForTheNextWindowBeforeReachingTheEdge() {
        var state = Fixtures.loadedState()
        var loads: [Effect] = []
        var presses = 0
        while loads.isEmpty, presses < 50 {
            loads = press(&state, .pageDown)
            presses += 1
            #expect(selectionVisible(state))
        }
        let selected = state.headlines.cursor.selected
        #expect(selected < 200, "asked before leaving the loaded page")
        #expect(loads == [.loadHeadlines(.all, offset: selected - 100, limit: 200)])
        // The page asked for covers every visible row.
        let visible = state.headlines.cursor.visibleRange
        #expect(visible.lowerBound >= selected - 100 && visible.upperBound <= selected + 100)
    }

    @Test func everyPageAskedForHasThePageSize() {
        var state = Fixtures.loadedState()
        for key in [Key.end, .home, .pageDown, .pageDown, .end, .pageUp] + Array(repeating: Key.pageDown, count: 30) {
            for effect in press(&state, key) {
                guard case .loadHeadlines(_, let offset, let limit) = effect else { continue }
                #expect(limit == AppState.pageSize)
                #expect(offset >= 0 && offset + limit <= 1340 + limit)
                send(&state, .headlinesLoaded(.all, offset: offset, rows: Fixtures.page(offset: offset, limit: limit, total: 1340), total: 1340))
            }
            #expect(selectionVisible(state))
        }
    }

    @Test func aPageOfAnotherScopeIsIgnored() {
        var state = Fixtures.loadedState()
        send(&state, .headlinesLoaded(.starred, offset: 0, rows: [Fixtures.headline(7)], total: 1))
        #expect(state.headlines.total == 1340)
        #expect(state.headlines.rows.first?.id == Fixtures.headline(0).id)
    }

    @Test func theSelectionFollowsItsHeadlineWhenNewArticlesArrive() {
        var state = Fixtures.loadedState()
        press(&state, keys("jjj"))
        let selectedID = state.headlines.selectedRow?.id
        // Two new articles on top: every row moves down by two.
        let fresh = [Headline(id: ArticleID(9001), feedID: FeedID(1), title: "New", source: "T4K3.news", date: Fixtures.now, isRead: false, isStarred: false),
                     Headline(id: ArticleID(9002), feedID: FeedID(1), title: "Newer", source: "T4K3.news", date: Fixtures.now, isRead: false, isStarred: false)]
        send(&state, .headlinesLoaded(.all, offset: 0, rows: fresh + Fixtures.page(offset: 0, limit: 198, total: 1340), total: 1342))
        #expect(state.headlines.selectedRow?.id == selectedID)
        #expect(state.headlines.cursor.selected == 5)
    }

    @Test func openingAFeedShowsItsHeadlines() {
        var state = Fixtures.loadedState()
        press(&state, .backTab)
        #expect(state.focus == .feeds)
        let effects = press(&state, keys("jjjj") + [.enter])
        #expect(effects == [.loadHeadlines(.feed(FeedID(1)), offset: 0, limit: 200)])
        #expect(state.focus == .headlines)
        #expect(state.headlines.scope == .headlines(.feed(FeedID(1))))
        #expect(state.title(of: state.headlines.scope) == "T4K3.news")
    }

    @Test func focusCyclesThroughThePanesAndSkipsAHiddenSidebar() {
        var state = Fixtures.readingState()
        #expect(state.focus == .article)
        press(&state, .tab)
        #expect(state.focus == .sidebar)
        press(&state, .tab)
        #expect(state.focus == .feeds)
        press(&state, .char("i"))  // hide the sidebar
        #expect(!state.showsSidebar)
        press(&state, .tab, .tab, .tab)
        #expect(state.focus == .feeds)
    }

    @Test func hAndLMoveBetweenPanesInTheLists() {
        var state = Fixtures.loadedState()
        press(&state, .char("h"))
        #expect(state.focus == .feeds)
        let effects = press(&state, .char("l"))
        #expect(effects == [.loadHeadlines(.all, offset: 0, limit: 200)])
        #expect(state.focus == .headlines)
        #expect(press(&state, .right).isEmpty, "nothing to open before the page arrives")
        send(&state, .headlinesLoaded(.all, offset: 0, rows: Fixtures.page(offset: 0, limit: 200, total: 1340), total: 1340))
        let open = press(&state, .right)
        #expect(open == [.loadArticle(ArticleID(101)), .setRead(ArticleID(101), true)])
    }

    @Test func articleScrollingStaysWithinTheText() {
        var state = Fixtures.loadedState()
        press(&state, .enter)
        send(&state, .articleLoaded(Fixtures.longArticle(id: 101), bookmarks: []))
        let rows = PaneLayout(state).articleRows
        press(&state, .char("G"))
        let lines = state.reader?.layout.lines.count ?? 0
        #expect(state.reader?.topLine == lines - rows)
        press(&state, .char("j"))
        #expect(state.reader?.topLine == lines - rows)
        press(&state, .char("g"), .pageDown)
        #expect(state.reader?.topLine == rows - 1)
        press(&state, .char("k"))
        #expect(state.reader?.topLine == rows - 2)
    }
}

/// Answers that do not cover the selection wait for the next key instead of asking again.
@Suite struct PageLoopTests {
    @Test func anAnswerThatMissesTheSelectionDoesNotAskAgainByItself() {
        var state = Fixtures.loadedState()
        press(&state, .char("G"))
        // The store shrank meanwhile: the page comes back empty.
        let effects = send(&state, .headlinesLoaded(.all, offset: 1140, rows: [], total: 1340))
        #expect(effects.isEmpty)
        #expect(state.headlines.selectedRow == nil)
        // The next key asks again.
        #expect(press(&state, .char("k")) == [.loadHeadlines(.all, offset: 1140, limit: 200)])
    }

    @Test func datesFarOutOfRangeShowNoAge() {
        #expect(Screen.age(of: Date(timeIntervalSince1970: 1e300), now: Fixtures.now) == "")
        #expect(Screen.age(of: Fixtures.ago(hours: 49), now: Fixtures.now) == "2d")
        #expect(Screen.age(of: Fixtures.ago(hours: 24 * 40), now: Fixtures.now) == "5w")
        #expect(Screen.age(of: Fixtures.ago(hours: 24 * 800), now: Fixtures.now) == "2y")
        #expect(Screen.age(of: Fixtures.now.addingTimeInterval(3600), now: Fixtures.now) == "now")
    }
}
