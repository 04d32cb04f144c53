import Foundation
import GRDB

/// Decides, without writing a byte, whether a file may be opened as a Herald store.
enum StoreFile {
    /// The first 16 bytes of every SQLite 3 database file.
    private static let sqliteMagic = Array("SQLite format 3\0".utf8)

    /// True when `path` is new (missing or empty) and gets a fresh store; false when it is
    /// already a Herald store. Throws `StoreError.notAStore` for anything else.
    static func inspect(path: String) throws -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return true }
        guard !isDirectory.boolValue else { throw StoreError.notAStore(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.notAStore(path: path, reason: "it cannot be read")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return true }
        guard header.count == 100, header.starts(with: sqliteMagic) else {
            throw StoreError.notAStore(path: path, reason: "not an SQLite database")
        }
        // The application id is bytes 68–71, big-endian. It reaches the file at the first
        // checkpoint, so a zero here may still be a Herald store: SQLite tells.
        let applicationID = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if applicationID == NewsStore.applicationID { return false }
        return try inspectSQLite(path: path)
    }

    /// Reads the application id and the table count through a read-only connection.
    private static func inspectSQLite(path: String) throws -> Bool {
        var config = Configuration()
        config.readonly = true
        let (applicationID, tableCount): (Int32, Int)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            (applicationID, tableCount) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw StoreError.notAStore(path: path, reason: "SQLite cannot read it: \(error.message ?? "\(error.resultCode)")")
        }
        if applicationID == NewsStore.applicationID { return false }
        if applicationID == 0 && tableCount == 0 { return true }
        throw StoreError.notAStore(
            path: path,
            reason: applicationID == 0 ? "an SQLite database of another program: it has tables but no Herald schema"
                : "an SQLite database of another program (application id \(applicationID))")
    }
}
