import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Articles whose title or alternate title matches `titleKey` (see `TitleKey`), newest first.
    ///
    /// The key is normalised again (`TitleKey.make` leaves a key unchanged), so a raw title works too.
    public func articles(titleKey: String) throws -> [Headline] {
        let key = TitleKey.make(titleKey)
        guard !key.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: HotQuery.titleKey.sql), arguments: [key])
                .map(HeadlineColumns.headline)
        }
    }

    /// Replaces the related links of `article` of the given kinds.
    ///
    /// Links of other kinds in `links` are ignored. A link without an `articleID` is resolved
    /// like an explicit one at import: by URL, then by title key, never to `article` itself;
    /// links still unresolved are resolved when a matching article arrives.
    public func setRelated(_ links: [RelatedLink], for article: ArticleID, kinds: Set<RelatedKind>) throws {
        let links = links.filter { kinds.contains($0.kind) }.map { link in
            var link = link
            link.title = TextSanitizer.clean(link.title, keepNewlines: false)
            link.url = link.url.map { TextSanitizer.clean($0, keepNewlines: false) }
            link.source = link.source.map { TextSanitizer.clean($0, keepNewlines: false) }
            return link
        }
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM article WHERE id = ?", arguments: [article.rawValue]) != nil else {
                throw StoreError.notFound("article \(article)")
            }
            let kindList = try JSONList.encode(kinds.map(\.rawValue))
            try db.execute(sql: "DELETE FROM related WHERE articleID = ? AND kind IN (SELECT value FROM json_each(?))",
                           arguments: [article.rawValue, kindList])
            try RelatedLinks.insert(links, of: article, db)
        }
    }
}

/// Writing and resolving related links.
enum RelatedLinks {
    /// Inserts `links` after any the article already has of their kinds, resolving what it can;
    /// returns whether some stay unresolved.
    @discardableResult
    static func insert(_ links: [RelatedLink], of article: ArticleID, _ db: Database) throws -> Bool {
        guard !links.isEmpty else { return false }
        var unresolved = false
        let statement = try db.cachedStatement(sql: """
            INSERT INTO related (articleID, kind, position, title, titleKey, url, source, score, targetID)
            VALUES (?, ?, coalesce((SELECT max(position) + 1 FROM related WHERE articleID = ? AND kind = ?), 0),
                    ?, ?, ?, ?, ?, ?)
            """)
        for link in links {
            let key = TitleKey.make(link.title)
            let target = try link.articleID.flatMap { try existing($0, db) }
                ?? resolve(key: key, url: link.url, excluding: article, db)
            try statement.execute(arguments: [
                article.rawValue, link.kind.rawValue, article.rawValue, link.kind.rawValue,
                link.title, key, link.url, link.source, link.score, target,
            ])
            if target == nil { unresolved = true }
        }
        return unresolved
    }

    /// The stored article a link points to: the newest with its URL, else with its title key.
    static func resolve(key: String, url: String?, excluding article: ArticleID, _ db: Database) throws -> Int64? {
        if let url, let id = try Int64.fetchOne(db.cachedStatement(sql: HotQuery.resolveByURL.sql),
                                                 arguments: [url, article.rawValue]) {
            return id
        }
        guard !key.isEmpty else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: HotQuery.resolveByTitleKey.sql),
                                  arguments: [key, article.rawValue])
    }

    /// Points the unresolved links that name this article (by title key or URL) at it.
    static func resolvePending(to article: ArticleID, keys: [String], url: String?, _ db: Database) throws {
        let byKey = try db.cachedStatement(sql: """
            UPDATE related SET targetID = ? WHERE titleKey = ? AND targetID IS NULL AND articleID <> ?
            """)
        for key in keys {
            try byKey.execute(arguments: [article.rawValue, key, article.rawValue])
        }
        if let url {
            try db.cachedStatement(sql: """
                UPDATE related SET targetID = ? WHERE url = ? AND targetID IS NULL AND articleID <> ?
                """).execute(arguments: [article.rawValue, url, article.rawValue])
        }
    }

    private static func existing(_ id: ArticleID, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM article WHERE id = ?"), arguments: [id.rawValue])
    }
}
