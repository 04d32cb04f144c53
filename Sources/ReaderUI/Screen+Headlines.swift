import NewsModel
import TerminalUI

/// The left column: the feed list and the headline list.
extension Screen {
    /// Views and feeds with their unread counts; "▸" marks the scope listed below.
    mutating func drawFeeds(in rect: Rect) {
        guard !rect.isEmpty else { return }
        let focused = state.focus == .feeds
        drawTitle("Feeds", detail: state.unreadTotal > 0 ? "\(state.unreadTotal) unread" : "",
                  in: rect, focused: focused)
        let body = rect.inset(top: 1)
        let cursor = state.feedCursor
        for (row, index) in cursor.visibleRange.prefix(body.height).enumerated() {
            guard let entry = state.feedListEntry(at: index) else { break }
            let y = body.y + row
            let selected = focused && index == cursor.selected
            let nameStyle = style(selected ? .feedNameSelected : .feedName)
            let line = Rect(x: body.x, y: y, width: body.width, height: 1)
            grid.fill(line, style: nameStyle)
            let active = state.headlines.scope == .headlines(entry.scope)
            grid.put(active ? "▸" : " ", x: body.x, y: y, style: nameStyle, maxWidth: body.width)
            let count = state.unreadCount(of: entry).flatMap { $0 > 0 ? String($0) : nil } ?? ""
            let countWidth = DisplayWidth.of(count)
            let nameRoom = max(0, body.width - 3 - (count.isEmpty ? 0 : countWidth + 1))
            grid.put(DisplayWidth.truncate(entry.title, to: nameRoom), x: body.x + 2, y: y,
                     style: nameStyle, maxWidth: nameRoom)
            if !count.isEmpty, countWidth + 4 <= body.width {
                let countStyle = selected ? nameStyle : style(.unreadCount)
                grid.put(count, x: body.maxX - 1 - countWidth, y: y, style: countStyle, maxWidth: countWidth)
            }
        }
    }

    /// The loaded rows of the headline list that are visible: marks, title, source and age.
    mutating func drawHeadlines(in rect: Rect) {
        guard !rect.isEmpty else { return }
        let window = state.headlines
        let total = window.total
        let position = total == 0 ? "" : "\(min(window.cursor.selected + 1, total))/\(total)\(window.mayHaveMore ? "+" : "")"
        drawTitle(state.title(of: window.scope), detail: position, in: rect,
                  focused: state.focus == .headlines)
        let body = rect.inset(top: 1)
        guard !body.isEmpty else { return }
        if window.cursor.count == 0 {
            let text = window.isLoading ? "Loading…" : (window.scope == .headlines(.unread) ? "No unread articles" : "No articles")
            grid.put(text, x: body.x + 1, y: body.y, style: style(.headlineMeta), maxWidth: max(0, body.width - 1))
            return
        }
        let showsSource: Bool
        if case .headlines(.feed) = window.scope { showsSource = false } else { showsSource = true }
        for (row, index) in window.cursor.visibleRange.prefix(body.height).enumerated() {
            let line = Rect(x: body.x, y: body.y + row, width: body.width, height: 1)
            drawHeadline(at: index, in: line, showsSource: showsSource)
        }
    }

    /// One headline row: `•` unread, `★` starred, the title, then source and age on the right.
    mutating func drawHeadline(at index: Int, in line: Rect, showsSource: Bool) {
        let window = state.headlines
        let selected = index == window.cursor.selected
        guard let headline = window.row(at: index) else {
            let text = index >= window.total ? "more results…" : "…"
            let rowStyle = selected ? style(.headlineSelected) : style(.headlineMeta)
            grid.fill(line, style: rowStyle)
            grid.put(text, x: line.x + 3, y: line.y, style: rowStyle, maxWidth: max(0, line.width - 3))
            return
        }
        let titleStyle = selected ? style(.headlineSelected)
                                  : style(headline.isRead ? .headlineRead : .headlineUnread)
        grid.fill(line, style: titleStyle)
        func mark(_ role: ThemeRole) -> Style { selected ? titleStyle.patched(with: style(role)) : style(role) }
        grid.put(headline.isRead ? " " : "•", x: line.x, y: line.y, style: mark(.unreadMark), maxWidth: line.width)
        grid.put(headline.isStarred ? "★" : " ", x: line.x + 1, y: line.y, style: mark(.starMark),
                 maxWidth: max(0, line.width - 1))

        // Right side: the age, right-aligned, after the source in a fixed column when the row
        // is wide enough for both to leave the title room.
        let ageText = Screen.age(of: headline.date, now: state.now)
        let age = String(repeating: " ", count: max(0, 3 - DisplayWidth.of(ageText))) + ageText
        let sourceRoom = showsSource && line.width >= 40 ? min(line.width / 4, 14) : 0
        let source = sourceRoom > 0 ? DisplayWidth.fit(headline.source, to: sourceRoom) : ""
        var meta = source.isEmpty ? age : source + " " + age
        if line.width < 20 { meta = "" }
        let metaWidth = DisplayWidth.of(meta)
        let titleRoom = max(0, line.width - 3 - (meta.isEmpty ? 0 : metaWidth + 2))
        grid.put(DisplayWidth.truncate(headline.title, to: titleRoom), x: line.x + 3, y: line.y,
                 style: titleStyle, maxWidth: titleRoom)
        if !meta.isEmpty {
            let metaStyle = selected ? titleStyle : style(.headlineMeta)
            grid.put(meta, x: line.maxX - 1 - metaWidth, y: line.y, style: metaStyle, maxWidth: metaWidth)
        }
    }
}
