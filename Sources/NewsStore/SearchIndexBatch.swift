import GRDB

/// The text of one article as the full-text index holds it, column by column.
struct SearchDocument: Equatable {
    var title: String?
    var summary: String?
    var body: String?
    var highlights: String?
}

/// The full-text index changes of one write transaction, applied together at its end.
///
/// FTS5 keeps new terms in memory until a savepoint or the commit, and any statement that opens
/// a statement journal (an insert that fires a trigger does) is such a savepoint: FTS5 then
/// writes its pending terms out as a new index segment. Interleaved with the article rows, that
/// is a segment per article, to be merged again and again; written last, in single-row
/// statements, it is one segment per import (measured: ~20% of an import's CPU time).
///
/// The index is external-content, so removing an article's terms needs the text it was indexed
/// with: that is read from `search_source` before the article's rows change, once per article
/// however often the batch rewrites it.
struct SearchIndexBatch {
    private struct Change {
        /// What the index holds for the article at the start of the batch; nil for a new article.
        var indexed: SearchDocument?
        /// What the index must hold at the end.
        var latest: SearchDocument
    }

    private var changes: [Int64: Change] = [:]
    /// Article ids in the order they were first changed.
    private var order: [Int64] = []

    /// Records `document` for a new article.
    mutating func add(_ id: Int64, _ document: SearchDocument) {
        record(id, document, indexed: nil)
    }

    /// Records `document` for a stored article; call it before the article's rows change.
    mutating func replace(_ id: Int64, with document: SearchDocument, _ db: Database) throws {
        if changes[id] == nil {
            record(id, document, indexed: try Self.indexedDocument(id, db))
        } else {
            changes[id]?.latest = document
        }
    }

    /// Writes the recorded changes: old terms out, new terms in.
    func apply(_ db: Database) throws {
        guard !order.isEmpty else { return }
        let remove = try db.cachedStatement(sql: """
            INSERT INTO search (search, rowid, title, summary, body, highlights) VALUES ('delete', ?, ?, ?, ?, ?)
            """)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO search (rowid, title, summary, body, highlights) VALUES (?, ?, ?, ?, ?)
            """)
        for id in order {
            guard let change = changes[id] else { continue }
            if let old = change.indexed {
                try remove.execute(arguments: [id, old.title, old.summary, old.body, old.highlights])
            }
            let new = change.latest
            try insert.execute(arguments: [id, new.title, new.summary, new.body, new.highlights])
        }
    }

    /// Whether no change is recorded.
    var isEmpty: Bool { order.isEmpty }

    private mutating func record(_ id: Int64, _ document: SearchDocument, indexed: SearchDocument?) {
        if changes[id] == nil { order.append(id) }
        changes[id] = Change(indexed: indexed, latest: document)
    }

    /// The document the index holds for a stored article, rebuilt from its rows.
    private static func indexedDocument(_ id: Int64, _ db: Database) throws -> SearchDocument? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT title, summary, body, highlights FROM search_source WHERE id = ?
            """), arguments: [id]).map { row in
            SearchDocument(title: row[0], summary: row[1], body: row[2], highlights: row[3])
        }
    }
}

/// The full-text index changes of a batch of feeds' writes, held back until the index is read
/// (`flush`) or the batch ends: one index segment for many feeds instead of one each.
final class PendingSearchIndex {
    /// The changes not yet applied.
    var changes = SearchIndexBatch()

    /// Applies the changes held; call it before reading the index.
    func flush(_ db: Database) throws {
        guard !changes.isEmpty else { return }
        try changes.apply(db)
        changes = SearchIndexBatch()
    }
}
