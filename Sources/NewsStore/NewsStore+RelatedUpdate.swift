import Foundation
import GRDB
import NewsModel

/// Bounds on the work `updateRelated` does per article, and on the lists it keeps.
public struct RelatedLimits: Hashable, Sendable {
    /// Computed links kept per article and kind (`.similar`, `.sameStory`), best first.
    public var linksPerKind = 10
    /// Articles read per signature term, newest first: how far back "recent" goes.
    public var articlesPerTerm = 500
    /// Candidates (by signature overlap, at least `RelatedScoring.similarThreshold`) judged per article.
    public var candidates = 40
    /// Links in a body looked up among stored articles.
    public var bodyLinks = 30
    /// Stored titles checked per headline reference.
    public var headlineCandidates = 20
    /// Articles per write transaction: the longest a reader's write waits is one batch.
    public var batch = 200

    public init() {}
}

extension NewsStore {
    /// Computes and stores the related stories of `ids`, and adds each to the lists of the
    /// stored articles it is most related to.
    ///
    /// For each article that is new or changed since its last computation (others are skipped,
    /// so calling this with every id an import touched is cheap):
    /// - explicit links: body links to stored articles are added; headline references that
    ///   name no stored article exactly are matched loosely (`headlineMatch`) against stored
    ///   titles, and filed so that a later article with a near-identical title resolves them;
    ///   references filed by other articles that name this one are resolved to it;
    /// - computed links: its signature is compared with the signatures of the recent articles
    ///   sharing one of its terms (`limits.articlesPerTerm` per term), and the best
    ///   `limits.linksPerKind` per kind are stored as `.similar` or `.sameStory` links; each
    ///   of those articles gets this one in its own list if it ranks among its best.
    ///
    /// Every step is an index lookup: the work per article does not grow with the store.
    /// Articles are handled `limits.batch` at a time, each batch read (and its term weights
    /// computed) before its write transaction starts.
    @discardableResult
    public func updateRelated(for ids: [ArticleID], scoring: some RelatedScoring,
                              limits: RelatedLimits = RelatedLimits()) throws -> RelatedUpdateSummary {
        var seen = Set<ArticleID>()
        let ids = ids.filter { seen.insert($0).inserted }
        var summary = RelatedUpdateSummary()
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + max(1, limits.batch), ids.count)])
            start += batch.count
            let documents = try read { db in
                try batch.compactMap { try RelatedDocument.load($0, scoring: scoring, limits: limits, db) }
            }
            summary.unchanged += batch.count - documents.count
            guard !documents.isEmpty else { continue }
            summary = try write { db in
                var update = RelatedUpdate(db: db, scoring: scoring, limits: limits, summary: summary)
                try update.run(documents)
                return update.summary
            }
        }
        return summary
    }

    /// How alike two computed articles are, as `updateRelated` judged them: the dot product of
    /// their stored signatures and the number of terms those share; nil when either has no
    /// computed related stories. For inspecting and testing the model.
    public func relatedSimilarity(_ a: ArticleID, _ b: ArticleID) throws -> (similarity: Double, sharedTerms: Int)? {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM related_state WHERE articleID = ?", arguments: [b.rawValue]) != nil,
                  let row = try Row.fetchOne(db, sql: """
                    SELECT total(x.weight * y.weight), count(y.term)
                    FROM related_state s, json_each(s.terms) t
                    JOIN related_signature x ON x.term = t.value AND x.articleID = s.articleID
                    LEFT JOIN related_signature y ON y.term = t.value AND y.articleID = ?
                    WHERE s.articleID = ?
                    """, arguments: [b.rawValue, a.rawValue]),
                  try Bool.fetchOne(db, sql: "SELECT 1 FROM related_state WHERE articleID = ?", arguments: [a.rawValue]) != nil
            else { return nil }
            return (row[0], row[1])
        }
    }

    /// Rows the relatedness index holds for `article`: signature terms and filed references.
    /// Scans both tables; for tests.
    func relatedIndexRows(of article: ArticleID) throws -> (signature: Int, references: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM related_signature WHERE articleID = ?",
                              arguments: [article.rawValue]) ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM related_reference WHERE articleID = ?",
                              arguments: [article.rawValue]) ?? 0)
        }
    }
}

/// An article about to have its related stories computed.
struct RelatedDocument {
    /// Its headline; the date is its own, else when it was first seen.
    var headline: Headline
    /// Its title and alternate titles.
    var titles: [String]
    var contentHash: Int64
    /// Whether its terms are already counted in `related_term` (it was computed before).
    var isCounted: Bool
    /// `RelatedScoring.termWeights` of the article.
    var weights: [String: Double]
    /// Distinct links of its body, other than to itself, at most `RelatedLimits.bodyLinks`.
    var bodyLinks: [String]

    var id: ArticleID { headline.id }

    /// The article `id`, or nil when it is gone or unchanged since it was last computed.
    static func load(_ id: ArticleID, scoring: some RelatedScoring, limits: RelatedLimits,
                     _ db: Database) throws -> RelatedDocument? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(HeadlineColumns.sql), a.sortDate, a.altTitles, a.summary, a.contentHash,
                   b.body, s.contentHash AS computedHash
            FROM article a JOIN feed f ON f.id = a.feedID
            LEFT JOIN article_body b ON b.articleID = a.id LEFT JOIN related_state s ON s.articleID = a.id
            WHERE a.id = ?
            """), arguments: [id.rawValue]) else { return nil }
        let contentHash: Int64 = row["contentHash"]
        let computedHash: Int64? = row["computedHash"]
        guard computedHash != contentHash else { return nil }
        let headline = RelatedHeadline.headline(row)
        let body = try (row["body"] as Data?).map { try BodyCodec.blocks(stored: [UInt8]($0)) } ?? []
        let article = Article(id: id, feedID: headline.feedID, source: headline.source, url: headline.url,
                              title: headline.title, alternateTitles: TitleLines.decode(row["altTitles"]),
                              summary: row["summary"], body: body)
        var links: [String] = []
        var seen: Set<String> = headline.url.map { [$0] } ?? []
        for block in body {
            for span in block.links {
                guard links.count < limits.bodyLinks, let link = span.link, seen.insert(link).inserted else { continue }
                links.append(link)
            }
        }
        return RelatedDocument(headline: headline, titles: [article.title] + article.alternateTitles,
                               contentHash: contentHash, isCounted: computedHash != nil,
                               weights: scoring.termWeights(of: article), bodyLinks: links)
    }
}

/// Headlines as relatedness sees them: dated when first seen if they have no date of their own.
enum RelatedHeadline {
    /// Columns: `HeadlineColumns.sql`, then `a.sortDate`.
    static func headline(_ row: Row) -> Headline {
        var headline = HeadlineColumns.headline(row)
        if headline.date == nil { headline.date = EpochColumn.date(row["sortDate"]) }
        return headline
    }

    static func fetch(_ id: Int64, _ db: Database) throws -> Headline? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(HeadlineColumns.sql), a.sortDate FROM article a JOIN feed f ON f.id = a.feedID WHERE a.id = ?
            """), arguments: [id]).map(headline)
    }
}

/// One write transaction of `updateRelated`.
struct RelatedUpdate<Scoring: RelatedScoring> {
    let db: Database
    let scoring: Scoring
    let limits: RelatedLimits
    var summary: RelatedUpdateSummary

    /// Document frequencies of the batch's terms, and how many articles they count.
    private var frequencies: [String: Int] = [:]
    private var documents = 0
    /// Whether any article has filed an unresolved headline reference (most stores of feeds
    /// never do, and then no article needs to look for references to it).
    private var hasFiledReferences = false

    init(db: Database, scoring: Scoring, limits: RelatedLimits, summary: RelatedUpdateSummary) {
        self.db = db
        self.scoring = scoring
        self.limits = limits
        self.summary = summary
    }

    mutating func run(_ batch: [RelatedDocument]) throws {
        try countTerms(of: batch)
        for document in batch {
            try update(document)
            summary.computed += 1
        }
    }

    // MARK: Document frequencies

    /// Counts the terms of the batch's new articles and reads back every term's frequency, in
    /// a statement or two for the whole batch (the lists of terms travel as JSON).
    private mutating func countTerms(of batch: [RelatedDocument]) throws {
        var added: [String: Int] = [:]
        var newArticles = 0
        var terms = Set<String>()
        for document in batch {
            guard !document.isCounted else {
                terms.formUnion(document.weights.keys)
                continue
            }
            newArticles += 1
            for term in document.weights.keys { added[term, default: 0] += 1 }
        }
        if !added.isEmpty {
            let counted = try Row.fetchCursor(db, sql: """
                INSERT INTO related_term (term, documents) SELECT key, value FROM json_each(?) WHERE true
                ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents
                RETURNING term, documents
                """, arguments: [RelatedJSON.object(added)])
            while let row = try counted.next() { frequencies[row[0]] = row[1] }
        }
        documents = try Int.fetchOne(db, sql: """
            INSERT INTO related_term (term, documents) VALUES ('', ?)
            ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents
            RETURNING documents
            """, arguments: [newArticles]) ?? newArticles
        // Terms only recomputed articles have (their counts do not change).
        let uncounted = terms.filter { frequencies[$0] == nil }
        if !uncounted.isEmpty {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT t.term, t.documents FROM json_each(?) j JOIN related_term t ON t.term = j.value
                """, arguments: [RelatedJSON.array(Array(uncounted))])
            while let row = try rows.next() { frequencies[row[0]] = row[1] }
        }
        hasFiledReferences = try Bool.fetchOne(db, sql: "SELECT 1 FROM related_reference LIMIT 1") ?? false
    }

    // MARK: One article

    private mutating func update(_ document: RelatedDocument) throws {
        let id = document.id.rawValue
        if document.isCounted {
            // Forget the last computation: its signature, filed references and backlinks.
            try db.cachedStatement(sql: "DELETE FROM related_state WHERE articleID = ?").execute(arguments: [id])
            try db.cachedStatement(sql: """
                DELETE FROM related WHERE targetID = ? AND kind IN ('similar', 'sameStory')
                """).execute(arguments: [id])
        }
        let signature = scoring.signature(of: document.weights, documentFrequency: frequencies, documents: documents)
        let searchable = signature.filter { term, _ in
            scoring.isSearchable(documentFrequency: frequencies[term] ?? 1, documents: documents)
        }
        let overlaps = try overlaps(of: document.id, signature: searchable)
        let insertTerm = try db.cachedStatement(sql: """
            INSERT INTO related_signature (term, articleID, weight) VALUES (?, ?, ?)
            """)
        for (term, weight) in searchable { try insertTerm.execute(arguments: [term, id, weight]) }

        var references = RelatedReferences(db: db, scoring: scoring, limits: limits)
        let explicitTargets = try references.resolve(document, lookForReferences: hasFiledReferences)
        summary.resolved += references.resolved
        hasFiledReferences = hasFiledReferences || !references.filedVariants.isEmpty

        try storeComputedLinks(of: document, overlaps: overlaps, excluding: explicitTargets)

        try db.cachedStatement(sql: """
            INSERT INTO related_state (articleID, contentHash, terms, variants) VALUES (?, ?, ?, ?)
            """).execute(arguments: [id, document.contentHash, RelatedJSON.array(Array(searchable.keys)),
                                     "[" + references.filedVariants.map(String.init).joined(separator: ",") + "]"])
    }

    /// Signature overlap with each recent article sharing a searchable term: the dot product of
    /// the two signatures over the shared terms, and how many terms they share.
    private func overlaps(of id: ArticleID, signature: [String: Double]) throws -> [Int64: (dot: Double, shared: Int)] {
        let statement = try db.cachedStatement(sql: """
            SELECT articleID, weight FROM related_signature WHERE term = ? AND articleID <> ?
            ORDER BY articleID DESC LIMIT ?
            """)
        var overlaps: [Int64: (dot: Double, shared: Int)] = [:]
        for (term, weight) in signature {
            let rows = try Row.fetchCursor(statement, arguments: [term, id.rawValue, limits.articlesPerTerm])
            while let row = try rows.next() {
                let other: Int64 = row[0], otherWeight: Double = row[1]
                overlaps[other, default: (0, 0)].dot += weight * otherWeight
                overlaps[other, default: (0, 0)].shared += 1
            }
        }
        return overlaps
    }

    /// Judges the best overlaps, stores the article's computed lists and adds it to theirs.
    private mutating func storeComputedLinks(of document: RelatedDocument, overlaps: [Int64: (dot: Double, shared: Int)],
                                             excluding explicitTargets: Set<Int64>) throws {
        let best = overlaps
            .filter { $0.value.dot >= scoring.similarThreshold && $0.value.shared >= scoring.minimumSharedTerms }
            .sorted { $0.value.dot != $1.value.dot ? $0.value.dot > $1.value.dot : $0.key > $1.key }
            .prefix(limits.candidates)
        var lists: [RelatedKind: [RelatedList.Entry]] = [:]
        for (other, overlap) in best where !explicitTargets.contains(other) {
            guard let headline = try RelatedHeadline.fetch(other, db),
                  let kind = scoring.relation(of: document.headline, to: headline, similarity: overlap.dot,
                                              sharedTerms: overlap.shared) else { continue }
            lists[kind, default: []].append(RelatedList.Entry(headline, score: overlap.dot))
        }
        let own = RelatedList.Target(document.headline)
        let writer = RelatedList(db: db, limit: limits.linksPerKind)
        try writer.replaceComputed(of: document.id, with: lists)
        for (kind, entries) in lists {
            summary.links += min(entries.count, limits.linksPerKind)
            for entry in entries.prefix(limits.linksPerKind) {
                let backlink = RelatedList.Entry(target: own, score: entry.score)
                if try writer.add(backlink, kind: kind, to: entry.target.id) { summary.backlinks += 1 }
            }
        }
    }
}

/// JSON text for lists handed to SQLite's `json_each`.
enum RelatedJSON {
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(quoted).joined(separator: ",") + "]"
    }

    static func object(_ counts: [String: Int]) -> String {
        "{" + counts.map { quoted($0.key) + ":" + String($0.value) }.joined(separator: ",") + "}"
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
