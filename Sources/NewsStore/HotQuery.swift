import GRDB
import NewsModel

/// The queries a reader waits for on every screen, as SQL shared by the store's methods and
/// by the tests that check their query plans use indexes (`NewsStore.queryPlan`).
enum HotQuery: Hashable {
    /// A page of headlines of a scope; arguments: the scope's, then limit and offset.
    case headlines(HeadlineScope)
    /// A page of search hits by relevance; arguments: match expression, limit, offset.
    case search
    /// A page of search hits, the most recently stored first; arguments: match expression, limit, offset.
    case searchRecent
    /// How many articles match, counting no further than a cap; arguments: match expression, cap.
    case searchMatchesUpTo
    /// Headlines with a title key; argument: the key.
    case titleKey
    /// An article with its body; argument: the id.
    case article
    /// Import identity: the article of a feed with a guid; arguments: feed, guid.
    case matchByGuid
    /// Import identity: by URL; arguments: URL, feed, incoming guid.
    case matchByURL
    /// Import identity: by title and date, through the title key; arguments: key, feed, title, date, guid.
    case matchByTitle
    /// Related-link resolution by URL; arguments: URL, the linking article.
    case resolveByURL
    /// Related-link resolution by title key; arguments: key, the linking article.
    case resolveByTitleKey
    /// Stored articles at any of some URLs (body links); arguments: JSON array of URLs, the linking article.
    case articlesAtURLs
    /// Stored document counts of relatedness terms; argument: JSON array of terms.
    case relatedTermDocuments

    /// Queries that drive an index with a JSON list, one lookup per element. `CROSS JOIN` keeps
    /// the list as the outer loop: with statistics from when the store was small (a new store is
    /// analysed when first closed, holding the samples), the planner would rather scan the whole
    /// table once per call, which made a first refresh of 10,000 articles take 150 s instead of 14
    /// (both on one loaded machine).
    static let listLookups: [HotQuery] = [.articlesAtURLs, .relatedTermDocuments]

    /// The queries that look up single articles, run once or more for every imported article.
    static let lookups: [HotQuery] = [.article, .matchByGuid, .matchByURL, .matchByTitle, .resolveByURL, .resolveByTitleKey]

    var sql: String {
        switch self {
        case .headlines(let scope):
            return """
                SELECT \(HeadlineColumns.sql) FROM article a CROSS JOIN feed f ON f.id = a.feedID
                WHERE \(scope.filter.condition)
                ORDER BY a.sortDate DESC, a.id DESC LIMIT ? OFFSET ?
                """
        case .search, .searchRecent:
            // FTS5 orders by rank or rowid itself and SQLite computes snippets only for the rows
            // of the page: keep `search` the outer loop. Ordered by rowid, the rank is left out:
            // bm25 would count the documents of every term, a pass over all matches.
            let (rank, order) = self == .search ? ("rank", "rank") : ("0.0", "search.rowid DESC")
            return """
                SELECT \(HeadlineColumns.sql),
                       snippet(search, -1, '[', ']', '…', \(NewsStore.snippetTokens)) AS snippet, \(rank) AS rank
                FROM search CROSS JOIN article a ON a.id = search.rowid CROSS JOIN feed f ON f.id = a.feedID
                WHERE search MATCH ?
                ORDER BY \(order) LIMIT ? OFFSET ?
                """
        case .searchMatchesUpTo:
            return "SELECT count(*) FROM (SELECT rowid FROM search WHERE search MATCH ? LIMIT ?)"
        case .titleKey:
            return """
                SELECT \(HeadlineColumns.sql)
                FROM article_title_key k CROSS JOIN article a ON a.id = k.articleID CROSS JOIN feed f ON f.id = a.feedID
                WHERE k.key = ?
                ORDER BY a.sortDate DESC, a.id DESC
                """
        case .article:
            return """
                SELECT a.id, a.feedID, a.guid, a.url, a.title, a.altTitles, coalesce(a.source, f.title) AS source,
                       a.summary, a.author, a.published, a.updated, a.isRead, a.isStarred, b.body
                FROM article a JOIN feed f ON f.id = a.feedID LEFT JOIN article_body b ON b.articleID = a.id
                WHERE a.id = ?
                """
        case .matchByGuid:
            return "SELECT id, contentHash, sortDate FROM article WHERE feedID = ? AND guid = ?"
        case .matchByURL:
            // Without statistics the planner would rather walk the feed's articles.
            return """
                SELECT id, contentHash, sortDate FROM article INDEXED BY article_url
                WHERE url = ? AND feedID = ? AND (guid IS NULL OR ? IS NULL) LIMIT 1
                """
        case .matchByTitle:
            // The key drives the join: left to itself the planner walks the feed's articles.
            return """
                SELECT a.id, a.contentHash, a.sortDate FROM article_title_key k CROSS JOIN article a ON a.id = k.articleID
                WHERE k.key = ? AND a.feedID = ? AND a.title = ? AND coalesce(a.published, a.updated) IS ?
                  AND (a.guid IS NULL OR ? IS NULL)
                LIMIT 1
                """
        case .resolveByURL:
            return """
                SELECT id FROM article INDEXED BY article_url WHERE url = ? AND id <> ?
                ORDER BY sortDate DESC, id DESC LIMIT 1
                """
        case .resolveByTitleKey:
            return """
                SELECT k.articleID FROM article_title_key k CROSS JOIN article a ON a.id = k.articleID
                WHERE k.key = ? AND k.articleID <> ?
                ORDER BY a.sortDate DESC, a.id DESC LIMIT 1
                """
        case .articlesAtURLs:
            return """
                SELECT a.url, a.id, a.title, a.sortDate FROM json_each(?) j CROSS JOIN article a INDEXED BY article_url
                ON a.url = j.value WHERE a.id <> ?
                """
        case .relatedTermDocuments:
            return "SELECT t.term, t.documents FROM json_each(?) j CROSS JOIN related_term t ON t.term = j.value"
        }
    }

    /// Arguments of the right shape, for explaining the query.
    var sampleArguments: StatementArguments {
        switch self {
        case .headlines(let scope): return scope.filter.arguments + [50, 0]
        case .search, .searchRecent: return ["\"news\"", 20, 0]
        case .searchMatchesUpTo: return ["\"news\"", 3_001]
        case .titleKey: return ["news"]
        case .article: return [1]
        case .matchByGuid: return [1, "guid"]
        case .matchByURL: return ["https://example.org/", 1, "guid"]
        case .matchByTitle: return ["title", 1, "Title", 1_717_200_000.0, "guid"]
        case .resolveByURL: return ["https://example.org/", 1]
        case .resolveByTitleKey: return ["title", 1]
        case .articlesAtURLs: return ["[\"https://example.org/\"]", 1]
        case .relatedTermDocuments: return ["[\"news\"]"]
        }
    }
}

extension NewsStore {
    /// The lines of `EXPLAIN QUERY PLAN` for a hot query.
    func queryPlan(_ query: HotQuery) throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.sql, arguments: query.sampleArguments)
                .map { $0["detail"] }
        }
    }
}
