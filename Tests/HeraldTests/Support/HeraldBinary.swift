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
    static func run(_ arguments: [String], home: URL, stdin: Data? = nil, extraEnvironment: [String: String] = [:]) throws -> Result {
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
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        let errData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("herald-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Data written by one thread and read by another after a join.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
