import Testing
import NewsIngest

/// Inputs the `urls` fuzz target (`.fuzz/targets/urls.swift`) found; see `.fuzz/README.md`.
@Suite struct FuzzRegressionNewsboatTests {
    /// A line whose first token is not a URL is skipped, and the skip report quotes the token
    /// as written: escape sequences in the file reach whoever prints the report.
    @Test func skippedLineURLKeepsControlCharacters() throws {
        let parsed = NewsboatURLs.parse(try FuzzFixture.text("urls", "skipped-url-escapes.urls"))
        #expect(parsed.subscriptions.map(\.url) == ["https://example.com/feed.xml"])
        let skipped = try #require(parsed.skipped.first)
        #expect(skipped.line == 2)
        withKnownIssue("NewsboatSkippedLine.url and .reason keep the file's control characters") {
            #expect(fuzzControlCharacters(in: skipped.url).isEmpty)
            #expect(fuzzControlCharacters(in: skipped.reason).isEmpty)
        }
    }

    /// A feed URL holding control characters (BEL, an ESC sequence) passes validation and is
    /// imported as written; the feed, which has no title yet, is titled with that URL.
    @Test func subscriptionURLKeepsControlCharacters() throws {
        let parsed = NewsboatURLs.parse(try FuzzFixture.text("urls", "url-with-control-characters.urls"))
        #expect(parsed.subscriptions.count + parsed.skipped.count == 2)
        withKnownIssue("newsboat import keeps control characters in feed URLs and titles") {
            for subscription in parsed.subscriptions {
                #expect(fuzzControlCharacters(in: subscription.url).isEmpty)
                #expect(fuzzControlCharacters(in: subscription.feed.title).isEmpty)
            }
        }
    }
}
