import GRDB
import NewsModel

extension NewsStore {
    /// The stored article with this URL, else the one whose title (by title key) and source match.
    ///
    /// Both lookups go through indexes (`article_url`, `article_title_key`). The source is the
    /// article's own `source` or, when that is NULL, its feed's title.
    public func findArticle(url: String?, source: String, title: String) throws -> ArticleID? {
        try read { db in
            if let url, !url.isEmpty,
               let id = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE url = ? ORDER BY id LIMIT 1", arguments: [url]) {
                return ArticleID(id)
            }
            let key = TitleKey.make(title)
            guard !key.isEmpty else { return nil }
            let id = try Int64.fetchOne(db, sql: """
                SELECT a.id FROM article_title_key k
                JOIN article a ON a.id = k.articleID
                JOIN feed f ON f.id = a.feedID
                WHERE k.key = ? AND COALESCE(a.source, f.title) = ?
                ORDER BY a.id LIMIT 1
                """, arguments: [key, source])
            return id.map { ArticleID($0) }
        }
    }
}
