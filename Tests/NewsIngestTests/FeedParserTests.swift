import Foundation
import Testing
@testable import NewsIngest

/// One test per format, plus links, authors and bodies.
@Suite struct FeedParserFormatTests {
    @Test func rss20() throws {
        let feed = try FeedFixtures.parse("rss20.xml")
        #expect(feed.format == .rss20)
        #expect(!feed.bozo)
        #expect(feed.title == "Example & Sons News")
        #expect(feed.link == "https://news.example.com/")
        #expect(feed.entries.count == 3)

        let first = feed.entries[0]
        #expect(first.title == "First bold story") // escaped HTML in a plain title is converted
        #expect(first.link == "https://news.example.com/first")
        #expect(first.id == "urn:example:1")
        #expect(first.published == utc(2017, 5, 24, 21, 28, 28))
        #expect(first.author == "Joe Writer")
        #expect(first.contentIsHTML)
        #expect(first.contentHTML?.hasPrefix("<p>The <em>full</em>") == true) // content:encoded wins
        #expect(first.summary == "Short summary")
        #expect(first.contentText == "The full story here.") // script dropped, &nbsp; is a space
        #expect(first.enclosures == [FeedEnclosure(url: "https://cdn.example.com/a.mp3", type: "audio/mpeg", length: 1234)])

        let second = feed.entries[1]
        #expect(second.link == "https://news.example.com/second") // permalink guid is the link
        #expect(second.author == "Ann Author")
        #expect(second.contentText == "Only a description")

        let third = feed.entries[2]
        #expect(third.title == nil) // no title element: no made-up title
        #expect(third.id == nil)
        #expect(third.link == "https://news.example.com/relative/third") // resolved against home
        #expect(third.author == nil) // RSS entries do not inherit the feed author
    }

    @Test func rss091WithHTMLEntitiesInLegacyEncoding() throws {
        let feed = try FeedFixtures.parse("rss091.xml")
        #expect(feed.format == .rss091)
        #expect(feed.title == "Old & Netscape")
        #expect(feed.entries.first?.title == "Café opening…")
        #expect(feed.entries.first?.contentText == "Prix: 5€")
    }

    @Test func rss10() throws {
        let feed = try FeedFixtures.parse("rss10.rdf")
        #expect(feed.format == .rss10)
        #expect(feed.title == "RDF Site") // the image's title is not the feed's
        #expect(feed.link == "http://rdf.example.com/")
        let entry = try #require(feed.entries.first)
        #expect(entry.id == "http://rdf.example.com/items/1") // rdf:about
        #expect(entry.author == "Simon St.Laurent")
        #expect(entry.updated == utc(2002, 9, 30, 8, 56, 2)) // dc:date is "updated"
        #expect(entry.published == nil)
    }

    @Test func atom10() throws {
        let feed = try FeedFixtures.parse("atom10.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == "Atom Blog")
        #expect(feed.link == "https://blog.example.org/") // relative href against xml:base
        #expect(feed.author == "Feed Owner")
        #expect(feed.entries.count == 2)

        let first = feed.entries[0]
        #expect(first.title == "Tom & Jerry return")
        #expect(first.link == "https://blog.example.org/posts/1.html")
        #expect(first.published == utc(2024, 1, 1, 10))
        #expect(first.updated == utc(2024, 1, 2, 9, 30))
        #expect(first.author == "Feed Owner") // Atom entries inherit the feed author
        #expect(first.contentIsHTML)
        #expect(first.contentText == "Hello world & friends") // type="xhtml" content
        #expect(first.summary == "Summary one")
        #expect(first.relatedLinks == [FeedRelatedLink(title: "Background", url: "https://blog.example.org/posts/0.html")])
        #expect(first.enclosures.first?.url == "https://blog.example.org/img/1.png")

        let second = feed.entries[1]
        #expect(second.link == "https://other.example.net/dir/page.html") // entry-level xml:base
        #expect(second.author == "Guest Writer")
        #expect(second.updated == utc(2024, 1, 3)) // date only
        #expect(second.contentText == "Only the summary") // content with src= is ignored
    }

    @Test func atom03() throws {
        let feed = try FeedFixtures.parse("atom03.xml")
        #expect(feed.format == .atom03)
        let entry = try #require(feed.entries.first)
        #expect(entry.published == utc(2005, 11, 9, 5, 23, 47)) // issued
        #expect(entry.updated == utc(2005, 11, 9, 11, 56, 34)) // modified
        #expect(entry.author == "Old Author")
        #expect(entry.contentText == "Escaped & body") // mode="escaped"
    }

    @Test func jsonFeed11() throws {
        let feed = try FeedFixtures.parse("jsonfeed11.json")
        #expect(feed.format == .json11)
        #expect(feed.title == "JSON & Friends")
        #expect(feed.link == "https://json.example.com/")
        #expect(feed.entries.count == 3)
        let first = feed.entries[0]
        #expect(first.id == "42") // a number is written as a string
        #expect(first.link == "https://json.example.com/posts/42")
        #expect(first.published == utc(2020, 2, 3, 5, 5, 6))
        #expect(first.author == "Jay Son") // inherited
        #expect(first.contentText == "Hello JSON")
        #expect(feed.entries[1].id == "abc")
        #expect(feed.entries[1].author == "Other Writer")
        #expect(feed.entries[1].contentIsHTML == false)
        #expect(feed.entries[2].title == nil)
        #expect(feed.entries[2].contentHTML == "Just a summary")
        #expect(feed.entries[2].enclosures == [FeedEnclosure(url: "https://json.example.com/a.mp3", type: "audio/mpeg", length: 99)])
    }

    @Test func jsonFeed10() throws {
        let feed = try FeedFixtures.parse("jsonfeed10.json")
        #expect(feed.format == .json10)
        #expect(feed.entries.first?.author == "Uno")
        #expect(feed.entries.first?.contentText == "Body")
    }

    @Test func jsonThatIsNotAFeed() {
        #expect(throws: FeedParseError.notAFeed("JSON without a JSON Feed version or items")) {
            try FeedFixtures.parse(xml: #"{"rss": {"channel": {}}}"#)
        }
        #expect {
            try FeedFixtures.parse(xml: #"{"version": "https://jsonfeed.org/version/1", "items": [{"#)
        } throws: { error in
            guard case .malformed = error as? FeedParseError else { return false }
            return true
        }
    }

    @Test func rssAuthorForms() throws {
        let cases: [(String, String?)] = [
            ("joe@x.org (Joe)", "Joe"),
            ("Joe <joe@x.org>", "Joe"),
            ("joe@x.org", "joe@x.org"),
            ("Simon (mailto:simon@x.org)", "Simon"),
            ("Author (name)", "Author (name)"),
            ("Adam Curry &amp;amp; John C. Dvorak", "Adam Curry & John C. Dvorak"),
            ("   ", nil),
        ]
        for (raw, expected) in cases {
            let feed = try FeedFixtures.parse(xml: """
                <rss version="2.0"><channel><title>t</title>
                <item><title>i</title><author>\(raw)</author></item></channel></rss>
                """)
            #expect(feed.entries.first?.author == expected, "author \(raw)")
        }
    }

    @Test func firstTextAuthorWinsButLastAtomNameWins() throws {
        let rss = try FeedFixtures.parse(xml: """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item>
            <dc:creator>First Creator</dc:creator><author>Second Author</author></item></channel></rss>
            """)
        #expect(rss.entries.first?.author == "First Creator")
        let atom = try FeedFixtures.parse(xml: """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title>
            <author><name>Person A</name></author><author><name>Person B</name></author></entry></feed>
            """)
        #expect(atom.entries.first?.author == "Person B")
    }

    @Test func itemLevelBaseAndRelativeLinksWithoutBase() throws {
        let feed = try FeedFixtures.parse(xml: """
            <rss version="2.0"><channel><link>https://example.com/feed/</link>
            <item xml:base="https://cdn.example.net/a/b/"><link>../c</link></item>
            <item><link>posts/1</link></item>
            <item><guid isPermaLink="false">not-a-link</guid></item>
            </channel></rss>
            """)
        #expect(feed.entries.map(\.link) == ["https://cdn.example.net/a/c", "https://example.com/feed/posts/1", nil])
    }

    @Test func baseURLResolvesWhatTheFeedCannot() throws {
        let data = Data("<rss version=\"2.0\"><channel><link>/</link><item><link>/a</link></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(data, baseURL: URL(string: "https://site.example/feed.xml"))
        #expect(feed.link == "https://site.example/")
        #expect(feed.entries.first?.link == "https://site.example/a")
    }

    @Test func cdataAndEntitiesInTitles() throws {
        let feed = try FeedFixtures.parse(xml: """
            <rss version="2.0"><channel><title><![CDATA[AT&T <b>deals</b>]]></title>
            <item><title>Fish &amp; Chips &#8217;24</title></item>
            <item><title>1 &lt; 2 and 3 &gt; 2</title></item>
            <item><title>&amp;lt;script&amp;gt; is shown</title></item>
            </channel></rss>
            """)
        #expect(feed.title == "AT&T deals") // has a closing tag: HTML
        #expect(feed.entries[0].title == "Fish & Chips \u{2019}24")
        #expect(feed.entries[1].title == "1 < 2 and 3 > 2") // no tag names: stays text
        #expect(feed.entries[2].title == "<script> is shown")
    }

    @Test func htmlEntitiesInAttributes() throws {
        let feed = try FeedFixtures.parse(xml: """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title>
            <link rel="related" title="Caf&eacute; &amp; more&hellip;" href="http://x.example/a?b=1&amp;c=2"/>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a title="d&eacute;j&agrave;">x</a></div></content>
            </entry></feed>
            """)
        let entry = try #require(feed.entries.first)
        #expect(entry.relatedLinks == [FeedRelatedLink(title: "Café & more…", url: "http://x.example/a?b=1&c=2")])
        #expect(entry.contentHTML?.contains("title=\"déjà\"") == true)
    }

    @Test func unknownNamespaceURIUsesThePrefix() throws {
        // The dc namespace without its trailing slash: feedparser (and we) go by the prefix.
        let feed = try FeedFixtures.parse(xml: """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1"><channel>
            <item><dc:creator>Prefix Person</dc:creator></item></channel></rss>
            """)
        #expect(feed.entries.first?.author == "Prefix Person")
    }

    @Test func contractJSONShape() throws {
        let feed = try FeedFixtures.parse("rss20.xml")
        let object = try JSONSerialization.jsonObject(with: Data(feed.contractJSON().utf8)) as? [String: Any]
        let entries = try #require(object?["entries"] as? [[String: Any]])
        #expect(object?["format"] as? String == "rss20")
        #expect((object?["feed"] as? [String: Any])?["title"] as? String == "Example & Sons News")
        #expect(entries.count == 3)
        #expect(entries[0]["published"] as? String == "2017-05-24T21:28:28Z")
        #expect(entries[0]["content_length"] as? Int == 20)
        #expect(entries[0]["content_prefix"] as? String == "The full story here.")
        #expect(entries[2]["title"] is NSNull)
        #expect(entries[0]["updated"] is NSNull)
    }
}
