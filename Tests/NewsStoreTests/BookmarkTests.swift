import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct BookmarkTests {
    static let quote = "This will not work"

    @Test func aBookmarkFollowsTheNewHighlightWithTheSameText() throws {
        let (store, feed) = try storeWithFeed()
        let body = [paragraph("Opening paragraph."), paragraph("He said: \(Self.quote), twice.")]
        let highlights = [
            Highlight(kind: .takeaway, text: "Opening paragraph.", anchor: Anchor(block: 0, start: 0, end: 18), position: 0),
            Highlight(kind: .quote, text: Self.quote, anchor: Anchor(block: 1, start: 9, end: 27), position: 1),
        ]
        let id = try #require(try store.upsertArticles([sampleArticle(1, body: body, highlights: highlights)], feed: feed)
            .ids.first)
        let old = try #require(try store.article(id: id)?.highlights.last)
        let bookmark = try store.addBookmark(Bookmark(articleID: id, highlightID: old.id, kind: .quote,
                                                      text: Self.quote, anchor: old.anchor, note: "keep"))

        // The article changes: a new paragraph first, the quote moves, highlights are rebuilt.
        let newBody = [paragraph("Update: talks resumed."), paragraph("Opening paragraph."),
                       paragraph("He said: \(Self.quote), twice.")]
        let newHighlights = [
            Highlight(kind: .keySentence, text: "Update: talks resumed.", anchor: Anchor(block: 0, start: 0, end: 22), position: 0),
            Highlight(kind: .quote, text: Self.quote, anchor: Anchor(block: 2, start: 9, end: 27), position: 1),
        ]
        #expect(try store.upsertArticles([sampleArticle(1, body: newBody, highlights: newHighlights)], feed: feed).updated == 1)

        let newQuote = try #require(try store.article(id: id)?.highlights.last)
        #expect(newQuote.id != nil)
        let relinked = try #require(try store.bookmarks(article: id).first)
        #expect(relinked.id == bookmark)
        #expect(relinked.highlightID == newQuote.id)
        #expect(relinked.anchor == Anchor(block: 2, start: 9, end: 27))
        #expect(!relinked.isOrphaned)
        #expect(relinked.note == "keep")
    }

    @Test func aBookmarkIsOrphanedWhenItsPassageDisappearsAndHealsWhenItReturns() throws {
        let (store, feed) = try storeWithFeed()
        let passage = "the bridge reopened on Monday"
        let body = [paragraph("Traffic news: \(passage).")]
        let id = try #require(try store.upsertArticles([sampleArticle(1, body: body)], feed: feed).ids.first)
        let bookmark = try store.addBookmark(Bookmark(articleID: id, kind: .passage, text: passage,
                                                      anchor: Anchor(block: 0, start: 14, end: 43)))

        try store.upsertArticles([sampleArticle(1, body: [paragraph("Traffic news: the bridge stays closed.")])], feed: feed)
        let orphan = try #require(try store.bookmarks(article: id).first)
        #expect(orphan.id == bookmark)
        #expect(orphan.isOrphaned)
        #expect(orphan.anchor == nil)
        #expect(orphan.text == passage)

        try store.upsertArticles([sampleArticle(1, body: [paragraph("Correction."), paragraph("In fact \(passage).")])],
                                 feed: feed)
        let healed = try #require(try store.bookmarks(article: id).first)
        #expect(!healed.isOrphaned)
        #expect(healed.anchor == Anchor(block: 1, start: 8, end: 37))
    }

    @Test func aHighlightBookmarkWhoseHighlightIsGoneKeepsItsPlaceInTheBody() throws {
        let (store, feed) = try storeWithFeed()
        let body = [paragraph("He said: \(Self.quote).")]
        let highlight = Highlight(kind: .quote, text: Self.quote, anchor: Anchor(block: 0, start: 9, end: 27))
        let id = try #require(try store.upsertArticles([sampleArticle(1, body: body, highlights: [highlight])], feed: feed)
            .ids.first)
        let highlightID = try #require(try store.article(id: id)?.highlights.first?.id)
        try store.addBookmark(Bookmark(articleID: id, highlightID: highlightID, kind: .quote, text: Self.quote))

        try store.upsertArticles([sampleArticle(1, body: [paragraph("Intro."), paragraph("He said: \(Self.quote).")])],
                                 feed: feed)
        let bookmark = try #require(try store.bookmarks(article: id).first)
        #expect(bookmark.highlightID == nil)
        #expect(bookmark.anchor == Anchor(block: 1, start: 9, end: 27))
        #expect(!bookmark.isOrphaned)
    }

    @Test func bookmarksOutliveTheirFeedAndReturnWithTheArticle() throws {
        let (store, feed) = try storeWithFeed()
        let id = try #require(try store.upsertArticles([sampleArticle(1)], feed: feed).ids.first)
        let bookmark = try store.addBookmark(Bookmark(articleID: id, kind: .passage, text: "harbours and railways",
                                                      note: "for the essay", tags: ["transport"]))

        try store.removeFeed(id: feed)
        #expect(try store.feeds().isEmpty)
        #expect(try store.article(id: id) == nil)
        let kept = try store.bookmarks(matching: nil, tag: nil)
        #expect(kept.map(\.bookmark.id) == [bookmark])
        #expect(kept.first?.articleTitle == "Story number 1")
        #expect(kept.first?.source == "Example News")
        #expect(kept.first?.url == "https://example.org/1")
        #expect(kept.first?.date == day(1))

        // Subscribing again brings the article back under a new id; the bookmark follows it.
        let again = try store.upsertFeed(Feed(url: "https://example.org/feed.xml", title: "Example News"))
        let newID = try #require(try store.upsertArticles([sampleArticle(1)], feed: again).ids.first)
        #expect(newID != id)
        let returned = try store.bookmarks(article: newID)
        #expect(returned.map(\.id) == [bookmark])
        #expect(returned.first?.anchor?.block == 0)
        #expect(try store.headlines(.bookmarked, offset: 0, limit: 10).ids == [newID])
    }

    @Test func bookmarksAreListedNewestFirstAndFilteredByTextOrTag() throws {
        let (store, feed) = try storeWithFeed()
        let ids = try store.upsertArticles([sampleArticle(1), sampleArticle(2, title: "Railway strike ends")], feed: feed).ids
        let first = try store.addBookmark(Bookmark(articleID: ids[0], kind: .passage, text: "harbours",
                                                   tags: ["Transport"], created: day(10)))
        let second = try store.addBookmark(Bookmark(articleID: ids[1], kind: .passage, text: "a quote",
                                                    note: "100% worth it", created: day(20)))

        #expect(try store.bookmarks(matching: nil, tag: nil).map(\.bookmark.id) == [second, first])
        #expect(try store.bookmarks(matching: "HARBOUR", tag: nil).map(\.bookmark.id) == [first])
        #expect(try store.bookmarks(matching: "strike", tag: nil).map(\.bookmark.id) == [second], "matches the title")
        #expect(try store.bookmarks(matching: "100%", tag: nil).map(\.bookmark.id) == [second], "matches the note")
        #expect(try store.bookmarks(matching: "1_0", tag: nil).isEmpty, "LIKE wildcards are escaped")
        #expect(try store.bookmarks(matching: nil, tag: "transport").map(\.bookmark.id) == [first])
        #expect(try store.bookmarks(matching: "quote", tag: "transport").isEmpty)

        try store.updateBookmark(id: second, note: "changed", tags: ["transport", "strikes"])
        let updated = try #require(try store.bookmarks(matching: nil, tag: "strikes").first)
        #expect(updated.bookmark.note == "changed")
        #expect(updated.bookmark.tags == ["transport", "strikes"])

        try store.removeBookmark(id: first)
        #expect(try store.bookmarks(matching: nil, tag: nil).map(\.bookmark.id) == [second])
        #expect(throws: StoreError.notFound("bookmark \(first)")) { try store.removeBookmark(id: first) }
        #expect(throws: StoreError.notFound("article 99")) {
            try store.addBookmark(Bookmark(articleID: ArticleID(99), kind: .passage, text: "x"))
        }
    }
}
