import Foundation
import NewsModel
import Testing
@testable import NewsIngest

struct OPMLTests {
    @Test func nestedFoldersBecomeTags() throws {
        let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head><title>My feeds</title></head>
          <body>
            <outline text="Top" xmlUrl="https://top.example/rss" htmlUrl="https://top.example/"/>
            <outline text="Tech">
              <outline title="Linux" text="ignored when title is set">
                <outline text="LWN" title="LWN.net" type="rss" xmlUrl="https://lwn.net/headlines/rss"/>
              </outline>
              <outline text="Swift Blog" xmlurl="https://swift.org/atom.xml"/>
            </outline>
            <outline text="News">
              <outline text="LWN again" xmlUrl="https://lwn.net/headlines/rss"/>
            </outline>
            <outline text="Empty folder"/>
          </body>
        </opml>
        """
        let document = try OPML.parse(Data(opml.utf8))
        #expect(document.title == "My feeds")
        #expect(document.feeds == [
            Feed(url: "https://top.example/rss", title: "Top", siteURL: "https://top.example/"),
            Feed(url: "https://lwn.net/headlines/rss", title: "LWN.net", tags: ["Tech", "Linux", "News"]),
            Feed(url: "https://swift.org/atom.xml", title: "Swift Blog", tags: ["Tech"]),
        ])
    }

    @Test func categoryAttributeGivesTagsInOrder() throws {
        let opml = """
        <opml version="2.0"><body>
          <outline text="A" xmlUrl="https://a.example/feed" category="/news, weekly ,/tech/linux"/>
        </body></opml>
        """
        let feeds = try OPML.parse(Data(opml.utf8)).feeds
        #expect(feeds.map(\.tags) == [["news", "weekly", "tech/linux"]])
    }

    @Test func exportThenImportIsLossless() throws {
        let feeds = [
            Feed(url: "https://a.example/rss", title: "Alpha & Omega <daily>", siteURL: "https://a.example/",
                 tags: ["news", "tech"]),
            Feed(url: "https://b.example/atom?x=1&y=\"2\"", title: "Beta “quoted” 日本語", tags: ["tech"]),
            Feed(url: "https://c.example/feed.json", title: "Gamma", tags: []),
            Feed(url: "https://d.example/rss", title: "Delta", tags: ["with, comma", "zeta", "news"]),
            Feed(url: "https://e.example/rss", title: "Epsilon", tags: ["tech", "news"]),
        ]
        let pages = Feed(url: "pages:T4K3.news", kind: .pages, title: "T4K3.news")
        let text = OPML.export(feeds + [pages], dateCreated: Date(timeIntervalSince1970: 1_717_200_000))
        #expect(text.contains("<dateCreated>Sat, 01 Jun 2024 00:00:00 GMT</dateCreated>"))
        #expect(!text.contains("pages:"))
        let back = try OPML.parse(Data(text.utf8))
        #expect(back.title == "Herald subscriptions")
        // Order of feeds may differ (untagged first, then by folder); content must not.
        let byURL = Dictionary(uniqueKeysWithValues: back.feeds.map { ($0.url, $0) })
        #expect(back.feeds.count == feeds.count)
        for feed in feeds {
            let read = try #require(byURL[feed.url])
            #expect(read.title == feed.title)
            #expect(read.siteURL == feed.siteURL)
            if feed.tags.contains(where: { $0.contains(",") }) {
                #expect(Set(read.tags) == Set(feed.tags))
            } else {
                #expect(read.tags == feed.tags)
            }
        }
        // And a second round trip is a fixed point.
        let date = Date(timeIntervalSince1970: 1_717_200_000)
        let again = OPML.export(back.feeds, dateCreated: date)
        #expect(OPML.export(try OPML.parse(Data(again.utf8)).feeds, dateCreated: date) == again)
    }

    @Test func malformedAndForeignDocumentsAreClearErrors() {
        #expect(throws: OPMLError.notOPML(root: "rss")) {
            try OPML.parse(Data("<rss version=\"2.0\"><channel/></rss>".utf8))
        }
        do {
            _ = try OPML.parse(Data("<opml><body><outline text=\"x\"></body>".utf8))
            Issue.record("malformed OPML was accepted")
        } catch {
            guard case .malformed(let line, let message) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(line == 1)
            #expect(!message.isEmpty)
        }
        #expect(throws: OPMLError.self) { try OPML.parse(Data()) }
    }

    @Test func bareAmpersandsInURLsAreRecovered() throws {
        let opml = """
        <opml version="1.0"><body>
          <outline text="Query feed" xmlUrl="https://q.example/rss?a=1&b=2"/>
          <outline text="Fine" xmlUrl="https://f.example/rss"/>
        </body></opml>
        """
        let feeds = try OPML.parse(Data(opml.utf8)).feeds
        #expect(feeds.map(\.url) == ["https://q.example/rss?a=1&b=2", "https://f.example/rss"])
    }

    @Test func externalEntitiesAreNotExpanded() throws {
        let opml = """
        <?xml version="1.0"?>
        <!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
        <opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example/rss"/></body></opml>
        """
        let feeds = try OPML.parse(Data(opml.utf8)).feeds
        #expect(feeds.count == 1)
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}never"
        #expect(!(feeds.first?.title.contains(hostname) ?? true))
    }

    @Test func controlCharactersInTitlesAreCleaned() throws {
        let opml = "<opml><body><outline text=\"Evil\u{1B}[31m  Red&#9;Feed\" xmlUrl=\"https://e.example/\"/></body></opml>"
        #expect(try OPML.parse(Data(opml.utf8)).feeds.first?.title == "Evil Red Feed")
    }
}
