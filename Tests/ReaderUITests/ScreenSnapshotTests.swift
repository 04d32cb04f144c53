import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// Screens as users see them: fixture states driven by key scripts, rendered at three sizes and
/// compared with the text snapshots in `Snapshots/`.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    /// Renders the result of `script` at every size and compares each with its snapshot.
    func check(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
               _ script: (inout AppState) -> Void, start: (Int, Int) -> AppState) {
        for (width, height) in Self.sizes {
            var state = start(width, height)
            script(&state)
            assertSnapshot(render(state, theme: .builtinDefault), named: name, sourceLocation: sourceLocation)
        }
    }

    @Test func headlineList() {
        check("headlines", { state in
            press(&state, keys("jj"))
        }, start: Fixtures.loadedState)
    }

    @Test func feedListFocused() {
        check("feeds", { state in
            press(&state, .backTab, .char("j"), .char("j"))
        }, start: Fixtures.loadedState)
    }

    @Test func articleWithSelectedLink() {
        check("article", { state in
            press(&state, .char("]"))
        }, start: Fixtures.readingState)
    }

    @Test func relatedBlockAtTheEnd() {
        check("related", { state in
            press(&state, .char("G"))
            press(&state, keys("]]]"))
        }, start: Fixtures.readingState)
    }

    @Test func sidebarWithBookmarkedHighlight() {
        check("sidebar", { state in
            press(&state, .tab, .char("j"))
        }, start: Fixtures.readingState)
    }

    @Test func passageSelection() {
        check("visual", { state in
            press(&state, keys("vj"))
        }, start: Fixtures.readingState)
    }

    @Test func helpOverlay() {
        check("help", { state in
            press(&state, .char("?"))
        }, start: Fixtures.loadedState)
    }

    @Test func bookmarksScreen() {
        check("bookmarks", { state in
            press(&state, .char("B"))
            let entries = [
                BookmarkEntry(bookmark: Fixtures.takeawayBookmark, articleTitle: Fixtures.article.title,
                              source: "T4K3.news", url: nil, date: nil),
                BookmarkEntry(bookmark: Bookmark(id: BookmarkID(9), articleID: ArticleID(102), kind: .passage,
                                                 text: "日本の代表団は協議の継続を求めた。",
                                                 anchor: Anchor(block: 5, start: 0, end: 17),
                                                 created: Fixtures.ago(hours: 2)),
                              articleTitle: "日本の経済成長が予想を上回る", source: "日本経済ニュース", url: nil, date: nil),
            ]
            send(&state, .bookmarksLoaded(entries))
        }, start: Fixtures.readingState)
    }

    @Test func historyOverlay() {
        check("history", { state in
            press(&state, .char("]"), .char("]"), .char("]"), .enter)
            send(&state, .articleLoaded(Fixtures.longArticle(id: 102), bookmarks: []))
            press(&state, .char("H"))
        }, start: Fixtures.readingState)
    }

    @Test func searchResultsAndPrompt() {
        check("search", { state in
            press(&state, .char("/"))
            press(&state, keys("tariff"))
            press(&state, .enter)
            let hits = [0, 3, 4].map {
                SearchHit(headline: Fixtures.headline($0), snippet: "…the [tariff] rise…", rank: -Double($0))
            }
            send(&state, .searchLoaded(query: "tariff", hits: hits, offset: 0))
            press(&state, .char("j"))
        }, start: Fixtures.loadedState)
    }

    @Test func notePrompt() {
        check("note-prompt", { state in
            press(&state, .tab, .char("a"))
            press(&state, keys(" — and May"))
        }, start: Fixtures.readingState)
    }
}
