import ArgumentParser
import Foundation
import NewsIngest
import NewsModel

/// `herald refresh [FEED...] [--jobs N]`: fetch feeds and store their new articles.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch feeds and store their new articles.",
        discussion: """
        Refreshes every subscribed feed, or the ones named (by id, URL or exact title). \
        Shows a progress bar on a terminal and one line per feed otherwise, then a summary \
        and every failed feed with its error.

        Exit status: 0 when at least one feed was refreshed (failures are reported, and kept \
        with each feed for `herald feeds`), 1 when every feed failed.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Feeds to refresh (id, URL or exact title); all when none.", valueName: "feed"))
    var feeds: [String] = []

    @Option(name: .long, help: ArgumentHelp("Feeds fetched at once.", valueName: "n"))
    var jobs: Int = 8

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a silent server.", valueName: "seconds"))
    var timeout: Double = 20

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let store = try global.openStore()
        let selected = feeds.isEmpty
            ? try store.feeds().map(\.feed)
            : try feeds.map { try FeedLookup.feed(named: $0, in: store) }
        let console = FeedConsole()
        let fetchable = selected.filter { $0.kind == .web }
        guard !fetchable.isEmpty else {
            console.write(selected.isEmpty ? "No feeds to refresh; add one with herald add URL.\n"
                                           : "Nothing to refresh: text-page sources are updated with herald import.\n")
            return
        }
        let fetcher = FeedFetcher(configuration: .init(
            timeout: timeout, userAgent: FeedFetcher.userAgent(version: heraldVersion), maxConnectionsPerHost: jobs))
        let refresher = Refresher(store: store, fetcher: fetcher, jobs: jobs)
        let view = RefreshProgressView(console: console)
        let summary = await refresher.refresh(fetchable, progress: view.update)
        view.finish()
        console.write(Self.report(summary, console: console))
        if summary.allFailed { throw ExitCode(1) }
    }

    /// The summary line, then moved and failed feeds.
    static func report(_ summary: RefreshSummary, console: FeedConsole) -> String {
        var text = summary.line + "\n"
        for report in summary.reports {
            if let movedTo = report.movedTo {
                text += "moved: \(report.feed.title) -> \(FeedAddress.redacted(movedTo))\n"
            }
        }
        for report in summary.failures {
            guard case .failed(let message) = report.outcome else { continue }
            text += console.red("failed:") + " \(report.feed.title) (\(FeedAddress.redacted(report.feed.url))): \(message)\n"
        }
        return text
    }
}
