import ArgumentParser
import Foundation
import NewsIngest

/// `herald parse [--json] FILE`: parses one feed file and prints what was read.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a feed file (RSS, RDF, Atom or JSON Feed) and print what was read.")

    @Flag(name: .long, help: "Print one JSON object in the corpus contract's shape.")
    var json = false

    @Argument(help: "The feed file to read.")
    var file: String

    /// A file named on the command line is the user's own choice, so the limits meant for
    /// untrusted downloads are raised (the nesting limit stays).
    static let limits = FeedLimits(maxBytes: 1 << 30, maxEntries: 1_000_000)

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        } catch {
            printError("herald: cannot read \(file): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let started = ContinuousClock.now
        let feed: ParsedFeed
        do {
            feed = try FeedParser.parse(data, limits: Self.limits)
        } catch {
            if json {
                print(ParsedFeed.contractJSON(for: error))
                return
            }
            printError("herald: \(file): \(error)")
            throw ExitCode.failure
        }
        let elapsed = ContinuousClock.now - started
        if json {
            print(feed.contractJSON())
        } else {
            printSummary(feed, bytes: data.count, elapsed: elapsed)
        }
    }

    private func printSummary(_ feed: ParsedFeed, bytes: Int, elapsed: Duration) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(bytes) / 1_000_000
        print("\(file): \(feed.format.rawValue), \(feed.entries.count) entries")
        print("title: \(feed.title ?? "(none)")")
        print("link:  \(feed.link ?? "(none)")")
        if feed.bozo { print("malformed, recovered: \(feed.bozoMessage ?? "yes")") }
        let dated = feed.entries.compactMap(\.date)
        if let first = dated.min(), let last = dated.max() {
            print("dates: \(first.formatted(.iso8601)) … \(last.formatted(.iso8601))")
        }
        for entry in feed.entries.prefix(5) {
            print("  - \(entry.title ?? "(untitled)")")
        }
        if feed.entries.count > 5 { print("  … \(feed.entries.count - 5) more") }
        print(String(format: "parsed %.1f MB in %.3f s (%.0f MB/s)", megabytes, seconds,
                     seconds > 0 ? megabytes / seconds : 0))
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
