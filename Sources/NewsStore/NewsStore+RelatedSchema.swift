import GRDB

extension NewsStore {
    /// The tables behind computed related stories (migration "related", after "v1").
    ///
    /// - `related_state`: which articles have their related stories computed, from which content.
    /// - `related_term`: in how many computed articles each term occurs (the document frequency
    ///   that weighs terms), kept incrementally: an article is counted once, when first computed.
    ///   The empty term counts the computed articles. Removing articles does not uncount them,
    ///   so the figures drift a little high, all in the same proportion.
    /// - `related_signature`: each article's signature terms (the rare enough ones), so that
    ///   articles sharing a term are one index range away.
    /// - `related_reference`: unresolved headline references, filed under hashes of their
    ///   variants (`RelatedScoring.headlineVariants`), so that an article arriving later with a
    ///   near-identical title finds the articles that named it.
    static func createRelatedSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE related_state (
                articleID INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                contentHash INTEGER NOT NULL,   -- the article's contentHash when it was computed
                terms TEXT NOT NULL,            -- JSON array: its rows in related_signature
                variants TEXT NOT NULL          -- JSON array: its rows in related_reference
            );

            CREATE TABLE related_term (
                term TEXT PRIMARY KEY,
                documents INTEGER NOT NULL      -- computed articles the term occurs in
            ) WITHOUT ROWID;

            CREATE TABLE related_signature (
                term TEXT NOT NULL,
                articleID INTEGER NOT NULL,
                weight REAL NOT NULL,           -- in the article's unit-length signature
                PRIMARY KEY (term, articleID)
            ) WITHOUT ROWID;

            CREATE TABLE related_reference (
                variant INTEGER NOT NULL,       -- 64-bit FNV-1a hash of a headline variant
                articleID INTEGER NOT NULL,     -- the article whose reference it files
                PRIMARY KEY (variant, articleID)
            ) WITHOUT ROWID;

            -- An article's signature and filed references go with its state (which goes with it).
            CREATE TRIGGER related_state_delete AFTER DELETE ON related_state BEGIN
                DELETE FROM related_signature
                WHERE term IN (SELECT value FROM json_each(OLD.terms)) AND articleID = OLD.articleID;
                DELETE FROM related_reference
                WHERE variant IN (SELECT value FROM json_each(OLD.variants)) AND articleID = OLD.articleID;
            END;

            """)
    }

    /// Computed links go with their target (migration "related-computed-links", after "related").
    ///
    /// `updateRelated` writes them with an empty title (they show their target's, see
    /// `RelatedList`): without a target they would show nothing. Other links stay, unresolved.
    static func createComputedLinkTrigger(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER related_computed_target_delete BEFORE DELETE ON article BEGIN
                DELETE FROM related WHERE targetID = OLD.id AND title = '';
            END;
            """)
    }
}
