import Foundation
import NewsIngest
import NewsModel
import NewsStore

/// Subscribes imported feeds (from OPML or newsboat) without losing what the store knows.
enum ImportFeeds {
    /// Whether a subscription was new.
    enum Result {
        case added(FeedID)
        case existing(FeedID)

        var id: FeedID {
            switch self {
            case .added(let id), .existing(let id): return id
            }
        }
    }

    /// Adds `feed`, or merges it into the stored feed with the same URL: tags are united
    /// (stored ones first), a title replaces only a placeholder (the URL), the site URL fills a gap.
    static func subscribe(_ feed: Feed, in store: NewsStore) throws -> Result {
        if var existing = try store.feed(url: feed.url), let id = existing.id {
            let before = existing
            for tag in feed.tags where !existing.tags.contains(tag) { existing.tags.append(tag) }
            if Refresher.hasPlaceholderTitle(existing), !Refresher.hasPlaceholderTitle(feed) { existing.title = feed.title }
            if existing.siteURL == nil { existing.siteURL = feed.siteURL }
            if existing != before { _ = try store.upsertFeed(existing) }
            return .existing(id)
        }
        return .added(try store.upsertFeed(feed))
    }
}

/// Imports an OPML subscription list.
struct ImportOPML {
    let store: NewsStore
    let console: FeedConsole

    /// A `.opml` file, or a `.xml` file whose root element is `<opml>`.
    static func looksLikeOPML(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "opml" { return true }
        guard ext == "xml", let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: head, as: UTF8.self).lowercased().contains("<opml")
    }

    func run(path: String) -> ImportOutcome {
        var outcome = ImportOutcome()
        let document: OPMLDocument
        do {
            document = try OPML.parse(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as OPMLError {
            console.warn("error: \(path): \(error)")
            outcome.errors += 1
            return outcome
        } catch {
            console.warn("error: \(path): cannot read (\(error.localizedDescription))")
            outcome.errors += 1
            return outcome
        }
        var added = 0
        var existing = 0
        for feed in document.feeds {
            do {
                let url = try FeedAddress.validate(feed.url)
                var feed = feed
                feed.url = url.absoluteString
                switch try ImportFeeds.subscribe(feed, in: store) {
                case .added: added += 1
                case .existing: existing += 1
                }
                outcome.imported += 1
            } catch let error as FetchError {
                console.warn("skipped: \(feed.title): \(error)")
                outcome.errors += 1
            } catch {
                console.warn("error: \(feed.title): could not be stored (\(error))")
                outcome.errors += 1
            }
        }
        let feeds = document.feeds.count == 1 ? "1 feed" : "\(document.feeds.count) feeds"
        var line = "\(path): \(feeds): \(added) added, \(existing) already subscribed"
        if outcome.errors > 0 { line += ", \(outcome.errors) skipped" }
        console.write(line + "\n")
        if added > 0 { console.write("Run herald refresh to fetch them.\n") }
        return outcome
    }
}
