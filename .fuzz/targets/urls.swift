// Fuzz target for `NewsboatURLs.parse(_:)` (newsboat `urls` file import).
//
// Checks: line numbers are real lines, in file order; a subscription has a URL; titles and
// tags are clean single-line text; skipped lines have a reason; no command (`exec:`,
// `filter:`) is ever imported as a feed.
//
// URLs are checked too: control characters in them are percent-encoded
// (FuzzRegressionNewsboatTests), so skipped-line URLs and reasons are clean as well.

import NewsIngest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNewsboatURLs(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed = NewsboatURLs.parse(text)
    let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count

    var previousLine = 0
    for subscription in parsed.subscriptions {
        let place = "subscription on line \(subscription.line)"
        expect(subscription.line > previousLine && subscription.line <= lineCount,
               "\(place): line out of order or past the end (\(lineCount) lines)")
        previousLine = subscription.line
        expect(!subscription.url.isEmpty, "\(place): empty URL")
        expectClean(subscription.url, "\(place) URL")
        expectClean(subscription.feed.title, "\(place) feed title")
        for prefix in ["exec:", "filter:", "query:"] {
            expect(!subscription.url.lowercased().hasPrefix(prefix),
                   "\(place): \(prefix) line imported as a feed")
        }
        for tag in subscription.tags {
            expectClean(tag, "\(place) tag")
            expect(!tag.contains("\n"), "\(place): tag \(tag.debugDescription) holds a newline")
        }
        expectClean(subscription.title, "\(place) title")
        expect(subscription.title?.contains("\n") != true, "\(place): title holds a newline")
    }
    for skipped in parsed.skipped {
        expect(skipped.line >= 1 && skipped.line <= lineCount, "skipped line \(skipped.line) out of range")
        expect(!skipped.reason.isEmpty, "skipped line \(skipped.line) without a reason")
        expectClean(skipped.url, "skipped line \(skipped.line) URL")
        expectClean(skipped.reason, "skipped line \(skipped.line) reason")
    }
    return 0
}
