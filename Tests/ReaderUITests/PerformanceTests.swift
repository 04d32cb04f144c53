import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// A frame costs what is visible, not what is stored.
@Suite struct PerformanceTests {
    /// Seconds `body` takes.
    func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func keypressAndFrameDoNotDependOnTheStoreSize() {
        func state(total: Int) -> AppState {
            var state = AppState(width: 120, height: 40, now: Fixtures.now)
            send(&state, .start, .feedsLoaded(Fixtures.feeds, unread: 20),
                 .headlinesLoaded(.all, offset: 0, rows: Fixtures.page(offset: 0, limit: 200, total: total), total: total))
            return state
        }
        func frames(_ state: AppState) -> Double {
            var state = state
            return seconds {
                for _ in 0..<150 {
                    _ = reduce(&state, .moveDown)
                    _ = render(state, theme: .builtinDefault)
                }
            }
        }
        // The best of three runs each: the machine may be busy.
        let small = (0..<3).map { _ in frames(state(total: 1000)) }.min() ?? 0
        let large = (0..<3).map { _ in frames(state(total: 101_800)) }.min() ?? 0
        print("150 keypresses with frames: \(small * 1000) ms for 1,000 headlines, \(large * 1000) ms for 101,800")
        #expect(large < small * 3 + 0.05, "a frame must not grow with the number of headlines")
    }

    @Test func openingALongArticleIsCheap() {
        var state = Fixtures.loadedState()
        press(&state, .enter)
        let article = Fixtures.longArticle(id: 101, paragraphs: 300)
        var loaded = state
        let open = seconds { _ = reduce(&loaded, .articleLoaded(article, bookmarks: [])) }
        let frame = seconds { _ = render(loaded, theme: .builtinDefault) }
        print("open a 300-paragraph article: \(open * 1000) ms, first frame \(frame * 1000) ms")
        #expect(loaded.reader?.id == ArticleID(101))
        #expect(open < 0.5)
    }
}
