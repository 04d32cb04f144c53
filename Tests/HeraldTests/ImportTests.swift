import Foundation
import NewsModel
import NewsStore
import Testing

/// `herald import` and `herald export` end to end.
@Suite(.enabled(if: HeraldRun.isBuilt, "needs the built herald"))
struct ImportTests {
    /// A page in the text-page format: site, title, summary, then body paragraphs.
    private func page(site: String, title: String, paragraph: String = "The council met on Monday and voted on the budget after a long debate about the harbour.") -> String {
        "\(site)\n\(title)\n\(paragraph.prefix(60)) summary line.\n\n\(paragraph)\nA second paragraph says more about the vote, the budget and what happens next.\n"
    }

    @Test func textPagesAreReportedFileByFileAndBadFilesAreNamed() async throws {
        let herald = try HeraldRun()
        defer { herald.remove() }
        let folder = herald.folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("more"), withIntermediateDirectories: true)
        try Data(page(site: "Harbour Times", title: "Council passes the budget").utf8)
            .write(to: folder.appendingPathComponent("a.txt"))
        try Data(page(site: "Harbour Times", title: "Ferry timetable changes in June").utf8)
            .write(to: folder.appendingPathComponent("more/b.txt"))
        try Data(page(site: "Valley Post", title: "Bridge reopens after repairs").utf8)
            .write(to: folder.appendingPathComponent("c.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0, 1, 2, 0xFF, 0]).write(to: folder.appendingPathComponent("binary.txt"))
        try Data("not a page".utf8).write(to: folder.appendingPathComponent("ignored.md"))

        let first = try await herald.run(["import", folder.path])
        #expect(first.status == 0, "some pages were imported")
        #expect(first.lines.filter { $0.hasPrefix("added: ") }.count == 3)
        #expect(first.stdout.contains("3 pages: 3 added, 0 updated, 0 unchanged; 2 files not imported"))
        #expect(first.stderr.contains("empty.txt"))
        #expect(first.stderr.contains("binary.txt"))
        #expect(!first.stdout.contains("ignored.md") && !first.stderr.contains("ignored.md"))

        let store = try NewsStore.open(path: herald.storePath)
        let harbour = try #require(try store.feed(url: "pages:Harbour Times"))
        #expect(harbour.kind == .pages)
        #expect(try store.headlineCount(.feed(try #require(harbour.id))) == 2)
        #expect(try store.feed(url: "pages:Valley Post") != nil)

        try Data(page(site: "Harbour Times", title: "Council passes the budget",
                      paragraph: "The council met on Tuesday instead, and the vote on the budget was close after a long debate.").utf8)
            .write(to: folder.appendingPathComponent("a.txt"))
        let second = try await herald.run(["import", folder.appendingPathComponent("a.txt").path,
                                     folder.appendingPathComponent("c.txt").path])
        #expect(second.lines.contains { $0.hasPrefix("updated: ") && $0.contains("a.txt") })
        #expect(second.lines.contains { $0.hasPrefix("unchanged: ") && $0.contains("c.txt") })

        let onlyBad = try await herald.run(["import", folder.appendingPathComponent("empty.txt").path])
        #expect(onlyBad.status == 1, "nothing imported and an error: exit 1")
        let missing = try await herald.run(["import", herald.folder.appendingPathComponent("nope").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file or folder"))
    }

    @Test func opmlImportThenExportKeepsTitlesURLsAndTags() async throws {
        let herald = try HeraldRun()
        defer { herald.remove() }
        let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0"><head><title>Mine</title></head><body>
          <outline text="Tech">
            <outline text="LWN" title="LWN.net" xmlUrl="https://lwn.net/headlines/rss" htmlUrl="https://lwn.net/"/>
            <outline text="Inner"><outline text="Deep" xmlUrl="https://deep.example/rss"/></outline>
          </outline>
          <outline text="News"><outline text="LWN again" xmlUrl="https://lwn.net/headlines/rss"/></outline>
          <outline text="Loose &amp; free" xmlUrl="https://loose.example/feed.json"/>
          <outline text="Bad" xmlUrl="ftp://bad.example/feed"/>
        </body></opml>
        """
        let file = herald.folder.appendingPathComponent("subs.xml")
        try Data(opml.utf8).write(to: file)
        let imported = try await herald.run(["import", file.path])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("4 feeds: 3 added, 0 already subscribed, 1 skipped"))
        #expect(imported.stderr.contains("skipped: Bad: unsupported URL scheme 'ftp'"))

        let exported = herald.folder.appendingPathComponent("out.opml")
        let export = try await herald.run(["export", "--opml", "--output", exported.path])
        #expect(export.status == 0)

        // Import the export into a second store: same feeds, titles and tags.
        let other = try HeraldRun()
        defer { other.remove() }
        #expect(try await other.run(["import", exported.path]).status == 0)
        func feeds(_ h: HeraldRun) throws -> [String: Feed] {
            let store = try NewsStore.open(path: h.storePath)
            return Dictionary(uniqueKeysWithValues: try store.feeds().map(\.feed).filter { $0.kind == .web }.map { ($0.url, $0) })
        }
        let before = try feeds(herald)
        let after = try feeds(other)
        #expect(before.count == 3)
        #expect(Set(before.keys) == Set(after.keys))
        for (url, feed) in before {
            #expect(after[url]?.title == feed.title)
            #expect(after[url]?.tags == feed.tags)
            #expect(after[url]?.siteURL == feed.siteURL)
        }
        #expect(before["https://lwn.net/headlines/rss"]?.tags == ["Tech", "News"])
        #expect(before["https://deep.example/rss"]?.tags == ["Tech", "Inner"])
        #expect(before["https://loose.example/feed.json"]?.title == "Loose & free")

        let stdout = try await herald.run(["export", "--opml"])
        #expect(stdout.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        #expect(try await herald.run(["export"]).status != 0, "a format must be chosen")
    }

    @Test(.enabled(if: LoopbackServer.isAvailable))
    func newsboatSetupCarriesOverFeedsTagsAndReadState() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        let one = server.url("/one.xml").absoluteString
        let two = server.url("/two.xml").absoluteString
        let urls = """
        # newsboat urls
        \(one) tech "~Number One"
        \(two) "!hidden stuff" news
        "query:Unread:unread = \\"yes\\""
        "exec:~/bin/make-feed.sh" scripts
        """
        let urlsFile = herald.folder.appendingPathComponent("urls")
        try Data(urls.utf8).write(to: urlsFile)
        let cacheFile = herald.folder.appendingPathComponent("cache.db")
        let day = Date(timeIntervalSince1970: 1_717_200_000)
        try NewsboatCache.writeFixture(at: cacheFile.path, feeds: [
            NewsboatCachedFeed(rssURL: one, siteURL: "https://one.example/", title: "One (cache title)"),
            NewsboatCachedFeed(rssURL: two, siteURL: "https://two.example/", title: "Two from cache"),
        ], items: [
            NewsboatCachedItem(feedURL: one, guid: "one-0", title: "one item 0", url: "https://site.example/one-0",
                               published: day, contentHTML: "<p>Read in newsboat.</p>", isUnread: false),
            NewsboatCachedItem(feedURL: one, guid: "one-1", title: "one item 1", url: "https://site.example/one-1",
                               published: day.addingTimeInterval(60), contentHTML: "<p>Flagged.</p>", flags: "s"),
            NewsboatCachedItem(feedURL: one, guid: "one-gone", title: "deleted", published: day,
                               contentHTML: "<p>x</p>", isDeleted: true),
            NewsboatCachedItem(feedURL: two, guid: "two-0", title: "two item 0", published: day,
                               contentHTML: "<p>Unread.</p>"),
        ])
        let run = try await herald.run(["import", "--newsboat", urlsFile.path, "--cache", cacheFile.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("2 feeds: 2 added, 0 already subscribed, 2 lines skipped"))
        #expect(run.stdout.contains("3 articles carried over (2 unread, 1 starred)"))
        #expect(run.stderr.contains("Herald never runs commands"))

        do {
            let store = try NewsStore.open(path: herald.storePath)
            let first = try #require(try store.feed(url: one))
            #expect(first.title == "Number One", "the ~title rename wins over the cache's title")
            #expect(first.tags == ["tech"])
            #expect(try store.feed(url: two)?.title == "Two from cache")
            #expect(try store.feed(url: two)?.tags == ["!hidden stuff", "news"])
            let items = try store.headlines(.feed(try #require(first.id)), offset: 0, limit: 10)
            #expect(items.count == 2)
            #expect(items.first { $0.title == "one item 0" }?.isRead == true)
            #expect(items.first { $0.title == "one item 1" }?.isStarred == true)
            #expect(items.first { $0.title == "one item 1" }?.isRead == false)
        }

        // The live feed has the same guids: a refresh matches them and keeps the state.
        try server.write("one.xml", TestFeeds.rss(title: "One", items: TestFeeds.items(3, prefix: "one")))
        try server.write("two.xml", TestFeeds.rss(title: "Two", items: TestFeeds.items(1, prefix: "two")))
        let refresh = try await herald.run(["refresh"])
        #expect(refresh.stdout.contains("2 feeds: 2 updated, 0 not modified, 0 failed; 1 new article"))
        let store = try NewsStore.open(path: herald.storePath)
        let items = try store.headlines(.feed(try #require(try store.feed(url: one)?.id)), offset: 0, limit: 10)
        #expect(items.count == 3)
        #expect(items.first { $0.title == "one item 0" }?.isRead == true)
        #expect(items.first { $0.title == "one item 1" }?.isStarred == true)

        let notACache = try await herald.run(["import", "--newsboat", urlsFile.path, "--cache", urlsFile.path])
        #expect(notACache.stderr.contains("is not a newsboat cache"))
    }
}
