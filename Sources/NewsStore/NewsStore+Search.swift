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
    /// are ANDed and match whole words, however short ("AI" finds the word AI), the last one
    /// also as a prefix when it has three letters or more; a CJK term matches anywhere inside
    /// CJK text, from one character up. Hits are ordered by bm25 (title matches weigh most);
    /// snippets mark matches with `[` and `]`.
    ///
    /// Cost grows with the number of matching articles, which all get ranked: a rare word
    /// takes a few milliseconds at 10,000 articles, a word in nearly every article tens.
    public func search(_ query: String, offset: Int, limit: Int) throws -> [SearchHit] {
        guard limit > 0, let expression = SearchText.matchExpression(for: query) else { return [] }
        return try read { db in
            let statement = try db.cachedStatement(sql: HotQuery.search.sql)
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
