import Foundation

/// A loopback HTTP server for tests: `Tests/Support/loopback_server.py` run as a child process, serving a
/// temporary folder on 127.0.0.1 at a random port. It stops when `stop()` is called or when
/// the test process ends (it exits when its stdin closes).
final class LoopbackServer: @unchecked Sendable {
    /// One request the server saw.
    struct LoggedRequest: Decodable {
        var path: String
        /// Header names are lower-cased.
        var headers: [String: String]
    }

    /// What a path answers, written to `routes.json` (see the script's docstring).
    struct Route: Encodable {
        var file: String?
        var body: String?
        var status: Int?
        var location: String?
        var etag: String?
        var lastModified: String?
        var gzip: Bool?
        var hang: Double?
        var bytes: Int?
        var gzipBomb: Int?

        init(file: String? = nil, body: String? = nil, status: Int? = nil, location: String? = nil,
             etag: String? = nil, lastModified: String? = nil, gzip: Bool? = nil, hang: Double? = nil,
             bytes: Int? = nil, gzipBomb: Int? = nil) {
            self.file = file
            self.body = body
            self.status = status
            self.location = location
            self.etag = etag
            self.lastModified = lastModified
            self.gzip = gzip
            self.hang = hang
            self.bytes = bytes
            self.gzipBomb = gzipBomb
        }

        enum CodingKeys: String, CodingKey {
            case file, body, status, location, etag, gzip, hang, bytes
            case lastModified = "last_modified"
            case gzipBomb = "gzip_bomb"
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Support")
        .appendingPathComponent("loopback_server.py")

    /// True when python3 can be started (the tests that need the server are skipped otherwise).
    static let isAvailable: Bool = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }()

    let root: URL
    let port: Int
    private let process: Process
    private let stdin: Pipe
    private var routes: [String: Route] = [:]

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-loopback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, root.path]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "),
              let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "loopback server did not start: \(text)"])
        }
        self.port = port
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Writes a file under the document root (static files get ETag and Last-Modified).
    func write(_ path: String, _ contents: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }

    /// Makes `path` answer as `route` says.
    func route(_ path: String, _ route: Route) throws {
        routes[path] = route
        let data = try JSONEncoder().encode(routes)
        try data.write(to: root.appendingPathComponent("routes.json"), options: .atomic)
    }

    /// Every request so far, oldest first.
    func requests() -> [LoggedRequest] {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("requests.jsonl")) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONDecoder().decode(LoggedRequest.self, from: Data($0))
        }
    }

    /// Requests for `path`, oldest first.
    func requests(for path: String) -> [LoggedRequest] {
        requests().filter { $0.path == path }
    }

    func stop() {
        if process.isRunning {
            try? stdin.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: root)
    }
}
