import Foundation

/// Runs the built `herald` executable, as a user would.
enum HeraldBinary {
    /// The repository root, found from this file's path.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: `$HERALD_BIN`, else beside the test bundle, else `.build/debug/herald`.
    static var path: String {
        let env = ProcessInfo.processInfo.environment
        if let bin = env["HERALD_BIN"], !bin.isEmpty { return bin }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("herald").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repoRoot.appendingPathComponent(".build/debug/herald").path
    }

    /// `../shared` beside the clone (as CI lays it out), else `/work/shared`; nil when absent.
    static var sharedDir: URL? {
        let candidates = [repoRoot.deletingLastPathComponent().appendingPathComponent("shared"),
                          URL(fileURLWithPath: "/work/shared")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("seeds").path) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs herald with `arguments` and an environment isolated in `home` (XDG dirs inside it).
    ///
    /// The blocking wait happens on a Dispatch thread, never on Swift concurrency's small
    /// cooperative pool (two threads on a two-core machine), which other tests need.
    static func run(_ arguments: [String], home: URL, stdin: Data? = nil, extraEnvironment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result<HeraldBinary.Result, Error> {
                    try runBlocking(arguments, home: home, stdin: stdin, extraEnvironment: extraEnvironment)
                })
            }
        }
    }

    private static func runBlocking(_ arguments: [String], home: URL, stdin: Data?, extraEnvironment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ["HOME": home.path,
                   "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                   "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                   "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                   "LANG": "C.UTF-8"]
        env.merge(extraEnvironment) { _, new in new }
        process.environment = env
        // Files, not pipes: a child spawned at the same moment by another test could inherit a
        // pipe's write end and keep it open.
        let outURL = home.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = home.appendingPathComponent("stderr-\(UUID().uuidString)")
        let inURL = home.appendingPathComponent("stdin-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        try inHandle.close()
        defer { for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) } }
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("herald-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

