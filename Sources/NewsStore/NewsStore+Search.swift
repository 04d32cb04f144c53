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
    /// are ANDed and match whole words, the last one also as a prefix; a CJK term matches
    /// anywhere inside CJK text, one character or more. Hits are ordered by bm25 (title matches
    /// weigh most); snippets mark matches with `[` and `]`.
    public func search(_ query: String, offset: Int, limit: Int) throws -> [SearchHit] {
        guard limit > 0, let expression = SearchText.matchExpression(for: query) else { return [] }
        return try read { db in
            // FTS5 sorts by `rank` itself and SQLite computes the snippet only for the rows of
            // the page: this must stay a plain scan of `search` with the article joined after.
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(HeadlineColumns.sql),
                       snippet(search, -1, '[', ']', '…', \(Self.snippetTokens)) AS snippet, rank
                FROM search CROSS JOIN article a ON a.id = search.rowid CROSS JOIN feed f ON f.id = a.feedID
                WHERE search MATCH ?
                ORDER BY rank LIMIT ? OFFSET ?
                """), arguments: [expression, limit, max(0, offset)]).map { row in
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
