import Foundation
import NewsModel
import Testing
@testable import NewsIngest

struct NewsboatURLsTests {
    /// Every syntax newsboat's documentation describes, one per line.
    static let urls = #"""
    # My feeds
    https://blog.fefe.de/rss.xml?html interesting conspiracy news "cool stuff"
    https://rss.orf.at/news.xml news orf "~ORF News"

    	https://www.heise.de/newsticker/heise.rdf	news   interesting   # trailing comment
    https://hidden.example/feed "!ORF News (hidden)" news
    https://user:p%40ss@private.example/feed.rss private
    "https://quoted.example/feed" "tag with \"quotes\"" back\slash
    file:///var/log/rss_eventlog.xml local
    https://example.org/page#fragment fragment
    "query:Unread Articles:unread = \"yes\"" queries
    "exec:~/bin/feed.sh" scripts
    "filter:~/bin/clean.awk:https://example.org/raw.xml" scripts
    ftp://old.example/feed
    https://rss.orf.at/news.xml duplicate
    #https://commented.example/feed
    """# + "\nhttps://crlf.example/feed windows#tag\r\n" // a '#' inside a token is not a comment

    @Test func everyDocumentedSyntax() {
        let parsed = NewsboatURLs.parse(Self.urls)
        #expect(parsed.subscriptions == [
            NewsboatSubscription(url: "https://blog.fefe.de/rss.xml?html",
                                 tags: ["interesting", "conspiracy", "news", "cool stuff"], line: 2),
            NewsboatSubscription(url: "https://rss.orf.at/news.xml", tags: ["news", "orf"], title: "ORF News", line: 3),
            NewsboatSubscription(url: "https://www.heise.de/newsticker/heise.rdf", tags: ["news", "interesting"], line: 5),
            NewsboatSubscription(url: "https://hidden.example/feed", tags: ["!ORF News (hidden)", "news"],
                                 isHidden: true, line: 6),
            NewsboatSubscription(url: "https://user:p%40ss@private.example/feed.rss", tags: ["private"], line: 7),
            NewsboatSubscription(url: "https://quoted.example/feed", tags: ["tag with \"quotes\"", "back\\slash"], line: 8),
            NewsboatSubscription(url: "file:///var/log/rss_eventlog.xml", tags: ["local"], line: 9),
            NewsboatSubscription(url: "https://example.org/page#fragment", tags: ["fragment"], line: 10),
            NewsboatSubscription(url: "https://crlf.example/feed", tags: ["windows#tag"], line: 17),
        ])
        #expect(parsed.skipped.map(\.line) == [11, 12, 13, 14, 15])
        #expect(parsed.skipped[0].reason.hasPrefix("query feeds"))
        #expect(parsed.skipped[1].reason == "exec: feeds run a command; Herald never runs commands from a subscription list")
        #expect(parsed.skipped[2].reason == "filter: feeds run a command; Herald never runs commands from a subscription list")
        #expect(parsed.skipped[3].reason.hasPrefix("unsupported URL scheme 'ftp'"))
        #expect(parsed.skipped[4].reason == "listed again; the first line counts")
    }

    @Test func subscriptionBecomesAFeed() {
        let feed = NewsboatSubscription(url: "https://a.example/rss", tags: ["x"], title: "A", line: 1).feed
        #expect(feed == Feed(url: "https://a.example/rss", kind: .web, title: "A", tags: ["x"]))
        #expect(NewsboatSubscription(url: "https://b.example/rss", line: 1).feed.title == "https://b.example/rss")
    }

    @Test func tokenizerEdgeCases() {
        #expect(NewsboatURLs.tokenize("") == [])
        #expect(NewsboatURLs.tokenize("   # only a comment") == [])
        #expect(NewsboatURLs.tokenize("url \"unterminated tag") == ["url", "unterminated tag"])
        #expect(NewsboatURLs.tokenize("url \"\" empty") == ["url", "", "empty"])
        #expect(NewsboatURLs.tokenize("url \"a # b\" #c") == ["url", "a # b"])
    }

    @Test func controlCharactersInTitlesAndTagsAreCleaned() {
        let parsed = NewsboatURLs.parse("https://x.example/ \"~Bad\u{1B}[2JTitle\" \"t\u{07}ag\"")
        #expect(parsed.subscriptions.first?.title == "BadTitle")
        #expect(parsed.subscriptions.first?.tags == ["tag"])
    }
}
