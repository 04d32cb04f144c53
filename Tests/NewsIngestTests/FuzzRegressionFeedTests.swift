import Foundation
import Testing
import NewsIngest

/// Inputs the `feed` fuzz target (`.fuzz/targets/feed.swift`) found; see `.fuzz/README.md`.
///
/// The memory errors here show up as wrong output at best in a plain build; run these tests
/// with `swift test --sanitize=address --filter FuzzRegression` to see the fault itself.
@Suite struct FuzzRegressionFeedTests {
    /// A document cut off inside markup that a text element captures (`<description><p>…<b>…`).
    /// The parser closes the open elements after libxml2's parser context, and the element
    /// names it interned, are freed: `FeedXMLHandler.endElement` wrote the closing tags from
    /// dangling pointers (heap-use-after-free, FeedXMLHandler.swift, `.markup(name:)`).
    @Test func truncatedInsideMarkupClosesItsElements() throws {
        let feed = try FeedParser.parse(try FuzzFixture.data("feed", "truncated-open-markup.xml"))
        #expect(feed.bozo)
        #expect(feed.title == "T")
        let entry = try #require(feed.entries.first)
        #expect(feed.entries.count == 1)
        #expect(entry.title == "Cut short")
        #expect(entry.contentHTML == "<p>Truncated <b>here</b></p>")
        #expect(entry.contentText == "Truncated here")
    }

    /// The fuzzer's minimal form of the same fault, eight bytes: `<title<d`. Not a feed.
    @Test func minimalTruncatedMarkupIsNotAFeed() throws {
        let data = try FuzzFixture.data("feed", "truncated-title-markup.xml")
        #expect(throws: FeedParseError.self) { try FeedParser.parse(data) }
    }

    /// A DOCTYPE with an internal subset that declares an entity. libxml2 records the
    /// declaration in a document it creates for SAX users (`ctxt->myDoc`, "expat compatibility"),
    /// which `xmlFreeParserCtxt` does not free: every such parse leaked that document and its
    /// DTD (LeakSanitizer: ~12 KiB per parse from xmlNewDoc, xmlNewDtd, xmlHashCreateDict).
    /// The entity itself must stay unexpanded.
    @Test func internalSubsetEntityIsNotExpanded() throws {
        let feed = try FeedParser.parse(try FuzzFixture.data("feed", "internal-subset-entity.xml"))
        #expect(feed.title == "Declared entities")
        let entry = try #require(feed.entries.first)
        #expect(feed.entries.count == 1)
        #expect(entry.link == "https://example.com/1")
        #expect(entry.title?.contains("the author") == false)
    }
}
