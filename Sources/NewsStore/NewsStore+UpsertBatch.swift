import GRDB
import NewsModel

/// One feed's share of `NewsStore.upsertArticles(_:scoring:limits:)`: its prepared articles and
/// what relatedness needs of them.
public struct FeedArticles: Sendable {
    public var articles: PreparedArticles
    /// `RelatedInput`s of the articles, in their order (the ids are set once they are stored);
    /// when the count differs, each stored article is read back for its input.
    public var related: [RelatedInput]

    public init(articles: PreparedArticles, related: [RelatedInput]) {
        self.articles = articles
        self.related = related
    }
}

/// What `NewsStore.upsertArticles(_:scoring:limits:)` did with one feed whose articles it stored.
public struct FeedArticlesStored: Sendable {
    public var summary: UpsertSummary
    /// Why the related stories of the articles were not computed, nil when they were. The
    /// articles are stored either way; a later update that touches them computes them again.
    public var relatedError: (any Error)?
}

extension NewsStore {
    /// Upserts the articles of several feeds, each as `upsertArticles(_:)` does, and computes
    /// their related stories, each feed's as `updateRelated(_:scoring:limits:)` does, all in one
    /// write transaction: one commit (and one write of each page shared by the feeds) instead
    /// of two per feed.
    ///
    /// Feeds are written in order, each feed's articles and then its related stories, exactly
    /// as separate calls in that order would write them. Each runs in a savepoint of its own,
    /// so one feed's failure undoes its writes only: its result is that error, and the other
    /// feeds are stored. A failed related update undoes that feed's related stories only.
    /// When the transaction itself fails (the commit, or an error that rolls SQLite's
    /// transaction back), every result is that error and nothing is stored.
    ///
    /// - Returns: one result per feed, in the order of `feeds`.
    public func upsertArticles(_ feeds: [FeedArticles], scoring: some RelatedScoring,
                               limits: RelatedLimits = RelatedLimits()) -> [Result<FeedArticlesStored, any Error>] {
        guard !feeds.isEmpty else { return [] }
        let results: [Result<FeedArticlesStored, any Error>]
        do {
            results = try write { db in
                let pendingSearch = PendingSearchIndex()
                let results = try feeds.map { feed in
                    try Self.upsert(feed, scoring: scoring, limits: limits, pendingSearch: pendingSearch, db)
                }
                try pendingSearch.flush(db)
                return results
            }
        } catch {
            return feeds.map { _ in .failure(error) }
        }
        let largest = results.map { (try? $0.get()).map { $0.summary.added + $0.summary.updated } ?? 0 }.max() ?? 0
        if largest >= Self.largeImport { try? optimize() }
        return results
    }

    /// One feed of `upsertArticles(_:scoring:limits:)`, in savepoints; throws only when the
    /// whole transaction is lost.
    ///
    /// Its full-text index changes join `pendingSearch`, applied when related stories read the
    /// index (`RelatedReferences`) or at the end of the batch, so that the index gets one new
    /// segment per batch rather than one per feed (every savepoint makes FTS5 write one).
    private static func upsert(_ feed: FeedArticles, scoring: some RelatedScoring, limits: RelatedLimits,
                               pendingSearch: PendingSearchIndex, _ db: Database) throws
        -> Result<FeedArticlesStored, any Error> {
        var summary = UpsertSummary()
        var searchIndex = pendingSearch.changes
        do {
            try db.inSavepoint {
                summary = try writeArticles(feed.articles, searchIndex: &searchIndex, db)
                return .commit
            }
        } catch {
            guard db.isInsideTransaction else { throw error }
            return .failure(error)
        }
        pendingSearch.changes = searchIndex
        var relatedError: (any Error)?
        do {
            try db.inSavepoint {
                for batch in try relatedBatches(feed.related, ids: summary.ids, scoring: scoring, limits: limits, db) {
                    _ = try updateRelated(batch, scoring: scoring, limits: limits, summary: RelatedUpdateSummary(),
                                          pendingSearch: pendingSearch, db)
                }
                return .commit
            }
        } catch {
            guard db.isInsideTransaction else { throw error }
            // Index changes applied inside the savepoint were rolled back with it: hold them again.
            pendingSearch.changes = searchIndex
            relatedError = error
        }
        return .success(FeedArticlesStored(summary: summary, relatedError: relatedError))
    }

    /// The batches `updateRelated` computes for articles just stored as `ids`, the same as
    /// `updateRelated(for:inputs:scoring:limits:)` makes of them in separate transactions: the
    /// articles needing it, with `inputs` when they match `ids` one for one, else read back in
    /// slices of the ids.
    private static func relatedBatches(_ inputs: [RelatedInput], ids: [ArticleID], scoring: some RelatedScoring,
                                       limits: RelatedLimits, _ db: Database) throws -> [[RelatedInput]] {
        guard inputs.count == ids.count else {
            return try batches(of: ids, size: limits.batch).map { slice in
                try slice.compactMap { try RelatedInput.stored($0, scoring: scoring, db) }
            }
        }
        let pending = Set(try articlesNeedingRelated(ids, db))
        return relatedBatches(of: identified(inputs, ids: ids, pending: pending), size: limits.batch)
    }
}
