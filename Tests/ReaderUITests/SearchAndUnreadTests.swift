import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// `/` search results as a list scope, and `n`/`N` across pages.
@Suite struct SearchAndUnreadTests {
    func hits(_ range: Range<Int>) -> [SearchHit] {
        range.map { SearchHit(headline: Fixtures.headline($0), snippet: "[tariff] \($0)", rank: Double($0)) }
    }

    @Test func searchListsResultsAndPagesThroughThem() {
        var state = Fixtures.loadedState()
        press(&state, .char("/"))
        #expect(state.keyContext == .prompt)
        press(&state, keys("tariff"))
        let page = AppState.searchPageSize
        #expect(press(&state, .enter) == [.search("tariff", offset: 0, limit: page)])
        #expect(state.headlines.scope == .search("tariff"))
        #expect(state.title(of: state.headlines.scope) == "Search: tariff")

        // A full page: more may follow, shown as one more row.
        send(&state, .searchLoaded(query: "tariff", hits: hits(0..<page), offset: 0))
        #expect(state.headlines.total == page)
        #expect(state.headlines.mayHaveMore)
        // The "more" row asks for the page around it.
        #expect(press(&state, .char("G")) == [.search("tariff", offset: page / 2, limit: page)])
        send(&state, .searchLoaded(query: "tariff", hits: hits(page / 2..<page + 10), offset: page / 2))
        #expect(state.headlines.total == page + 10)
        #expect(!state.headlines.mayHaveMore)
        #expect(state.headlines.cursor.selected == page)

        // (The visible rows above the loaded page are asked for too.)
        let open = press(&state, .enter)
        #expect(Array(open.prefix(2)) == [.loadArticle(Fixtures.headline(page).id), .setRead(Fixtures.headline(page).id, true)])

        // Esc in the list leaves the results for the scope before.
        press(&state, .backTab)
        #expect(state.focus == .headlines)
        #expect(press(&state, .escape) == [.loadHeadlines(.all, offset: 0, limit: 200)])
        #expect(state.headlines.scope == .headlines(.all))
    }

    @Test func staleSearchResultsAreIgnored() {
        var state = Fixtures.loadedState()
        press(&state, .char("/"))
        press(&state, keys("new"))
        press(&state, .enter)
        send(&state, .searchLoaded(query: "old", hits: hits(0..<3), offset: 0))
        #expect(state.headlines.isLoading)
        send(&state, .searchLoaded(query: "new", hits: [], offset: 0))
        #expect(state.message == .info("No articles match \"new\""))
    }

    @Test func anEmptySearchDoesNothing() {
        var state = Fixtures.loadedState()
        press(&state, .char("/"), .char(" "))
        #expect(press(&state, .enter).isEmpty)
        #expect(state.headlines.scope == .headlines(.all))
    }

    @Test func nAndNFindUnreadHeadlinesInThePage() {
        var state = Fixtures.loadedState()
        // Rows 2, 5, 8… are read.
        press(&state, .char("n"))
        #expect(state.headlines.cursor.selected == 1)
        press(&state, .char("n"))
        #expect(state.headlines.cursor.selected == 3)
        press(&state, .char("N"))
        #expect(state.headlines.cursor.selected == 1)
    }

    @Test func nLoadsTheNextPageWhenThisOneHasNoUnread() {
        var state = AppState(width: 120, height: 40, now: Fixtures.now)
        send(&state, .start, .feedsLoaded(Fixtures.feeds, unread: Fixtures.unreadTotal))
        let allRead = Fixtures.page(offset: 0, limit: 200, total: 1340).map { row -> Headline in
            var row = row
            row.isRead = true
            return row
        }
        send(&state, .headlinesLoaded(.all, offset: 0, rows: allRead, total: 1340))
        #expect(press(&state, .char("n")) == [.loadHeadlines(.all, offset: 200, limit: 200)])
        var next = Fixtures.page(offset: 200, limit: 200, total: 1340).map { row -> Headline in
            var row = row
            row.isRead = true
            return row
        }
        next[50].isRead = false
        let effects = send(&state, .headlinesLoaded(.all, offset: 200, rows: next, total: 1340))
        #expect(state.headlines.cursor.selected == 250)
        // At most a prefetch of the page around the selection follows, covering what is visible.
        let visible = state.headlines.cursor.visibleRange
        for effect in effects {
            guard case .loadHeadlines(.all, let offset, let limit) = effect else {
                Issue.record("unexpected \(effect)")
                continue
            }
            #expect(offset <= visible.lowerBound && offset + limit >= visible.upperBound)
        }
        #expect(state.unreadSeek == nil)
        // Backwards from there: page 0 has no unread either, and nothing is above it.
        press(&state, .char("N"))
        #expect(state.headlines.cursor.selected == 250)
    }

    @Test func nAsksForTheNextSearchPageWhenMoreHitsMayFollow() {
        var state = Fixtures.loadedState()
        press(&state, .char("/"))
        press(&state, keys("tariff"))
        press(&state, .enter)
        let page = AppState.searchPageSize
        let read = hits(0..<page).map { hit -> SearchHit in
            var hit = hit
            hit.headline.isRead = true
            return hit
        }
        send(&state, .searchLoaded(query: "tariff", hits: read, offset: 0))
        #expect(state.headlines.mayHaveMore)
        #expect(press(&state, .char("n")) == [.search("tariff", offset: page, limit: page)])
    }

    @Test func nInTheArticleOpensTheNextUnread() {
        var state = Fixtures.readingState()
        let effects = press(&state, .char("n"))
        #expect(effects == [.loadArticle(ArticleID(102)), .setRead(ArticleID(102), true)])
        #expect(state.backStack.map(\.id) == [ArticleID(101)])
    }

    @Test func nWithNothingUnreadSaysSo() {
        var state = Fixtures.loadedState()
        send(&state, .feedsLoaded(Fixtures.feeds.map { var f = $0; f.unread = 0; return f }, unread: 0))
        for index in state.headlines.rows.indices { state.headlines.rows[index].isRead = true }
        #expect(press(&state, .char("n")).isEmpty)
        #expect(state.message == .info("No unread articles below"))
    }
}
