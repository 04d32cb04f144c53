import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Tokens of context a snippet shows around its match.
    static let snippetTokens = 14

    /// Full-text search over title, summary, body and highlights; ranked, with snippets.
    ///
    /// Any input is safe: terms are quoted (see `SearchText.matchExpression`), so quotes,
    /// `AND`, `(`, `*` or `-` are searched as text and never make an FTS5 syntax error. Terms
    /// are ANDed and match whole words, however short ("AI" finds the word AI); a CJK term
    /// matches anywhere inside CJK text, from one character up. Snippets mark matches with `[` and `]`.
    ///
    /// Order: by relevance (bm25; title matches weigh most) when at most `rankedMatchLimit`
    /// articles match. Ranking costs ~5 µs per match, so a word found in most of 100,000
    /// articles would take most of a second: such queries list the most recently stored
    /// matches first instead, in a few milliseconds, with a rank of 0.
    public func search(_ query: String, offset: Int, limit: Int) throws -> [SearchHit] {
        try search(query, offset: offset, limit: limit, rankedMatchLimit: Self.rankedMatchLimit)
    }

    /// Queries matching more articles than this are ordered by recency instead of relevance.
    static let rankedMatchLimit = 3_000

    func search(_ query: String, offset: Int, limit: Int, rankedMatchLimit: Int) throws -> [SearchHit] {
        guard limit > 0, let expression = SearchText.matchExpression(for: query) else { return [] }
        return try read { db in
            let matches = try Int.fetchOne(db.cachedStatement(sql: HotQuery.searchMatchesUpTo.sql),
                                           arguments: [expression, rankedMatchLimit + 1]) ?? 0
            let query = matches > rankedMatchLimit ? HotQuery.searchRecent : .search
            let statement = try db.cachedStatement(sql: query.sql)
            return try Row.fetchAll(statement, arguments: [expression, limit, max(0, offset)]).map { row in
                SearchHit(headline: HeadlineColumns.headline(row),
                          snippet: SearchText.displaySnippet(row["snippet"] ?? ""), rank: row["rank"])
            }
        }
    }

    /// How many articles `search` finds for `query`.
    public func searchCount(_ query: String) throws -> Int {
        guard let expression = SearchText.matchExpression(for: query) else { return 0 }
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search WHERE search MATCH ?", arguments: [expression]) ?? 0
        }
    }
}
