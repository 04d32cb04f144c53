import NewsModel

/// Opening articles, history, read and star state, the browser, refreshing.
extension AppState {
    /// Asks for article `id`, marking it read; `headline` is its row when the list shows it.
    /// The open article goes on the back stack (with its scroll) unless `recordHistory` is off.
    mutating func openArticle(_ id: ArticleID, headline: Headline? = nil,
                              anchor: Anchor? = nil, recordHistory: Bool = true) -> [Effect] {
        if recordHistory, let current = currentHistoryEntry, current.id != id {
            backStack.append(current)
            if backStack.count > Self.historyLimit { backStack.removeFirst() }
            forwardStack.removeAll()
        }
        var counted = headline?.isRead == true
        if let headline, !headline.isRead {
            setReadLocally(id, feed: headline.feedID, read: true)
            counted = true
        }
        selection = nil
        pendingOpen = PendingOpen(id: id, anchor: anchor, countedRead: counted)
        return [.loadArticle(id), .setRead(id, true)]
    }

    /// Most articles kept on the back stack.
    static let historyLimit = 500

    /// The open article as a history entry, with its reading position.
    var currentHistoryEntry: HistoryEntry? {
        guard let reader else { return nil }
        return HistoryEntry(id: reader.id, title: reader.article.title, source: reader.article.source,
                            position: reader.position)
    }

    /// Opens the selected link in the browser or the selected related story here.
    mutating func openTarget() -> [Effect] {
        guard let reader, let index = reader.selectedTarget,
              reader.layout.targets.indices.contains(index) else {
            message = .info("Select a link or related story with ] first")
            return []
        }
        switch reader.layout.targets[index].kind {
        case .link(let url, _):
            return [.openURL(url)]
        case .related(_, let id):
            return openArticle(id, headline: headlines.rows.first { $0.id == id })
        }
    }

    /// Goes back one article, restoring where the reader was in it.
    mutating func goBack() -> [Effect] {
        guard let entry = backStack.popLast() else {
            message = .info("No earlier article")
            return []
        }
        if let current = currentHistoryEntry { forwardStack.append(current) }
        return restore(entry)
    }

    /// Goes forward one article, restoring where the reader was in it.
    mutating func goForward() -> [Effect] {
        guard let entry = forwardStack.popLast() else {
            message = .info("No later article")
            return []
        }
        if let current = currentHistoryEntry { backStack.append(current) }
        return restore(entry)
    }

    /// Loads a history entry's article and puts the view back where it was.
    mutating func restore(_ entry: HistoryEntry) -> [Effect] {
        selection = nil
        focus = focus == .sidebar ? .sidebar : .article
        pendingOpen = PendingOpen(id: entry.id, position: entry.position, countedRead: true)
        return [.loadArticle(entry.id)]
    }

    /// The history overlay's list: earlier articles, the open one, then later ones.
    public var historyList: [HistoryEntry] {
        backStack + (currentHistoryEntry.map { [$0] } ?? []) + forwardStack.reversed()
    }

    /// Index of the open article in `historyList`, nil when none is open.
    public var historyCurrentIndex: Int? { reader == nil ? nil : backStack.count }

    /// Goes to entry `index` of the history list, like a browser's history menu.
    mutating func jumpInHistory(to index: Int) -> [Effect] {
        let list = historyList
        guard list.indices.contains(index), index != historyCurrentIndex else { return [] }
        backStack = Array(list[..<index])
        forwardStack = Array(list[(index + 1)...].reversed())
        return restore(list[index])
    }

    /// The article the star and read keys act on: the open one in the article and sidebar
    /// panes, the selected headline in the lists.
    var actedOnArticle: (id: ArticleID, feed: FeedID?, isRead: Bool, isStarred: Bool)? {
        if focus == .article || focus == .sidebar, let reader {
            return (reader.id, reader.article.feedID, reader.article.isRead, reader.article.isStarred)
        }
        guard let row = headlines.selectedRow else { return nil }
        return (row.id, row.feedID, row.isRead, row.isStarred)
    }

    mutating func toggleStar() -> [Effect] {
        guard let target = actedOnArticle else { return [] }
        let starred = !target.isStarred
        headlines.update(target.id) { $0.isStarred = starred }
        if reader?.id == target.id { reader?.article.isStarred = starred }
        message = .info(starred ? "Starred" : "Unstarred")
        return [.setStarred(target.id, starred)]
    }

    mutating func toggleRead() -> [Effect] {
        guard let target = actedOnArticle else { return [] }
        setReadLocally(target.id, feed: target.feed, read: !target.isRead)
        return [.setRead(target.id, !target.isRead)]
    }

    /// Marks an article read or unread in the list, the open article and the unread counts,
    /// before the store confirms.
    mutating func setReadLocally(_ id: ArticleID, feed: FeedID?, read: Bool) {
        var wasRead: Bool?
        headlines.update(id) {
            wasRead = $0.isRead
            $0.isRead = read
        }
        if reader?.id == id {
            wasRead = wasRead ?? reader?.article.isRead
            reader?.article.isRead = read
        }
        guard wasRead != read else { return }
        let delta = read ? -1 : 1
        unreadTotal = max(0, unreadTotal + delta)
        if let feed, let index = feeds.firstIndex(where: { $0.id == feed }) {
            feeds[index].unread = max(0, feeds[index].unread + delta)
        }
    }

    mutating func markAllRead() -> [Effect] {
        guard case .headlines(let scope) = headlines.scope else {
            message = .info("Search results cannot be marked read at once")
            return []
        }
        for index in headlines.rows.indices { headlines.rows[index].isRead = true }
        switch scope {
        case .feed(let id):
            if let index = feeds.firstIndex(where: { $0.id == id }) {
                unreadTotal = max(0, unreadTotal - feeds[index].unread)
                feeds[index].unread = 0
            }
        case .all, .unread:
            for index in feeds.indices { feeds[index].unread = 0 }
            unreadTotal = 0
        case .starred, .bookmarked, .tag:
            break  // the counts come back with `.feedsLoaded`
        }
        message = .info("Marked \(title(of: headlines.scope)) read")
        return [.markAllRead(scope)]
    }

    /// Opens the selected link, else the open or selected article, in the browser.
    mutating func openInBrowser() -> [Effect] {
        var url: String?
        if focus == .article || focus == .sidebar, let reader {
            if let index = reader.selectedTarget, reader.layout.targets.indices.contains(index),
               case .link(let link, _) = reader.layout.targets[index].kind {
                url = link
            } else {
                url = reader.article.url
            }
        } else {
            url = headlines.selectedRow?.url ?? reader?.article.url
        }
        guard let url, !url.isEmpty else {
            message = .info("No web address to open")
            return []
        }
        return [.openURL(url)]
    }

    /// The feeds `r` refreshes: the selected feed in the feed list, else the listed feed;
    /// empty (all feeds) for views.
    func refreshTarget() -> [FeedID] {
        if focus == .feeds {
            if case .feed(let summary) = feedListEntry(at: feedCursor.selected) { return [summary.id] }
            return []
        }
        if case .headlines(.feed(let id)) = headlines.scope { return [id] }
        return []
    }

    mutating func startRefresh(feeds ids: [FeedID]) -> [Effect] {
        guard refresh == nil else {
            message = .info("Already refreshing")
            return []
        }
        refresh = RefreshProgress(done: 0, total: ids.isEmpty ? feeds.count : ids.count)
        return [.refresh(ids)]
    }
}
