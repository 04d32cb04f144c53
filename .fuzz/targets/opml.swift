// Fuzz target for `OPML.parse(_:)` (subscription import).
//
// Checks: an error has a message; every imported feed has a URL, a title and tags that are
// clean text (a title falls back to the URL, so the URL must be safe to show too); URLs are
// unique; and export then import gives back the same URLs, titles and tags (OPML.swift
// promises a lossless round trip).
//
// Known issues, not checked (each has a test in FuzzRegressionOPMLTests):
// - a tag that starts or ends with `/` comes back from the round trip as two tags
//   (folderNameWithSlashSurvivesRoundTrip): such tags are left out of the tag comparison;
// - the tags of a feed with a tag holding a comma come back in folder order
//   (tagOrderWithCommaTagSurvivesRoundTrip): those are compared as sets.

import Foundation
import NewsIngest
import NewsModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOPML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let document: OPMLDocument
    do {
        document = try OPML.parse(Data(bytes: data, count: size))
    } catch {
        expect(!error.description.isEmpty, "empty error message")
        return 0
    }
    expectClean(document.title, "list title")
    let checked = document.feeds
    var urls = Set<String>()
    for (index, feed) in checked.enumerated() {
        expect(!feed.url.isEmpty, "feed[\(index)] has an empty URL")
        expectClean(feed.url, "feed[\(index)] URL")
        expect(!feed.url.contains("\n"), "feed[\(index)] URL holds a newline")
        expectClean(feed.siteURL, "feed[\(index)] site URL")
        expect(urls.insert(feed.url).inserted, "feed URL \(feed.url.debugDescription) listed twice")
        expect(!feed.title.isEmpty, "feed[\(index)] has an empty title")
        expectClean(feed.title, "feed[\(index)] title")
        for tag in feed.tags { expectClean(tag, "feed[\(index)] tag") }
    }

    let exported = OPML.export(checked, title: document.title ?? "Herald subscriptions")
    let reread: OPMLDocument
    do {
        reread = try OPML.parse(Data(exported.utf8))
    } catch {
        fatalError("the export of an imported list does not parse: \(error)\n\(exported)")
    }
    // Export lists a feed under each of its tags' folders, so the order may change: compare by URL.
    expect(reread.feeds.count == checked.count,
           "round trip: \(checked.count) feeds became \(reread.feeds.count)\n\(exported)")
    let rereadByURL = Dictionary(reread.feeds.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
    for before in checked {
        guard let after = rereadByURL[before.url] else {
            fatalError("round trip lost \(before.url.debugDescription)\n\(exported)")
        }
        expect(before.siteURL == after.siteURL,
               "round trip: site URL \(before.siteURL.debugDescription) became \(after.siteURL.debugDescription)")
        expect(before.title == after.title,
               "round trip: title \(before.title.debugDescription) became \(after.title.debugDescription)")
        if before.tags.contains(where: { $0.hasPrefix("/") || $0.hasSuffix("/") }) {
            continue
        } else if before.tags.contains(where: { $0.contains(",") }) {
            expect(Set(before.tags) == Set(after.tags), "round trip: tags \(before.tags) became \(after.tags)")
        } else {
            expect(before.tags == after.tags, "round trip: tags \(before.tags) became \(after.tags)")
        }
    }
    return 0
}
