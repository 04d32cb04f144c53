import Foundation
import NewsModel
import NewsStore
import ReaderUI
import TerminalUI

/// The reader without a terminal: `AppState`, `reduce`, `render` and the grid diff in this
/// process, with effects answered synchronously — against a store the way `EffectRunner` does,
/// or by any other handler (synthetic rows). Times the parts separately.
struct BenchReaderDriver {
    /// Answers one effect with the actions that report its result.
    typealias EffectHandler = (Effect) throws -> [Action]

    var state: AppState
    let theme: Theme
    /// The last frame drawn.
    var grid: CellGrid
    let handle: EffectHandler

    /// Seconds spent in the effect handler (store calls) since the last `resetTimes`.
    var effectTime = 0.0
    /// Seconds spent in `reduce`.
    var reduceTime = 0.0

    init(width: Int = 120, height: Int = 40, theme: Theme = .builtinDefault, handle: @escaping EffectHandler) {
        self.state = AppState(width: width, height: height, now: Date())
        self.theme = theme
        self.grid = CellGrid(width: width, height: height)
        self.handle = handle
    }

    /// Applies `action` and every result of the effects it causes, until nothing is pending.
    mutating func send(_ action: Action) throws {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            let start = BenchClock.now()
            let effects = reduce(&state, next)
            reduceTime += BenchClock.now() - start
            for effect in effects {
                let started = BenchClock.now()
                queue += try handle(effect)
                effectTime += BenchClock.now() - started
            }
        }
    }

    /// Renders the state and diffs it against the previous frame; returns the seconds each took
    /// and how many cell runs changed.
    mutating func frame() -> (render: Double, diff: Double, changes: Int) {
        let start = BenchClock.now()
        let next = render(state, theme: theme)
        let rendered = BenchClock.now()
        let changes = next.changes(since: grid)
        let diffed = BenchClock.now()
        grid = next
        return (rendered - start, diffed - rendered, changes.count)
    }

    /// The current frame as text, one line per row.
    var screenText: String { grid.lines().joined(separator: "\n") }

    /// Answers effects from `store`, as `EffectRunner` does (writes are performed and answered
    /// with nothing; the browser and refreshes are not benchmarked here).
    static func storeHandler(_ store: NewsStore) -> EffectHandler {
        return { effect in
            switch effect {
            case .loadFeeds:
                return [.feedsLoaded(try store.feeds(), unread: try store.unreadCount())]
            case .loadHeadlines(let scope, let offset, let limit):
                let rows = try store.headlines(scope, offset: offset, limit: limit)
                return [.headlinesLoaded(scope, offset: offset, rows: rows, total: try store.headlineCount(scope))]
            case .loadArticle(let id):
                guard let article = try store.article(id: id) else { return [.failed("article \(id) is gone")] }
                return [.articleLoaded(article, bookmarks: try store.bookmarks(article: id))]
            case .search(let query, let offset, let limit):
                return [.searchLoaded(query: query, hits: try store.search(query, offset: offset, limit: limit),
                                      offset: offset)]
            case .setRead(let id, let read):
                try store.setRead(id, read)
                return []
            case .loadBookmarks(let text, let tag):
                return [.bookmarksLoaded(try store.bookmarks(matching: text, tag: tag))]
            default:
                return []
            }
        }
    }
}
