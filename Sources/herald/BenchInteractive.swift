import Foundation
import NewsModel
import NewsStore
import ReaderUI

/// The interactive workloads, measured on the real binary in tmux: launch until the first
/// screen shows the newest headline, search until a hit shows, open the biggest feed until its
/// headlines show, open an article until its body shows, and keypress-to-output latency. Each
/// run is a fresh process; the first run warms the page cache and is not counted. The same
/// steps are also timed in-process (store calls + reduce + render) to split the time.
struct InteractiveWorkload {
    enum Step: Hashable {
        case startup, search, openFeed, openArticle, keypress
    }

    let env: BenchEnvironment
    let store: String
    /// Names the rows ("c500 (101,800 articles)").
    let label: String
    let steps: Set<Step>
    /// Targets from the issue for this store, in seconds and bytes.
    var startupTarget: Double?
    var rssTarget: Double?

    init(env: BenchEnvironment, store: String, corpus: BenchCorpus, steps: Set<Step>) {
        self.init(env: env, store: store, label: corpus.name, articles: corpus.totalItems, steps: steps)
        switch corpus.name {
        case "c500": startupTarget = 0.040; rssTarget = 30e6
        case "c200": startupTarget = 0.030
        default: break
        }
    }

    init(env: BenchEnvironment, store: String, label: String, articles: Int, steps: Set<Step>) {
        self.env = env
        self.store = store
        self.label = "\(label) (\(articles.formatted()) articles)"
        self.steps = steps
    }

    /// What the screens will show, read from the store before the runs.
    struct Plan {
        /// A piece of the newest headline: the first screen shows it.
        var firstScreen: String
        /// Pieces of the first search hits, in rank order.
        var searchHits: [String]
        /// Where the biggest feed stands in the feed list (views first), and its headline count.
        var feedIndex: Int
        var feedSize: Int
        /// Pieces of the biggest feed's first headlines.
        var feedHeadlines: [String]
        /// A piece of the body of that feed's first article.
        var articleBody: String?
        var feedID: FeedID?
    }

    static let query = "heliotrope"

    func plan() throws -> Plan {
        let store = try NewsStore.open(path: self.store)
        guard let newest = try store.headlines(.all, offset: 0, limit: 20).lazy.compactMap({ ScreenMarker.of($0.title) }).first
        else { throw BenchError("\(self.store) has no headline to wait for") }
        let hits = try store.search(Self.query, offset: 0, limit: 20).compactMap { ScreenMarker.of($0.headline.title) }
        let feeds = try store.feeds()
        var plan = Plan(firstScreen: newest, searchHits: hits, feedIndex: 0, feedSize: 0, feedHeadlines: [])
        if let biggest = feeds.indices.max(by: { feeds[$0].total < feeds[$1].total }) {
            plan.feedIndex = FeedListEntry.views.count + biggest
            plan.feedSize = feeds[biggest].total
            plan.feedID = feeds[biggest].id
            let rows = try store.headlines(.feed(feeds[biggest].id), offset: 0, limit: 20)
            plan.feedHeadlines = rows.compactMap { ScreenMarker.of($0.title) }
            if let first = rows.first, let article = try store.article(id: first.id) {
                plan.articleBody = article.body.lazy.compactMap { ScreenMarker.of($0.plainText, maxLength: 24) }.first
            }
        }
        return plan
    }

    func run(into report: BenchReport) throws {
        let plan = try plan()
        try inProcess(plan, into: report)
        try inTmux(plan, into: report)
    }

    // MARK: tmux

    private func inTmux(_ plan: Plan, into report: BenchReport) throws {
        let session = try TmuxSession(scratch: env.scratch)
        defer { session.close() }

        // What launching through tmux costs by itself: a shell that prints one line and stays
        // (a program that exits at once can lose its output to tmux's exit handling).
        var overhead: [Double] = []
        for _ in 0..<3 {
            let sent = try session.launch(["sh", "-c", "echo herald-bench-ready; exec sleep 60"])
            overhead.append(try session.waitForScreen(containing: ["herald-bench-ready"], since: sent).time - sent)
        }

        var startup: [Double] = [], firstRSS: [Double] = [], peakRSS: [Double] = []
        var search: [Double] = [], feed: [Double] = [], article: [Double] = []
        var keyDown: [Double] = [], keyPage: [Double] = []
        for run in 0...env.runs {
            let counted = run > 0
            env.log("herald in tmux, \(label), \(counted ? "run \(run)/\(env.runs)" : "warm-up")")
            let launched = try session.launch([env.herald, "--store", store], environment: env.childEnvironment)
            let shown = try session.waitForScreen(containing: [plan.firstScreen], since: launched).time
            let pid = try session.panePID()
            let rss = ProcStatus.peakRSS(of: pid)
            if counted {
                startup.append(shown - launched)
                if let rss { firstRSS.append(Double(rss)) }
            }
            session.waitForQuiet()

            if steps.contains(.keypress) {
                // Down then up again, so every key changes the screen wherever the list ends.
                for (keys, into) in [(["j", "k"], 0), (["NPage", "PPage"], 1)] {
                    for index in 0..<20 {
                        let sent = try session.sendKeys(keys[index % 2])
                        if let first = session.firstOutput(timeout: 1), counted {
                            if into == 0 { keyDown.append(first - sent) } else { keyPage.append(first - sent) }
                        }
                        session.waitForQuiet(0.05)
                    }
                }
            }
            if steps.contains(.search) {
                try session.type("/")
                session.waitForQuiet(0.1)
                try session.type(Self.query)
                session.waitForQuiet(0.1)
                let before = try session.capture()
                guard let hit = plan.searchHits.prefix(10).first(where: { !before.contains($0) }) else {
                    throw BenchError("no search hit to wait for that is not already on screen")
                }
                let sent = try session.sendKeys("Enter")
                let time = try session.waitForScreen(containing: [hit], since: sent).time
                if counted { search.append(time - sent) }
                session.waitForQuiet()
                try session.sendKeys("Escape")
                session.waitForQuiet()
            }
            if steps.contains(.openFeed) || steps.contains(.openArticle) {
                try session.sendKeys("h")  // headlines → feed list
                session.waitForQuiet(0.1)
                try session.sendKeys("g")
                for _ in 0..<plan.feedIndex { try session.sendKeys("j") }
                session.waitForQuiet()
                let before = try session.capture()
                guard let headline = plan.feedHeadlines.prefix(10).first(where: { !before.contains($0) }) else {
                    throw BenchError("no headline of the biggest feed to wait for that is not already on screen")
                }
                let sent = try session.sendKeys("Enter")
                let time = try session.waitForScreen(containing: [headline], since: sent).time
                if counted { feed.append(time - sent) }
                session.waitForQuiet()
            }
            if steps.contains(.openArticle), let body = plan.articleBody {
                let before = try session.capture()
                guard !before.contains(body) else { throw BenchError("the article's text is on screen before it opens") }
                let sent = try session.sendKeys("Enter")
                let time = try session.waitForScreen(containing: [body], since: sent).time
                if counted { article.append(time - sent) }
                session.waitForQuiet()
            }
            if counted, let peak = ProcStatus.peakRSS(of: pid) { peakRSS.append(Double(peak)) }
            try session.sendKeys("q")
            let deadline = BenchClock.now() + 5
            while try session.exitStatus() == nil, BenchClock.now() < deadline { usleep(10_000) }
        }

        // What the executable costs before it does anything: start, print the version, exit.
        var bare: [ChildExit] = []
        for _ in 0...env.runs {
            bare.append(try ChildProcess.run([env.herald, "--version"], environment: env.childEnvironment,
                                             scratch: env.scratch).exit)
        }
        bare.removeFirst()

        let overheadNote = "includes tmux's launch overhead of \(BenchUnit.seconds.format(Samples(overhead).median)) "
            + "(sh echoing one line through the same path)"
        if steps.contains(.startup) {
            report.add(BenchRow(workload: "cold start → first screen, \(label)", unit: .seconds,
                                herald: Samples(startup), target: startupTarget.map { BenchTarget(limit: $0) },
                                anchors: quotedStartup, note: overheadNote))
            report.add(BenchRow(workload: "RSS at first screen (VmHWM), \(label)", unit: .bytes,
                                herald: Samples(firstRSS), target: rssTarget.map { BenchTarget(limit: $0) }))
            report.add(BenchRow(workload: "  herald --version: start, print, exit (no store, no terminal)", unit: .seconds,
                                herald: Samples(bare.map(\.wall)),
                                note: "peak RSS \(Self.rss(bare)): the runtime and shared libraries alone"))
        }
        if steps.contains(.search) {
            report.add(BenchRow(workload: "search \"\(Self.query)\" → results on screen, \(label)", unit: .seconds,
                                herald: Samples(search), target: BenchTarget(limit: 0.020),
                                anchors: label.hasPrefix("c500") ? [BenchAnchor(tool: "newsboat", quoted: "850–900 ms")] : []))
        }
        if steps.contains(.openFeed) {
            report.add(BenchRow(workload: "open the biggest feed (\(plan.feedSize) items) → headlines on screen, \(label)",
                                unit: .seconds, herald: Samples(feed), target: BenchTarget(limit: 0.010),
                                anchors: [BenchAnchor(tool: "newsboat", quoted: "78 ms")]))
        }
        if steps.contains(.openArticle) {
            report.add(BenchRow(workload: "open an article → body on screen, \(label)", unit: .seconds,
                                herald: Samples(article), target: BenchTarget(limit: 0.005),
                                anchors: [BenchAnchor(tool: "newsboat", quoted: "8 ms")]))
        }
        if steps.contains(.keypress) {
            report.add(BenchRow(workload: "keypress j/k → first output (tmux), \(label)", unit: .seconds,
                                herald: Samples(keyDown)))
            report.add(BenchRow(workload: "keypress PgDn/PgUp → first output (tmux), \(label)", unit: .seconds,
                                herald: Samples(keyPage)))
        }
        if steps.count > 1 {
            report.add(BenchRow(workload: "peak RSS over the session (VmHWM), \(label)", unit: .bytes,
                                herald: Samples(peakRSS)))
        }
    }

    /// The median peak RSS of `exits`, or "?" when it was not measured.
    static func rss(_ exits: [ChildExit]) -> String {
        let values = exits.compactMap(\.maxRSS).map(Double.init)
        return values.isEmpty ? "?" : BenchUnit.bytes.format(Samples(values).median)
    }

    private var quotedStartup: [BenchAnchor] {
        if label.hasPrefix("c500") {
            return [BenchAnchor(tool: "newsboat", quoted: "69.6 s"), BenchAnchor(tool: "sfeed", quoted: "376 ms")]
        }
        if label.hasPrefix("c200") {
            return [BenchAnchor(tool: "newsboat", quoted: "3.0 s"), BenchAnchor(tool: "sfeed", quoted: "31 ms")]
        }
        return []
    }

    // MARK: In-process

    /// The same steps without a terminal: store calls, reduce and render, timed in this process.
    private func inProcess(_ plan: Plan, into report: BenchReport) throws {
        var first: [Double] = [], search: [Double] = [], feed: [Double] = [], article: [Double] = []
        var storeShare: [String: [Double]] = [:]
        for run in 0...env.runs {
            let counted = run > 0
            let opened = BenchClock.now()
            let store = try NewsStore.open(path: self.store)
            var driver = BenchReaderDriver(handle: BenchReaderDriver.storeHandler(store))
            try driver.send(.start)
            _ = driver.frame()
            if counted {
                first.append(BenchClock.now() - opened)
                storeShare["first", default: []].append(driver.effectTime)
            }
            if steps.contains(.search) {
                try driver.send(.startSearch)
                for character in Self.query { try driver.send(.input(character)) }
                driver.effectTime = 0
                let start = BenchClock.now()
                try driver.send(.submit)
                _ = driver.frame()
                if counted {
                    search.append(BenchClock.now() - start)
                    storeShare["search", default: []].append(driver.effectTime)
                }
                try driver.send(.cancel)
            }
            if steps.contains(.openFeed) || steps.contains(.openArticle) {
                try driver.send(.focusPrevious)
                try driver.send(.top)
                for _ in 0..<plan.feedIndex { try driver.send(.moveDown) }
                driver.effectTime = 0
                let start = BenchClock.now()
                try driver.send(.open)
                _ = driver.frame()
                if counted {
                    feed.append(BenchClock.now() - start)
                    storeShare["feed", default: []].append(driver.effectTime)
                }
                driver.effectTime = 0
                let opening = BenchClock.now()
                try driver.send(.open)
                _ = driver.frame()
                if counted {
                    article.append(BenchClock.now() - opening)
                    storeShare["article", default: []].append(driver.effectTime)
                }
            }
        }
        // The UI asks for a page of AppState.pageSize hits; a screen shows a few dozen.
        var firstHits: [Double] = []
        if steps.contains(.search) {
            let store = try NewsStore.open(path: self.store)
            for _ in 0...env.runs {
                firstHits.append(try BenchClock.time { _ = try store.search(Self.query, offset: 0, limit: 25) }.seconds)
            }
            firstHits.removeFirst()
        }
        let share = { (key: String) -> String in
            "store calls \(BenchUnit.seconds.format(Samples(storeShare[key] ?? []).median)) of it"
        }
        report.add(BenchRow(workload: "  in-process: open store → first frame, \(label)", unit: .seconds,
                            herald: Samples(first), note: share("first")))
        if steps.contains(.search) {
            report.add(BenchRow(workload: "  in-process: search → frame, \(label)", unit: .seconds,
                                herald: Samples(search), target: BenchTarget(limit: 0.020),
                                note: share("search") + " (a page of \(AppState.pageSize) hits with snippets)"))
            report.add(BenchRow(workload: "  in-process: store.search, first 25 hits only, \(label)", unit: .seconds,
                                herald: Samples(firstHits)))
        }
        if steps.contains(.openFeed) || steps.contains(.openArticle) {
            report.add(BenchRow(workload: "  in-process: open biggest feed → frame, \(label)", unit: .seconds,
                                herald: Samples(feed), target: BenchTarget(limit: 0.010), note: share("feed")))
            report.add(BenchRow(workload: "  in-process: open article → frame, \(label)", unit: .seconds,
                                herald: Samples(article), target: BenchTarget(limit: 0.005), note: share("article")))
        }
    }
}

/// A piece of text that a screen row shows verbatim.
enum ScreenMarker {
    /// The leading run of printable ASCII of `text`, cut back to a word end, at most `maxLength`
    /// characters; nil when that leaves fewer than `minLength`.
    static func of(_ text: String, maxLength: Int = 18, minLength: Int = 8) -> String? {
        var piece = ""
        for scalar in text.unicodeScalars {
            guard scalar.value >= 0x20, scalar.value < 0x7f, piece.count < maxLength else { break }
            piece.unicodeScalars.append(scalar)
        }
        if piece.count == maxLength, let space = piece.lastIndex(of: " ") { piece = String(piece[..<space]) }
        piece = piece.trimmingCharacters(in: .whitespaces)
        return piece.count >= minLength ? piece : nil
    }
}

/// newsboat's and sfeed_curses's start-up on the same corpus: launch until the feed list shows
/// the first feed's name. Their figures join Herald's start-up row for the corpus.
struct AnchorStartup {
    let env: BenchEnvironment
    let corpus: BenchCorpus

    func run(into report: BenchReport) throws {
        guard let rowIndex = report.rows.firstIndex(where: { $0.workload.hasPrefix("cold start → first screen, \(corpus.name) ") })
        else { return }
        let session = try TmuxSession(scratch: env.scratch)
        defer { session.close() }
        let marker = corpus.feeds.first?.name ?? "F0001"
        // newsboat needs over a minute per start on c500: one run there.
        let newsboatRuns = corpus.totalItems > 50_000 ? 1 : env.anchorRuns
        var notes: [String] = []
        if env.anchorAvailable("newsboat") {
            let tool = try StoreBuilder(env: env).newsboat(for: corpus, report: report)
            let (samples, rss) = try measure(session, argv: tool.interfaceArgv, marker: marker, runs: newsboatRuns,
                                             warmUp: newsboatRuns > 1, name: "newsboat")
            replace(&report.rows[rowIndex], tool: "newsboat", samples)
            notes.append("newsboat RSS \(BenchUnit.bytes.format(rss))")
        }
        if env.anchorAvailable("sfeed_curses") {
            let tool = try StoreBuilder(env: env).sfeed(for: corpus, report: report)
            let (samples, rss) = try measure(session, argv: tool.interfaceArgv, marker: marker, runs: env.anchorRuns,
                                             warmUp: true, name: "sfeed_curses")
            replace(&report.rows[rowIndex], tool: "sfeed", samples)
            notes.append("sfeed_curses RSS \(BenchUnit.bytes.format(rss))")
        }
        if !notes.isEmpty {
            report.rows[rowIndex].note = [report.rows[rowIndex].note, notes.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: "; ")
        }
    }

    private func replace(_ row: inout BenchRow, tool: String, _ samples: Samples) {
        row.anchors.removeAll { $0.tool == tool }
        row.anchors.append(BenchAnchor(tool: tool, samples: samples))
    }

    private func measure(_ session: TmuxSession, argv: [String], marker: String, runs: Int, warmUp: Bool,
                         name: String) throws -> (Samples, Double) {
        var times: [Double] = [], rss: [Double] = []
        for run in (warmUp ? 0 : 1)...runs {
            env.log("\(name) in tmux, \(corpus.name), \(run == 0 ? "warm-up" : "run \(run)/\(runs)")")
            let launched = try session.launch(argv, environment: env.childEnvironment)
            let shown = try session.waitForScreen(containing: [marker], since: launched, timeout: 600).time
            if run > 0 {
                times.append(shown - launched)
                if let peak = ProcStatus.peakRSS(of: try session.panePID()) { rss.append(Double(peak)) }
            }
            session.waitForQuiet()
            try session.sendKeys("q")
            let deadline = BenchClock.now() + 30
            while try session.exitStatus() == nil, BenchClock.now() < deadline { usleep(20_000) }
        }
        return (Samples(times), Samples(rss).median)
    }
}
