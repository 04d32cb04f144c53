import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// Every screen at every size, however small, renders without crashing and fills its grid.
@Suite struct TinySizeTests {
    static let sizes = [(0, 0), (1, 1), (1, 40), (40, 1), (2, 2), (59, 20), (60, 3), (99, 30), (100, 5), (3, 100)]

    /// States worth drawing: lists, an article, the sidebar, visual mode, overlays, a prompt.
    static func states(width: Int, height: Int) -> [(String, AppState)] {
        var out: [(String, AppState)] = []
        var state = AppState(width: width, height: height, now: Fixtures.now)
        out.append(("empty", state))
        send(&state, .start, .feedsLoaded(Fixtures.feeds, unread: 20),
             .headlinesLoaded(.all, offset: 0, rows: Fixtures.page(offset: 0, limit: 200, total: 1340), total: 1340))
        out.append(("loaded", state))
        press(&state, .enter)
        send(&state, .articleLoaded(Fixtures.article, bookmarks: [Fixtures.takeawayBookmark]))
        out.append(("reading", state))
        var scripted = state
        press(&scripted, keys("]]vjj"))
        out.append(("visual", scripted))
        scripted = state
        press(&scripted, .tab, .char("j"), .char("a"))
        out.append(("sidebar", scripted))
        scripted = state
        press(&scripted, .char("?"), .char("G"))
        out.append(("help", scripted))
        scripted = state
        press(&scripted, .char("B"))
        send(&scripted, .bookmarksLoaded([BookmarkEntry(bookmark: Fixtures.takeawayBookmark, articleTitle: "T", source: "S", url: nil, date: nil)]))
        out.append(("bookmarks", scripted))
        scripted = state
        press(&scripted, .char("H"))
        out.append(("history", scripted))
        scripted = state
        press(&scripted, .char("G"), .char("["), .char("i"), .backTab, .char("/"))
        press(&scripted, keys("日本語 long query text that will not fit"))
        out.append(("prompt", scripted))
        return out
    }

    @Test(arguments: sizes.indices)
    func everyScreenRendersAt(_ index: Int) {
        let (width, height) = Self.sizes[index]
        for (name, state) in Self.states(width: width, height: height) {
            let grid = render(state, theme: .builtinDefault)
            #expect(grid.width == width && grid.height == height, "\(name) at \(width)x\(height)")
            for line in grid.lines(trimmed: false) {
                #expect(DisplayWidth.of(line) == width, "\(name) row width at \(width)x\(height)")
            }
        }
    }

    @Test(arguments: sizes.indices)
    func everyKeyWorksAt(_ index: Int) {
        let (width, height) = Self.sizes[index]
        var state = Self.states(width: width, height: height)[2].1
        let all: [Key] = [.down, .up, .pageDown, .pageUp, .home, .end, .tab, .backTab, .enter, .left, .right,
                          .backspace, .escape] + keys("jkgGnN][vjJK{}bq?qBqHqiTsrvx")
        for key in all {
            press(&state, key)
            _ = render(state, theme: .builtinDefault)
        }
        send(&state, .resize(width: 0, height: 0))
        _ = render(state, theme: .builtinDefault)
        send(&state, .resize(width: width, height: height))
        #expect(render(state, theme: .builtinDefault).width == width)
    }
}
