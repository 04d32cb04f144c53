import NewsModel

/// Results of effects coming back from the executable.
extension AppState {
    mutating func receive(_ action: Action) -> [Effect] {
        switch action {
        case .feedsLoaded(let list, let unread):
            let selectedScope = feedListEntry(at: feedCursor.selected)?.scope
            feeds = list
            unreadTotal = unread
            feedCursor.setCount(feedListCount)
            if let selectedScope, let index = (0..<feedListCount).first(where: { feedListEntry(at: $0)?.scope == selectedScope }) {
                feedCursor.select(index)
            }
        case .headlinesLoaded(let scope, let offset, let rows, let total):
            guard headlines.scope == .headlines(scope) else { return [] }
            headlines.receive(offset: offset, rows: rows, total: total)
            if let seek = unreadSeek { return seekUnread(seek) }
        case .searchLoaded(let query, let hits, let offset):
            guard headlines.scope == .search(query) else { return [] }
            let end = offset + hits.count
            let known = max(headlines.isLoading ? 0 : headlines.total, end)
            let more = end >= known ? hits.count >= Self.searchPageSize : headlines.mayHaveMore
            headlines.receive(offset: offset, rows: hits.map(\.headline), snippets: hits.map(\.snippet),
                              total: known, mayHaveMore: more)
            if known == 0 { message = .info("No articles match \"\(query)\"") }
            if let seek = unreadSeek { return seekUnread(seek) }
        case .articleLoaded(let article, let bookmarks):
            receiveArticle(article, bookmarks: bookmarks)
        case .bookmarkSaved(let bookmark):
            replace(bookmark)
        case .bookmarkRemoved(let id):
            reader?.bookmarks.removeAll { $0.id == id }
            if case .bookmarks(var screen) = overlay {
                screen.entries.removeAll { $0.bookmark.id == id }
                screen.selected = min(screen.selected, max(0, screen.entries.count - 1))
                overlay = .bookmarks(screen)
            }
        case .bookmarksLoaded(let entries):
            guard case .bookmarks(var screen) = overlay else { return [] }
            screen.entries = entries.enumerated().sorted {
                ($0.element.bookmark.created, -$0.offset) > ($1.element.bookmark.created, -$1.offset)
            }.map(\.element)
            screen.isLoading = false
            screen.selected = min(screen.selected, max(0, screen.entries.count - 1))
            overlay = .bookmarks(screen)
        case .refreshProgress(let done, let total):
            refresh = RefreshProgress(done: done, total: total)
        case .refreshFinished(let summary):
            refresh = nil
            message = .info(summary)
            headlines.requestedOffset = headlines.offset
            return [.loadFeeds, loadEffect(offset: headlines.offset)]
        case .failed(let text):
            message = .error(text)
            headlines.requestedOffset = nil
            unreadSeek = nil
            pendingOpen = nil
            // A bookmark shown before the store saved it may be the one that failed.
            reader?.bookmarks.removeAll { $0.id == nil }
            if case .bookmarks(var screen) = overlay {
                screen.isLoading = false
                overlay = .bookmarks(screen)
            }
        default:
            break
        }
        return []
    }

    /// Shows a loaded article: at the restored position or the bookmarked passage, counted
    /// as read.
    mutating func receiveArticle(_ loaded: Article, bookmarks: [Bookmark]) {
        let width = PaneLayout(self, focus: .article).articleTextWidth
        guard let pending = pendingOpen, (loaded.id ?? pending.id) == pending.id else {
            // A reload of the open article keeps the view; anything else is stale.
            guard var reader, loaded.id == reader.id else { return }
            let old = reader.layout
            reader.article = loaded
            reader.bookmarks = bookmarks
            reader.layout = ArticleLayout(article: loaded, width: width, utcOffset: utcOffset)
            reader.position = reader.layout.reflow(reader.position, from: old)
            reader.selectedTarget = nil
            self.reader = reader
            return
        }
        pendingOpen = nil
        var article = loaded
        if !article.isRead {
            if !pending.countedRead { setReadLocally(pending.id, feed: article.feedID, read: true) }
            article.isRead = true
        }
        let layout = ArticleLayout(article: article, width: width, utcOffset: utcOffset)
        var reader = ArticleReader(id: pending.id, article: article, bookmarks: bookmarks, layout: layout)
        if let position = pending.position {
            reader.position = position
        } else if let anchor = pending.anchor, let lines = layout.lines(of: anchor) {
            reader.position = layout.position(ofLine: max(0, lines.lowerBound - 2))
            reader.marked = anchor
        }
        self.reader = reader
        sidebarSelected = 0
        selection = nil
    }
}
