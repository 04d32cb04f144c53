import Foundation
import NewsIngest
import NewsModel
import NewsStore

/// Builds (once) the stores the interactive workloads open: Herald's with `herald refresh`,
/// newsboat's cache with `newsboat -x reload`, sfeed's files with `sfeed_update`, each from the
/// same corpus served on loopback. A finished store gets a `.complete` file beside it and is
/// reused by later runs.
struct StoreBuilder {
    let env: BenchEnvironment

    private var folder: URL { env.work.appendingPathComponent("stores") }

    /// Herald's store holding `corpus`.
    func heraldStore(for corpus: BenchCorpus, report: BenchReport) throws -> String {
        let path = folder.appendingPathComponent("\(corpus.name).db").path
        if FileManager.default.fileExists(atPath: path + ".complete") {
            env.log("reusing \(path)")
            return path
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        Self.removeStore(path)
        let server = try BenchServer(serving: corpus.folder, env: env)
        defer { server.stop() }
        try Self.subscribe(corpus, server: server, store: path)
        env.log("refreshing \(corpus.name) into \(path) with herald refresh")
        let run = try ChildProcess.run([env.herald, "refresh", "--store", path], environment: env.childEnvironment,
                                       scratch: env.scratch)
        guard run.exit.status == 0 else {
            throw BenchError("herald refresh of \(corpus.name) failed (status \(run.exit.status)): "
                             + String(run.stderr.suffix(600)))
        }
        let stored = try Self.corpusArticleCount(path)
        report.add(BenchRow(
            workload: "refresh \(corpus.name) into an empty store (builds the store; 1 run)", unit: .seconds,
            herald: Samples([run.exit.wall]),
            note: "\(stored) of \(corpus.totalItems) articles stored; peak RSS \(InteractiveWorkload.rss([run.exit])), "
                + String(format: "CPU %.2f s user + %.2f s system", run.exit.user, run.exit.system)))
        _ = FileManager.default.createFile(atPath: path + ".complete", contents: nil)
        return path
    }

    /// newsboat's files holding `corpus` (reloaded once).
    func newsboat(for corpus: BenchCorpus, report: BenchReport) throws -> Newsboat {
        let tool = Newsboat(folder: folder.appendingPathComponent("newsboat-\(corpus.name)"))
        if FileManager.default.fileExists(atPath: tool.cache + ".complete") { return tool }
        try? FileManager.default.removeItem(at: tool.folder)
        let server = try BenchServer(serving: corpus.folder, env: env)
        defer { server.stop() }
        try tool.prepare(corpus, server: server)
        env.log("reloading \(corpus.name) with newsboat into \(tool.cache)")
        let run = try ChildProcess.run(tool.reloadArgv, environment: env.childEnvironment, scratch: env.scratch)
        guard run.exit.status == 0 else { throw BenchError("newsboat reload failed: \(run.stderr.suffix(400))") }
        report.details.append("newsboat reload of \(corpus.name) into an empty cache: "
                              + String(format: "%.1f s (built its cache)", run.exit.wall))
        _ = FileManager.default.createFile(atPath: tool.cache + ".complete", contents: nil)
        return tool
    }

    /// sfeed's files holding `corpus` (updated once).
    func sfeed(for corpus: BenchCorpus, report: BenchReport) throws -> Sfeed {
        let tool = Sfeed(folder: folder.appendingPathComponent("sfeed-\(corpus.name)"))
        let done = tool.folder.appendingPathComponent(".complete").path
        if FileManager.default.fileExists(atPath: done) { return tool }
        try? FileManager.default.removeItem(at: tool.folder)
        let server = try BenchServer(serving: corpus.folder, env: env)
        defer { server.stop() }
        try tool.prepare(corpus, server: server)
        env.log("updating \(corpus.name) with sfeed_update into \(tool.feeds)")
        let run = try ChildProcess.run(tool.updateArgv, environment: env.childEnvironment.merging(tool.environment) { $1 },
                                       scratch: env.scratch)
        guard run.exit.status == 0 else { throw BenchError("sfeed_update failed: \(run.stderr.suffix(400))") }
        report.details.append("sfeed_update of \(corpus.name) into an empty folder: "
                              + String(format: "%.1f s (built its files)", run.exit.wall))
        _ = FileManager.default.createFile(atPath: done, contents: nil)
        return tool
    }

    // MARK: Helpers

    /// Creates the store at `path` with every feed of `corpus` subscribed and no articles. Each
    /// feed's title is its URL, the placeholder `herald add` uses, so a refresh names it.
    ///
    /// Made as a user's first `herald add` makes it: with the sample library, and with planner
    /// statistics from when it held only that (a store is analysed when closed). A store without
    /// them once hid a query plan that made a user's first refresh 20 times slower.
    static func subscribe(_ corpus: BenchCorpus, server: BenchServer, store path: String) throws {
        let store = try StoreLocation.open(path: path)
        for feed in corpus.feeds {
            let url = server.url(feed.path)
            _ = try store.upsertFeed(Feed(url: url, title: url))
        }
    }

    /// Articles in the store at `path`.
    static func articleCount(_ path: String) throws -> Int {
        try NewsStore.open(path: path).headlineCount(.all)
    }

    /// Articles in the store at `path` besides the sample library `subscribe` put there.
    static func corpusArticleCount(_ path: String) throws -> Int {
        try articleCount(path) - SampleLibrary.articles().count
    }

    /// Removes a store with its WAL and shared-memory files.
    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm", ".complete"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Copies a closed store (and its WAL, if any) to `target`.
    static func copyStore(_ path: String, to target: String) throws {
        removeStore(target)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: target + suffix)
        }
    }

    /// Bytes of the store's file and its WAL.
    static func storeBytes(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? nil
            return total + (size ?? 0)
        }
    }
}

/// newsboat 2.x on a corpus: a urls file, a cache and a config with 8 reload threads (as many
/// parallel fetches as Herald's and sfeed's defaults).
struct Newsboat {
    let folder: URL
    var urls: String { folder.appendingPathComponent("urls").path }
    var cache: String { folder.appendingPathComponent("cache.db").path }
    var config: String { folder.appendingPathComponent("config").path }

    func prepare(_ corpus: BenchCorpus, server: BenchServer) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try corpus.feeds.map { server.url($0.path) + "\n" }.joined().write(toFile: urls, atomically: true, encoding: .utf8)
        try "reload-threads 8\n".write(toFile: config, atomically: true, encoding: .utf8)
    }

    var reloadArgv: [String] { ["newsboat", "-x", "reload", "-u", urls, "-c", cache, "-C", config] }
    var interfaceArgv: [String] { ["newsboat", "-u", urls, "-c", cache, "-C", config] }

    /// Removes the cache (and its lock), for a refresh into an empty cache.
    func removeCache() {
        for suffix in ["", ".lock", "-journal"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
    }
}

/// sfeed 1.x on a corpus: an sfeedrc with 8 jobs and a folder of TSV feed files.
struct Sfeed {
    let folder: URL
    var rc: String { folder.appendingPathComponent("sfeedrc").path }
    var feeds: String { folder.appendingPathComponent("feeds").path }
    var environment: [String: String] { ["SFEEDPATH": feeds, "SFEED_MAXJOBS": "8"] }

    func prepare(_ corpus: BenchCorpus, server: BenchServer) throws {
        try FileManager.default.createDirectory(atPath: feeds, withIntermediateDirectories: true)
        var text = "sfeedpath=\"$SFEEDPATH\"\nmaxjobs=\"$SFEED_MAXJOBS\"\nfeeds() {\n"
        for feed in corpus.feeds { text += "\tfeed \"\(feed.name)\" \"\(server.url(feed.path))\"\n" }
        text += "}\n"
        try text.write(toFile: rc, atomically: true, encoding: .utf8)
    }

    var updateArgv: [String] { ["sfeed_update", rc] }

    /// `sfeed_curses` over every feed file.
    var interfaceArgv: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: feeds)) ?? []
        return ["sfeed_curses"] + names.filter { !$0.hasPrefix(".") }.sorted().map { feeds + "/" + $0 }
    }

    /// Empties the feed files, for an update into an empty folder.
    func removeFeeds() throws {
        try? FileManager.default.removeItem(atPath: feeds)
        try FileManager.default.createDirectory(atPath: feeds, withIntermediateDirectories: true)
    }

    /// Bytes of the feed files.
    var bytes: Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: feeds)) ?? []
        return names.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: feeds + "/" + name)[.size] as? Int) ?? 0)
        }
    }
}
