import ArgumentParser
import Foundation
import NewsIngest

/// `herald remove FEED`: unsubscribe from a feed and delete its articles.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe from a feed and delete its articles (bookmarks are kept).",
        discussion: "FEED is a feed id, URL or exact title (see herald feeds). Asks nothing.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The feed: id, URL or exact title.", valueName: "feed"))
    var feed: String

    func run() async throws {
        let store = try global.openStore()
        let target = try FeedLookup.feed(named: feed, in: store)
        guard let id = target.id else { throw ValidationError("feed '\(feed)' is not stored") }
        let total = try store.feeds().first { $0.feed.id == id }?.total ?? 0
        try store.removeFeed(id: id)
        let articles = total == 1 ? "1 article" : "\(total) articles"
        FeedConsole().write("removed feed \(id): \(target.title) (\(FeedAddress.redacted(target.url))), \(articles)\n")
    }
}
