import Foundation
import NewsIngest
import NewsModel
import NewsStore

/// Imports a newsboat setup: the `urls` file, and optionally `cache.db` for articles with
/// their read and flagged state.
struct ImportNewsboat {
    let store: NewsStore
    let console: FeedConsole

    func run(urlsPath: String, cachePath: String?) -> ImportOutcome {
        var outcome = ImportOutcome()
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: urlsPath))
            text = String(decoding: data, as: UTF8.self)
        } catch {
            console.warn("error: \(urlsPath): cannot read (\(error.localizedDescription))")
            outcome.errors += 1
            return outcome
        }
        let urls = NewsboatURLs.parse(text)
        for skipped in urls.skipped {
            console.warn("skipped: \(urlsPath) line \(skipped.line) (\(skipped.url)): \(skipped.reason)")
        }
        var subscribed: [(subscription: NewsboatSubscription, id: FeedID)] = []
        var added = 0
        for subscription in urls.subscriptions {
            do {
                let result = try ImportFeeds.subscribe(subscription.feed, in: store)
                if case .added = result { added += 1 }
                subscribed.append((subscription, result.id))
                outcome.imported += 1
            } catch {
                console.warn("error: line \(subscription.line): could not be stored (\(error))")
                outcome.errors += 1
            }
        }
        let feeds = urls.subscriptions.count == 1 ? "1 feed" : "\(urls.subscriptions.count) feeds"
        var line = "\(urlsPath): \(feeds): \(added) added, \(urls.subscriptions.count - added) already subscribed"
        if !urls.skipped.isEmpty { line += ", \(urls.skipped.count) line\(urls.skipped.count == 1 ? "" : "s") skipped" }
        console.write(line + "\n")
        if let cachePath {
            outcome.merge(importCache(cachePath, feeds: subscribed))
        } else if added > 0 {
            console.write("Run herald refresh to fetch them.\n")
        }
        return outcome
    }

    /// Brings in each subscribed feed's cached articles with their read and starred state
    /// (matched by feed URL, then by guid inside the feed, as the store upserts), so a later
    /// refresh of the feed finds them and keeps that state.
    private func importCache(_ path: String, feeds: [(subscription: NewsboatSubscription, id: FeedID)]) -> ImportOutcome {
        var outcome = ImportOutcome()
        let cache: NewsboatCache
        let cachedFeeds: [String: NewsboatCachedFeed]
        do {
            cache = try NewsboatCache(path: path)
            cachedFeeds = Dictionary(try cache.feeds().map { ($0.rssURL, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            console.warn("error: \(error)")
            outcome.errors += 1
            return outcome
        }
        var articles = 0
        var unread = 0
        var starred = 0
        for (subscription, id) in feeds {
            do {
                guard var feed = try store.feed(id: id) else { continue }
                if let cached = cachedFeeds[subscription.url] {
                    let ownTitle = RefreshArticleBuilder.oneLine(cached.title)
                    var updated = feed
                    if Refresher.hasPlaceholderTitle(feed), !ownTitle.isEmpty { updated.title = ownTitle }
                    if updated.siteURL == nil, !cached.siteURL.isEmpty { updated.siteURL = cached.siteURL }
                    if updated != feed {
                        _ = try store.upsertFeed(updated)
                        feed = updated
                    }
                }
                let items = try cache.items(feedURL: subscription.url)
                guard !items.isEmpty else { continue }
                let feedURL = URL(string: subscription.url) ?? URL(fileURLWithPath: "/")
                let converted = items.map { item in
                    var article = RefreshArticleBuilder.article(from: ParsedEntry(
                        title: item.title, link: item.url.isEmpty ? nil : item.url,
                        id: item.guid.isEmpty ? nil : item.guid, published: item.published,
                        author: item.author.isEmpty ? nil : item.author,
                        contentHTML: item.contentHTML, contentIsHTML: true), source: feed.title, feedURL: feedURL)
                    // The store lets an import set read and starred, never clear them: what was
                    // read or starred in Herald stays so.
                    article.isRead = !item.isUnread
                    article.isStarred = item.isFlagged
                    return article
                }
                _ = try store.upsertArticles(converted, feed: id)
                articles += items.count
                unread += items.filter(\.isUnread).count
                starred += items.filter(\.isFlagged).count
                outcome.imported += 1
            } catch {
                console.warn("error: \(subscription.url): cached articles could not be stored (\(error))")
                outcome.errors += 1
            }
        }
        console.write("\(path): \(articles) article\(articles == 1 ? "" : "s") carried over (\(unread) unread, \(starred) starred)\n")
        return outcome
    }
}
