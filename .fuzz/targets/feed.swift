// Fuzz target for `FeedParser.parse(_:baseURL:limits:)`, and for what refresh does with a
// parsed feed: `RefreshArticleBuilder` (compiled in from Sources/herald, see targets.sh) turns
// every entry into an article with `HTMLBlocks` and `HighlightExtractor`.
//
// Checks: errors have a message; the entry limit holds; `herald parse --json` output is valid
// JSON; every article has clean text and highlight anchors inside its body.

import Foundation
import NewsIngest
import NewsModel

/// Small limits, so inputs of fuzzing size reach the size, depth and entry-count checks.
let fuzzLimits = FeedLimits(maxBytes: 60_000, maxEntries: 200, maxDepth: 64)
let fuzzFeedURL = URL(string: "https://example.com/blog/feed.xml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let feed: ParsedFeed
    do {
        feed = try FeedParser.parse(bytes, baseURL: fuzzFeedURL, limits: fuzzLimits)
    } catch {
        expect(!error.description.isEmpty, "empty error message")
        expectJSON(ParsedFeed.contractJSON(for: error))
        return 0
    }
    expect(feed.entries.count <= fuzzLimits.maxEntries,
           "\(feed.entries.count) entries read with a limit of \(fuzzLimits.maxEntries)")
    expectJSON(feed.contractJSON())

    guard let feedURL = fuzzFeedURL else { return 0 }
    for article in RefreshArticleBuilder.articles(from: feed, source: "fuzz", feedURL: feedURL) {
        expect(!article.title.isEmpty, "an article without a title")
        expectValid(article)
    }
    return 0
}

/// Traps unless `text` is one valid JSON object.
func expectJSON(_ text: String) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
        fatalError("not valid JSON: \(text.prefix(2000))")
    }
    expect(object is [String: Any], "JSON is not an object: \(text.prefix(200))")
}
