import Foundation
import GRDB
import NewsModel

/// The store's schema, as versioned migrations, and the SQL functions the schema relies on.
///
/// Conventions: dates are epoch seconds (REAL); lists are JSON arrays (`tags`) or, for titles,
/// lines of text (`altTitles`); booleans are 0/1. A new schema version is a new migration
/// appended to `migrator`: never edit a migration that has shipped.
extension NewsStore {
    /// `PRAGMA application_id` of a Herald store ("HRLD"): how a file is recognised as one.
    static let applicationID: Int32 = 0x4852_4C44

    /// Page size of new stores, in bytes. Article bodies are 1–3 KB after compression: 8 KB
    /// pages pack them with ~15% slack where 4 KB pages waste ~40% (measured on the benchmark corpus).
    static let pageSize = 8192

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createSchemaV1)
        migrator.registerMigration("related", migrate: createRelatedSchema)
        migrator.registerMigration("related-computed-links", migrate: createComputedLinkTrigger)
        migrator.registerMigration("feed-content-digest") { db in
            // Digest of the last stored 200 response body (`Feed.contentDigest`).
            try db.execute(sql: "ALTER TABLE feed ADD COLUMN contentDigest TEXT")
        }
        migrator.registerMigration("highlight-text-from-anchor", migrate: makeHighlightTextOptional)
        return migrator
    }

    /// Registers the SQL functions that the search view calls; every connection needs them.
    static func registerFunctions(_ db: Database) {
        db.add(function: searchTextFunction)
        db.add(function: bodySearchTextFunction)
    }

    /// `herald_search_text(text)`: text as the full-text index sees it (see `SearchText`).
    private static let searchTextFunction = DatabaseFunction(
        "herald_search_text", argumentCount: 1, pure: true
    ) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return SearchText.indexable(text)
    }

    /// `herald_body_search_text(body)`: a stored body's plain text as the full-text index sees it.
    private static let bodySearchTextFunction = DatabaseFunction(
        "herald_body_search_text", argumentCount: 1, pure: true
    ) { values in
        guard let data = Data.fromDatabaseValue(values[0]) else { return nil }
        return SearchText.indexable(try BodyCodec.blocks(stored: [UInt8](data)).plainText)
    }

    private static func createSchemaV1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: """
            CREATE TABLE feed (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                siteURL TEXT,
                tags TEXT NOT NULL DEFAULT '[]',        -- JSON array, in the user's order
                etag TEXT,
                lastModified TEXT,
                lastFetched REAL,                       -- epoch seconds
                lastError TEXT,
                unreadCount INTEGER NOT NULL DEFAULT 0, -- kept by the article_count_* triggers
                totalCount INTEGER NOT NULL DEFAULT 0
            );

            -- AUTOINCREMENT: ids are never reused, because bookmarks keep the id of an article
            -- whose feed was removed (and find it again by URL if it comes back).
            CREATE TABLE article (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                feedID INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                guid TEXT,
                url TEXT,
                title TEXT NOT NULL,
                altTitles TEXT,                 -- one alternate title per line; NULL when none
                source TEXT,                    -- NULL when it is the feed's title
                summary TEXT,
                author TEXT,
                published REAL,                 -- epoch seconds
                updated REAL,                   -- epoch seconds
                sortDate REAL NOT NULL,         -- published, else updated, else first seen
                isRead INTEGER NOT NULL DEFAULT 0,
                isStarred INTEGER NOT NULL DEFAULT 0,
                contentHash INTEGER NOT NULL    -- ContentHash of everything an import writes
            );
            CREATE UNIQUE INDEX article_guid ON article(feedID, guid) WHERE guid IS NOT NULL;
            -- Feeds with guid-less articles: only those need identity by URL or title.
            CREATE INDEX article_guidless ON article(feedID) WHERE guid IS NULL;
            CREATE INDEX article_url ON article(url) WHERE url IS NOT NULL;
            -- Headline lists: newest first, every scope served by an index.
            CREATE INDEX article_feed_date ON article(feedID, sortDate DESC, id DESC);
            CREATE INDEX article_date ON article(sortDate DESC, id DESC);
            CREATE INDEX article_unread ON article(sortDate DESC, id DESC) WHERE isRead = 0;
            CREATE INDEX article_starred ON article(sortDate DESC, id DESC) WHERE isStarred = 1;

            -- Bodies live apart so that headline pages stay small and dense.
            CREATE TABLE article_body (
                articleID INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                body BLOB NOT NULL              -- BodyCodec stored form
            );

            -- TitleKey of each article's title and alternate titles: related-story lookups.
            CREATE TABLE article_title_key (
                key TEXT NOT NULL,
                articleID INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                PRIMARY KEY (key, articleID)
            ) WITHOUT ROWID;
            CREATE INDEX article_title_key_article ON article_title_key(articleID);

            CREATE TABLE highlight (
                id INTEGER PRIMARY KEY,
                articleID INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                attribution TEXT,
                anchorBlock INTEGER,            -- Anchor, in blocks and Unicode scalars
                anchorStart INTEGER,
                anchorEnd INTEGER
            );
            CREATE INDEX highlight_article ON highlight(articleID, position);

            CREATE TABLE related (
                articleID INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                position INTEGER NOT NULL,      -- order within the kind
                title TEXT NOT NULL,
                titleKey TEXT NOT NULL,
                url TEXT,
                source TEXT,                    -- as given; a resolved target's own source wins
                score REAL NOT NULL,
                targetID INTEGER REFERENCES article(id) ON DELETE SET NULL,
                PRIMARY KEY (articleID, kind, position)
            ) WITHOUT ROWID;
            CREATE INDEX related_target ON related(targetID) WHERE targetID IS NOT NULL;
            -- Links waiting for their article: found when it arrives, by title key or URL.
            CREATE INDEX related_pending_key ON related(titleKey) WHERE targetID IS NULL;
            CREATE INDEX related_pending_url ON related(url) WHERE targetID IS NULL AND url IS NOT NULL;

            -- Bookmarks copy what a list shows of their article, and have no foreign key to
            -- it: they outlive the removal of its feed.
            CREATE TABLE bookmark (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                articleID INTEGER NOT NULL,
                highlightID INTEGER REFERENCES highlight(id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                attribution TEXT,
                anchorBlock INTEGER,
                anchorStart INTEGER,
                anchorEnd INTEGER,
                note TEXT,
                tags TEXT NOT NULL DEFAULT '[]',  -- JSON array
                created REAL NOT NULL,            -- epoch seconds
                orphaned INTEGER NOT NULL DEFAULT 0,
                articleTitle TEXT NOT NULL,
                articleSource TEXT NOT NULL,
                articleURL TEXT,
                articleDate REAL
            );
            CREATE INDEX bookmark_article ON bookmark(articleID);
            CREATE INDEX bookmark_highlight ON bookmark(highlightID) WHERE highlightID IS NOT NULL;
            CREATE INDEX bookmark_url ON bookmark(articleURL) WHERE articleURL IS NOT NULL;

            -- Per-feed counts, so feed lists and unread totals never count articles.
            CREATE TRIGGER article_count_insert AFTER INSERT ON article BEGIN
                UPDATE feed SET totalCount = totalCount + 1, unreadCount = unreadCount + (NEW.isRead = 0)
                WHERE id = NEW.feedID;
            END;
            CREATE TRIGGER article_count_delete AFTER DELETE ON article BEGIN
                UPDATE feed SET totalCount = totalCount - 1, unreadCount = unreadCount - (OLD.isRead = 0)
                WHERE id = OLD.feedID;
            END;
            CREATE TRIGGER article_count_read AFTER UPDATE OF isRead ON article
            WHEN OLD.isRead <> NEW.isRead BEGIN
                UPDATE feed SET unreadCount = unreadCount + (CASE WHEN NEW.isRead = 0 THEN 1 ELSE -1 END)
                WHERE id = NEW.feedID;
            END;

            -- Full-text search over title (with alternate titles), summary, body and highlights.
            -- The index is external-content: the text is not stored twice. This view rebuilds
            -- it from the stored rows, for snippets and for removing an article's old terms.
            CREATE VIEW search_source AS
            SELECT a.id AS id,
                   herald_search_text(a.title || coalesce(char(10) || a.altTitles, '')) AS title,
                   herald_search_text(a.summary) AS summary,
                   herald_body_search_text(b.body) AS body,
                   (SELECT group_concat(herald_search_text(text), char(10))
                      FROM (SELECT text FROM highlight WHERE articleID = a.id ORDER BY position, id)) AS highlights
            FROM article a LEFT JOIN article_body b ON b.articleID = a.id;
            CREATE VIRTUAL TABLE search USING fts5(
                title, summary, body, highlights,
                content = 'search_source', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            -- Ranking: a match in the title counts most, then highlights, summary, body.
            INSERT INTO search(search, rank) VALUES ('rank', 'bm25(8.0, 2.0, 1.0, 3.0)');
            """)
    }

    /// `highlight.text` becomes NULL where the anchor recovers the text from the body
    /// (`HighlightText`), and the index takes only the highlights stored with text: the others
    /// are in the body column already.
    ///
    /// SQLite cannot drop a NOT NULL constraint, so the table is rebuilt (the migrator runs
    /// this with foreign keys off and checks them after). Rows keep their text, so the view
    /// gives every article the same document as before and the index needs no rebuild.
    private static func makeHighlightTextOptional(_ db: Database) throws {
        try db.execute(sql: """
            DROP VIEW search_source;
            CREATE TABLE new_highlight (
                id INTEGER PRIMARY KEY,
                articleID INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                text TEXT,                      -- NULL when the anchor spans exactly the text in the body
                attribution TEXT,
                anchorBlock INTEGER,            -- Anchor, in blocks and Unicode scalars
                anchorStart INTEGER,
                anchorEnd INTEGER
            );
            INSERT INTO new_highlight (id, articleID, position, kind, text, attribution, anchorBlock, anchorStart, anchorEnd)
            SELECT id, articleID, position, kind, text, attribution, anchorBlock, anchorStart, anchorEnd FROM highlight;
            DROP TABLE highlight;
            ALTER TABLE new_highlight RENAME TO highlight;
            CREATE INDEX highlight_article ON highlight(articleID, position);

            CREATE VIEW search_source AS
            SELECT a.id AS id,
                   herald_search_text(a.title || coalesce(char(10) || a.altTitles, '')) AS title,
                   herald_search_text(a.summary) AS summary,
                   herald_body_search_text(b.body) AS body,
                   (SELECT group_concat(herald_search_text(text), char(10))
                      FROM (SELECT text FROM highlight WHERE articleID = a.id AND text IS NOT NULL
                            ORDER BY position, id)) AS highlights
            FROM article a LEFT JOIN article_body b ON b.articleID = a.id;
            """)
    }
}
