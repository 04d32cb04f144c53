import NewsModel

extension NewsStore {
    /// The stored article with this URL, else the one with this source and title.
    public func findArticle(url: String?, source: String, title: String) throws -> ArticleID? {
        throw StoreError.notImplemented(#function)
    }
}
