import ArgumentParser
import Foundation

/// `herald bench …`: the performance suite of the performance issue, run on this machine.
///
/// Each workload prints a table row: Herald's median (min–max) over the runs, the target, and
/// newsboat's and sfeed's figures on the same data when they are installed. Interactive figures
/// come from the real binary driven in tmux; the rest from child processes or in-process calls.
/// Not a test: `bench smoke` is the tiny run CI uses to prove the suite still works.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the performance benchmarks (see Benchmarks/README.md).",
        subcommands: [
            BenchAll.self, BenchSmoke.self, BenchCorpusCommand.self, BenchServe.self, BenchRefresh.self, BenchIngest.self,
            BenchInteractive.self, BenchStartup.self, BenchSearch.self, BenchOpenFeed.self, BenchOpenArticle.self,
            BenchParse.self, BenchFrame.self, BenchRelated.self, BenchScale.self, BenchStoreSize.self,
        ])
}

/// Options every benchmark takes.
struct BenchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for corpora, stores and scratch files.", valueName: "dir"))
    var work = "/tmp/herald-bench"

    @Option(help: "Measured runs per workload.")
    var runs = 5

    @Option(help: ArgumentHelp("The herald binary to measure (default: this one).", valueName: "path"))
    var herald: String?

    @Option(help: ArgumentHelp("The shared folder with bench/gen_feeds.py (default: ../shared or /work/shared).",
                               valueName: "dir"))
    var shared: String?

    @Option(help: ArgumentHelp("The repository (for Benchmarks/serve.py).", valueName: "dir"))
    var repo: String?

    @Flag(help: "Do not run newsboat and sfeed even when installed.")
    var noAnchors = false

    @Option(help: "Measured runs of newsboat and sfeed on the slow workloads.")
    var anchorRuns = 3

    @Option(help: "Output format: text, markdown or json.")
    var format: BenchFormat = .text

    @Option(help: ArgumentHelp("Also append the report to this file.", valueName: "file"))
    var output: String?
}

enum BenchFormat: String, ExpressibleByArgument {
    case text, markdown, json
}

/// Collects rows and details, and prints them at the end.
final class BenchReport {
    var rows: [BenchRow] = []
    /// Breakdowns and profiles printed after the table.
    var details: [String] = []

    func add(_ row: BenchRow) { rows.append(row) }
    func add(_ rows: [BenchRow]) { self.rows += rows }

    /// Runs `body`; when it fails, records a row saying so instead of stopping the suite.
    func attempt(_ workload: String, unit: BenchUnit = .seconds, _ body: () throws -> Void) {
        do {
            try body()
        } catch {
            rows.append(BenchRow(workload: workload, unit: unit, herald: nil, note: "failed: \(error)"))
        }
    }

    /// Prints the report and appends it to `--output`.
    func finish(_ options: BenchOptions, title: String, env: BenchEnvironment?) throws {
        var text: String
        switch options.format {
        case .text:
            text = BenchTable.text(rows, title: title)
            if !details.isEmpty { text += "\n" + details.joined(separator: "\n\n") + "\n" }
        case .markdown:
            text = BenchTable.markdown(rows, title: title)
            if !details.isEmpty {
                text += "\n" + details.map { "```\n\($0)\n```" }.joined(separator: "\n\n") + "\n"
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            struct Document: Encodable { var title: String; var rows: [BenchRow]; var details: [String] }
            let data = try encoder.encode(Document(title: title, rows: rows, details: details))
            text = String(decoding: data, as: UTF8.self) + "\n"
        }
        print(text, terminator: "")
        if let path = options.output {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        }
        if let env {
            env.log("done; figures above (\(rows.count) rows)")
        }
    }
}

/// A title naming the binary, the machine and the date.
func benchTitle(_ what: String, env: BenchEnvironment) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let build = env.herald.contains("/release/") ? "release" : env.herald.contains("/debug/") ? "DEBUG build" : "build?"
    return "Herald \(what) — \(formatter.string(from: Date())), \(cores) cores (\(cpu)), \(build), "
        + "\(env.runs) runs"
}

// MARK: - Subcommands

struct BenchCorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Generate a corpus with gen_feeds.py (c200, c500, big-rss, big-atom).")
    @OptionGroup var options: BenchOptions
    @Option(help: "c200, c500, big-rss, big-atom, tiny or tiny-rss.") var name: String
    @Option(help: ArgumentHelp("Where to write it (default: <work>/corpus/<name>).", valueName: "dir"))
    var out: String?

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let corpus = try BenchCorpus.ensure(name, in: out.map { URL(fileURLWithPath: $0) }, env: env)
        print(corpus.file?.path ?? corpus.folder.path)
    }
}

struct BenchServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve a corpus folder on loopback (ETag, Last-Modified, 304) until interrupted.")
    @OptionGroup var options: BenchOptions
    @Argument(help: "The corpus folder.") var dir: String
    @Option(help: "The port.") var port = 8765

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let server = try BenchServer(serving: URL(fileURLWithPath: dir), env: env, port: port)
        print("serving \(dir) on http://127.0.0.1:\(server.port)/ (Ctrl-C stops)")
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}

struct BenchRefresh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh", abstract: "Refresh a corpus three times: empty store, again with 200, again with 304.")
    @OptionGroup var options: BenchOptions
    @Option(help: ArgumentHelp("A corpus folder (default: generate c200).", valueName: "dir")) var corpus: String?

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        let corpus = try corpus.map { try BenchCorpus.open(folder: URL(fileURLWithPath: $0)) }
            ?? BenchCorpus.ensure("c200", env: env)
        report.attempt("refresh \(corpus.name)") { try RefreshWorkload(env: env, corpus: corpus).run(into: report) }
        try report.finish(options, title: benchTitle("refresh", env: env), env: env)
    }
}

struct BenchIngest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "The refresh pipeline's stages in-process on one thread (parse, build, store), wall and CPU time.")
    @OptionGroup var options: BenchOptions
    @Option(help: ArgumentHelp("A corpus folder (default: generate c200).", valueName: "dir")) var corpus: String?

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        let corpus = try corpus.map { try BenchCorpus.open(folder: URL(fileURLWithPath: $0)) }
            ?? BenchCorpus.ensure("c200", env: env)
        report.attempt("ingest \(corpus.name)") { try RefreshWorkload(env: env, corpus: corpus).breakdown(into: report) }
        try report.finish(options, title: benchTitle("ingest stages", env: env), env: env)
    }
}

/// Options of the interactive workloads.
struct InteractiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store to open (default: build one from c500 with herald refresh).",
                               valueName: "file"))
    var store: String?
    @Option(help: "The corpus the store holds, when building it (c200 or c500).") var corpus = "c500"
}

/// Runs the interactive session and keeps the rows of `steps`.
private func runInteractive(_ options: BenchOptions, _ interactive: InteractiveOptions,
                            steps: Set<InteractiveWorkload.Step>, title: String) throws {
    let env = try BenchEnvironment.resolve(options)
    let report = BenchReport()
    report.attempt(title) {
        let store: String
        let corpus = try BenchCorpus.ensure(interactive.corpus, env: env)
        if let given = interactive.store {
            store = given
        } else {
            store = try StoreBuilder(env: env).heraldStore(for: corpus, report: report)
        }
        try InteractiveWorkload(env: env, store: store, corpus: corpus, steps: steps).run(into: report)
        if env.anchors, steps.contains(.startup) {
            try AnchorStartup(env: env, corpus: corpus).run(into: report)
        }
    }
    try report.finish(options, title: benchTitle(title, env: env), env: env)
}

struct BenchInteractive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interactive",
        abstract: "Start-up, search, open feed, open article and key latency in one tmux session per run.")
    @OptionGroup var options: BenchOptions
    @OptionGroup var interactive: InteractiveOptions
    func run() async throws {
        try runInteractive(options, interactive, steps: [.startup, .search, .openFeed, .openArticle, .keypress],
                           title: "interactive")
    }
}

struct BenchStartup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup", abstract: "Cold start to the first screen with a known headline (tmux).")
    @OptionGroup var options: BenchOptions
    @OptionGroup var interactive: InteractiveOptions
    func run() async throws { try runInteractive(options, interactive, steps: [.startup], title: "start-up") }
}

struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search \"heliotrope\" in the reader until results show (tmux and in-process).")
    @OptionGroup var options: BenchOptions
    @OptionGroup var interactive: InteractiveOptions
    func run() async throws { try runInteractive(options, interactive, steps: [.search], title: "search") }
}

struct BenchOpenFeed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open-feed", abstract: "Open the 2,000-item feed until its headlines show (tmux and in-process).")
    @OptionGroup var options: BenchOptions
    @OptionGroup var interactive: InteractiveOptions
    func run() async throws { try runInteractive(options, interactive, steps: [.openFeed], title: "open a feed") }
}

struct BenchOpenArticle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open-article", abstract: "Open an article until its body shows (tmux and in-process).")
    @OptionGroup var options: BenchOptions
    @OptionGroup var interactive: InteractiveOptions
    func run() async throws {
        try runInteractive(options, interactive, steps: [.openFeed, .openArticle], title: "open an article")
    }
}

struct BenchParse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Parse one big feed file into articles with blocks (MB/s).")
    @OptionGroup var options: BenchOptions
    @Argument(help: "The feed file (default: generate big-rss).") var file: String?

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        report.attempt("parse", unit: .megabytesPerSecond) {
            let path = try file ?? BenchCorpus.ensure("big-rss", env: env).file?.path ?? ""
            try ParseWorkload(env: env, file: URL(fileURLWithPath: path)).run(into: report)
        }
        try report.finish(options, title: benchTitle("parse", env: env), env: env)
    }
}

struct BenchFrame: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame", abstract: "Keypress to frame (reduce + render + diff) scrolling a big headline list, in-process.")
    @OptionGroup var options: BenchOptions
    @Option(help: "Headlines in the list.") var rows = 100_000
    @Option(help: "Keypresses measured per key kind.") var keys = 2_000

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        report.attempt("frame") { try FrameWorkload(rows: rows, keys: keys).run(into: report) }
        try report.finish(options, title: benchTitle("frame", env: env), env: env)
    }
}

struct BenchRelated: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related", abstract: "Relatedness update for 1,000 new articles into a 100k store.")
    @OptionGroup var options: BenchOptions
    @Option(help: "Articles already in the store.") var size = 100_000
    @Option(help: "New articles added.") var new = 1_000

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        report.attempt("related") { try RelatedWorkload(env: env, size: size, new: new).run(into: report) }
        try report.finish(options, title: benchTitle("relatedness", env: env), env: env)
    }
}

struct BenchScale: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale", abstract: "Start-up, search and memory at 10k / 100k / 1M generated articles.")
    @OptionGroup var options: BenchOptions
    @Option(help: "Store sizes, in articles, comma-separated.") var sizes = "10000,100000,1000000"

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        report.attempt("scale") { try ScaleWorkload(env: env, sizes: counts).run(into: report) }
        try report.finish(options, title: benchTitle("scale", env: env), env: env)
    }
}

struct BenchStoreSize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-size", abstract: "Store size against the raw feed bytes, with a per-table breakdown.")
    @OptionGroup var options: BenchOptions
    @Option(help: ArgumentHelp("The store (default: build one from the corpus).", valueName: "file")) var store: String?
    @Option(help: "The corpus the store holds (c200 or c500).") var corpus = "c200"

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        report.attempt("store size", unit: .ratio) {
            let corpus = try BenchCorpus.ensure(corpus, env: env)
            let path = try store ?? StoreBuilder(env: env).heraldStore(for: corpus, report: report)
            try StoreSizeWorkload(env: env).run(store: path, corpus: corpus, into: report)
        }
        try report.finish(options, title: benchTitle("store size", env: env), env: env)
    }
}

struct BenchAll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Every workload of the performance issue (tens of minutes).")
    @OptionGroup var options: BenchOptions
    @Option(help: "Scale sizes, in articles, comma-separated.") var sizes = "10000,100000,1000000"

    func run() async throws {
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        let scale = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try BenchSuite(env: env, report: report).runAll(c200: "c200", c500: "c500", bigFiles: ["big-rss", "big-atom"],
                                                        frameRows: 100_000, frameKeys: 2_000,
                                                        relatedSize: 100_000, scaleSizes: scale)
        try report.finish(options, title: benchTitle("benchmarks", env: env), env: env)
    }
}

struct BenchSmoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smoke", abstract: "A tiny run of every workload (seconds): proves the suite works, measures nothing.")
    @OptionGroup var options: BenchOptions

    func run() async throws {
        var options = options
        options.runs = 1
        options.noAnchors = true
        if options.work == "/tmp/herald-bench" { options.work = "/tmp/herald-bench-smoke" }
        let env = try BenchEnvironment.resolve(options)
        let report = BenchReport()
        try BenchSuite(env: env, report: report).runAll(c200: "tiny", c500: "tiny", bigFiles: ["tiny-rss"],
                                                        frameRows: 2_000, frameKeys: 100,
                                                        relatedSize: 1_000, scaleSizes: [1_000])
        try report.finish(options, title: benchTitle("smoke run (not a measurement)", env: env), env: env)
        let failed = report.rows.filter { $0.herald == nil && $0.note?.hasPrefix("failed") == true }
        if !failed.isEmpty {
            FileHandle.standardError.write(Data("bench smoke: \(failed.count) workload(s) failed\n".utf8))
            throw ExitCode.failure
        }
    }
}
