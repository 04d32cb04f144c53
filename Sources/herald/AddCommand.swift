import ArgumentParser
import Foundation
import NewsIngest
import NewsModel

/// `herald add URL [--title T] [--tag T]... [--fetch]`: subscribe to a feed.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed.",
        discussion: """
        Accepts http, https and file URLs (or an absolute path to a local feed file). \
        The feed is not fetched unless --fetch is given; until it is, its title is its URL. \
        Adding a URL already subscribed updates its title and adds the tags given.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The feed's URL.", valueName: "url"))
    var url: String

    @Option(name: .long, help: ArgumentHelp("A title of your own for the feed.", valueName: "title"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("A tag for the feed (repeat for more).", valueName: "tag"))
    var tag: [String] = []

    @Flag(name: .long, help: "Fetch the feed right away.")
    var fetch = false

    func run() async throws {
        let address: URL
        do {
            address = try FeedAddress.validate(url)
        } catch {
            throw ValidationError(error.description)
        }
        let store = try global.openStore()
        let console = FeedConsole()
        let urlText = address.absoluteString
        let cleanTitle = title.map(RefreshArticleBuilder.oneLine).flatMap { $0.isEmpty ? nil : $0 }
        let tags = tag.map(RefreshArticleBuilder.oneLine).filter { !$0.isEmpty }
        var feed: Feed
        if var existing = try store.feed(url: urlText) {
            if let cleanTitle { existing.title = cleanTitle }
            for tag in tags where !existing.tags.contains(tag) { existing.tags.append(tag) }
            feed = existing
            feed.id = try store.upsertFeed(existing)
            console.write("updated feed \(feed.id?.description ?? "?"): \(feed.title) (\(FeedAddress.redacted(urlText)))\n")
        } else {
            feed = Feed(url: urlText, kind: .web, title: cleanTitle ?? urlText, tags: tags)
            feed.id = try store.upsertFeed(feed)
            console.write("added feed \(feed.id?.description ?? "?"): \(FeedAddress.redacted(urlText))\n")
        }
        guard fetch, let id = feed.id, let stored = try store.feed(id: id) else { return }
        let fetcher = FeedFetcher(configuration: .init(userAgent: FeedFetcher.userAgent(version: heraldVersion)))
        let summary = await Refresher(store: store, fetcher: fetcher, jobs: 1).refresh([stored])
        console.write(RefreshCommand.report(summary, console: console))
        if summary.allFailed { throw ExitCode(1) }
    }
}
