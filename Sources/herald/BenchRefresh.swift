import Foundation
import NewsIngest
import NewsModel
import NewsStore

/// The refresh workload: `herald refresh` of every feed of a corpus served on loopback, three
/// times per run — into an empty store, again with every feed answered 200, again with every
/// feed answered 304 — plus the same for newsboat and sfeed, and an in-process breakdown.
struct RefreshWorkload {
    let env: BenchEnvironment
    let corpus: BenchCorpus

    /// The three phases of one run.
    enum Phase: Int, CaseIterable {
        case empty, again200, again304

        var label: String {
            switch self {
            case .empty: return "empty store"
            case .again200: return "again, served 200"
            case .again304: return "again, server answers 304"
            }
        }

        /// The performance issue's target, in seconds.
        var target: Double {
            switch self {
            case .empty: return 1.5
            case .again200: return 1.0
            case .again304: return 0.3
            }
        }

        /// The issue's newsboat and sfeed figures on c200.
        var quoted: (newsboat: String, sfeed: String) {
            switch self {
            case .empty: return ("8.0–8.8 s", "4.4–6.8 s")
            case .again200: return ("10.0–14.2 s", "3.8–4.5 s")
            case .again304: return ("2.8–3.8 s", "4.0–4.5 s")
            }
        }
    }

    /// Wall times and costs of one tool, by phase; responses the server gave in the last run.
    struct Measured {
        var exits: [[ChildExit]] = Array(repeating: [], count: Phase.allCases.count)
        var responses: [[String: Int]] = Array(repeating: [:], count: Phase.allCases.count)

        func samples(_ phase: Phase) -> Samples { Samples(exits[phase.rawValue].map(\.wall)) }
    }

    func run(into report: BenchReport) throws {
        let server = try BenchServer(serving: corpus.folder, env: env)
        defer { server.stop() }
        let folder = try env.freshFolder("refresh")

        let herald = try measureHerald(server: server, folder: folder)
        let newsboat = env.anchorAvailable("newsboat") ? try? measureNewsboat(server: server, folder: folder) : nil
        let sfeed = env.anchorAvailable("sfeed_update") ? try? measureSfeed(server: server, folder: folder) : nil

        let megabytes = String(format: "%.1f MB", Double(corpus.totalBytes) / 1e6)
        for phase in Phase.allCases {
            var anchors: [BenchAnchor] = []
            anchors.append(newsboat.map { BenchAnchor(tool: "newsboat", samples: $0.samples(phase)) }
                ?? BenchAnchor(tool: "newsboat", quoted: corpus.name == "c200" ? phase.quoted.newsboat : nil))
            anchors.append(sfeed.map { BenchAnchor(tool: "sfeed", samples: $0.samples(phase)) }
                ?? BenchAnchor(tool: "sfeed", quoted: corpus.name == "c200" ? phase.quoted.sfeed : nil))
            let exits = herald.exits[phase.rawValue]
            let cpu = Samples(exits.map { $0.user + $0.system }).median
            var note = "peak RSS \(InteractiveWorkload.rss(exits)), CPU \(BenchUnit.seconds.format(cpu)); "
                + "server: \(Self.describe(herald.responses[phase.rawValue]))"
            for (tool, measured) in [("newsboat", newsboat), ("sfeed", sfeed)] {
                if let measured { note += "; \(tool) got \(Self.describe(measured.responses[phase.rawValue]))" }
            }
            report.add(BenchRow(
                workload: "refresh \(corpus.name) (\(corpus.feeds.count) feeds, \(corpus.totalItems) items, \(megabytes)): \(phase.label)",
                unit: .seconds, herald: herald.samples(phase),
                target: corpus.name == "c200" ? BenchTarget(limit: phase.target) : nil,
                anchors: anchors, note: note))
        }
        if newsboat != nil {
            report.details.append("newsboat ran with `reload-threads 8`; sfeed with `maxjobs=8`; Herald with its default --jobs.")
        }
        report.attempt("refresh breakdown") { try breakdown(into: report) }
    }

    /// "200: 200, 304: 0, 4.1 MB".
    static func describe(_ responses: [String: Int]) -> String {
        let bytes = BenchUnit.bytes.format(Double(responses["bytes"] ?? 0))
        return "\(responses["200"] ?? 0)×200, \(responses["304"] ?? 0)×304, \(bytes)"
    }

    // MARK: Tools

    private func measureHerald(server: BenchServer, folder: URL) throws -> Measured {
        let template = folder.appendingPathComponent("template.db").path
        try StoreBuilder.subscribe(corpus, server: server, store: template)
        let store = folder.appendingPathComponent("herald.db").path
        var measured = Measured()
        for run in 0..<env.runs {
            try StoreBuilder.copyStore(template, to: store)
            for phase in Phase.allCases {
                try server.setConditional(phase == .again304)
                try server.resetStats()
                env.log("herald refresh \(corpus.name), run \(run + 1)/\(env.runs): \(phase.label)")
                let out = try ChildProcess.run([env.herald, "refresh", "--store", store],
                                               environment: env.childEnvironment, scratch: env.scratch)
                guard out.exit.status == 0 else {
                    throw BenchError("herald refresh failed (status \(out.exit.status)): \(out.stderr.suffix(600))")
                }
                measured.exits[phase.rawValue].append(out.exit)
                measured.responses[phase.rawValue] = try server.stats()
            }
            if run == 0 {
                let stored = try StoreBuilder.corpusArticleCount(store)
                if stored != corpus.totalItems {
                    throw BenchError("herald refresh stored \(stored) of \(corpus.totalItems) articles")
                }
            }
        }
        return measured
    }

    private func measureNewsboat(server: BenchServer, folder: URL) throws -> Measured {
        let tool = Newsboat(folder: folder.appendingPathComponent("newsboat"))
        try tool.prepare(corpus, server: server)
        return try measureAnchor("newsboat", server: server, argv: tool.reloadArgv, environment: [:],
                                 reset: { tool.removeCache() })
    }

    private func measureSfeed(server: BenchServer, folder: URL) throws -> Measured {
        let tool = Sfeed(folder: folder.appendingPathComponent("sfeed"))
        try tool.prepare(corpus, server: server)
        return try measureAnchor("sfeed", server: server, argv: tool.updateArgv, environment: tool.environment,
                                 reset: { try tool.removeFeeds() })
    }

    private func measureAnchor(_ name: String, server: BenchServer, argv: [String], environment: [String: String],
                               reset: () throws -> Void) throws -> Measured {
        var measured = Measured()
        for run in 0..<env.anchorRuns {
            try reset()
            for phase in Phase.allCases {
                try server.setConditional(phase == .again304)
                try server.resetStats()
                env.log("\(name) refresh \(corpus.name), run \(run + 1)/\(env.anchorRuns): \(phase.label)")
                let out = try ChildProcess.run(argv, environment: env.childEnvironment.merging(environment) { $1 },
                                               scratch: env.scratch)
                guard out.exit.status == 0 else {
                    throw BenchError("\(name) failed (status \(out.exit.status)): \(out.stderr.suffix(300))")
                }
                measured.exits[phase.rawValue].append(out.exit)
                measured.responses[phase.rawValue] = try server.stats()
            }
        }
        return measured
    }

    // MARK: In-process breakdown

    /// The refresh pipeline's stages on one thread, from the corpus files (no HTTP): parse,
    /// build articles (HTML to blocks, highlights), prepare and write to an empty store, related
    /// stories (inputs, then the store's update), write again. Wall and CPU time each: on a
    /// loaded machine the CPU time is the figure to trust.
    func breakdown(into report: BenchReport) throws {
        let folder = try env.freshFolder("refresh-breakdown")
        var parse = (wall: 0.0, cpu: 0.0), build = (wall: 0.0, cpu: 0.0)
        var batches: [(url: String, articles: [Article])] = []
        env.log("in-process breakdown of \(corpus.name): parse and build")
        for feed in corpus.feeds {
            let file = corpus.folder.appendingPathComponent(feed.path)
            let data = try Data(contentsOf: file)
            let (parsed, parseWall, parseCPU) = try BenchClock.measure { try FeedParser.parse(data, baseURL: file) }
            let (articles, buildWall, buildCPU) = BenchClock.measure {
                RefreshArticleBuilder.articles(from: parsed, source: feed.title, feedURL: file)
            }
            parse.wall += parseWall
            parse.cpu += parseCPU
            build.wall += buildWall
            build.cpu += buildCPU
            batches.append((file.absoluteString, articles))
        }
        env.log("in-process breakdown of \(corpus.name): store writes")
        let path = folder.appendingPathComponent("breakdown.db").path
        let store = try NewsStore.open(path: path)
        var ids: [FeedID] = []
        for batch in batches { ids.append(try store.upsertFeed(Feed(url: batch.url, title: batch.url))) }
        var stored: [[ArticleID]] = []
        // As `herald refresh` runs it: prepared in the parallel part, then written.
        let (prepared, prepareWall, prepareCPU) = try BenchClock.measure {
            try zip(batches, ids).map { batch, id in try store.prepareArticles(batch.articles, feed: id) }
        }
        let (_, firstWall, firstCPU) = try BenchClock.measure {
            for batch in prepared { stored.append(try store.upsertArticles(batch).ids) }
        }
        env.log("in-process breakdown of \(corpus.name): related stories")
        // As `herald refresh` runs it: inputs in the parallel part, then the store's update.
        let (inputs, inputsWall, inputsCPU) = BenchClock.measure {
            batches.map { RelatedStories.inputs(of: $0.articles) }
        }
        let (_, relatedWall, relatedCPU) = BenchClock.measure {
            for (ids, inputs) in zip(stored, inputs) { RelatedStories.update(store, ids: ids, inputs: inputs) }
        }
        let (_, secondWall, secondCPU) = try BenchClock.measure {
            for (batch, id) in zip(batches, ids) { _ = try store.upsertArticles(batch.articles, feed: id) }
        }
        env.log("in-process breakdown of \(corpus.name): batched writes")
        // The serial writer as `herald refresh` runs it: articles and related stories of
        // `writeBatch` feeds per transaction, into another empty store.
        let batched = try NewsStore.open(path: folder.appendingPathComponent("batched.db").path)
        let feedArticles = try zip(batches, inputs).map { batch, inputs in
            let id = try batched.upsertFeed(Feed(url: batch.url, title: batch.url))
            return FeedArticles(articles: try batched.prepareArticles(batch.articles, feed: id), related: inputs)
        }
        let writeBatch = Refresher.defaultWriteBatch
        let (failures, batchedWall, batchedCPU) = BenchClock.measure {
            stride(from: 0, to: feedArticles.count, by: writeBatch).reduce(0) { failures, start in
                let chunk = Array(feedArticles[start..<min(start + writeBatch, feedArticles.count)])
                return failures + batched.upsertArticles(chunk, scoring: RelatedStories.scorer).filter { result in
                    if case .success(let stored) = result { stored.relatedError != nil } else { true }
                }.count
            }
        }
        if failures > 0 { throw BenchError("batched writes: \(failures) feeds failed") }
        let megabytes = Double(corpus.totalBytes) / 1e6
        let items = Double(max(1, corpus.totalItems))
        let stage = { (name: String, wall: Double, cpu: Double) in
            BenchRow(workload: "  \(corpus.name) in-process, one thread: \(name)", unit: .seconds,
                     herald: Samples([wall]),
                     note: String(format: "CPU %.2f s; %.0f µs CPU per item, %.0f MB/s of feed bytes per CPU second",
                                  cpu, cpu / items * 1e6, megabytes / cpu))
        }
        report.add(stage("parse (FeedParser)", parse.wall, parse.cpu))
        report.add(stage("build articles (HTML → blocks, highlights)", build.wall, build.cpu))
        report.add(stage("prepareArticles (clean, encode, compress, index text)", prepareWall, prepareCPU))
        report.add(stage("upsertArticles (prepared) into an empty store", firstWall, firstCPU))
        report.add(stage("related inputs (term weights, body links)", inputsWall, inputsCPU))
        report.add(stage("related stories (updateRelated, per feed)", relatedWall, relatedCPU))
        report.add(stage("upsertArticles again (same items)", secondWall, secondCPU))
        report.add(stage("serial writer as refresh runs it (upsert + related, \(writeBatch) feeds per transaction)",
                         batchedWall, batchedCPU))
    }
}
