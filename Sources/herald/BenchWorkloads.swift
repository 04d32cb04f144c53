import Foundation
import NewsIngest
import NewsModel
import NewsStore
import ReaderUI

/// Parse throughput: one big feed file into entries, then into articles with blocks, on one
/// thread; sfeed on the same file when installed.
struct ParseWorkload {
    let env: BenchEnvironment
    let file: URL

    func run(into report: BenchReport) throws {
        let data = try Data(contentsOf: file)
        let megabytes = Double(data.count) / 1e6
        let limits = FeedLimits(maxBytes: max(data.count, FeedLimits.default.maxBytes), maxEntries: 10_000_000,
                                maxDepth: FeedLimits.default.maxDepth)
        var parseRates: [Double] = [], fullRates: [Double] = [], entries = 0, blocks = 0
        for run in 0...env.runs {
            env.log("parse \(file.lastPathComponent), \(run == 0 ? "warm-up" : "run \(run)/\(env.runs)")")
            let (feed, parseTime) = try BenchClock.time { try FeedParser.parse(data, baseURL: file, limits: limits) }
            let (articles, buildTime) = BenchClock.time {
                RefreshArticleBuilder.articles(from: feed, source: feed.title ?? "feed", feedURL: file)
            }
            guard run > 0 else { continue }
            entries = feed.entries.count
            blocks = articles.reduce(0) { $0 + $1.body.count }
            parseRates.append(megabytes / parseTime)
            fullRates.append(megabytes / (parseTime + buildTime))
        }
        let name = "\(file.lastPathComponent) (\(String(format: "%.0f MB", megabytes)), \(entries) entries)"
        var sfeed: BenchAnchor?
        if env.anchorAvailable("sfeed") {
            var rates: [Double] = []
            for _ in 0..<env.anchorRuns {
                let child = try ChildProcess.spawn(["sfeed"], stdin: .input(file.path))
                let exit = child.wait()
                guard exit.status == 0 else { throw BenchError("sfeed failed with status \(exit.status)") }
                rates.append(megabytes / exit.wall)
            }
            sfeed = BenchAnchor(tool: "sfeed", samples: Samples(rates))
        }
        let rss = ProcStatus.peakRSS(of: getpid()).map { BenchUnit.bytes.format(Double($0)) } ?? "?"
        report.add(BenchRow(workload: "parse \(name): entries only", unit: .megabytesPerSecond,
                            herald: Samples(parseRates), anchors: sfeed.map { [$0] } ?? []))
        report.add(BenchRow(workload: "parse \(name) into articles with blocks", unit: .megabytesPerSecond,
                            herald: Samples(fullRates), target: BenchTarget(limit: 80),
                            anchors: [sfeed ?? BenchAnchor(tool: "sfeed", quoted: "109 MB/s")],
                            note: "one thread; \(blocks) blocks; bench process peak RSS \(rss)"))
    }
}

/// Keypress to frame in-process: `reduce`, `render` and the grid diff while scrolling a big
/// headline list (synthetic rows served like store pages), for j and PgDn, at 1,000 rows and at
/// `rows` rows to show whether the cost grows with the list.
struct FrameWorkload {
    let rows: Int
    let keys: Int

    func run(into report: BenchReport) throws {
        var medians: [Int: Double] = [:]
        for count in Set([1_000, rows]).sorted() {
            for (name, action) in [("j", Action.moveDown), ("PgDn", Action.pageDown)] {
                let (total, render, diff, reduce) = try measure(count: count, action: action)
                if name == "j" { medians[count] = total.median }
                guard count == rows else { continue }
                report.add(BenchRow(
                    workload: "keypress \(name) → frame in-process (reduce + render + diff), \(count.formatted()) headlines",
                    unit: .seconds, herald: total,
                    note: "p99 \(BenchUnit.seconds.format(total.quantile(0.99))), "
                        + "render \(BenchUnit.seconds.format(render.median)), diff \(BenchUnit.seconds.format(diff.median)), "
                        + "reduce + page loads \(BenchUnit.seconds.format(reduce.median)); 120×40; \(keys) keys"))
            }
        }
        if let small = medians[1_000], let big = medians[rows], rows != 1_000 {
            report.add(BenchRow(workload: "  frame cost at \(rows.formatted()) ÷ at 1,000 headlines (flat ≈ 1)",
                                unit: .ratio, herald: Samples([big / small])))
        }
    }

    /// Per-keypress total, render, diff and reduce (with synthetic page loads) times.
    private func measure(count: Int, action: Action) throws -> (Samples, Samples, Samples, Samples) {
        var driver = BenchReaderDriver(handle: Self.syntheticHandler(rows: count))
        try driver.send(.start)
        _ = driver.frame()
        var total: [Double] = [], render: [Double] = [], diff: [Double] = [], reduce: [Double] = []
        for _ in 0..<keys {
            if driver.state.headlines.cursor.selected >= count - 1 {
                try driver.send(.top)
                _ = driver.frame()
            }
            let start = BenchClock.now()
            try driver.send(action)
            let sent = BenchClock.now()
            let frame = driver.frame()
            total.append(BenchClock.now() - start)
            reduce.append(sent - start)
            render.append(frame.render)
            diff.append(frame.diff)
        }
        return (Samples(total), Samples(render), Samples(diff), Samples(reduce))
    }

    /// Answers list effects with generated rows, as a store of `rows` headlines in 500 feeds would.
    static func syntheticHandler(rows: Int) -> BenchReaderDriver.EffectHandler {
        let now = Date()
        let feeds = (1...500).map { index in
            FeedSummary(feed: Feed(id: FeedID(Int64(index)), url: "https://site\(index).example.org/feed.xml",
                                   title: String(format: "F%04d Synthetic feed", index)),
                        unread: rows / 1_000, total: rows / 500)
        }
        return { effect in
            switch effect {
            case .loadFeeds:
                return [.feedsLoaded(feeds, unread: rows / 2)]
            case .loadHeadlines(let scope, let offset, let limit):
                let range = min(offset, rows)..<min(offset + limit, rows)
                let page = range.map { index -> Headline in
                    var news = SyntheticNews(seed: UInt64(index))
                    return Headline(id: ArticleID(Int64(index + 1)), feedID: FeedID(Int64(index % 500 + 1)),
                                    title: news.title(), source: feeds[index % 500].feed.title,
                                    date: now.addingTimeInterval(-Double(index) * 60), isRead: index % 3 == 0,
                                    isStarred: index % 17 == 0)
                }
                return [.headlinesLoaded(scope, offset: offset, rows: page, total: rows)]
            default:
                return []
            }
        }
    }
}

/// Stores of generated articles, written straight with `upsertArticles` in big batches.
struct SyntheticStores {
    let env: BenchEnvironment

    /// Feeds the articles are spread over.
    static let feedCount = 500

    /// Bigger stores are written without related stories: computing them for a million
    /// articles takes hours, and start-up, search and memory do not depend on them.
    static let relatedUpTo = 100_000

    /// A store of `size` generated articles (built once, then reused), with its build time when built now.
    func store(size: Int, report: BenchReport) throws -> String {
        let folder = env.work.appendingPathComponent("scale")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("synthetic-\(size).db").path
        if FileManager.default.fileExists(atPath: path + ".complete") {
            env.log("reusing \(path)")
            return path
        }
        StoreBuilder.removeStore(path)
        let withRelated = size <= Self.relatedUpTo
        let feeds = min(Self.feedCount, size)
        let perFeed = size / feeds
        let batch = 2_000
        env.log("generating \(size) articles into \(path) (\(feeds) feeds × \(perFeed), batches of up to \(batch))")
        var generate = 0.0, write = 0.0, related = 0.0
        let newest = Date()
        do {
            let store = try NewsStore.open(path: path)
            for feed in 0..<feeds {
                let id = try store.upsertFeed(Feed(url: "https://site\(feed).example.org/feed.xml",
                                                   title: String(format: "S%04d Synthetic feed", feed)))
                var news = SyntheticNews(seed: UInt64(feed) << 32)
                var index = 0
                while index < perFeed {
                    let count = min(batch, perFeed - index)
                    let (articles, generated) = BenchClock.time {
                        (index..<(index + count)).map { news.article(feed: feed, index: $0, newest: newest) }
                    }
                    let (summary, written) = try BenchClock.time { try store.upsertArticles(articles, feed: id) }
                    let (_, relatedTime) = BenchClock.time {
                        if withRelated { RelatedStories.update(store, ids: summary.ids) }
                    }
                    generate += generated
                    write += written
                    related += relatedTime
                    index += count
                }
                if feed % 100 == 99 { env.log("  \(feed + 1)/\(feeds) feeds, upserts so far \(Int(write)) s") }
            }
        }
        let total = feeds * perFeed
        report.add(BenchRow(workload: "  write \(total.formatted()) generated articles (upsertArticles, ≤ \(batch) per call)",
                            unit: .seconds, herald: Samples([write]),
                            note: String(format: "%.0f µs per article; generating them took %.1f s; store ",
                                         write / Double(total) * 1e6, generate)
                                + BenchUnit.bytes.format(Double(StoreBuilder.storeBytes(path)))))
        if withRelated {
            report.add(BenchRow(workload: "  related stories of \(total.formatted()) generated articles (updateRelated per batch)",
                                unit: .seconds, herald: Samples([related]),
                                note: String(format: "%.0f µs per article", related / Double(total) * 1e6)))
        }
        _ = FileManager.default.createFile(atPath: path + ".complete", contents: nil)
        return path
    }
}

/// Start-up, search and memory at several store sizes.
struct ScaleWorkload {
    let env: BenchEnvironment
    let sizes: [Int]

    func run(into report: BenchReport) throws {
        for size in sizes {
            report.attempt("scale \(size)") {
                let path = try SyntheticStores(env: env).store(size: size, report: report)
                var workload = InteractiveWorkload(env: env, store: path, label: "synthetic",
                                                   articles: try StoreBuilder.articleCount(path),
                                                   steps: [.startup, .search])
                if size <= 101_800 { workload.startupTarget = 0.040; workload.rssTarget = 30e6 }
                try workload.run(into: report)
                report.add(BenchRow(workload: "  store size, synthetic (\(size.formatted()) articles)", unit: .bytes,
                                    herald: Samples([Double(StoreBuilder.storeBytes(path))])))
            }
        }
    }
}

/// Adding 1,000 new articles to a store of 100,000 (whose related stories are computed): the
/// write, then the relatedness update `herald refresh` runs after it (`RelatedStories.update`).
struct RelatedWorkload {
    let env: BenchEnvironment
    let size: Int
    let new: Int

    func run(into report: BenchReport) throws {
        let base = try SyntheticStores(env: env).store(size: size, report: report)
        let copy = env.scratch.appendingPathComponent("related.db").path
        var writes: [Double] = [], updates: [Double] = [], linked = 0
        for run in 1...env.runs {
            env.log("related: \(new) new articles into \(size), run \(run)/\(env.runs)")
            try StoreBuilder.copyStore(base, to: copy)
            let store = try NewsStore.open(path: copy)
            let feed = try store.upsertFeed(Feed(url: "https://new.example.org/feed.xml", title: "New feed"))
            var news = SyntheticNews(seed: 0xFEED)
            let articles = (0..<new).map { news.article(feed: 9_999, index: $0, newest: Date()) }
            let (summary, write) = try BenchClock.time { try store.upsertArticles(articles, feed: feed) }
            let (problem, update) = BenchClock.time { RelatedStories.update(store, ids: summary.ids) }
            if let problem { throw BenchError(problem) }
            writes.append(write)
            updates.append(update)
            if let first = summary.ids.first, let article = try store.article(id: first) { linked = article.related.count }
        }
        StoreBuilder.removeStore(copy)
        report.add(BenchRow(workload: "upsert \(new.formatted()) new articles into a \(size.formatted())-article store",
                            unit: .seconds, herald: Samples(writes), note: "one upsertArticles call"))
        report.add(BenchRow(workload: "relatedness update for those \(new.formatted()) articles (updateRelated)",
                            unit: .seconds, herald: Samples(updates),
                            note: "RelatedStories.update, as herald refresh runs it; the first new article got \(linked) related links"))
    }
}

/// Store size against the raw feed bytes, with the biggest tables and indexes (sqlite3 dbstat).
struct StoreSizeWorkload {
    let env: BenchEnvironment

    func run(store: String, corpus: BenchCorpus, into report: BenchReport) throws {
        let bytes = Double(StoreBuilder.storeBytes(store))
        let raw = Double(max(1, corpus.totalBytes))
        var anchors = [BenchAnchor(tool: "newsboat", quoted: corpus.name == "c500" ? "1.02×" : nil),
                       BenchAnchor(tool: "sfeed", quoted: corpus.name == "c500" ? "0.86×" : nil)]
        let stores = env.work.appendingPathComponent("stores")
        let newsboat = stores.appendingPathComponent("newsboat-\(corpus.name)/cache.db").path
        if FileManager.default.fileExists(atPath: newsboat + ".complete") {
            anchors[0] = BenchAnchor(tool: "newsboat", samples: Samples([Double(StoreBuilder.storeBytes(newsboat)) / raw]))
        }
        let sfeed = Sfeed(folder: stores.appendingPathComponent("sfeed-\(corpus.name)"))
        if FileManager.default.fileExists(atPath: sfeed.folder.appendingPathComponent(".complete").path) {
            anchors[1] = BenchAnchor(tool: "sfeed", samples: Samples([Double(sfeed.bytes) / raw]))
        }
        report.add(BenchRow(workload: "store size ÷ raw feed bytes, \(corpus.name) (\(BenchUnit.bytes.format(bytes)) ÷ \(BenchUnit.bytes.format(raw)))",
                            unit: .ratio, herald: Samples([bytes / raw]), target: BenchTarget(limit: 1.0),
                            anchors: anchors))
        if whichProgram("sqlite3") != nil {
            let sql = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 12;"
            let out = try ChildProcess.run(["sqlite3", "-readonly", "-separator", "\t", store, sql], scratch: env.scratch)
            if out.exit.status == 0 {
                let lines = out.stdout.split(separator: "\n").map { line -> String in
                    let fields = line.split(separator: "\t")
                    let size = fields.count > 1 ? Double(fields[1]) ?? 0 : 0
                    return String(format: "  %-32@ %10@  %4.1f%%", String(fields.first ?? "") as NSString,
                                  BenchUnit.bytes.format(size) as NSString, size / bytes * 100)
                }
                report.details.append("Store \(corpus.name): biggest tables and indexes (sqlite3 dbstat)\n"
                                      + lines.joined(separator: "\n"))
            }
        }
    }
}

/// The whole suite, in the order the performance issue lists it.
struct BenchSuite {
    let env: BenchEnvironment
    let report: BenchReport

    func runAll(c200: String, c500: String, bigFiles: [String], frameRows: Int, frameKeys: Int,
                relatedSize: Int, scaleSizes: [Int]) throws {
        let builder = StoreBuilder(env: env)
        report.attempt("refresh \(c200)") {
            try RefreshWorkload(env: env, corpus: BenchCorpus.ensure(c200, env: env)).run(into: report)
        }
        report.attempt("interactive \(c500)") {
            let corpus = try BenchCorpus.ensure(c500, env: env)
            let store = try builder.heraldStore(for: corpus, report: report)
            try InteractiveWorkload(env: env, store: store, corpus: corpus,
                                    steps: [.startup, .search, .openFeed, .openArticle, .keypress]).run(into: report)
            if env.anchors { try AnchorStartup(env: env, corpus: corpus).run(into: report) }
            try StoreSizeWorkload(env: env).run(store: store, corpus: corpus, into: report)
        }
        if c200 != c500 {
            report.attempt("start-up \(c200)") {
                let corpus = try BenchCorpus.ensure(c200, env: env)
                let store = try builder.heraldStore(for: corpus, report: report)
                try InteractiveWorkload(env: env, store: store, corpus: corpus, steps: [.startup]).run(into: report)
                if env.anchors { try AnchorStartup(env: env, corpus: corpus).run(into: report) }
                try StoreSizeWorkload(env: env).run(store: store, corpus: corpus, into: report)
            }
        }
        for name in bigFiles {
            report.attempt("parse \(name)", unit: .megabytesPerSecond) {
                guard let file = try BenchCorpus.ensure(name, env: env).file else { return }
                try ParseWorkload(env: env, file: file).run(into: report)
            }
        }
        report.attempt("frame") { try FrameWorkload(rows: frameRows, keys: frameKeys).run(into: report) }
        report.attempt("related") { try RelatedWorkload(env: env, size: relatedSize, new: 1_000).run(into: report) }
        try ScaleWorkload(env: env, sizes: scaleSizes).run(into: report)
    }
}
