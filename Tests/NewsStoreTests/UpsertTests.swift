import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct UpsertTests {
    @Test func anArticleComesBackAsStored() throws {
        let (store, feed) = try storeWithFeed()
        var input = sampleArticle(1, body: BodyCodecTests.everyKind, feedName: "Wire Service",
                                  highlights: [Highlight(kind: .takeaway, text: "second", position: 2),
                                               Highlight(kind: .quote, text: "first", attribution: "Someone",
                                                         anchor: Anchor(block: 3, start: 1, end: 6), position: 1)])
        input.alternateTitles = ["Another headline", "Third headline"]
        input.updated = day(90)
        let id = try #require(try store.upsertArticles([input], feed: feed).ids.first)

        let stored = try #require(try store.article(id: id))
        #expect(stored.id == id)
        #expect(stored.feedID == feed)
        #expect(stored.source == "Wire Service")
        #expect(stored.url == input.url)
        #expect(stored.guid == input.guid)
        #expect(stored.title == input.title)
        #expect(stored.alternateTitles == input.alternateTitles)
        #expect(stored.summary == input.summary)
        #expect(stored.author == input.author)
        #expect(stored.published == input.published)
        #expect(stored.updated == input.updated)
        #expect(stored.body == input.body)
        #expect(stored.highlights.map(\.text) == ["first", "second"])
        #expect(stored.highlights.map(\.position) == [1, 2])
        #expect(stored.highlights.first?.anchor == Anchor(block: 3, start: 1, end: 6))
        #expect(stored.highlights.first?.attribution == "Someone")
        #expect(stored.highlights.allSatisfy { $0.id != nil && $0.articleID == id })

        // An article whose source is its feed's title reads back with the feed's title.
        let plain = try #require(try store.upsertArticles([sampleArticle(2)], feed: feed).ids.first)
        #expect(try store.article(id: plain)?.source == "Example News")
        #expect(try store.article(id: ArticleID(999)) == nil)
    }

    @Test func reimportUpdatesContentAndKeepsReadStarredAndBookmarks() throws {
        let (store, feed) = try storeWithFeed()
        let highlight = Highlight(kind: .highlight, text: "Body text of story 1", anchor: Anchor(block: 0, start: 0, end: 20))
        let first = try store.upsertArticles([sampleArticle(1, highlights: [highlight]), sampleArticle(2), sampleArticle(3)],
                                             feed: feed)
        #expect(first.added == 3)
        let id = first.ids[0]
        try store.setRead(id, true)
        try store.setStarred(id, true)
        let highlightID = try #require(try store.article(id: id)?.highlights.first?.id)
        let bookmark = try store.addBookmark(Bookmark(articleID: id, highlightID: highlightID, kind: .highlight,
                                                      text: highlight.text, anchor: highlight.anchor))

        let second = try store.upsertArticles([sampleArticle(1, title: "Story number 1, corrected", highlights: [highlight]),
                                               sampleArticle(2), sampleArticle(3)], feed: feed)
        #expect(second == UpsertSummary(added: 0, updated: 1, unchanged: 2, ids: first.ids))
        let article = try #require(try store.article(id: id))
        #expect(article.title == "Story number 1, corrected")
        #expect(article.isRead)
        #expect(article.isStarred)
        let bookmarks = try store.bookmarks(article: id)
        #expect(bookmarks.map(\.id) == [bookmark])
        #expect(bookmarks.first?.highlightID == article.highlights.first?.id)
        #expect(bookmarks.first?.isOrphaned == false)
        #expect(try store.feeds().first?.total == 3)
        #expect(try store.unreadCount() == 2)
    }

    @Test func importsCanSetButNeverClearReadAndStarred() throws {
        let (store, feed) = try storeWithFeed()
        var read = sampleArticle(1)
        read.isRead = true
        let ids = try store.upsertArticles([read, sampleArticle(2)], feed: feed).ids
        #expect(try store.article(id: ids[0])?.isRead == true)
        try store.setStarred(ids[1], true)
        var starredAgain = sampleArticle(2)
        starredAgain.isRead = true
        #expect(try store.upsertArticles([sampleArticle(1), starredAgain], feed: feed).unchanged == 2)
        #expect(try store.article(id: ids[0])?.isRead == true)
        #expect(try store.article(id: ids[1])?.isRead == true)
        #expect(try store.article(id: ids[1])?.isStarred == true)
    }

    @Test func identityFallsBackFromGuidToURLToTitleAndDate() throws {
        let (store, feed) = try storeWithFeed()
        var noGuid = sampleArticle(1)
        noGuid.guid = nil
        var bare = sampleArticle(2)
        bare.guid = nil
        bare.url = nil
        let ids = try store.upsertArticles([noGuid, bare], feed: feed).ids

        // Same URL, no guid before: matched by URL, and takes the guid it now has.
        var byURL = sampleArticle(1, title: "Retitled by URL")
        byURL.guid = "new-guid"
        // No guid, no URL: matched by title and date.
        var byTitle = bare
        byTitle.summary = "A new summary"
        let again = try store.upsertArticles([byURL, byTitle], feed: feed)
        #expect(again.ids == ids)
        #expect(again.updated == 2)
        #expect(try store.article(id: ids[0])?.guid == "new-guid")
        #expect(try store.article(id: ids[1])?.summary == "A new summary")

        // Same title, other date: another article.
        var later = bare
        later.published = day(500)
        #expect(try store.upsertArticles([later], feed: feed).added == 1)
    }

    @Test func itemsWithTheirOwnGuidsNeverMergeByURLOrTitle() throws {
        let (store, feed) = try storeWithFeed()
        // A podcast-like feed: every item links to the same home page and has the same title.
        let items = (1...3).map { number in
            Article(source: "Example News", url: "https://example.org/", guid: "episode-\(number)",
                    title: "Weekly show", published: day(0))
        }
        let summary = try store.upsertArticles(items, feed: feed)
        #expect(summary.added == 3)
        #expect(Set(summary.ids).count == 3)
    }

    @Test func emptyGuidsAndURLsIdentifyNothing() throws {
        let (store, feed) = try storeWithFeed()
        let items = (1...2).map { number in
            Article(source: "", url: " ", guid: "", title: "Item \(number)", published: day(number))
        }
        let summary = try store.upsertArticles(items, feed: feed)
        #expect(summary.added == 2)
        #expect(try store.article(id: summary.ids[0])?.guid == nil)
        #expect(try store.article(id: summary.ids[0])?.url == nil)
    }

    @Test func duplicatesWithinOneBatchBecomeOneArticle() throws {
        let (store, feed) = try storeWithFeed()
        let summary = try store.upsertArticles([sampleArticle(1), sampleArticle(1, title: "Later copy")], feed: feed)
        #expect(summary.added == 1)
        #expect(summary.updated == 1)
        #expect(summary.ids[0] == summary.ids[1])
        #expect(try store.article(id: summary.ids[0])?.title == "Later copy")
        #expect(try store.headlineCount(.all) == 1)
    }

    @Test func textIsCleanedOfTerminalControls() throws {
        let (store, feed) = try storeWithFeed()
        let hostile = sampleArticle(1, title: "Breaking\u{1B}[2J\u{1B}]0;owned\u{07} news\nline",
                                    body: [paragraph("Body \u{1B}[31mred\u{1B}[0m text\u{202E}")])
        let id = try #require(try store.upsertArticles([hostile], feed: feed).ids.first)
        let stored = try #require(try store.article(id: id))
        #expect(stored.title == "Breaking news line")
        #expect(stored.body == [paragraph("Body red text")])
    }

    @Test func controlsAnywhereInAnOtherwiseCleanArticleAreCleaned() throws {
        let (store, feed) = try storeWithFeed()
        // One dirty text per article, in the places a whole-article check could overlook, and
        // how to read that text back.
        let dirty: [(place: String, makeDirty: (inout Article) -> Void, stored: (Article) -> [String])] = [
            ("table cell", { $0.body = [.table([["ok", "cell\u{1B}[2J"]])] },
             { article in article.body.flatMap { block -> [String] in
                 guard case .table(let rows) = block else { return [] }
                 return rows.flatMap { $0 }
             } }),
            ("span link", { $0.body = [.paragraph([Span("text", link: "https://x.example/\u{9B}31m")])] },
             { $0.body.flatMap(\.links).compactMap(\.link) }),
            ("quote attribution", { $0.body = [.quote([Span("q")], attribution: "someone\u{202E}")] },
             { article in article.body.compactMap { block -> String? in
                 guard case .quote(_, let attribution) = block else { return nil }
                 return attribution
             } }),
            ("highlight attribution", { $0.highlights = [Highlight(kind: .quote, text: "t", attribution: "a\u{200D}b", position: 0)] },
             { $0.highlights.compactMap(\.attribution) }),
            ("related title", { $0.related = [RelatedLink(title: "more\u{7}", url: "https://r.example/", kind: .explicit)] },
             { $0.related.map(\.title) }),
            ("line break in a title", { $0.title = "two\nlines" }, { [$0.title] }),
        ]
        for (number, entry) in dirty.enumerated() {
            var article = sampleArticle(number)
            entry.makeDirty(&article)
            let id = try #require(try store.upsertArticles([article], feed: feed).ids.first)
            let texts = entry.stored(try #require(try store.article(id: id)))
            #expect(!texts.isEmpty, "\(entry.place): stored")
            let controls = texts.joined().unicodeScalars.filter { scalar in
                scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || [0x202E, 0x200D].contains(scalar.value)
            }
            #expect(controls.isEmpty, "\(entry.place): \(texts)")
        }
    }

    @Test func theFastCheckAgreesWithTheSanitizer() {
        // Every character of the Basic Multilingual Plane, and a few beyond, between letters.
        let planes = Array(0..<0xD800) + Array(0xE000..<0x1_0000) + [0x1_F600, 0x2_0000, 0x10_FFFF]
        for value in planes {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "a\(Character(scalar))b"
            let unchanged = TextSanitizer.clean(text, keepNewlines: false) == text
            #expect(CleanText.isClean(text) == unchanged, "U+\(String(value, radix: 16))")
            let unchangedKeepingNewlines = TextSanitizer.clean(text) == text
            #expect(CleanText.isClean(text, keepingNewlines: true) == unchangedKeepingNewlines,
                    "U+\(String(value, radix: 16)) keeping newlines")
        }
        #expect(CleanText.isClean("“Quotes” — dashes, café, 日本語, 👍"))
    }

    @Test func upsertingIntoAMissingFeedFails() throws {
        let (store, _) = try storeWithFeed()
        #expect(throws: StoreError.notFound("feed 42")) {
            try store.upsertArticles([sampleArticle(1)], feed: FeedID(42))
        }
        #expect(try store.headlineCount(.all) == 0)
    }
}
