import GRDB
import NewsModel

/// Explicit related links of one article, resolved further than an import does.
///
/// An import resolves a link by exact URL or exact title key (`RelatedLinks`). This adds:
/// - links in the body whose URL is a stored article's (by the `article_url` index);
/// - headline references that name a stored title loosely (`RelatedScoring.headlineMatch`),
///   found through the search index's title column;
/// - the reverse: references left unresolved are filed under hashes of their variants
///   (`related_reference`), and an article whose title has one of those variants resolves them.
///
/// No link ever resolves to the article that holds it.
struct RelatedReferences<Scoring: RelatedScoring> {
    let db: Database
    let scoring: Scoring
    let limits: RelatedLimits
    /// Full-text index changes not yet applied (in a batch write): applied before the index is read.
    let pendingSearch: PendingSearchIndex?
    /// Links resolved so far.
    private(set) var resolved = 0
    /// Variant hashes filed for the article's unresolved references.
    private(set) var filedVariants: [Int64] = []

    init(db: Database, scoring: Scoring, limits: RelatedLimits, pendingSearch: PendingSearchIndex?) {
        self.db = db
        self.scoring = scoring
        self.limits = limits
        self.pendingSearch = pendingSearch
    }

    /// Resolves what it can of the explicit links of `document` and, when `lookForReferences`,
    /// of the references filed by others that name it; returns the articles `document` now links
    /// to explicitly.
    mutating func resolve(_ document: RelatedDocument, lookForReferences: Bool) throws -> Set<Int64> {
        let id = document.id
        let links = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT position, title, url, targetID FROM related WHERE articleID = ? AND kind = 'explicit'
            ORDER BY position
            """), arguments: [id.rawValue])
        var targets = Set(links.compactMap { $0["targetID"] as Int64? })
        var urls = Set(links.compactMap { $0["url"] as String? })

        let stored = try newestArticles(at: document.bodyLinks.filter { !urls.contains($0) }, excluding: id)
        for url in document.bodyLinks where !urls.contains(url) {
            guard let target = stored[url], targets.insert(target.id).inserted else { continue }
            urls.insert(url)
            try RelatedLinks.insert([RelatedLink(title: target.title, url: url, articleID: ArticleID(target.id))],
                                    of: id, db)
            resolved += 1
        }

        for link in links where link["targetID"] as Int64? == nil {
            let title: String = link["title"]
            guard !title.contains("://") else { continue } // an untitled link shows its URL
            if let target = try storedArticle(named: title, excluding: id) {
                try db.cachedStatement(sql: """
                    UPDATE related SET targetID = ? WHERE articleID = ? AND kind = 'explicit' AND position = ?
                    """).execute(arguments: [target, id.rawValue, link["position"] as Int])
                targets.insert(target)
                resolved += 1
            } else {
                try file(title, for: id)
            }
        }

        if lookForReferences { try resolveReferences(naming: document) }
        return targets
    }

    /// The newest stored article (not `article`) at each of `urls` that has one, by URL.
    ///
    /// One statement for all of them (`json_each` joined to the `article_url` index): most body
    /// links name no stored article, and a statement per link cost more than its lookup.
    private func newestArticles(at urls: [String], excluding article: ArticleID) throws
        -> [String: (id: Int64, title: String)] {
        guard !urls.isEmpty else { return [:] }
        var newest: [String: (id: Int64, title: String, date: Double)] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: HotQuery.articlesAtURLs.sql),
                                       arguments: [RelatedJSON.array(urls), article.rawValue])
        while let row = try rows.next() {
            let url: String = row[0], id: Int64 = row[1], date: Double = row[3]
            if let known = newest[url], (known.date, known.id) > (date, id) { continue }
            newest[url] = (id, row[2], date)
        }
        return newest.mapValues { ($0.id, $0.title) }
    }

    /// The stored article (not `article`) whose title or alternate title `title` names best;
    /// the newest among equals.
    private func storedArticle(named title: String, excluding article: ArticleID) throws -> Int64? {
        guard let expression = Self.titleExpression(scoring.headlineWords(of: title)) else { return nil }
        try pendingSearch?.flush(db)
        let candidates = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT rowid FROM search WHERE search MATCH ? AND rowid <> ? ORDER BY rowid DESC LIMIT ?
            """), arguments: [expression, article.rawValue, limits.headlineCandidates])
        var best: (id: Int64, score: Double)?
        for candidate in candidates {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, altTitles FROM article WHERE id = ?"),
                                             arguments: [candidate]) else { continue }
            let titles = [row["title"] as String] + TitleLines.decode(row["altTitles"])
            guard let score = titles.compactMap({ scoring.headlineMatch(title, $0) }).max() else { continue }
            if score > best?.score ?? 0 { best = (candidate, score) }
        }
        return best?.id
    }

    /// An FTS5 query for titles holding all but one of `words` (all of them when there are
    /// three; nil for fewer, which only an exact title key resolves). At most eight words count.
    static func titleExpression(_ words: [String]) -> String? {
        let quoted = words.prefix(8).map { word in
            "\"" + SearchText.indexable(word).replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        guard quoted.count >= 3 else { return nil }
        let groups = quoted.count == 3
            ? [quoted]
            : quoted.indices.map { skipped in quoted.indices.filter { $0 != skipped }.map { quoted[$0] } }
        return "title : (" + groups.map { "(" + $0.joined(separator: " AND ") + ")" }.joined(separator: " OR ") + ")"
    }

    /// Files an unresolved reference of `article` under its variants.
    private mutating func file(_ title: String, for article: ArticleID) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO related_reference (variant, articleID) VALUES (?, ?)
            """)
        for variant in scoring.headlineVariants(of: title) {
            let hash = Self.hash(variant)
            try statement.execute(arguments: [hash, article.rawValue])
            if db.changesCount > 0 { filedVariants.append(hash) }
        }
    }

    /// Points the unresolved references filed by other articles that name `document` at it.
    private mutating func resolveReferences(naming document: RelatedDocument) throws {
        var hashes = Set<Int64>()
        for title in document.titles {
            for variant in scoring.headlineVariants(of: title) { hashes.insert(Self.hash(variant)) }
        }
        var filers = Set<Int64>()
        let lookup = try db.cachedStatement(sql: """
            SELECT articleID FROM related_reference WHERE variant = ? AND articleID <> ?
            """)
        for hash in hashes {
            filers.formUnion(try Int64.fetchAll(lookup, arguments: [hash, document.id.rawValue]))
        }
        for filer in filers.sorted() {
            let pending = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT position, title FROM related WHERE articleID = ? AND kind = 'explicit' AND targetID IS NULL
                """), arguments: [filer])
            for link in pending {
                let title: String = link["title"]
                guard document.titles.contains(where: { scoring.headlineMatch(title, $0) != nil }) else { continue }
                try db.cachedStatement(sql: """
                    UPDATE related SET targetID = ? WHERE articleID = ? AND kind = 'explicit' AND position = ?
                    """).execute(arguments: [document.id.rawValue, filer, link["position"] as Int])
                resolved += 1
            }
        }
    }

    /// The 64-bit FNV-1a hash a variant is filed under.
    static func hash(_ variant: String) -> Int64 {
        var hash = StableHash()
        hash.add(bytes: variant.utf8)
        return hash.int64
    }
}
