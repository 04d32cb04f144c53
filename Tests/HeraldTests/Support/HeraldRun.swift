import Foundation

/// Runs the built `herald` executable (`HeraldBinary.path`) against a temporary store, for the
/// refresh and import tests.
struct HeraldRun {
    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    static var path: String { HeraldBinary.path }

    /// True when the binary has been built (`swift build`); end-to-end tests are skipped otherwise.
    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// A fresh folder holding the store for one test.
    let folder: URL
    var storePath: String { folder.appendingPathComponent("herald.db").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Runs `herald <arguments> --store <store>` and waits for it without blocking a thread
    /// (blocking would starve Swift concurrency's small thread pool and stall other tests).
    @discardableResult
    func run(_ arguments: [String]) async throws -> Run {
        try await Self.execute(Self.path, arguments + ["--store", storePath], in: folder)
    }

    /// Runs `executable` with its output captured in files under `folder`, colours off and
    /// `XDG_DATA_HOME` inside `folder`.
    static func execute(_ executable: String, _ arguments: [String], in folder: URL,
                        environment extra: [String: String] = [:]) async throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["XDG_DATA_HOME"] = folder.path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Run(status: status,
                   stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
