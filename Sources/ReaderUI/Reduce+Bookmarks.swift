import NewsModel

/// Bookmarks: of highlights (sidebar), of selected passages (visual mode), notes and tags.
extension AppState {
    /// The selected sidebar item, nil when there is none.
    var sidebarItem: SidebarItem? {
        guard let items = reader?.sidebarItems, items.indices.contains(sidebarSelected) else { return nil }
        return items[sidebarSelected]
    }

    /// The bookmark of the selected sidebar item; a message says why when there is none.
    var sidebarBookmark: Bookmark? { sidebarItem?.bookmark }

    /// Bookmarks the selected sidebar highlight, or removes its bookmark.
    mutating func toggleSidebarBookmark() -> [Effect] {
        guard let reader, let item = sidebarItem else {
            message = .info("No highlight selected")
            return []
        }
        if let bookmark = item.bookmark {
            guard let id = bookmark.id else {
                message = .info("Still saving that bookmark")
                return []
            }
            self.reader?.bookmarks.removeAll { $0.id == id }
            message = .info("Bookmark removed")
            return [.removeBookmark(id)]
        }
        let bookmark = Bookmark(articleID: reader.id, highlightID: item.highlight?.id, kind: item.kind,
                                text: item.text, attribution: item.attribution, anchor: item.anchor,
                                created: now)
        self.reader?.bookmarks.append(bookmark)
        message = .info("Bookmarked")
        return [.addBookmark(bookmark)]
    }

    /// Opens the note (or tags) prompt for `bookmark`.
    mutating func promptForBookmark(_ bookmark: Bookmark?, tags: Bool) {
        guard let bookmark else {
            message = .info("Bookmark it first with b")
            return
        }
        guard let id = bookmark.id else {
            message = .info("Still saving that bookmark")
            return
        }
        prompt = tags ? Prompt(.tags(id), text: bookmark.tags.joined(separator: " "))
                      : Prompt(.note(id), text: bookmark.note ?? "")
    }

    /// The bookmark with `id` wherever the state holds it.
    func bookmark(_ id: BookmarkID) -> Bookmark? {
        if let found = reader?.bookmarks.first(where: { $0.id == id }) { return found }
        if case .bookmarks(let screen) = overlay {
            return screen.entries.first { $0.bookmark.id == id }?.bookmark
        }
        return nil
    }

    /// Changes a bookmark's note and tags here and in the store.
    mutating func updateBookmark(_ id: BookmarkID, note: String?, tags: [String]) -> [Effect] {
        guard let bookmark = bookmark(id) else { return [] }
        var changed = bookmark
        changed.note = note
        changed.tags = tags
        replace(changed)
        return [.updateBookmark(id, note: note, tags: tags)]
    }

    /// Puts a saved bookmark in place of its earlier copy (same id, or the unsaved one with the
    /// same passage) in the open article and on the bookmarks screen.
    mutating func replace(_ bookmark: Bookmark) {
        if var reader, reader.id == bookmark.articleID {
            if let index = reader.bookmarks.firstIndex(where: {
                $0.id == bookmark.id || ($0.id == nil && $0.text == bookmark.text && $0.anchor == bookmark.anchor)
            }) {
                reader.bookmarks[index] = bookmark
            } else {
                reader.bookmarks.append(bookmark)
            }
            self.reader = reader
        }
        if case .bookmarks(var screen) = overlay,
           let index = screen.entries.firstIndex(where: { $0.bookmark.id == bookmark.id }) {
            screen.entries[index].bookmark = bookmark
            overlay = .bookmarks(screen)
        }
    }

    // MARK: Visual mode

    /// Starts a passage selection at the first sentence at the top of the article view.
    mutating func startSelection() {
        guard let reader else {
            message = .info("Open an article first")
            return
        }
        let layout = reader.layout
        let rows = PaneLayout(self, focus: .article).articleRows
        let top = reader.topLine
        for line in top..<min(layout.lines.count, top + max(1, rows)) {
            let laid = layout.lines[line]
            guard !laid.isBlank, case .body(let body) = layout.blocks[laid.block].part else { continue }
            let text = reader.article.body[body].plainText
            let offset = layout.plainOffset(body: body, display: laid.start)
            if let start = PassageSelection.sentence(in: text, at: offset, block: body) {
                selection = start
                focus = .article
                revealSelection()
                return
            }
        }
        message = .info("No text to select here")
    }

    /// Handles an intent in visual mode.
    mutating func handleVisual(_ action: Action) -> [Effect] {
        guard let reader, let current = selection, reader.article.body.indices.contains(current.block) else {
            selection = nil
            return []
        }
        switch action {
        case .extendSelection(let unit, let forward):
            selection = current.extended(by: unit, forward: forward,
                                         in: reader.article.body[current.block].plainText)
            revealSelection()
        case .moveSelection(let forward):
            let body = reader.article.body
            let candidates = forward ? Array((current.block + 1)..<body.count)
                                     : Array((0..<current.block).reversed())
            for index in candidates {
                if let moved = PassageSelection.sentence(in: body[index].plainText, at: 0, block: index) {
                    selection = moved
                    revealSelection()
                    break
                }
            }
        case .bookmark, .submit:
            let scalars = Array(reader.article.body[current.block].plainText.unicodeScalars)
            let end = min(current.end, scalars.count)
            let start = min(current.start, end)
            let text = String(String.UnicodeScalarView(scalars[start..<end]))
            let bookmark = Bookmark(articleID: reader.id, kind: .passage, text: text,
                                    anchor: Anchor(block: current.block, start: start, end: end),
                                    created: now)
            self.reader?.bookmarks.append(bookmark)
            selection = nil
            message = .info("Passage bookmarked")
            return [.addBookmark(bookmark)]
        case .cancel, .quit:
            selection = nil
        default:
            break
        }
        return []
    }

    /// Scrolls the article to show the passage selection.
    mutating func revealSelection() {
        guard let selection, let lines = reader?.layout.lines(of: selection.anchor) else { return }
        revealArticle(lines)
    }
}
