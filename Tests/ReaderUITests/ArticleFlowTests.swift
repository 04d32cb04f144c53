import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// Opening articles, marking them read, related stories, back, forward and the history list.
@Suite struct ArticleFlowTests {
    @Test func openingAnUnreadHeadlineLoadsItAndMarksItRead() throws {
        var state = Fixtures.loadedState()
        let effects = press(&state, .enter)
        #expect(effects == [.loadArticle(ArticleID(101)), .setRead(ArticleID(101), true)])
        #expect(state.focus == .article)
        #expect(state.headlines.rows[0].isRead)
        #expect(state.unreadTotal == Fixtures.unreadTotal - 1)
        #expect(state.feeds[0].unread == 11)
        send(&state, .articleLoaded(Fixtures.article, bookmarks: []))
        let reader = try #require(state.reader)
        #expect(reader.id == ArticleID(101))
        #expect(reader.article.isRead)
        // Loading did not count the article a second time.
        #expect(state.unreadTotal == Fixtures.unreadTotal - 1)
    }

    @Test func anArticleThatArrivesLateForAnotherOpenIsIgnored() {
        var state = Fixtures.loadedState()
        press(&state, .enter)
        send(&state, .articleLoaded(Fixtures.longArticle(id: 555), bookmarks: []))
        #expect(state.reader == nil)
        #expect(state.pendingOpen?.id == ArticleID(101))
    }

    @Test func togglingReadAndStarUpdatesRowsCountsAndStore() {
        var state = Fixtures.loadedState()
        let read = press(&state, .char("r"))
        #expect(read == [.setRead(ArticleID(101), true)])
        #expect(state.feeds[0].unread == 11)
        #expect(press(&state, .char("r")) == [.setRead(ArticleID(101), false)])
        #expect(state.feeds[0].unread == 12)
        #expect(press(&state, .char("s")) == [.setStarred(ArticleID(101), true)])
        #expect(state.headlines.rows[0].isStarred)
    }

    @Test func relatedStoryThenBackAndForwardRestoreArticleAndScroll() throws {
        var state = Fixtures.readingState(width: 80, height: 24)
        press(&state, keys("jjj"))
        #expect(state.reader?.topLine == 3)

        // ]]] selects link 1, link 2, then the first related story (resolved: article 102).
        press(&state, keys("]]]"))
        let reader = try #require(state.reader)
        let target = try #require(reader.selectedTarget)
        #expect(reader.layout.targets[target].kind == .related(0, ArticleID(102)))
        let positionWhenLeaving = reader.position
        let unreadBefore = state.unreadTotal
        let effects = press(&state, .enter)
        #expect(effects == [.loadArticle(ArticleID(102)), .setRead(ArticleID(102), true)])
        #expect(state.backStack == [HistoryEntry(id: ArticleID(101), title: Fixtures.article.title,
                                                 source: "T4K3.news", position: positionWhenLeaving)])
        #expect(state.forwardStack.isEmpty)

        // Article 102 (headline 1, unread) is counted read once: when opened, not again on arrival.
        send(&state, .articleLoaded(Fixtures.longArticle(id: 102), bookmarks: []))
        #expect(state.reader?.id == ArticleID(102))
        #expect(state.unreadTotal == unreadBefore - 1)
        press(&state, keys("jjjjjjj"))
        let inLongRead = try #require(state.reader?.position)

        // Back: article 101 where it was.
        #expect(press(&state, .backspace) == [.loadArticle(ArticleID(101))])
        #expect(state.forwardStack.last?.position == inLongRead)
        send(&state, .articleLoaded(Fixtures.article, bookmarks: []))
        #expect(state.reader?.id == ArticleID(101))
        #expect(state.reader?.position == positionWhenLeaving)

        // Forward (l in the article pane): article 102 where it was.
        #expect(press(&state, .char("l")) == [.loadArticle(ArticleID(102))])
        send(&state, .articleLoaded(Fixtures.longArticle(id: 102), bookmarks: []))
        #expect(state.reader?.position == inLongRead)
        #expect(state.backStack.map(\.id) == [ArticleID(101)])
        #expect(state.forwardStack.isEmpty)
    }

    @Test func openingAnotherArticleClearsForward() {
        var state = Fixtures.readingState()
        press(&state, keys("]]]") + [.enter])
        send(&state, .articleLoaded(Fixtures.longArticle(id: 102), bookmarks: []))
        press(&state, .backspace)
        send(&state, .articleLoaded(Fixtures.article, bookmarks: []))
        #expect(state.forwardStack.map(\.id) == [ArticleID(102)])
        press(&state, .tab, .tab, .tab, .char("j"), .enter)  // to the headlines, open the next one
        #expect(state.forwardStack.isEmpty)
        #expect(state.backStack.map(\.id) == [ArticleID(101)])
    }

    @Test func backWithoutHistorySaysSo() {
        var state = Fixtures.readingState()
        #expect(press(&state, .backspace).isEmpty)
        #expect(state.message == .info("No earlier article"))
    }

    @Test func historyListJumpsLikeABrowserHistoryMenu() throws {
        var state = Fixtures.readingState()
        // 101 → 102 → 101's related again is not possible from 102, so go 101 → 102 → 103.
        press(&state, keys("]]]") + [.enter])
        send(&state, .articleLoaded(Fixtures.longArticle(id: 102), bookmarks: []))
        state.reader?.article.related = []
        var third = Fixtures.longArticle(id: 103)
        third.title = "Third"
        _ = state.openArticle(ArticleID(103))
        send(&state, .articleLoaded(third, bookmarks: []))
        #expect(state.historyList.map(\.id) == [ArticleID(101), ArticleID(102), ArticleID(103)])

        press(&state, .char("H"))
        #expect(state.overlay == .history(selected: 2))
        press(&state, .char("k"), .char("k"))
        let effects = press(&state, .enter)
        #expect(effects == [.loadArticle(ArticleID(101))])
        #expect(state.overlay == nil)
        #expect(state.backStack.isEmpty)
        #expect(state.forwardStack.map(\.id) == [ArticleID(103), ArticleID(102)])
        send(&state, .articleLoaded(Fixtures.article, bookmarks: []))
        #expect(state.historyList.map(\.id) == [ArticleID(101), ArticleID(102), ArticleID(103)])
        #expect(state.historyCurrentIndex == 0)
    }

    @Test func openInBrowserPassesTheSelectedLinkOrTheArticle() {
        var state = Fixtures.readingState()
        #expect(press(&state, .char("o")) == [.openURL("https://t4k3.news/tariffs")])
        press(&state, .char("]"))
        #expect(press(&state, .char("o")) == [.openURL("https://example.com/officials")])
        #expect(press(&state, .enter) == [.openURL("https://example.com/officials")])
    }

    @Test func linkSelectionWalksInReadingOrderAndStops() throws {
        var state = Fixtures.readingState()
        var kinds: [ArticleLayout.Target.Kind] = []
        for _ in 0..<10 {
            press(&state, .char("]"))
            let reader = try #require(state.reader)
            if let index = reader.selectedTarget { kinds.append(reader.layout.targets[index].kind) }
        }
        let expected: [ArticleLayout.Target.Kind] = [
            .link(url: "https://example.com/officials", number: 1),
            .link(url: "https://example.com/parts", number: 2),
            .related(0, ArticleID(102)), .related(2, ArticleID(103)), .related(3, ArticleID(104)),
            .related(4, ArticleID(105)),
        ]
        #expect(Array(kinds.prefix(6)) == expected)
        #expect(state.message == .info("No more links below"))
        press(&state, .char("["))
        #expect(state.reader?.selectedTarget == 4)
    }

    @Test func refreshShowsProgressThenReloadsFeedsAndThePage() {
        var state = Fixtures.loadedState()
        #expect(press(&state, .char("R")) == [.refresh([])])
        #expect(press(&state, .char("R")).isEmpty)
        send(&state, .refreshProgress(done: 2, total: 4))
        #expect(state.refresh == RefreshProgress(done: 2, total: 4))
        let effects = send(&state, .refreshFinished("4 feeds, 12 new articles"))
        #expect(effects == [.loadFeeds, .loadHeadlines(.all, offset: 0, limit: 200)])
        #expect(state.refresh == nil)
        #expect(state.message == .info("4 feeds, 12 new articles"))
    }

    @Test func refreshFeedInTheFeedListRefreshesThatFeed() {
        var state = Fixtures.loadedState()
        press(&state, .backTab, .char("G"))
        #expect(press(&state, .char("r")) == [.refresh([FeedID(4)])])
    }

    @Test func failuresShowAsErrorsAndQuitQuits() {
        var state = Fixtures.loadedState()
        send(&state, .failed("database is locked"))
        #expect(state.message == .error("database is locked"))
        press(&state, .char("j"))
        #expect(state.message == nil)
        #expect(press(&state, .char("q")) == [.quit])
    }

    @Test func themeCycles() {
        var state = Fixtures.loadedState()
        press(&state, .char("T"))
        #expect(state.themeName == "light")
        press(&state, .char("T"), .char("T"))
        #expect(state.themeName == "default")
    }

    @Test func markAllReadClearsTheCountsOfTheScope() {
        var state = Fixtures.loadedState()
        press(&state, [.backTab] + keys("jjjj") + [.enter])
        send(&state, .headlinesLoaded(.feed(FeedID(1)), offset: 0, rows: [Fixtures.headline(0), Fixtures.headline(4)], total: 2))
        #expect(press(&state, .char("A")) == [.markAllRead(.feed(FeedID(1)))])
        #expect(state.headlines.rows.allSatisfy { $0.isRead })
        #expect(state.feeds[0].unread == 0)
        #expect(state.unreadTotal == Fixtures.unreadTotal - 12)
    }
}
