import Foundation
import NewsIngest
import NewsModel
import NewsStore

/// Refreshes feeds: fetch → parse → articles → store, for many feeds at once.
///
/// Fetching, parsing, building articles and their relatedness inputs run in parallel (at most
/// `jobs` feeds at a time); store writes happen on the calling task, `writeBatch` feeds at a
/// time sharing one transaction (each feed in a savepoint of its own), so a slow write never
/// blocks the network. A 200 answer whose body is the one stored last time (`Feed.contentDigest`) is not
/// parsed or stored again. One failing feed never stops the others: its error is recorded with
/// the feed (`recordFetch`) and reported.
struct Refresher: Sendable {
    /// Called after each feed: feeds done so far, feeds in all, and the title of the one just done.
    typealias Progress = @Sendable (_ done: Int, _ total: Int, _ feedTitle: String) -> Void

    let store: NewsStore
    let fetcher: FeedFetcher
    /// Feeds fetched and parsed at once.
    var jobs: Int = 8
    /// Feeds written together once that many are ready (fewer at the end): one transaction for
    /// several feeds writes each page they share once, while fetching and parsing go on. It also
    /// bounds the results waiting for the writer. c200, back to back: 2 → 3.45 s, 80 MB peak;
    /// 4 → 3.33 s, 93 MB; 8 → 3.30 s, 112 MB; 16 → 3.50 s, 148 MB.
    var writeBatch = Refresher.defaultWriteBatch
    static let defaultWriteBatch = 4
    /// Articles written in one transaction at most (unless one feed has more): a transaction
    /// holds the write lock, which another Herald may be waiting for.
    var articlesPerTransaction = 1_000
    /// The clock, for `lastFetched`.
    var now: @Sendable () -> Date = { Date() }

    /// Refreshes `feeds` (text-page sources are skipped: they have nothing to fetch).
    ///
    /// Cancelling the calling task cancels the fetches in flight; feeds not refreshed by then
    /// are reported as failed with "cancelled" and their stored state is left as it was.
    func refresh(_ feeds: [Feed], progress: Progress? = nil) async -> RefreshSummary {
        let feeds = feeds.filter { $0.kind == .web && $0.id != nil }
        var reports: [RefreshReport?] = Array(repeating: nil, count: feeds.count)
        var done = 0
        let fetcher = self.fetcher, store = self.store
        await BoundedConcurrency.forEachBatch(feeds, limit: jobs, minimumBatch: writeBatch) { feed in
            await Self.prepare(feed, fetcher: fetcher, store: store)
        } onResults: { results in
            let applied = apply(results.map { (prepared: $0.output, feed: feeds[$0.index]) })
            for (result, report) in zip(results, applied) {
                reports[result.index] = report
                done += 1
                progress?(done, feeds.count, report.feed.title)
            }
        }
        return RefreshSummary(reports: reports.compactMap { $0 })
    }

    // MARK: Parallel part

    /// What the parallel part hands to the store writer.
    enum Prepared: Sendable {
        case notModified
        case failed(String)
        /// Answered 200 with the body stored last time: only the fetch is recorded.
        case unchanged(FetchState)
        case parsed(ParsedFeedUpdate)
    }

    /// What a 200 answer says about the feed itself, recorded with the fetch.
    struct FetchState: Sendable {
        var etag: String?
        var lastModified: String?
        /// The new address after a permanent redirect.
        var movedTo: String?
        /// `ResponseDigest` of the body.
        var contentDigest: String
    }

    /// A fetched and parsed feed, ready to store.
    struct ParsedFeedUpdate: Sendable {
        /// The articles, cleaned, encoded and compressed for the store.
        var articles: PreparedArticles
        /// What relatedness needs of each article, in the same order (ids set once stored).
        var related: [RelatedInput]
        /// The feed's own title and home page, from the document.
        var title: String?
        var siteURL: String?
        var fetch: FetchState
        /// What to store as the feed's error although it was stored: a limit that cut something.
        var problem: String?
    }

    /// Fetches, parses, builds articles and prepares them for the store (reading it, never
    /// writing). Runs concurrently; touches no shared state.
    static func prepare(_ feed: Feed, fetcher: FeedFetcher, store: NewsStore) async -> Prepared {
        guard let id = feed.id else { return .failed("feed is not stored") }
        guard let url = URL(string: feed.url) else { return .failed("'\(feed.url)' is not a URL") }
        let result = await fetcher.fetch(FetchRequest(url: url, etag: feed.etag, lastModified: feed.lastModified))
        switch result {
        case .notModified:
            return .notModified
        case .failed(let message):
            return .failed(message)
        case .fetched(let data, let finalURL, let etag, let lastModified, let movedTo):
            let fetch = FetchState(etag: etag, lastModified: lastModified, movedTo: movedTo?.absoluteString,
                                   contentDigest: ResponseDigest.of(data, url: finalURL))
            if fetch.contentDigest == feed.contentDigest { return .unchanged(fetch) }
            let parsed: ParsedFeed
            do {
                parsed = try FeedParser.parse(data, baseURL: finalURL, limits: .default)
            } catch {
                return .failed(error.description)
            }
            let ownTitle = parsed.title.map(RefreshArticleBuilder.oneLine).flatMap { $0.isEmpty ? nil : $0 }
            let source = displayTitle(of: feed, ownTitle: ownTitle)
            let articles = RefreshArticleBuilder.articles(from: parsed, source: source, feedURL: finalURL)
            let prepared: PreparedArticles
            do {
                prepared = try store.prepareArticles(articles, feed: id)
            } catch {
                return .failed("store: \(error)")
            }
            return .parsed(ParsedFeedUpdate(
                articles: prepared, related: RelatedStories.inputs(of: articles),
                title: ownTitle, siteURL: parsed.link, fetch: fetch, problem: cutProblem(parsed)))
        }
    }

    /// The per-feed message for entries cut to the length limit, nil when none was.
    static func cutProblem(_ parsed: ParsedFeed) -> String? {
        guard parsed.cutEntries > 0 else { return nil }
        let bytes = FeedLimits.default.maxEntryBytes
        let limit = bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
        let what = parsed.cutEntries == 1 ? "1 article was" : "\(parsed.cutEntries) articles were"
        return "\(what) longer than \(limit) and cut to that length"
    }

    /// The title readers see: the user's (or an earlier fetch's) title, else the feed's own,
    /// else the URL. A feed added without a title carries its URL as a placeholder title.
    static func displayTitle(of feed: Feed, ownTitle: String?) -> String {
        if hasPlaceholderTitle(feed), let ownTitle { return ownTitle }
        return feed.title
    }

    static func hasPlaceholderTitle(_ feed: Feed) -> Bool {
        feed.title.isEmpty || feed.title == feed.url
    }

    // MARK: Serial part

    /// Writes the outcomes of feeds that were ready together and says what happened to each, in
    /// their order. The articles and related stories of all of them are written in one
    /// transaction (`NewsStore.upsertArticles(_:scoring:)`), each feed's in a savepoint of its
    /// own: one feed's failure loses no other's writes.
    private func apply(_ batch: [(prepared: Prepared, feed: Feed)]) -> [RefreshReport] {
        let date = now()
        var reports: [RefreshReport?] = Array(repeating: nil, count: batch.count)
        var writes: [(position: Int, feed: Feed, stored: Feed, update: ParsedFeedUpdate)] = []
        for (position, (prepared, feed)) in batch.enumerated() {
            guard case .parsed(let update) = prepared, let id = feed.id else {
                reports[position] = apply(prepared, to: feed, at: date)
                continue
            }
            do {
                writes.append((position, feed, try storeDetails(of: feed, from: update), update))
            } catch {
                reports[position] = failed(feed, id: id, error: error, at: date)
            }
        }
        for transaction in Self.transactions(of: writes.map(\.update.articles.count), limit: articlesPerTransaction) {
            let writes = writes[transaction]
            let results = store.upsertArticles(
                writes.map { FeedArticles(articles: $0.update.articles, related: $0.update.related) },
                scoring: RelatedStories.scorer)
            for (write, result) in zip(writes, results) {
                reports[write.position] = record(result, of: write.update, feed: write.feed, stored: write.stored,
                                                 at: date)
            }
        }
        return reports.compactMap { $0 }
    }

    /// Consecutive ranges of feeds with `counts` articles, each of at most `limit` articles
    /// unless one feed alone has more.
    static func transactions(of counts: [Int], limit: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, articles = 0
        for (index, count) in counts.enumerated() {
            if index > start, articles + count > limit {
                ranges.append(start..<index)
                start = index
                articles = 0
            }
            articles += count
        }
        if start < counts.count { ranges.append(start..<counts.count) }
        return ranges
    }

    /// Writes the outcome of a feed that brought no articles to store and says what happened.
    private func apply(_ prepared: Prepared, to feed: Feed, at date: Date) -> RefreshReport {
        guard let id = feed.id else { return RefreshReport(feed: feed, outcome: .failed("feed is not stored")) }
        if Task.isCancelled, case .failed = prepared { return RefreshReport(feed: feed, outcome: .failed("cancelled")) }
        do {
            switch prepared {
            case .notModified:
                try store.recordFetch(feed: id, etag: feed.etag, lastModified: feed.lastModified, error: nil,
                                      at: date, newURL: nil)
                return RefreshReport(feed: feed, outcome: .notModified)
            case .failed(let message):
                try store.recordFetch(feed: id, etag: feed.etag, lastModified: feed.lastModified, error: message,
                                      at: date, newURL: nil)
                return RefreshReport(feed: feed, outcome: .failed(message))
            case .unchanged(let fetch):
                try store.recordFetch(feed: id, etag: fetch.etag, lastModified: fetch.lastModified, error: nil,
                                      at: date, newURL: fetch.movedTo)
                var stored = feed
                if let movedTo = fetch.movedTo { stored.url = movedTo }
                return RefreshReport(feed: stored, outcome: .updated(added: 0, updated: 0), movedTo: fetch.movedTo)
            case .parsed:
                // Only for a feed without an id: the batch writes the others (`apply(_:)`).
                return RefreshReport(feed: feed, outcome: .failed("feed is not stored"))
            }
        } catch {
            return failed(feed, id: id, error: error, at: date)
        }
    }

    /// The feed with what the document says of itself (its own title over a placeholder, its
    /// home page when it had none), stored when that changed it.
    private func storeDetails(of feed: Feed, from update: ParsedFeedUpdate) throws -> Feed {
        var stored = feed
        if let title = update.title, Self.hasPlaceholderTitle(feed) { stored.title = title }
        if stored.siteURL == nil { stored.siteURL = update.siteURL }
        if stored != feed { _ = try store.upsertFeed(stored) }
        return stored
    }

    /// Records the fetch of a feed whose articles were written (or failed to be) and says what happened.
    private func record(_ result: Result<FeedArticlesStored, any Error>, of update: ParsedFeedUpdate,
                        feed: Feed, stored: Feed, at date: Date) -> RefreshReport {
        guard let id = feed.id else { return RefreshReport(feed: feed, outcome: .failed("feed is not stored")) }
        do {
            let written = try result.get()
            // Without related stories the body must be read again next time, to compute them.
            let fetch = update.fetch
            try store.recordFetch(feed: id, etag: fetch.etag, lastModified: fetch.lastModified,
                                  error: update.problem, at: date, newURL: fetch.movedTo,
                                  contentDigest: written.relatedError == nil ? fetch.contentDigest : nil)
            var stored = stored
            if let movedTo = fetch.movedTo { stored.url = movedTo }
            return RefreshReport(feed: stored, outcome: .updated(added: written.summary.added,
                                                                 updated: written.summary.updated),
                                 movedTo: fetch.movedTo)
        } catch {
            return failed(feed, id: id, error: error, at: date)
        }
    }

    /// Records a store failure as the feed's error (its stored state otherwise as it was).
    private func failed(_ feed: Feed, id: FeedID, error: any Error, at date: Date) -> RefreshReport {
        let message = "store: \(error)"
        try? store.recordFetch(feed: id, etag: feed.etag, lastModified: feed.lastModified, error: message,
                               at: date, newURL: nil)
        return RefreshReport(feed: feed, outcome: .failed(message))
    }
}

/// What refreshing one feed did.
struct RefreshReport: Sendable {
    enum Outcome: Sendable, Equatable {
        /// Fetched and stored: `added` new articles, `updated` changed ones.
        case updated(added: Int, updated: Int)
        case notModified
        case failed(String)
    }

    /// The feed after the refresh (title and URL as now stored).
    var feed: Feed
    var outcome: Outcome
    /// The feed's new URL after a permanent redirect.
    var movedTo: String?
}

/// What a refresh did to all its feeds.
struct RefreshSummary: Sendable {
    var reports: [RefreshReport]

    var updatedCount: Int { reports.filter { if case .updated = $0.outcome { true } else { false } }.count }
    var notModifiedCount: Int { reports.filter { $0.outcome == .notModified }.count }
    var failures: [RefreshReport] { reports.filter { if case .failed = $0.outcome { true } else { false } } }
    var newArticles: Int {
        reports.reduce(0) { sum, report in
            if case .updated(let added, _) = report.outcome { return sum + added }
            return sum
        }
    }

    /// True when there were feeds and every one failed.
    var allFailed: Bool { !reports.isEmpty && failures.count == reports.count }

    /// "200 feeds: 180 updated, 15 not modified, 5 failed; 812 new articles".
    var line: String {
        let feeds = reports.count == 1 ? "1 feed" : "\(reports.count) feeds"
        let articles = newArticles == 1 ? "1 new article" : "\(newArticles) new articles"
        return "\(feeds): \(updatedCount) updated, \(notModifiedCount) not modified, \(failures.count) failed; \(articles)"
    }
}
