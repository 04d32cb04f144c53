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
    /// Reads queued or running: the loop gives these a moment before drawing, not writes.
    let pendingReads = Mutex(0)

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
                enqueue(reads, reads: true)
                reads = []
                enqueue([effect], reads: false)
            }
        }
        enqueue(reads, reads: true)
    }

    /// Runs `batch` on the serial queue after what is queued, side by side when it has more
    /// than one effect (only reads are batched), and posts the results in the batch's order.
    private func enqueue(_ batch: [Effect], reads: Bool) {
        guard !batch.isEmpty else { return }
        pending.withLock { $0 += batch.count }
        if reads { pendingReads.withLock { $0 += batch.count } }
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
            if reads { pendingReads.withLock { $0 -= batch.count } }
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

/// Result actions waiting for the run loop, and two ways to wake it: a semaphore to wait on,
/// and a pipe to poll beside the terminal (`wakeDescriptor`), readable while results wait.
final class Inbox: Sendable {
    private let actions = Mutex<[Action]>([])
    private let signal = DispatchSemaphore(value: 0)
    /// The pipe's ends, non-blocking; -1 when no pipe could be made (the loop then polls).
    private let pipeRead: Int32
    private let pipeWrite: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } else {
            ends = [-1, -1]
        }
        pipeRead = ends[0]
        pipeWrite = ends[1]
    }

    deinit {
        if pipeRead >= 0 { close(pipeRead) }
        if pipeWrite >= 0 { close(pipeWrite) }
    }

    /// The read end of the wake-up pipe, nil when there is none.
    var wakeDescriptor: Int32? { pipeRead >= 0 ? pipeRead : nil }

    func post(_ action: Action) {
        actions.withLock { $0.append(action) }
        wake()
    }

    /// Wakes a waiting loop without posting anything.
    func wake() {
        signal.signal()
        guard pipeWrite >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(pipeWrite, &byte, 1) // a full pipe is already readable: nothing lost
    }

    /// Takes every waiting action (and empties the wake-up pipe).
    func drain() -> [Action] {
        if pipeRead >= 0 {
            var buffer = [UInt8](repeating: 0, count: 256)
            while read(pipeRead, &buffer, buffer.count) > 0 {}
        }
        return actions.withLock { a in defer { a.removeAll() }; return a }
    }

    /// Waits up to `milliseconds` for a post or a wake; true when one came.
    func wait(milliseconds: Int) -> Bool {
        signal.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }
}
