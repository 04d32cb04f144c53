import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// One page of headlines, newest first. Never loads bodies.
    ///
    /// Every scope walks an index in (sortDate DESC, id DESC) order, or (`.tag`, `.bookmarked`)
    /// looks its rows up by index and sorts only those.
    public func headlines(_ scope: HeadlineScope, offset: Int, limit: Int) throws -> [Headline] {
        guard limit > 0 else { return [] }
        let filter = scope.filter
        return try read { db in
            // Each row is read in place from the cursor: no copy of every row first.
            let statement = try db.cachedStatement(sql: HotQuery.headlines(scope).sql)
            return try Array(Row.fetchCursor(statement, arguments: filter.arguments + [limit, max(0, offset)])
                .map(HeadlineColumns.headline))
        }
    }

    /// How many headlines `scope` has.
    ///
    /// All, unread, feed and tag scopes add up the per-feed counts; starred and bookmarked
    /// count their own small indexes.
    public func headlineCount(_ scope: HeadlineScope) throws -> Int {
        try read { db in
            let count: Int?
            switch scope {
            case .all:
                count = try Int.fetchOne(db, sql: "SELECT sum(totalCount) FROM feed")
            case .unread:
                count = try Int.fetchOne(db, sql: "SELECT sum(unreadCount) FROM feed")
            case .feed(let id):
                count = try Int.fetchOne(db, sql: "SELECT totalCount FROM feed WHERE id = ?", arguments: [id.rawValue])
            case .tag(let tag):
                count = try Int.fetchOne(db, sql: """
                    SELECT sum(totalCount) FROM feed
                    WHERE EXISTS (SELECT 1 FROM json_each(feed.tags) WHERE value = ?)
                    """, arguments: [tag])
            case .starred:
                count = try Int.fetchOne(db, sql: "SELECT count(*) FROM article WHERE isStarred = 1")
            case .bookmarked:
                count = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM article WHERE id IN (SELECT articleID FROM bookmark)
                    """)
            }
            return count ?? 0
        }
    }

    /// The whole article: body, highlights (by position) and related links (resolved ones carry ids).
    ///
    /// Related links come explicit first, then by score; a resolved link carries its target's
    /// id and source name. Computed links (`updateRelated`) show their target's title and URL.
    public func article(id: ArticleID) throws -> Article? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: HotQuery.article.sql),
                                             arguments: [id.rawValue]) else { return nil }
            let body = try (row["body"] as Data?).map { try BodyCodec.blocks(stored: [UInt8]($0)) } ?? []
            return Article(
                id: id, feedID: FeedID(row["feedID"]), source: row["source"], url: row["url"],
                guid: row["guid"], title: row["title"], alternateTitles: TitleLines.decode(row["altTitles"]),
                summary: row["summary"], author: row["author"],
                published: EpochColumn.date(row["published"]), updated: EpochColumn.date(row["updated"]),
                body: body, highlights: try highlights(of: id, body: body, db), related: try relatedLinks(of: id, db),
                isRead: row["isRead"], isStarred: row["isStarred"])
        }
    }

    public func setRead(_ id: ArticleID, _ read: Bool) throws {
        try write { db in
            try db.cachedStatement(sql: "UPDATE article SET isRead = ? WHERE id = ?")
                .execute(arguments: [read, id.rawValue])
            guard db.changesCount > 0 else { throw StoreError.notFound("article \(id)") }
        }
    }

    public func setStarred(_ id: ArticleID, _ starred: Bool) throws {
        try write { db in
            try db.cachedStatement(sql: "UPDATE article SET isStarred = ? WHERE id = ?")
                .execute(arguments: [starred, id.rawValue])
            guard db.changesCount > 0 else { throw StoreError.notFound("article \(id)") }
        }
    }

    public func markAllRead(_ scope: HeadlineScope) throws {
        let filter = scope.filter
        try write { db in
            try db.execute(sql: "UPDATE article AS a SET isRead = 1 WHERE a.isRead = 0 AND \(filter.condition)",
                           arguments: filter.arguments)
        }
    }

    /// Unread articles in all feeds.
    public func unreadCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT sum(unreadCount) FROM feed") ?? 0 }
    }

    // MARK: Parts of an article

    /// The article's highlights; those stored without text get it from `body` (the article's).
    func highlights(of article: ArticleID, body: [Block], _ db: Database) throws -> [Highlight] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM highlight WHERE articleID = ? ORDER BY position, id"),
                         arguments: [article.rawValue]).map { row in
            let anchor = AnchorColumns.anchor(row["anchorBlock"], row["anchorStart"], row["anchorEnd"])
            return Highlight(id: HighlightID(row["id"]), articleID: article,
                             kind: HighlightKind(rawValue: row["kind"]) ?? .highlight,
                             text: HighlightText.read(stored: row["text"], anchor: anchor, body: body),
                             attribution: row["attribution"], anchor: anchor, position: row["position"])
        }
    }

    func relatedLinks(of article: ArticleID, _ db: Database) throws -> [RelatedLink] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT coalesce(nullif(r.title, ''), t.title) AS title, CASE r.title WHEN '' THEN t.url ELSE r.url END AS url,
                   r.kind, r.score, t.id AS targetID, coalesce(t.source, tf.title, r.source) AS source
            FROM related r LEFT JOIN article t ON t.id = r.targetID LEFT JOIN feed tf ON tf.id = t.feedID
            WHERE r.articleID = ?
            ORDER BY r.kind <> 'explicit', r.score DESC, r.kind, r.position
            """), arguments: [article.rawValue]).map { row in
            RelatedLink(title: row["title"], url: row["url"],
                        articleID: (row["targetID"] as Int64?).map(ArticleID.init(rawValue:)),
                        kind: RelatedKind(rawValue: row["kind"]) ?? .similar, score: row["score"],
                        source: row["source"])
        }
    }
}

extension HeadlineScope {
    /// The scope as a condition on `article AS a`, with its arguments.
    ///
    /// Conditions are literal where the planner needs them to be (`isRead = 0` selects the
    /// partial index `article_unread`; a bound parameter would not).
    var filter: (condition: String, arguments: StatementArguments) {
        switch self {
        case .all: return ("1", [])
        case .unread: return ("a.isRead = 0", [])
        case .starred: return ("a.isStarred = 1", [])
        case .bookmarked: return ("a.id IN (SELECT articleID FROM bookmark)", [])
        case .feed(let id): return ("a.feedID = ?", [id.rawValue])
        case .tag(let tag):
            return ("a.feedID IN (SELECT feed.id FROM feed, json_each(feed.tags) AS t WHERE t.value = ?)", [tag])
        }
    }
}

/// The columns of a headline, and reading them.
enum HeadlineColumns {
    /// Selected from `article AS a` joined with `feed AS f`.
    static let sql = """
        a.id, a.feedID, a.title, coalesce(a.source, f.title) AS source,
        coalesce(a.published, a.updated) AS date, a.isRead, a.isStarred, a.url
        """

    static func headline(_ row: Row) -> Headline {
        Headline(id: ArticleID(row[0]), feedID: FeedID(row[1]), title: row[2], source: row[3],
                 date: EpochColumn.date(row[4]), isRead: row[5], isStarred: row[6], url: row[7])
    }
}

/// Dates as the store keeps them: epoch seconds.
enum EpochColumn {
    static func date(_ seconds: Double?) -> Date? {
        seconds.map(Date.init(timeIntervalSince1970:))
    }
}

/// Anchors as three nullable columns.
enum AnchorColumns {
    static func anchor(_ block: Int?, _ start: Int?, _ end: Int?) -> Anchor? {
        guard let block, let start, let end else { return nil }
        return Anchor(block: block, start: start, end: end)
    }
}

/// Alternate titles as lines of one text column (titles never contain line breaks once cleaned).
enum TitleLines {
    static func encode(_ titles: [String]) -> String? {
        titles.isEmpty ? nil : titles.joined(separator: "\n")
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
