import ArgumentParser
import Foundation
import NewsModel
import NewsStore

/// `herald list`: headlines, newest first.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List headlines, newest first.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this feed (id, URL or title).", valueName: "feed"))
    var feed: String?
    @Option(help: "Only feeds with this tag.") var tag: String?
    @Flag(help: "Only unread articles.") var unread = false
    @Flag(help: "Only starred articles.") var starred = false
    @Flag(help: "Only articles with bookmarks.") var bookmarked = false
    @Option(help: "At most this many rows.") var limit = 50
    @Option(help: "Skip this many rows first.") var offset = 0
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must not be negative") }
        let scopes = [feed != nil, tag != nil, unread, starred, bookmarked].filter { $0 }.count
        guard scopes <= 1 else { throw ValidationError("choose one of --feed, --tag, --unread, --starred, --bookmarked") }
    }

    func run() async throws {
        let store = try global.openStore()
        let scope: HeadlineScope
        if let feed {
            scope = .feed(try FeedResolver.resolve(feed, in: store))
        } else if let tag { scope = .tag(tag)
        } else if unread { scope = .unread
        } else if starred { scope = .starred
        } else if bookmarked { scope = .bookmarked
        } else { scope = .all }
        let rows = try store.headlines(scope, offset: offset, limit: limit)
        if json {
            try Output.printJSON(rows.map(JSONOutput.HeadlineRow.init))
            return
        }
        let now = Date()
        for h in rows {
            let mark = (h.isRead ? " " : "N") + (h.isStarred ? "*" : " ")
            let id = String(h.id.rawValue).padding(toLength: max(6, String(h.id.rawValue).count), withPad: " ", startingAt: 0)
            let age = Output.age(of: h.date, now: now)
            let title = h.isRead ? Output.line(h.title) : Output.styled(Output.line(h.title), "1")
            print("\(id) \(mark) \(age.padding(toLength: 4, withPad: " ", startingAt: 0)) \(title) — \(Output.line(h.source))")
        }
    }
}

/// Finds a feed from what a user typed: an id, a URL, or a title (exact, then case-insensitive).
enum FeedResolver {
    static func resolve(_ text: String, in store: NewsStore) throws -> FeedID {
        let feeds = try store.feeds()
        if let n = Int64(text), let f = feeds.first(where: { $0.id.rawValue == n }) { return f.id }
        if let f = feeds.first(where: { $0.feed.url == text }) { return f.id }
        if let f = feeds.first(where: { $0.feed.title == text }) { return f.id }
        let folded = feeds.filter { $0.feed.title.caseInsensitiveCompare(text) == .orderedSame }
        if folded.count == 1 { return folded[0].id }
        throw ValidationError("no feed matches '\(text)' (see `herald feeds`)")
    }
}
