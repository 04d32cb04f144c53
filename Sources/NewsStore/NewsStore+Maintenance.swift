import Foundation
import GRDB
import NewsModel

extension NewsStore {
    /// Refreshes the query planner's statistics where they are stale (`PRAGMA optimize`).
    /// Runs by itself after large imports and when the store is closed.
    public func optimize() throws {
        do {
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA optimize") }
        } catch {
            throw StoreError.mapping(error, path: path)
        }
    }

    /// Compacts the store: merges the search index into one segment, then rewrites the file
    /// without free pages. Takes seconds on a large store; for an explicit maintenance command.
    public func vacuum() throws {
        do {
            try writer.write { try $0.execute(sql: "INSERT INTO search (search) VALUES ('optimize')") }
            try writer.vacuum()
        } catch {
            throw StoreError.mapping(error, path: path)
        }
    }

    /// Problems found by SQLite's integrity check, the foreign-key check and a check of the search
    /// index against the stored articles; empty when the store is sound. Reads everything: slow.
    public func integrityCheck() throws -> [String] {
        try write { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += foreignKeys.map { "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? 0)" }
            do {
                try db.execute(sql: "INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
            } catch let error as DatabaseError {
                problems.append("search index: \(error.message ?? "\(error.resultCode)")")
            }
            return problems
        }
    }

    /// Sizes of the store, for reports and benchmarks.
    public func statistics() throws -> StoreStatistics {
        try read { db in
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let articles = try Int.fetchOne(db, sql: "SELECT sum(totalCount) FROM feed") ?? 0
            return StoreStatistics(articles: articles, pageSize: pageSize, bytes: pages * pageSize,
                                   freeBytes: free * pageSize)
        }
    }
}

/// Sizes of a store.
public struct StoreStatistics: Hashable, Sendable {
    public var articles: Int
    /// SQLite page size, in bytes.
    public var pageSize: Int
    /// Size of the main database file, in bytes (the WAL not included).
    public var bytes: Int
    /// Bytes of free pages that a vacuum would give back.
    public var freeBytes: Int
}
