import Foundation
import NewsModel
import Testing
@testable import NewsStore

@Suite struct CountTests {
    @Test func countsFollowInsertsReadsAndRemovals() throws {
        let store = try NewsStore.inMemory()
        let alpha = try store.upsertFeed(Feed(url: "https://alpha.example/feed", title: "Alpha"))
        let beta = try store.upsertFeed(Feed(url: "https://beta.example/feed", title: "beta", tags: ["x"]))
        let alphaIDs = try store.upsertArticles((1...5).map { sampleArticle($0) }, feed: alpha).ids
        let betaIDs = try store.upsertArticles((6...8).map { sampleArticle($0) }, feed: beta).ids

        func counts() throws -> [String: [Int]] {
            Dictionary(uniqueKeysWithValues: try store.feeds().map { ($0.feed.title, [$0.unread, $0.total]) })
        }
        #expect(try store.feeds().map(\.feed.title) == ["Alpha", "beta"], "ordered by title, ignoring case")
        #expect(try counts() == ["Alpha": [5, 5], "beta": [3, 3]])
        #expect(try store.unreadCount() == 8)

        try store.setRead(alphaIDs[0], true)
        try store.setRead(alphaIDs[0], true) // no double count
        try store.setRead(betaIDs[1], true)
        #expect(try counts() == ["Alpha": [4, 5], "beta": [2, 3]])
        try store.setRead(alphaIDs[0], false)
        #expect(try counts() == ["Alpha": [5, 5], "beta": [2, 3]])

        try store.markAllRead(.feed(alpha))
        #expect(try counts() == ["Alpha": [0, 5], "beta": [2, 3]])
        #expect(try store.unreadCount() == 2)
        #expect(try store.headlineCount(.unread) == 2)

        // A re-import with changes keeps the counts; new articles add to them.
        try store.upsertArticles([sampleArticle(6, title: "Changed"), sampleArticle(9)], feed: beta)
        #expect(try counts() == ["Alpha": [0, 5], "beta": [3, 4]])

        try store.markAllRead(.tag("x"))
        #expect(try counts() == ["Alpha": [0, 5], "beta": [0, 4]])
        try store.setRead(betaIDs[2], false)
        try store.markAllRead(.all)
        #expect(try store.unreadCount() == 0)

        try store.setRead(alphaIDs[4], false)
        try store.removeFeed(id: beta)
        #expect(try counts() == ["Alpha": [1, 5]])
        #expect(try store.unreadCount() == 1)
        #expect(try store.headlineCount(.all) == 5)
        #expect(try store.feedCount() == 1)
        #expect(throws: StoreError.notFound("feed \(beta)")) { try store.removeFeed(id: beta) }
        #expect(throws: StoreError.notFound("article \(betaIDs[0])")) { try store.setRead(betaIDs[0], true) }
    }

    @Test func feedsUpsertByURLAndKeepFetchState() throws {
        let store = try NewsStore.inMemory()
        let id = try store.upsertFeed(Feed(url: "https://a.example/feed", title: "A", tags: ["one"]))
        try store.recordFetch(feed: id, etag: "\"v1\"", lastModified: "Mon, 01 Jun 2024 00:00:00 GMT", error: nil,
                              at: day(1), newURL: nil)
        // The same URL again (a re-import of the subscription list) updates in place.
        #expect(try store.upsertFeed(Feed(url: "https://a.example/feed", title: "A renamed", tags: ["one", "two"])) == id)
        var feed = try #require(try store.feed(id: id))
        #expect(feed.title == "A renamed")
        #expect(feed.tags == ["one", "two"])
        #expect(feed.etag == "\"v1\"")
        #expect(feed.lastFetched == day(1))

        // A failed fetch keeps the validators and records the error; a redirect moves the URL.
        try store.recordFetch(feed: id, etag: nil, lastModified: nil, error: "timed out", at: day(2),
                              newURL: "https://a.example/new-feed")
        feed = try #require(try store.feed(url: "https://a.example/new-feed"))
        #expect(feed.lastError == "timed out")
        #expect(feed.etag == "\"v1\"")
        #expect(feed.lastModified == "Mon, 01 Jun 2024 00:00:00 GMT")
        #expect(try store.feed(url: "https://a.example/feed") == nil)

        // A redirect to another feed's URL is not taken.
        let other = try store.upsertFeed(Feed(url: "https://b.example/feed", title: "B"))
        try store.recordFetch(feed: other, etag: "\"b\"", lastModified: nil, error: nil, at: day(3),
                              newURL: "https://a.example/new-feed")
        #expect(try store.feed(id: other)?.url == "https://b.example/feed")
        #expect(try store.feed(id: other)?.lastError == nil)
        #expect(throws: StoreError.notFound("feed 77")) {
            try store.recordFetch(feed: FeedID(77), etag: nil, lastModified: nil, error: nil, at: day(0), newURL: nil)
        }
    }

    @Test func contentDigestIsReplacedOnlyByASuccessfulFetchThatBringsOne() throws {
        let store = try NewsStore.inMemory()
        let id = try store.upsertFeed(Feed(url: "https://a.example/feed", title: "A"))
        #expect(try store.feed(id: id)?.contentDigest == nil)
        try store.recordFetch(feed: id, etag: nil, lastModified: nil, error: nil, at: day(1), newURL: nil,
                              contentDigest: "10-abc")
        #expect(try store.feed(id: id)?.contentDigest == "10-abc")
        // A 304, or a 200 whose articles were not all stored, brings none: the last one stays.
        try store.recordFetch(feed: id, etag: nil, lastModified: nil, error: nil, at: day(2), newURL: nil)
        #expect(try store.feed(id: id)?.contentDigest == "10-abc")
        try store.recordFetch(feed: id, etag: nil, lastModified: nil, error: "timed out", at: day(3), newURL: nil,
                              contentDigest: "11-def")
        #expect(try store.feed(id: id)?.contentDigest == "10-abc", "a failed fetch changes nothing")
        try store.recordFetch(feed: id, etag: nil, lastModified: nil, error: nil, at: day(4), newURL: nil,
                              contentDigest: "12-fed")
        #expect(try store.feed(id: id)?.contentDigest == "12-fed")
        // Editing the feed keeps it.
        _ = try store.upsertFeed(Feed(id: id, url: "https://a.example/feed", title: "A renamed"))
        #expect(try store.feed(id: id)?.contentDigest == "12-fed")
    }
}
