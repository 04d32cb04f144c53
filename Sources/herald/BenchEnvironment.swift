import Foundation

/// Where the benchmarks find their tools and keep their data, and how they report progress.
struct BenchEnvironment {
    /// The `herald` binary measured (by default the one running).
    var herald: String
    /// The repository root, for `Benchmarks/serve.py`; nil when not found.
    var repo: URL?
    /// The shared folder holding `bench/gen_feeds.py`; nil when not found.
    var shared: URL?
    /// Corpora, stores and scratch files live here.
    var work: URL
    /// Measured runs per workload.
    var runs: Int
    /// Whether newsboat and sfeed run on the same data, when installed.
    var anchors: Bool
    /// Measured runs of the slower anchor workloads.
    var anchorRuns: Int

    /// Temporary files (captured output, copies of stores).
    var scratch: URL { work.appendingPathComponent("tmp") }
    /// The loopback server script.
    func serverScript() throws -> URL {
        guard let repo else { throw BenchError("cannot find Benchmarks/serve.py; pass --repo DIR") }
        return repo.appendingPathComponent("Benchmarks/serve.py")
    }

    /// The corpus generator.
    func generator() throws -> URL {
        guard let shared else {
            throw BenchError("cannot find the shared folder with bench/gen_feeds.py (../shared or /work/shared); "
                             + "pass --shared DIR")
        }
        return shared.appendingPathComponent("bench/gen_feeds.py")
    }

    /// Whether `tool` should run: anchors are on and it is installed.
    func anchorAvailable(_ tool: String) -> Bool { anchors && whichProgram(tool) != nil }

    /// Writes a progress line to standard error.
    func log(_ message: String) {
        let elapsed = String(format: "%6.1f s", BenchClock.now() - Self.started)
        FileHandle.standardError.write(Data(("bench \(elapsed): " + message + "\n").utf8))
    }

    /// When the suite started, for the progress lines.
    nonisolated(unsafe) static var started = BenchClock.now()

    /// A fresh folder under the work folder, emptied first when it exists.
    func freshFolder(_ name: String) throws -> URL {
        let folder = work.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The environment a program under test runs with: UTF-8, a 256-colour terminal, and
    /// home and configuration folders of its own so the user's files play no part.
    var childEnvironment: [String: String] {
        let home = work.appendingPathComponent("home").path
        return ["HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_DATA_HOME": home + "/.local/share",
                "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "NO_COLOR": "1"]
    }

    /// Resolves the paths the options name, or their defaults.
    static func resolve(_ options: BenchOptions) throws -> BenchEnvironment {
        let repo = options.repo.map { URL(fileURLWithPath: $0) } ?? locateRepo()
        let sharedCandidates = [options.shared, ProcessInfo.processInfo.environment["HERALD_SHARED"],
                                repo?.deletingLastPathComponent().appendingPathComponent("shared").path,
                                "/work/shared"].compactMap { $0 }
        let shared = sharedCandidates.first { FileManager.default.fileExists(atPath: $0 + "/bench/gen_feeds.py") }
        let herald = options.herald ?? executablePath()
        guard FileManager.default.isExecutableFile(atPath: herald) else {
            throw BenchError("\(herald) is not an executable")
        }
        let env = BenchEnvironment(herald: herald, repo: repo, shared: shared.map { URL(fileURLWithPath: $0) },
                                   work: URL(fileURLWithPath: options.work), runs: max(1, options.runs),
                                   anchors: !options.noAnchors, anchorRuns: max(1, options.anchorRuns))
        for folder in [env.work, env.scratch, URL(fileURLWithPath: env.childEnvironment["XDG_CONFIG_HOME"] ?? "")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        return env
    }

    /// This executable's path, from `/proc/self/exe`.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The repository: the first folder holding `Benchmarks/serve.py` above this source file or
    /// above the executable.
    static func locateRepo() -> URL? {
        let starts = [URL(fileURLWithPath: #filePath), URL(fileURLWithPath: executablePath())]
        for start in starts {
            var folder = start.deletingLastPathComponent()
            while folder.path != "/" {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Benchmarks/serve.py").path) {
                    return folder
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }
}

/// A generated corpus: a folder of feeds and its manifest, or one big feed file.
struct BenchCorpus {
    /// One feed of the manifest.
    struct FeedInfo: Decodable {
        var name: String
        var title: String
        var path: String
        var items: Int
        var bytes: Int
    }

    /// What `gen_feeds.py` writes to `manifest.json` (the fields the benchmarks use).
    struct Manifest: Decodable {
        var total_bytes: Int
        var total_items: Int
        var marker: String
        var feed_list: [FeedInfo]
    }

    var name: String
    var folder: URL
    /// Present for folder corpora.
    var manifest: Manifest?
    /// The single feed file, for `big-rss` and friends.
    var file: URL?

    /// gen_feeds.py arguments by corpus name: the README's exact ones, plus tiny ones for smoke runs.
    static let recipes: [String: [String]] = [
        "c200": ["corpus", "--feeds", "200", "--items", "50"],
        "c500": ["corpus", "--feeds", "500", "--items", "200", "--big-feed-items", "2000"],
        "big-rss": ["single", "--items", "20000", "--format", "rss"],
        "big-atom": ["single", "--items", "20000", "--format", "atom"],
        "tiny": ["corpus", "--feeds", "6", "--items", "10", "--big-feed-items", "40"],
        "tiny-rss": ["single", "--items", "200", "--format", "rss"],
    ]

    static let singleFileNames = ["big-rss": "big.rss.xml", "big-atom": "big.atom.xml", "tiny-rss": "tiny.rss.xml"]

    /// The corpus `name` under `folder` (default: the work folder's `corpus/NAME`), generated
    /// unless it is already there.
    static func ensure(_ name: String, in folder: URL? = nil, env: BenchEnvironment) throws -> BenchCorpus {
        guard let recipe = recipes[name] else {
            throw BenchError("unknown corpus \(name); known: \(recipes.keys.sorted().joined(separator: ", "))")
        }
        let out = folder ?? env.work.appendingPathComponent("corpus/\(name)")
        if let file = singleFileNames[name] {
            let path = out.appendingPathComponent(file)
            if !FileManager.default.fileExists(atPath: path.path) {
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try generate(recipe[0], target: path, arguments: Array(recipe.dropFirst()), env: env, name: name)
            }
            return BenchCorpus(name: name, folder: out, manifest: nil, file: path)
        }
        let manifestURL = out.appendingPathComponent("manifest.json")
        if !FileManager.default.fileExists(atPath: manifestURL.path) {
            try generate(recipe[0], target: out, arguments: Array(recipe.dropFirst()), env: env, name: name)
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
        return BenchCorpus(name: name, folder: out, manifest: manifest, file: nil)
    }

    /// A corpus folder generated elsewhere (with its manifest).
    static func open(folder: URL) throws -> BenchCorpus {
        let manifestURL = folder.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw BenchError("\(folder.path) has no manifest.json: generate it with herald bench corpus")
        }
        return BenchCorpus(name: folder.lastPathComponent, folder: folder,
                           manifest: try JSONDecoder().decode(Manifest.self, from: data), file: nil)
    }

    private static func generate(_ mode: String, target: URL, arguments: [String], env: BenchEnvironment,
                                 name: String) throws {
        env.log("generating \(name) into \(target.path) (gen_feeds.py \(mode) \(arguments.joined(separator: " ")))")
        let script = try env.generator().path
        let run = try ChildProcess.run(["python3", script, mode, target.path] + arguments, scratch: env.scratch)
        guard run.exit.status == 0 else {
            throw BenchError("gen_feeds.py failed (status \(run.exit.status)): \(run.stderr)")
        }
        env.log(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines) + String(format: " (%.1f s)", run.exit.wall))
    }

    /// Feeds and their paths below the corpus folder; empty for a single file.
    var feeds: [FeedInfo] { manifest?.feed_list ?? [] }
    /// Raw feed bytes.
    var totalBytes: Int { manifest?.total_bytes ?? 0 }
    var totalItems: Int { manifest?.total_items ?? 0 }
}

/// The loopback feed server (`Benchmarks/serve.py`), serving a corpus folder from memory.
final class BenchServer {
    let port: Int
    private let child: ChildProcess

    /// Starts the server on a free port and waits until it listens.
    init(serving folder: URL, env: BenchEnvironment, port: Int = 0) throws {
        let log = env.scratch.appendingPathComponent("serve-\(UUID().uuidString.prefix(8)).log")
        child = try ChildProcess.spawn(["python3", env.serverScript().path, folder.path, "--port", "\(port)"],
                                       stdout: .file(log.path), stderr: .file(log.path + ".err"))
        let deadline = BenchClock.now() + 120
        while true {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ready ") }),
               let port = Int(line.split(separator: " ")[1]) {
                self.port = port
                break
            }
            if BenchClock.now() > deadline || kill(child.pid, 0) != 0 {
                child.terminate()
                let errors = (try? String(contentsOfFile: log.path + ".err", encoding: .utf8)) ?? ""
                throw BenchError("the feed server did not start: \(errors)")
            }
            usleep(20_000)
        }
    }

    deinit { stop() }

    private var stopped = false

    func stop() {
        guard !stopped else { return }
        stopped = true
        child.terminate()
    }

    /// The URL of a corpus file (`feeds/F0001.xml`).
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// Turns 304 answers on or off.
    func setConditional(_ on: Bool) throws { _ = try request("POST", "/__bench/conditional/\(on ? "on" : "off")") }

    /// Zeroes the response counters.
    func resetStats() throws { _ = try request("POST", "/__bench/reset") }

    /// Responses by status ("200", "304", "404") and body bytes ("bytes") since the last reset.
    func stats() throws -> [String: Int] {
        let body = try request("GET", "/__bench/stats")
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
        return object.compactMapValues { $0 as? Int }
    }

    /// One HTTP/1.0 exchange over a plain socket; returns the body.
    private func request(_ method: String, _ path: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw BenchError("cannot reach the feed server on port \(port)") }
        let message = "\(method) \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"
        _ = message.withCString { send(fd, $0, strlen($0), 0) }
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: response, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.") , text.contains(" 200 ") else {
            throw BenchError("feed server: \(text.prefix(80))")
        }
        return text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }
}
