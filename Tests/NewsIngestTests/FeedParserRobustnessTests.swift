import Foundation
import Testing
@testable import NewsIngest

/// Hostile and broken input: it gets a clear error or a recovered feed, never a crash.
@Suite struct FeedParserRobustnessTests {
    @Test func billionLaughsIsNotExpanded() throws {
        let started = ContinuousClock.now
        let feed = try FeedFixtures.parse("billion-laughs.xml")
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(feed.title?.contains("lollol") == false)
        let entry = try #require(feed.entries.first)
        #expect((entry.title ?? "").count < 100)
        #expect((entry.contentHTML ?? "").count < 100)
    }

    @Test func externalEntityIsNotLoaded() throws {
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = String(passwd.split(separator: "\n").first ?? "root:x:0:0")
        let started = ContinuousClock.now
        let feed = try FeedFixtures.parse("xxe.xml")
        #expect(ContinuousClock.now - started < .seconds(2))
        let everything = ([feed.title, feed.link] + feed.entries.flatMap { [$0.title, $0.contentHTML] })
            .compactMap { $0 }.joined(separator: "\n")
        #expect(!everything.contains(firstLine))
        #expect(!everything.contains("root:"))
        #expect(feed.title?.hasPrefix("XXE") == true)
    }

    @Test func emptyDocument() {
        #expect(throws: FeedParseError.empty) { try FeedParser.parse(Data()) }
        #expect(throws: FeedParseError.empty) { try FeedParser.parse(Data(" \n\t ".utf8)) }
    }

    @Test func binaryData() {
        #expect(throws: FeedParseError.notAFeed("binary data, not a text document")) {
            try FeedFixtures.parse("binary.bin")
        }
    }

    @Test func htmlPageIsNotAFeed() {
        #expect {
            try FeedFixtures.parse("html-page.html")
        } throws: { error in
            guard case .notAFeed(let why) = error as? FeedParseError else { return false }
            return why.contains("HTML page")
        }
    }

    @Test func otherXMLIsNotAFeed() {
        #expect {
            try FeedFixtures.parse(xml: "<?xml version=\"1.0\"?><svg><g/></svg>")
        } throws: { error in
            guard case .notAFeed(let why) = error as? FeedParseError else { return false }
            return why.contains("<svg>")
        }
    }

    @Test func malformedFeedIsRecovered() throws {
        let feed = try FeedFixtures.parse("malformed.xml")
        #expect(feed.bozo)
        #expect(feed.bozoMessage?.isEmpty == false)
        #expect(feed.title == "Broken & recovered")
        // A bare '&', a known HTML entity and an unknown one all keep their text.
        #expect(feed.entries.map(\.title) == ["Tom & Jerry © 2024 &bogus; end", "Second \"quoted\"", "Truncated"])
        #expect(feed.entries.first?.link == "https://broken.example.com/?a=1&b=2")
        // The unclosed <b> does not swallow the next item.
        #expect(feed.entries[1].link == "https://broken.example.com/2")
        #expect(feed.entries.first?.contentText == "Unclosed bold")
    }

    @Test func unclosedCDATAKeepsItsText() throws {
        let feed = try FeedFixtures.parse(xml: """
            <rss version="2.0"><channel><title>t</title><item><title>One</title></item>
            <item><title>Two</title><description><![CDATA[<p>cut off here
            """)
        #expect(feed.bozo)
        #expect(feed.entries.map(\.title) == ["One", "Two"])
        #expect(feed.entries.last?.contentText == "cut off here")
    }

    @Test func leadingWhitespaceBeforeDeclaration() throws {
        let feed = try FeedFixtures.parse("leading-whitespace.xml")
        #expect(feed.title == "Leading space")
        #expect(feed.entries.first?.title == "Still parsed")
    }

    @Test func tooManyEntries() {
        let items = String(repeating: "<item><title>x</title></item>", count: 6)
        #expect(throws: FeedParseError.tooManyEntries(5)) {
            try FeedFixtures.parse(xml: "<rss><channel>\(items)</channel></rss>",
                                   limits: FeedLimits(maxEntries: 5))
        }
        #expect(throws: FeedParseError.tooManyEntries(2)) {
            let json = #"{"version": "https://jsonfeed.org/version/1.1", "items": [{}, {}, {}]}"#
            _ = try FeedFixtures.parse(xml: json, limits: FeedLimits(maxEntries: 2))
        }
    }

    @Test func longEntriesAreCutToTheLimit() throws {
        let long = String(repeating: "é", count: 700) // 1,400 bytes of UTF-8
        let xml = """
            <rss><channel><item><title>long</title><description>\(long)</description></item>
            <item><title>short</title><description>short</description></item></channel></rss>
            """
        // 1,001 bytes ends inside an "é": the cut goes back to the character before it.
        let feed = try FeedFixtures.parse(xml: xml, limits: FeedLimits(maxEntryBytes: 1_001))
        #expect(feed.cutEntries == 1)
        let cut = [feed.entries[0].contentHTML, feed.entries[0].summary].compactMap { $0 }
        #expect(!cut.isEmpty)
        #expect(cut.allSatisfy { $0 == String(repeating: "é", count: 500) })
        let short = [feed.entries[1].contentHTML, feed.entries[1].summary].compactMap { $0 }
        #expect(short.allSatisfy { $0 == "short" } && !short.isEmpty)
        // Under the default limit nothing is cut.
        #expect(try FeedFixtures.parse(xml: xml).cutEntries == 0)
    }

    @Test func tooDeep() {
        let open = String(repeating: "<x>", count: 40)
        let close = String(repeating: "</x>", count: 40)
        #expect(throws: FeedParseError.tooDeep) {
            try FeedFixtures.parse(xml: "<rss><channel>\(open)\(close)</channel></rss>",
                                   limits: FeedLimits(maxDepth: 32))
        }
        // A hostile document 100,000 levels deep stops at the default limit, quickly.
        let started = ContinuousClock.now
        let deepOpen = String(repeating: "<x>", count: 100_000)
        #expect(throws: FeedParseError.tooDeep) {
            try FeedFixtures.parse(xml: "<rss><channel>\(deepOpen)</channel></rss>")
        }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(throws: FeedParseError.tooDeep) {
            let json = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
            _ = try FeedFixtures.parse(xml: json, limits: FeedLimits(maxDepth: 32))
        }
    }

    @Test func tooLarge() {
        let data = Data(repeating: UInt8(ascii: " "), count: 2_000)
        #expect(throws: FeedParseError.tooLarge(1_000)) {
            try FeedParser.parse(data, limits: FeedLimits(maxBytes: 1_000))
        }
    }

    @Test func parsesConcurrently() async throws {
        let names = ["rss20.xml", "atom10.xml", "rss10.rdf", "koi8r.xml", "malformed.xml", "jsonfeed11.json"]
        let documents = try names.map(FeedFixtures.data)
        let expected = try documents.map { try FeedParser.parse($0).entries.map(\.title) }
        let results = try await withThrowingTaskGroup(of: (Int, [String?]).self) { group in
            for _ in 0..<8 {
                for (index, data) in documents.enumerated() {
                    group.addTask { (index, try FeedParser.parse(data).entries.map(\.title)) }
                }
            }
            var all: [(Int, [String?])] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == documents.count * 8)
        for (index, titles) in results { #expect(titles == expected[index]) }
    }

    @Test func errorsSayWhatToDo() {
        #expect(FeedParseError.empty.description == "the document is empty")
        #expect(FeedParseError.tooLarge(50 << 20).description.contains("50 MiB"))
        #expect(FeedParseError.tooManyEntries(10).description.contains("10 entries"))
    }
}
