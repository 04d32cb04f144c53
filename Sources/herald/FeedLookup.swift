import ArgumentParser
import Foundation
import NewsModel
import NewsStore

/// Finds the feed a command-line argument names: a feed id, a URL, or an exact title.
enum FeedLookup {
    static func feed(named argument: String, in store: NewsStore) throws -> Feed {
        if let number = Int64(argument), let feed = try store.feed(id: FeedID(number)) {
            return feed
        }
        if let feed = try store.feed(url: argument) { return feed }
        let matches = try store.feeds().map(\.feed).filter { $0.title == argument }
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw ValidationError("no feed with id, URL or title '\(argument)' (see herald feeds)")
        default:
            let ids = matches.compactMap { $0.id?.description }.joined(separator: ", ")
            throw ValidationError("\(matches.count) feeds are titled '\(argument)' (ids \(ids)); name one by id")
        }
    }
}
