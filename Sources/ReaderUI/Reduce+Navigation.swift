import NewsModel
import TerminalUI

/// Moving around: lists, article scrolling, links, unread headlines.
extension AppState {
    /// Moves the selection of the focused list, or scrolls the article.
    mutating func move(_ action: Action) {
        switch focus {
        case .feeds:
            feedCursor.apply(action)
        case .headlines:
            headlines.cursor.apply(action)
        case .article:
            scrollArticle(action)
        case .sidebar:
            let count = reader?.sidebarItems.count ?? 0
            guard count > 0 else { return }
            switch action {
            case .moveDown: sidebarSelected += 1
            case .moveUp: sidebarSelected -= 1
            case .pageDown: sidebarSelected += 5
            case .pageUp: sidebarSelected -= 5
            case .top: sidebarSelected = 0
            case .bottom: sidebarSelected = count - 1
            default: break
            }
            sidebarSelected = min(max(0, sidebarSelected), count - 1)
            revealSidebarItem()
        }
    }

    /// Scrolls the article by a line, a page, or to either end.
    mutating func scrollArticle(_ action: Action) {
        guard let reader else { return }
        let rows = PaneLayout(self, focus: .article).articleRows
        let top = reader.topLine
        switch action {
        case .moveDown: scrollArticle(to: top + 1)
        case .moveUp: scrollArticle(to: top - 1)
        case .pageDown: scrollArticle(to: top + max(1, rows - 1))
        case .pageUp: scrollArticle(to: top - max(1, rows - 1))
        case .top: scrollArticle(to: 0)
        case .bottom: scrollArticle(to: reader.layout.lines.count)
        default: break
        }
    }

    /// Makes `line` the first visible line of the article (clamped), and drops a link
    /// selection that scrolled out of view.
    mutating func scrollArticle(to line: Int) {
        guard var reader else { return }
        let rows = PaneLayout(self, focus: .article).articleRows
        let top = min(max(0, line), max(0, reader.layout.lines.count - rows))
        reader.position = reader.layout.position(ofLine: top)
        if let target = reader.selectedTarget, reader.layout.targets.indices.contains(target) {
            let targetLine = reader.layout.line(of: reader.layout.targets[target])
            if targetLine < top || targetLine >= top + rows { reader.selectedTarget = nil }
        }
        self.reader = reader
    }

    /// Scrolls the article as little as needed to show `lines`, with two lines of context.
    mutating func revealArticle(_ lines: ClosedRange<Int>) {
        guard let reader else { return }
        let rows = PaneLayout(self, focus: .article).articleRows
        let top = reader.topLine
        let context = min(2, max(0, (rows - 1) / 3))
        if lines.lowerBound < top + context {
            scrollArticle(to: lines.lowerBound - context)
        } else if lines.upperBound >= top + rows - context {
            scrollArticle(to: min(lines.lowerBound - context, lines.upperBound - rows + 1 + context))
        }
    }

    /// Scrolls the article to the selected sidebar item's passage.
    mutating func revealSidebarItem() {
        guard let reader else { return }
        let items = reader.sidebarItems
        guard items.indices.contains(sidebarSelected), let anchor = items[sidebarSelected].anchor,
              let lines = reader.layout.lines(of: anchor) else { return }
        revealArticle(lines)
    }

    /// Opens what the focused pane has selected.
    mutating func openSelected() -> [Effect] {
        switch focus {
        case .feeds:
            guard let entry = feedListEntry(at: feedCursor.selected) else { return [] }
            focus = .headlines
            return show(.headlines(entry.scope))
        case .headlines:
            guard let row = headlines.selectedRow else {
                if headlines.cursor.count > 0 { message = .info("Loading…") }
                return []
            }
            focus = .article
            return openArticle(row.id, headline: row)
        case .article:
            return openTarget()
        case .sidebar:
            revealSidebarItem()
            focus = .article
            return []
        }
    }

    /// Selects the next or previous link or related story, in reading order, and shows it.
    mutating func selectTarget(forward: Bool) {
        guard var reader else { return }
        let targets = reader.layout.targets
        guard !targets.isEmpty else {
            message = .info("This article has no links")
            return
        }
        let rows = PaneLayout(self, focus: .article).articleRows
        let top = reader.topLine
        let next: Int?
        if let current = reader.selectedTarget {
            next = forward ? (current + 1 < targets.count ? current + 1 : nil) : (current > 0 ? current - 1 : nil)
        } else if forward {
            next = targets.indices.first { reader.layout.line(of: targets[$0]) >= top }
        } else {
            next = targets.indices.last { reader.layout.line(of: targets[$0]) < top + max(1, rows) }
        }
        guard let next else {
            message = .info(forward ? "No more links below" : "No more links above")
            return
        }
        reader.selectedTarget = next
        self.reader = reader
        focus = .article
        let line = reader.layout.line(of: targets[next])
        revealArticle(line...line)
    }

    /// Selects the next or previous unread headline, loading pages as needed; opens it when
    /// `seek.opens`.
    mutating func seekUnread(_ seek: UnreadSeek) -> [Effect] {
        unreadSeek = nil
        let window = headlines
        let selected = window.cursor.selected
        let candidates: [Int] = seek.forward
            ? Array(max(selected + 1, window.offset)..<max(selected + 1, window.loadedRange.upperBound))
            : Array((window.offset..<max(window.offset, min(selected, window.loadedRange.upperBound))).reversed())
        if let index = candidates.first(where: { window.row(at: $0)?.isRead == false }) {
            headlines.cursor.select(index)
            guard seek.opens, let row = headlines.row(at: index) else { return [] }
            return openArticle(row.id, headline: row)
        }
        let nothingUnread: Bool
        switch window.scope {
        case .headlines(.feed(let id)): nothingUnread = (feeds.first { $0.id == id }?.unread ?? 1) == 0
        case .headlines(.all), .headlines(.unread): nothingUnread = unreadTotal == 0
        default: nothingUnread = false
        }
        let nextPage: Int? = seek.forward
            ? (window.loadedRange.upperBound < window.total || window.mayHaveMore ? window.loadedRange.upperBound : nil)
            : (window.offset > 0 ? max(0, window.offset - listPageSize) : nil)
        guard !nothingUnread, let nextPage else {
            message = .info(seek.forward ? "No unread articles below" : "No unread articles above")
            return []
        }
        unreadSeek = seek
        headlines.requestedOffset = nextPage
        return [loadEffect(offset: nextPage)]
    }
}

extension ListView {
    /// Applies a movement action.
    mutating func apply(_ action: Action) {
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: pageDown()
        case .pageUp: pageUp()
        case .top: home()
        case .bottom: end()
        default: break
        }
    }
}
