import NewsModel
import TerminalUI

extension BookmarksScreen {
    /// Rows each entry takes on screen.
    static let rowsPerEntry = 3
}

/// The bookmarks screen: each bookmark's passage, then its article, age, tags and note.
extension Screen {
    mutating func drawBookmarks(_ screen: BookmarksScreen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: style(.overlay))
        let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(titleRow, style: style(.overlayTitle))
        let title = screen.filter.isEmpty ? "Bookmarks (\(screen.entries.count))"
                                          : "Bookmarks (\(screen.entries.count)) matching \(screen.filter)"
        drawBar(left: title, right: "/ filter  a note  d delete  q close", in: titleRow, style: style(.overlayTitle))
        let body = rect.inset(top: 1, left: 1, right: 1)
        guard !body.isEmpty else { return }
        if screen.entries.isEmpty {
            let text = screen.isLoading ? "Loading…" : (screen.filter.isEmpty ? "No bookmarks yet: b in the highlights sidebar, v in an article" : "No bookmarks match")
            grid.put(DisplayWidth.truncate(text, to: body.width), x: body.x, y: body.y, style: style(.overlay), maxWidth: body.width)
            return
        }
        let perPage = max(1, body.height / BookmarksScreen.rowsPerEntry)
        let first = min(max(0, screen.selected - perPage + 1), max(0, screen.entries.count - perPage))
        var y = body.y
        for index in first..<screen.entries.count {
            guard y < body.maxY else { break }
            drawBookmarkEntry(screen.entries[index], selected: index == screen.selected,
                              in: Rect(x: body.x, y: y, width: body.width, height: min(2, body.maxY - y)))
            y += BookmarksScreen.rowsPerEntry
        }
    }

    /// Two rows: "◆ “passage…”" then "Title — Source · 3d  #tag  ✎ note".
    mutating func drawBookmarkEntry(_ entry: BookmarkEntry, selected: Bool, in rect: Rect) {
        let bookmark = entry.bookmark
        let base = style(selected ? .headlineSelected : .overlay)
        grid.fill(rect, style: base)
        var x = rect.x
        x += grid.put("◆ ", x: x, y: rect.y, style: selected ? base : style(.bookmarkMark), maxWidth: rect.width)
        let quote = "“" + bookmark.text.replacingOccurrences(of: "\n", with: " ") + "”"
        let room = max(0, rect.maxX - x)
        grid.put(DisplayWidth.truncate(quote, to: room), x: x, y: rect.y, style: base, maxWidth: room)
        guard rect.height > 1 else { return }
        var details = entry.articleTitle + " — " + entry.source
        let age = Screen.age(of: bookmark.created, now: state.now)
        if !age.isEmpty { details += " · " + age }
        if bookmark.isOrphaned { details += " · passage no longer in the article" }
        if !bookmark.tags.isEmpty { details += "  " + bookmark.tags.map { "#" + $0 }.joined(separator: " ") }
        if let note = bookmark.note, !note.isEmpty { details += "  ✎ " + note }
        let metaStyle = selected ? base : style(.headlineMeta)
        grid.put(DisplayWidth.truncate(details, to: max(0, rect.width - 2)), x: rect.x + 2, y: rect.y + 1,
                 style: metaStyle, maxWidth: max(0, rect.width - 2))
    }
}
