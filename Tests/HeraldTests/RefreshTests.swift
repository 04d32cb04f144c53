import Foundation
import NewsModel
import NewsStore
import Testing

/// `herald add` / `refresh` / `feeds` end to end: the built binary, a temporary store, and a
/// loopback HTTP server.
@Suite(.enabled(if: HeraldRun.isBuilt && LoopbackServer.isAvailable, "needs the built herald and python3"))
struct RefreshTests {
    /// The summary line of a refresh run.
    private func summary(_ run: HeraldRun.Run) -> String? {
        run.lines.first { $0.contains(" feeds: ") || $0.contains(" feed: ") }
    }

    private func headlines(_ store: NewsStore, feedURL: String) throws -> [Headline] {
        let feed = try #require(try store.feed(url: feedURL))
        return try store.headlines(.feed(try #require(feed.id)), offset: 0, limit: 100)
    }

    @Test func changedItemsUpdateAndReadStarredStateIsKept() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        try server.write("a.xml", TestFeeds.rss(title: "Alpha", items: TestFeeds.items(3, prefix: "a")))
        try server.write("b.xml", TestFeeds.rss(title: "Beta", items: TestFeeds.items(2, prefix: "b")))
        let a = server.url("/a.xml").absoluteString
        let b = server.url("/b.xml").absoluteString
        #expect(try await herald.run(["add", a]).stdout.hasPrefix("added feed "))
        #expect(try await herald.run(["add", b, "--tag", "news"]).status == 0)
        #expect(server.requests().isEmpty, "add does not fetch without --fetch")

        let first = try await herald.run(["refresh"])
        #expect(first.status == 0)
        #expect(summary(first) == "2 feeds: 2 updated, 0 not modified, 0 failed; 5 new articles")
        #expect(first.lines.filter { $0.hasPrefix("[") }.count == 2, "one progress line per feed off a TTY")

        do {
            let store = try NewsStore.open(path: herald.storePath)
            #expect(try store.feed(url: a)?.title == "Alpha", "the placeholder title becomes the feed's own")
            #expect(try store.feed(url: b)?.tags == ["news"])
            let items = try headlines(store, feedURL: a)
            #expect(items.count == 3)
            try store.setRead(try #require(items.first { $0.title == "a item 0" }).id, true)
            try store.setStarred(try #require(items.first { $0.title == "a item 1" }).id, true)
        }

        var changed = TestFeeds.items(4, prefix: "a")
        changed[0].title = "a item 0, retitled"
        try server.write("a.xml", TestFeeds.rss(title: "Alpha", items: changed))
        let second = try await herald.run(["refresh"])
        #expect(summary(second) == "2 feeds: 1 updated, 1 not modified, 0 failed; 1 new article")

        do {
            let store = try NewsStore.open(path: herald.storePath)
            let items = try headlines(store, feedURL: a)
            #expect(items.count == 4)
            let retitled = try #require(items.first { $0.title == "a item 0, retitled" })
            #expect(retitled.isRead, "read state survives a changed title (matched by guid)")
            #expect(items.first { $0.title == "a item 1" }?.isStarred == true)
            #expect(items.first { $0.title == "a item 3" }?.isRead == false)
        }

        let third = try await herald.run(["refresh"])
        #expect(summary(third) == "2 feeds: 0 updated, 2 not modified, 0 failed; 0 new articles")
        let validators = server.requests(for: "/a.xml").map { $0.headers["if-none-match"] != nil }
        #expect(validators == [false, true, true], "validators stored from the first fetch are sent back")
    }

    @Test func anUnchangedBodyServedAgainIsNotStoredAgain() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        // Served without validators: every refresh gets a 200 with the whole body.
        try server.route("/plain", .init(body: TestFeeds.rss(title: "Plain", items: TestFeeds.items(3, prefix: "p"))))
        let url = server.url("/plain").absoluteString
        #expect(try await herald.run(["add", url]).status == 0)
        let first = try await herald.run(["refresh"])
        #expect(summary(first) == "1 feed: 1 updated, 0 not modified, 0 failed; 3 new articles")

        // Edit a stored article behind the refresher's back: storing the same body again would undo it.
        let firstFetch: Date
        do {
            let store = try NewsStore.open(path: herald.storePath)
            let feed = try #require(try store.feed(url: url))
            #expect(feed.contentDigest != nil, "the digest of the stored body is kept")
            firstFetch = try #require(feed.lastFetched)
            let item = try #require(try headlines(store, feedURL: url).first { $0.title == "p item 0" })
            var article = try #require(try store.article(id: item.id))
            article.title = "p item 0, edited in the store"
            #expect(try store.upsertArticles([article], feed: try #require(feed.id)).updated == 1)
        }

        let second = try await herald.run(["refresh"])
        #expect(summary(second) == "1 feed: 1 updated, 0 not modified, 0 failed; 0 new articles")
        do {
            let store = try NewsStore.open(path: herald.storePath)
            let titles = try headlines(store, feedURL: url).map(\.title)
            #expect(titles.contains("p item 0, edited in the store"), "the same body is not stored again")
            let feed = try #require(try store.feed(url: url))
            #expect(try #require(feed.lastFetched) > firstFetch, "the fetch is still recorded")
            #expect(feed.lastError == nil)
        }

        var changed = TestFeeds.items(4, prefix: "p")
        changed[1].title = "p item 1, retitled"
        try server.route("/plain", .init(body: TestFeeds.rss(title: "Plain", items: changed)))
        let third = try await herald.run(["refresh"])
        #expect(summary(third) == "1 feed: 1 updated, 0 not modified, 0 failed; 1 new article")
        let store = try NewsStore.open(path: herald.storePath)
        let titles = Set(try headlines(store, feedURL: url).map(\.title))
        #expect(titles == ["p item 0", "p item 1, retitled", "p item 2", "p item 3"], "a changed body is stored")
        #expect(server.requests(for: "/plain").count == 3)
    }

    @Test func failuresAreStoredAndTheOtherFeedsStillRefresh() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        try server.write("ok.xml", TestFeeds.rss(title: "Fine", items: TestFeeds.items(3, prefix: "ok")))
        try server.route("/broken", .init(body: "this is not a feed at all"))
        try server.route("/slow", .init(hang: 20))
        for path in ["/ok.xml", "/broken", "/missing.xml", "/slow"] {
            #expect(try await herald.run(["add", server.url(path).absoluteString]).status == 0)
        }
        let run = try await herald.run(["refresh", "--timeout", "1"])
        #expect(run.status == 0, "some feeds succeeded")
        #expect(summary(run) == "4 feeds: 1 updated, 0 not modified, 3 failed; 3 new articles")
        #expect(run.lines.filter { $0.hasPrefix("failed: ") }.count == 3)

        let listing = try await herald.run(["feeds", "--json"])
        #expect(listing.status == 0)
        let feeds = try JSONDecoder().decode([FeedRow].self, from: Data(listing.stdout.utf8))
        let errors = Dictionary(uniqueKeysWithValues: feeds.map { ($0.url, $0.lastError) })
        #expect(errors[server.url("/ok.xml").absoluteString] == .some(nil))
        #expect(errors[server.url("/missing.xml").absoluteString] == "HTTP 404 Not Found")
        #expect(errors[server.url("/slow").absoluteString] == "no answer within 1 s")
        #expect(errors[server.url("/broken").absoluteString].flatMap { $0 }?.isEmpty == false)
        #expect(feeds.first { $0.url.hasSuffix("/ok.xml") }?.total == 3)

        let allFailed = try await herald.run(["refresh", server.url("/broken").absoluteString,
                                        server.url("/missing.xml").absoluteString])
        #expect(allFailed.status == 1, "exit 1 when every feed failed")
        #expect(summary(allFailed) == "2 feeds: 0 updated, 0 not modified, 2 failed; 0 new articles")
    }

    @Test func anArticleOverTheLengthLimitIsCutAndTheFeedSaysSo() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        // 1.5 MiB of paragraphs in one item, beside an ordinary one.
        let paragraph = "<p>" + String(repeating: "harbour ", count: 99) + "end.</p>"
        let huge = String(repeating: paragraph, count: (3 << 19) / paragraph.utf8.count + 1)
        var items = TestFeeds.items(2, prefix: "big")
        items[0].body = huge
        try server.write("big.xml", TestFeeds.rss(title: "Big", items: items))
        #expect(try await herald.run(["add", server.url("/big.xml").absoluteString]).status == 0)
        let run = try await herald.run(["refresh"])
        #expect(run.status == 0)
        #expect(summary(run) == "1 feed: 1 updated, 0 not modified, 0 failed; 2 new articles")

        let listing = try await herald.run(["feeds", "--json"])
        let feeds = try JSONDecoder().decode([FeedRow].self, from: Data(listing.stdout.utf8))
        #expect(feeds.first?.lastError == "1 article was longer than 1 MiB and cut to that length")
        #expect(feeds.first?.total == 2)
        let list = try await herald.run(["list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let id = try #require(rows.first { $0["title"] as? String == "big item 0" }?["id"] as? Int)
        let show = try await herald.run(["show", String(id)])
        #expect(show.status == 0)
        #expect(show.stdout.contains("harbour harbour"))
        #expect(show.stdout.utf8.count < 1 << 20 + 4096, "the body is cut to about 1 MiB")
    }

    @Test func permanentRedirectMovesTheFeedTemporaryDoesNot() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        try server.write("new.xml", TestFeeds.rss(title: "Moved", items: TestFeeds.items(1, prefix: "m")))
        try server.write("t.xml", TestFeeds.rss(title: "Temp", items: TestFeeds.items(1, prefix: "t")))
        try server.route("/old", .init(status: 301, location: "/new.xml"))
        try server.route("/temp", .init(status: 302, location: "/t.xml"))
        try await herald.run(["add", server.url("/old").absoluteString])
        try await herald.run(["add", server.url("/temp").absoluteString])
        let run = try await herald.run(["refresh"])
        #expect(summary(run) == "2 feeds: 2 updated, 0 not modified, 0 failed; 2 new articles")
        #expect(run.lines.contains("moved: Moved -> \(server.url("/new.xml").absoluteString)"))
        let store = try NewsStore.open(path: herald.storePath)
        #expect(try store.feed(url: server.url("/old").absoluteString) == nil)
        #expect(try store.feed(url: server.url("/new.xml").absoluteString)?.title == "Moved")
        #expect(try store.feed(url: server.url("/temp").absoluteString)?.title == "Temp")
    }

    @Test func twoHundredFeedsShowProgressAndACorrectSummary() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        var list: [(title: String, url: String)] = []
        for index in 0..<200 {
            let name = String(format: "F%04d", index)
            try server.write("\(name).xml", TestFeeds.rss(title: "Feed \(name)", items: TestFeeds.items(5, prefix: name)))
            list.append((title: "Feed \(name)", url: server.url("/\(name).xml").absoluteString))
        }
        let opml = herald.folder.appendingPathComponent("feeds.opml")
        try Data(TestFeeds.opml(list).utf8).write(to: opml)
        let imported = try await herald.run(["import", opml.path])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("200 feeds: 200 added, 0 already subscribed"))

        let first = try await herald.run(["refresh", "--jobs", "8"])
        #expect(first.status == 0)
        let progress = first.lines.filter { $0.hasPrefix("[") }
        #expect(progress.count == 200)
        #expect(progress.last?.hasPrefix("[200/200] Feed F") == true)
        #expect(summary(first) == "200 feeds: 200 updated, 0 not modified, 0 failed; 1000 new articles")

        let second = try await herald.run(["refresh"])
        #expect(summary(second) == "200 feeds: 0 updated, 200 not modified, 0 failed; 0 new articles")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pty"))
    func progressBarOnATerminal() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        for index in 0..<3 {
            try server.write("p\(index).xml", TestFeeds.rss(title: "P\(index)", items: TestFeeds.items(2, prefix: "p\(index)")))
            try await herald.run(["add", server.url("/p\(index).xml").absoluteString])
        }
        // script(1) runs herald on a pseudo-terminal, so isatty(1) is true.
        let command = "\(HeraldRun.path) refresh --store \(herald.storePath)"
        let run = try await HeraldRun.execute("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"],
                                              in: herald.folder, environment: ["COLUMNS": "80"])
        let output = run.stdout
        #expect(run.status == 0)
        #expect(output.contains("\r[########################] 3/3  P"), "the bar is redrawn in place and ends full")
        #expect(output.contains("\r\u{1B}[K3 feeds: 3 updated, 0 not modified, 0 failed; 6 new articles"),
                "the bar is erased before the summary")
        #expect(!output.contains("[1/3]"), "no per-feed lines on a terminal")
    }

    @Test func addValidatesAndRemoveNamesWhatItRemoved() async throws {
        let server = try LoopbackServer()
        let herald = try HeraldRun()
        defer { herald.remove() }
        let bad = try await herald.run(["add", "exec:~/bin/feed.sh"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unsupported URL scheme 'exec'"))

        try server.write("r.xml", TestFeeds.rss(title: "Removable", items: TestFeeds.items(2, prefix: "r")))
        let added = try await herald.run(["add", server.url("/r.xml").absoluteString, "--title", "Mine", "--fetch"])
        #expect(added.status == 0)
        #expect(summary(added) == "1 feed: 1 updated, 0 not modified, 0 failed; 2 new articles")
        let store = try NewsStore.open(path: herald.storePath)
        #expect(try store.feed(url: server.url("/r.xml").absoluteString)?.title == "Mine", "a user's title is kept")

        let removed = try await herald.run(["remove", "Mine"])
        #expect(removed.status == 0)
        #expect(removed.stdout.hasPrefix("removed feed "))
        #expect(removed.stdout.contains("Mine (\(server.url("/r.xml").absoluteString)), 2 articles"))
        #expect(try store.feed(url: server.url("/r.xml").absoluteString) == nil)
        #expect(try await herald.run(["remove", "Mine"]).status != 0)
    }
}

/// One object of `herald feeds --json`.
struct FeedRow: Decodable {
    var id: Int64
    var title: String
    var url: String
    var kind: String
    var tags: [String]
    var unread: Int
    var total: Int
    var lastError: String?
}
