import ArgumentParser
import Foundation
import NewsIngest
import NewsModel

/// `herald feeds [--json]`: list subscriptions with counts, last fetch and last error.
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "List feeds with their unread and total counts, last fetch and last error.",
        discussion: "Passwords in feed URLs are shown as ***.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON (one array of feed objects).")
    var json = false

    func run() async throws {
        let store = try global.openStore()
        let summaries = try store.feeds()
        let console = FeedConsole()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let data = try encoder.encode(summaries.map(FeedListing.init))
            console.write(String(decoding: data, as: UTF8.self) + "\n")
        } else {
            console.write(Self.text(summaries, console: console))
        }
    }

    /// Three lines a feed: id, title, counts and tags; URL; last fetch and error.
    static func text(_ summaries: [FeedSummary], console: FeedConsole) -> String {
        guard !summaries.isEmpty else { return "No feeds yet; add one with herald add URL.\n" }
        let idWidth = summaries.map { $0.id.description.count }.max() ?? 1
        let indent = String(repeating: " ", count: idWidth + 2)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        var out = ""
        for summary in summaries {
            let feed = summary.feed
            let id = String(repeating: " ", count: idWidth - summary.id.description.count) + summary.id.description
            var head = "\(id)  \(feed.title)  (\(summary.unread) unread / \(summary.total))"
            if !feed.tags.isEmpty { head += "  [\(feed.tags.joined(separator: ", "))]" }
            out += head + "\n"
            out += indent + console.dim(FeedAddress.redacted(feed.url)) + "\n"
            if feed.kind == .web {
                var status = feed.lastFetched.map { "last fetch \(formatter.string(from: $0))" } ?? "never fetched"
                if let error = feed.lastError { status += "; " + console.red("error: \(error)") }
                out += indent + status + "\n"
            }
        }
        return out
    }
}

/// One feed as `herald feeds --json` prints it.
struct FeedListing: Encodable {
    var id: Int64
    var title: String
    var url: String
    var kind: String
    var siteURL: String?
    var tags: [String]
    var unread: Int
    var total: Int
    var lastFetched: Date?
    var lastError: String?

    init(_ summary: FeedSummary) {
        id = summary.id.rawValue
        title = summary.feed.title
        url = FeedAddress.redacted(summary.feed.url)
        kind = summary.feed.kind.rawValue
        siteURL = summary.feed.siteURL
        tags = summary.feed.tags
        unread = summary.unread
        total = summary.total
        lastFetched = summary.feed.lastFetched
        lastError = summary.feed.lastError
    }
}
