import Foundation
import NewsModel
import NewsStore
import ReaderUI
import Synchronization

/// Performs the reader's effects against the store, off the UI thread, and posts results as actions.
///
/// Store work runs in order on one serial queue (a write is seen by the read that follows it),
/// except that reads asked for together run side by side, each on its own connection of the
/// pool: the first screen's feed list and headline page cost the longer of the two, not the
/// sum. A refresh runs as its own task and streams progress. Results go to an `Inbox` that the
/// run loop drains between frames; nothing here touches the terminal.
final class EffectRunner: Sendable {
    private let store: NewsStore
    private let inbox: Inbox
    private let queue = DispatchQueue(label: "herald.effects", qos: .userInitiated)
    private let browser: [String]?
    private let refresher: @Sendable (_ feeds: [FeedID], _ progress: @escaping @Sendable (Int, Int) -> Void) async -> String
    /// Effects queued or running, so the loop knows whether a result is still coming.
    let pending = Mutex(0)

    init(store: NewsStore, inbox: Inbox, browser: [String]?,
         refresher: @escaping @Sendable ([FeedID], @escaping @Sendable (Int, Int) -> Void) async -> String) {
        self.store = store
        self.inbox = inbox
        self.browser = browser
        self.refresher = refresher
    }

    /// Starts every effect; `.quit` is the loop's business and is ignored here.
    func perform(_ effects: [Effect]) {
        var reads: [Effect] = []
        for effect in effects {
            switch effect {
            case .quit:
                continue
            case .refresh(let feeds):
                startRefresh(feeds)
            case .loadFeeds, .loadHeadlines, .loadArticle, .loadBookmarks, .search:
                reads.append(effect)
            default:
                enqueue(reads)
                reads = []
                enqueue([effect])
            }
        }
        enqueue(reads)
    }

    /// Runs `batch` on the serial queue after what is queued, side by side when it has more
    /// than one effect (only reads are batched), and posts the results in the batch's order.
    private func enqueue(_ batch: [Effect]) {
        guard !batch.isEmpty else { return }
        pending.withLock { $0 += batch.count }
        queue.async { [self] in
            let results = Mutex([[Action]](repeating: [], count: batch.count))
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let actions: [Action]
                do {
                    actions = try run(batch[index])
                } catch {
                    actions = [.failed(String(describing: error))]
                }
                results.withLock { $0[index] = actions }
            }
            for action in results.withLock({ $0 }).joined() { inbox.post(action) }
            for _ in batch { finishOne() }
        }
    }

    private func startRefresh(_ feeds: [FeedID]) {
        pending.withLock { $0 += 1 }
        let inbox = self.inbox
        let refresher = self.refresher
        Task.detached(priority: .utility) { [self] in
            let message = await refresher(feeds) { done, total in
                inbox.post(.refreshProgress(done: done, total: total))
            }
            inbox.post(.refreshFinished(message))
            self.finishOne()
        }
    }

    private func finishOne() {
        pending.withLock { $0 -= 1 }
        inbox.wake()
    }

    /// Runs one store effect and returns the actions that report its result.
    private func run(_ effect: Effect) throws -> [Action] {
        switch effect {
        case .loadFeeds:
            return [.feedsLoaded(try store.feeds(), unread: try store.unreadCount())]
        case .loadHeadlines(let scope, let offset, let limit):
            let rows = try store.headlines(scope, offset: offset, limit: limit)
            return [.headlinesLoaded(scope, offset: offset, rows: rows, total: try store.headlineCount(scope))]
        case .loadArticle(let id):
            guard let article = try store.article(id: id) else { return [.failed("article \(id) is gone")] }
            return [.articleLoaded(article, bookmarks: try store.bookmarks(article: id))]
        case .setRead(let id, let read):
            try store.setRead(id, read)
            return []
        case .setStarred(let id, let starred):
            try store.setStarred(id, starred)
            return []
        case .markAllRead(let scope):
            try store.markAllRead(scope)
            return [.feedsLoaded(try store.feeds(), unread: try store.unreadCount())]
        case .addBookmark(var bookmark):
            bookmark.id = try store.addBookmark(bookmark)
            return [.bookmarkSaved(bookmark)]
        case .removeBookmark(let id):
            try store.removeBookmark(id: id)
            return [.bookmarkRemoved(id)]
        case .updateBookmark(let id, let note, let tags):
            try store.updateBookmark(id: id, note: note, tags: tags)
            let all = try store.bookmarks(matching: nil, tag: nil)
            if let entry = all.first(where: { $0.bookmark.id == id }) { return [.bookmarkSaved(entry.bookmark)] }
            return []
        case .loadBookmarks(let text, let tag):
            return [.bookmarksLoaded(try store.bookmarks(matching: text, tag: tag))]
        case .search(let query, let offset, let limit):
            return [.searchLoaded(query: query, hits: try store.search(query, offset: offset, limit: limit), offset: offset)]
        case .openURL(let url):
            try BrowserLauncher.open(url, template: browser)
            return []
        case .refresh, .quit:
            return []
        }
    }
}

/// Result actions waiting for the run loop, and a way to wake it.
final class Inbox: Sendable {
    private let actions = Mutex<[Action]>([])
    private let signal = DispatchSemaphore(value: 0)

    func post(_ action: Action) {
        actions.withLock { $0.append(action) }
        signal.signal()
    }

    /// Wakes a waiting loop without posting anything.
    func wake() { signal.signal() }

    /// Takes every waiting action.
    func drain() -> [Action] {
        actions.withLock { a in defer { a.removeAll() }; return a }
    }

    /// Waits up to `milliseconds` for a post or a wake; true when one came.
    func wait(milliseconds: Int) -> Bool {
        signal.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }
}
