import NewsModel

/// Work the reducer asks for: performed by the executable against the store or the system,
/// off the UI thread; each answers with the result actions named below (or `.failed`).
public enum Effect: Equatable, Sendable {
    /// Answer: `.feedsLoaded([FeedSummary], unread:)`.
    case loadFeeds
    /// Answer: `.headlinesLoaded(scope, offset:, rows:, total:)`.
    case loadHeadlines(HeadlineScope, offset: Int, limit: Int)
    /// Answer: `.articleLoaded(Article, bookmarks:)`.
    case loadArticle(ArticleID)
    case setRead(ArticleID, Bool)
    case setStarred(ArticleID, Bool)
    /// Answer: `.feedsLoaded` once done.
    case markAllRead(HeadlineScope)
    /// Answer: `.bookmarkSaved(Bookmark)` carrying its new id.
    case addBookmark(Bookmark)
    /// Answer: `.bookmarkRemoved(BookmarkID)`.
    case removeBookmark(BookmarkID)
    /// Answer: `.bookmarkSaved(Bookmark)`.
    case updateBookmark(BookmarkID, note: String?, tags: [String])
    /// Answer: `.bookmarksLoaded([BookmarkEntry])`, newest first.
    case loadBookmarks(text: String?, tag: String?)
    /// Answer: `.searchLoaded(query:, hits:, offset:)`.
    case search(String, offset: Int, limit: Int)
    /// Opens the URL in the user's browser; answers `.failed` when it cannot.
    case openURL(String)
    /// Refreshes these feeds, all of them when empty; answers `.refreshProgress(done:total:)`
    /// as feeds finish, then `.refreshFinished(summary)`.
    case refresh([FeedID])
    /// Ends the program.
    case quit
}
