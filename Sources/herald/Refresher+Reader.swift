import Foundation
import NewsModel
import NewsStore

extension Refresher {
    /// Refreshes the given feeds (all web feeds when empty) for the reader; returns the status-line summary.
    func refreshForReader(feeds ids: [FeedID], progress: @escaping @Sendable (Int, Int) -> Void) async -> String {
        let all: [Feed]
        do {
            all = try store.feeds().map(\.feed)
        } catch {
            return "refresh failed: \(error)"
        }
        let wanted = ids.isEmpty ? all : all.filter { feed in feed.id.map(ids.contains) ?? false }
        guard wanted.contains(where: { $0.kind == .web }) else {
            return ids.isEmpty ? "no web feeds to refresh (add one with `herald add URL`)" : "this source has nothing to fetch"
        }
        let summary = await refresh(wanted) { done, total, _ in progress(done, total) }
        var line = summary.line
        if let first = summary.failures.first, case .failed(let message) = first.outcome {
            line += " — \(first.feed.title): \(message)"
        }
        return line
    }
}
