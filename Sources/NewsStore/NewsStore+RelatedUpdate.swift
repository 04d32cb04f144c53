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
    /// Articles computed together (document frequencies are counted and read once per batch);
    /// `updateRelated` writes each batch in a transaction of its own, so that the longest
    /// another writer waits is one batch.
    public var batch = 200

    public init() {}
}

/// What relatedness needs of one stored article, computed from the article in memory: pure
/// work that may run anywhere (in the parallel part of a refresh, say) before the store's
/// `updateRelated(_:scoring:limits:)` takes the write lock.
public struct RelatedInput: Sendable {
    public var id: ArticleID
    /// `RelatedScoring.termWeights` of the article.
    public var termWeights: [String: Double]
    /// The distinct links of its body, in order, other than to its own page.
    public var links: [String]

    public init(id: ArticleID, termWeights: [String: Double], links: [String]) {
        self.id = id
        self.termWeights = termWeights
        self.links = links
    }

    /// The input of `article`, stored as `id`.
    public init(id: ArticleID, article: Article, scoring: some RelatedScoring) {
        self.init(id: id, termWeights: scoring.termWeights(of: article), links: Self.links(of: article))
    }

    /// The distinct links of the body of `article`, in order, other than to its own page.
    ///
    /// Most bodies have a few links: they are compared one by one, and hashed into a set only
    /// past `linksCompared` (hashing a URL costs more than comparing it with a dozen others).
    static func links(of article: Article) -> [String] {
        let linksCompared = 16
        var links: [String] = []
        var seen: Set<String> = []
        for block in article.body {
            switch block {
            case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
                for span in spans {
                    guard let link = span.link, link != article.url else { continue }
                    if links.count < linksCompared {
                        if !links.contains(link) { links.append(link) }
                    } else {
                        if seen.isEmpty { seen = Set(links) }
                        if seen.insert(link).inserted { links.append(link) }
                    }
                }
            case .heading, .preformatted, .image, .table, .rule:
                continue
            }
        }
        return links
    }
}

extension NewsStore {
    /// Computes and stores the related stories of `ids`, and adds each to the lists of the
    /// stored articles it is most related to; reads and decodes each article that needs it.
    /// With the articles at hand, `articlesNeedingRelated` and `updateRelated(_:scoring:limits:)`
    /// do the same without reading them back.
    @discardableResult
    public func updateRelated(for ids: [ArticleID], scoring: some RelatedScoring,
                              limits: RelatedLimits = RelatedLimits()) throws -> RelatedUpdateSummary {
        var summary = RelatedUpdateSummary()
        for batch in Self.batches(of: ids, size: limits.batch) {
            let inputs = try read { db in try batch.compactMap { try RelatedInput.stored($0, scoring: scoring, db) } }
            summary.unchanged += batch.count - inputs.count
            summary = try updateRelated(inputs, scoring: scoring, limits: limits, summary: summary)
        }
        return summary
    }

    /// Computes and stores the related stories of the articles of `inputs`, and adds each to the
    /// lists of the stored articles it is most related to.
    ///
    /// For each article that is new or changed since its last computation (others are skipped,
    /// so passing every article an import touched is cheap):
    /// - explicit links: body links to stored articles are added; headline references that
    ///   name no stored article exactly are matched loosely (`headlineMatch`) against stored
    ///   titles, and filed so that a later article with a near-identical title resolves them;
    ///   references filed by other articles that name this one are resolved to it;
    /// - computed links: its signature is compared with the signatures of the recent articles
    ///   sharing one of its terms (`limits.articlesPerTerm` per term), and the best
    ///   `limits.linksPerKind` per kind are stored as `.similar` or `.sameStory` links; each
    ///   of those articles gets this one in its own list if it ranks among its best.
    ///
    /// Every step is an index lookup and the work per article has a bound that does not depend
    /// on the store: at most `articlesPerTerm` signature rows read per term, `candidates`
    /// articles judged, `linksPerKind` backlinks per kind, `bodyLinks` URLs looked up. Until
    /// those bounds are reached it grows with how many stored articles share its terms; and a
    /// larger store is slower to read page by page. Articles are written `limits.batch` per
    /// write transaction.
    @discardableResult
    public func updateRelated(_ inputs: [RelatedInput], scoring: some RelatedScoring,
                              limits: RelatedLimits = RelatedLimits()) throws -> RelatedUpdateSummary {
        try updateRelated(inputs, scoring: scoring, limits: limits, summary: RelatedUpdateSummary())
    }

    /// The articles among `ids` whose related stories are missing or older than their content:
    /// the ones `updateRelated` would compute.
    public func articlesNeedingRelated(_ ids: [ArticleID]) throws -> [ArticleID] {
        try read { db in try Self.articlesNeedingRelated(ids, db) }
    }

    static func articlesNeedingRelated(_ ids: [ArticleID], _ db: Database) throws -> [ArticleID] {
        let statement = try db.cachedStatement(sql: """
            SELECT a.contentHash IS NOT s.contentHash FROM article a LEFT JOIN related_state s ON s.articleID = a.id
            WHERE a.id = ?
            """)
        return try ids.filter { try Bool.fetchOne(statement, arguments: [$0.rawValue]) ?? false }
    }

    private func updateRelated(_ inputs: [RelatedInput], scoring: some RelatedScoring, limits: RelatedLimits,
                               summary: RelatedUpdateSummary) throws -> RelatedUpdateSummary {
        var summary = summary
        for batch in Self.relatedBatches(of: inputs, size: limits.batch) {
            summary = try write { db in
                try Self.updateRelated(batch, scoring: scoring, limits: limits, summary: summary, db)
            }
        }
        return summary
    }

    /// One batch of `updateRelated`, inside the caller's write transaction; `pendingSearch` holds
    /// full-text index changes the caller has not applied yet (applied before the index is read).
    static func updateRelated(_ batch: [RelatedInput], scoring: some RelatedScoring, limits: RelatedLimits,
                              summary: RelatedUpdateSummary, pendingSearch: PendingSearchIndex? = nil,
                              _ db: Database) throws -> RelatedUpdateSummary {
        var update = RelatedUpdate(db: db, scoring: scoring, limits: limits, summary: summary,
                                   pendingSearch: pendingSearch)
        try update.run(batch)
        return update.summary
    }

    /// `inputs` without repeated articles (the first input of each counts), in slices of `size`:
    /// the batches `updateRelated` computes together (document frequencies are read once per batch).
    static func relatedBatches(of inputs: [RelatedInput], size: Int) -> [[RelatedInput]] {
        uniqueSlices(of: inputs, size: size, by: \.id)
    }

    /// `ids` without repeats, in slices of `size`.
    static func batches(of ids: [ArticleID], size: Int) -> [[ArticleID]] {
        uniqueSlices(of: ids, size: size, by: \.self)
    }

    /// `items` without repeats (the first of each `key` counts), in slices of `size` (at least 1).
    private static func uniqueSlices<Item>(of items: [Item], size: Int, by key: (Item) -> ArticleID) -> [[Item]] {
        var seen = Set<ArticleID>()
        let items = items.filter { seen.insert(key($0)).inserted }
        let size = max(1, size)
        return stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    /// The inputs of the articles of `ids` that need their related stories computed (`pending`),
    /// with their ids set: `inputs` are in the order of `ids`.
    static func identified(_ inputs: [RelatedInput], ids: [ArticleID], pending: Set<ArticleID>) -> [RelatedInput] {
        zip(ids, inputs).compactMap { id, input in
            guard pending.contains(id) else { return nil }
            var input = input
            input.id = id
            return input
        }
    }

    /// Computes the related stories of articles just stored as `ids`, as
    /// `updateRelated(_:scoring:limits:)` does, from `inputs` made before they had ids (in the
    /// order of `ids`; `RelatedInput(id:article:scoring:)` with any id). Only the articles new or
    /// changed since their last computation are computed. When the counts differ, each article
    /// is read back for its input instead (`updateRelated(for:scoring:limits:)`).
    @discardableResult
    public func updateRelated(for ids: [ArticleID], inputs: [RelatedInput], scoring: some RelatedScoring,
                              limits: RelatedLimits = RelatedLimits()) throws -> RelatedUpdateSummary {
        guard inputs.count == ids.count else { return try updateRelated(for: ids, scoring: scoring, limits: limits) }
        let pending = Set(try articlesNeedingRelated(ids))
        return try updateRelated(Self.identified(inputs, ids: ids, pending: pending), scoring: scoring, limits: limits)
    }

    /// How alike two computed articles are, as `updateRelated` judged them: the dot product of
    /// their stored signatures and the number of terms those share; nil when either has no
    /// computed related stories. For inspecting and testing the model.
    public func relatedSimilarity(_ a: ArticleID, _ b: ArticleID) throws -> (similarity: Double, sharedTerms: Int)? {
        try read { db in
            let computed = try Int.fetchOne(db, sql: "SELECT count(*) FROM related_state WHERE articleID IN (?, ?)",
                                            arguments: [a.rawValue, b.rawValue]) ?? 0
            guard computed == Set([a, b]).count else { return nil }
            let row = try Row.fetchOne(db, sql: """
                SELECT total(x.weight * y.weight), count(y.term)
                FROM related_state s, json_each(s.terms) t
                JOIN related_signature x ON x.term = t.value AND x.articleID = s.articleID
                LEFT JOIN related_signature y ON y.term = t.value AND y.articleID = ?
                WHERE s.articleID = ?
                """, arguments: [b.rawValue, a.rawValue])
            return (row?[0] ?? 0, row?[1] ?? 0)
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

extension RelatedInput {
    /// The input of the stored article `id`, or nil when it is gone or unchanged since it was
    /// last computed. Decodes its body.
    static func stored(_ id: ArticleID, scoring: some RelatedScoring, _ db: Database) throws -> RelatedInput? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT a.contentHash IS NOT s.contentHash AS isPending, a.url, a.title, a.altTitles, a.summary, b.body
            FROM article a LEFT JOIN article_body b ON b.articleID = a.id LEFT JOIN related_state s ON s.articleID = a.id
            WHERE a.id = ?
            """), arguments: [id.rawValue]), row["isPending"] as Bool else { return nil }
        let body = try (row["body"] as Data?).map { try BodyCodec.blocks(stored: [UInt8]($0)) } ?? []
        let article = Article(source: "", url: row["url"], title: row["title"],
                              alternateTitles: TitleLines.decode(row["altTitles"]), summary: row["summary"], body: body)
        return RelatedInput(id: id, article: article, scoring: scoring)
    }
}

/// An article about to have its related stories computed: its input, and what the store
/// holds of it.
struct RelatedDocument {
    /// Its headline; the date is its own, else when it was first seen.
    var headline: Headline
    /// Its title and alternate titles.
    var titles: [String]
    /// Its stored content hash, recorded with the computation.
    var contentHash: Int64
    /// Whether its terms are already counted in `related_term` (it was computed before).
    var isCounted: Bool
    /// `RelatedScoring.termWeights` of the article.
    var weights: [String: Double]
    /// Distinct links of its body, other than to itself, at most `RelatedLimits.bodyLinks`.
    var bodyLinks: [String]

    var id: ArticleID { headline.id }
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
    /// Full-text index changes not yet applied, for `RelatedReferences`.
    let pendingSearch: PendingSearchIndex?

    /// Document frequencies of the batch's terms, and how many articles they count.
    private var frequencies: [String: Int] = [:]
    private var countedArticles = 0
    /// Whether any article has filed an unresolved headline reference (most stores of feeds
    /// never do, and then no article needs to look for references to it).
    private var hasFiledReferences = false

    init(db: Database, scoring: Scoring, limits: RelatedLimits, summary: RelatedUpdateSummary,
         pendingSearch: PendingSearchIndex?) {
        self.db = db
        self.scoring = scoring
        self.limits = limits
        self.summary = summary
        self.pendingSearch = pendingSearch
    }

    mutating func run(_ inputs: [RelatedInput]) throws {
        let batch = try documents(inputs)
        try countTerms(of: batch)
        hasFiledReferences = try Bool.fetchOne(db, sql: "SELECT 1 FROM related_reference LIMIT 1") ?? false
        for document in batch {
            try update(document)
            summary.computed += 1
        }
    }

    /// The documents of `inputs` whose articles need computing, as this transaction finds them
    /// (the rest count as unchanged).
    private mutating func documents(_ inputs: [RelatedInput]) throws -> [RelatedDocument] {
        let statement = try db.cachedStatement(sql: """
            SELECT \(HeadlineColumns.sql), a.sortDate, a.altTitles, a.contentHash, s.contentHash AS computedHash
            FROM article a JOIN feed f ON f.id = a.feedID LEFT JOIN related_state s ON s.articleID = a.id
            WHERE a.id = ?
            """)
        var documents: [RelatedDocument] = []
        for input in inputs {
            guard let row = try Row.fetchOne(statement, arguments: [input.id.rawValue]) else {
                summary.unchanged += 1
                continue
            }
            let contentHash: Int64 = row["contentHash"], computedHash: Int64? = row["computedHash"]
            guard computedHash != contentHash else {
                summary.unchanged += 1
                continue
            }
            let headline = RelatedHeadline.headline(row)
            documents.append(RelatedDocument(
                headline: headline, titles: [headline.title] + TitleLines.decode(row["altTitles"]),
                contentHash: contentHash, isCounted: computedHash != nil, weights: input.termWeights,
                bodyLinks: Array(input.links.lazy.filter { $0 != headline.url }.prefix(limits.bodyLinks))))
        }
        return documents
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
            let counted = try Row.fetchCursor(db.cachedStatement(sql: """
                INSERT INTO related_term (term, documents) SELECT key, value FROM json_each(?) WHERE true
                ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents
                RETURNING term, documents
                """), arguments: [RelatedJSON.object(added)])
            while let row = try counted.next() { frequencies[row[0]] = row[1] }
        }
        countedArticles = try Int.fetchOne(db.cachedStatement(sql: """
            INSERT INTO related_term (term, documents) VALUES ('', ?)
            ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents
            RETURNING documents
            """), arguments: [newArticles]) ?? newArticles
        // Terms only recomputed articles have (their counts do not change).
        let uncounted = terms.filter { frequencies[$0] == nil }
        if !uncounted.isEmpty {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: HotQuery.relatedTermDocuments.sql),
                                           arguments: [RelatedJSON.array(Array(uncounted))])
            while let row = try rows.next() { frequencies[row[0]] = row[1] }
        }
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
        let signature = scoring.signature(of: document.weights, documentFrequency: frequencies,
                                          documents: countedArticles)
        let searchable = signature.filter { term, _ in
            scoring.isSearchable(documentFrequency: frequencies[term] ?? 1, documents: countedArticles)
        }
        let overlaps = try overlaps(of: document.id, signature: searchable)
        let insertTerm = try db.cachedStatement(sql: """
            INSERT INTO related_signature (term, articleID, weight) VALUES (?, ?, ?)
            """)
        for (term, weight) in searchable { try insertTerm.execute(arguments: [term, id, weight]) }

        var references = RelatedReferences(db: db, scoring: scoring, limits: limits, pendingSearch: pendingSearch)
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
            lists[kind, default: []].append(RelatedList.Entry(target: headline.id, score: overlap.dot))
        }
        let writer = RelatedList(db: db, limit: limits.linksPerKind)
        try writer.replaceComputed(of: document.id, with: lists)
        for (kind, entries) in lists {
            summary.links += min(entries.count, limits.linksPerKind)
            for entry in entries.prefix(limits.linksPerKind) {
                let backlink = RelatedList.Entry(target: document.id, score: entry.score)
                if try writer.add(backlink, kind: kind, to: entry.target) { summary.backlinks += 1 }
            }
        }
    }
}

/// JSON text for lists handed to SQLite's `json_each`.
enum RelatedJSON {
    static func array(_ strings: some Collection<String>) -> String {
        var out = "["
        out.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            appendQuoted(string, to: &out)
        }
        return out + "]"
    }

    static func object(_ counts: [String: Int]) -> String {
        var out = "{"
        out.reserveCapacity(counts.reduce(2) { $0 + $1.key.utf8.count + 8 })
        for (index, (key, value)) in counts.enumerated() {
            if index > 0 { out += "," }
            appendQuoted(key, to: &out)
            out += ":"
            out += String(value)
        }
        return out + "}"
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string; most text needs no escape and is appended whole.
    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
