import Foundation
import GRDB
import NewsModel

/// Errors the store reports in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file exists but is not a Herald store (or not SQLite at all); it was left untouched.
    case notAStore(path: String, reason: String)
    /// Another process holds the write lock for longer than the busy timeout.
    case busy(path: String)
    case notFound(String)
    case notImplemented(String)

    public var description: String {
        switch self {
        case .notAStore(let path, let reason): return "\(path) is not a Herald store (\(reason)); it was left untouched"
        case .busy(let path): return "the store \(path) is busy: another Herald is writing to it"
        case .notFound(let what): return "not found: \(what)"
        case .notImplemented(let what): return "not implemented yet: \(what)"
        }
    }
}

/// The SQLite store. Thread-safe: every method may be called from any thread.
///
/// Files are opened as a WAL `DatabasePool` (readers never block the writer, nor the writer
/// readers); `inMemory()` is a `DatabaseQueue`. The API is split by topic:
/// `NewsStore+Feeds`, `+Articles` (lists, reading, flags), `+Upsert` (imports), `+Search`,
/// `+Related`, `+Bookmarks`, `+Maintenance`; the schema is in `NewsStore+Schema`.
public final class NewsStore: Sendable {
    /// How long a write waits for another process's write lock before `StoreError.busy`, in seconds.
    public static let defaultBusyTimeout: TimeInterval = 5

    /// The connections: a pool for files, a queue in memory.
    let writer: any DatabaseWriter
    /// The store's file, or `:memory:`.
    let path: String
    /// True for a file store: it is optimised when closed.
    private let isFile: Bool

    private init(writer: any DatabaseWriter, path: String, isFile: Bool) {
        self.writer = writer
        self.path = path
        self.isFile = isFile
    }

    deinit {
        // Refresh the planner's statistics for what this session changed (cheap: SQLite only
        // analyses tables whose size changed a lot).
        if isFile { try? writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA optimize") } }
    }

    /// Opens (creating and migrating if needed) the store at `path`, in WAL mode.
    ///
    /// A file that is not SQLite, or is SQLite without Herald's schema, gives
    /// `StoreError.notAStore` and is not written to: it is inspected read-only first.
    public static func open(path: String) throws -> NewsStore {
        try open(path: path, busyTimeout: defaultBusyTimeout)
    }

    /// Opens the store at `path`, waiting up to `busyTimeout` seconds for another writer.
    static func open(path: String, busyTimeout: TimeInterval) throws -> NewsStore {
        let isNew = try StoreFile.inspect(path: path)
        var config = configuration(busyTimeout: busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL") // durable at checkpoints; safe in WAL
            // Only takes effect in an empty file, before the first table exists.
            if isNew { try db.execute(sql: "PRAGMA page_size = \(pageSize)") }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            try migrator.migrate(pool)
            return NewsStore(writer: pool, path: path, isFile: true)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            // The file changed since it was inspected; SQLite refused it before writing.
            throw StoreError.notAStore(path: path, reason: "not an SQLite database")
        } catch {
            throw StoreError.mapping(error, path: path)
        }
    }

    /// A fresh in-memory store, for tests.
    public static func inMemory() throws -> NewsStore {
        let queue = try DatabaseQueue(configuration: configuration(busyTimeout: defaultBusyTimeout))
        try migrator.migrate(queue)
        return NewsStore(writer: queue, path: ":memory:", isFile: false)
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.label = "Herald store"
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            registerFunctions(db)
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -8192") // KiB: 8 MiB per connection instead of 2
        }
        return config
    }

    // MARK: Access

    /// Runs `body` on a reader connection, reporting a locked store as `StoreError.busy`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw StoreError.mapping(error, path: path) }
    }

    /// Runs `body` in one write transaction, reporting a locked store as `StoreError.busy`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch { throw StoreError.mapping(error, path: path) }
    }

    /// Holds the write lock while `body` runs: a test hook for `StoreError.busy`.
    func holdingWriteLock<T>(_ body: () throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "COMMIT") }
            return try body()
        }
    }
}

extension StoreError {
    /// `error` as the store reports it: SQLite's busy and locked codes become `.busy`.
    static func mapping(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        default: return error
        }
    }
}
