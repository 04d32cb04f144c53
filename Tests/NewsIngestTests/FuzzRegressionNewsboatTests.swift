import Testing
import NewsIngest

/// Inputs the `urls` fuzz target (`.fuzz/targets/urls.swift`) found; see `.fuzz/README.md`.
@Suite struct FuzzRegressionNewsboatTests {
    /// A line whose first token is not a URL is skipped, and the skip report quoted the token
    /// as written: escape sequences in the file reached whoever prints the report. Now the
    /// token is cleaned first (`TextSanitizer.cleanURL`).
    @Test func skippedLineURLKeepsControlCharacters() throws {
        let parsed = NewsboatURLs.parse(try FuzzFixture.text("urls", "skipped-url-escapes.urls"))
        #expect(parsed.subscriptions.map(\.url) == ["https://example.com/feed.xml"])
        let skipped = try #require(parsed.skipped.first)
        #expect(skipped.line == 2)
        #expect(fuzzControlCharacters(in: skipped.url).isEmpty, "\(skipped.url.debugDescription)")
        #expect(fuzzControlCharacters(in: skipped.reason).isEmpty, "\(skipped.reason.debugDescription)")
    }

    /// A feed URL holding control characters (BEL, an ESC sequence) passed validation and was
    /// imported as written, and the feed, which has no title yet, was titled with that URL.
    /// Now they are percent-encoded.
    @Test func subscriptionURLKeepsControlCharacters() throws {
        let parsed = NewsboatURLs.parse(try FuzzFixture.text("urls", "url-with-control-characters.urls"))
        #expect(parsed.subscriptions.count + parsed.skipped.count == 2)
        #expect(!parsed.subscriptions.isEmpty)
        for subscription in parsed.subscriptions {
            #expect(fuzzControlCharacters(in: subscription.url).isEmpty, "\(subscription.url.debugDescription)")
            #expect(fuzzControlCharacters(in: subscription.feed.title).isEmpty)
        }
    }
}
