import NewsModel

/// Overlays (help, bookmarks screen, history) and prompts.
extension AppState {
    /// Rows of an overlay's content: the main area less its title row.
    var overlayRows: Int { max(0, height - 2) }

    /// Handles an intent while an overlay is open.
    mutating func handleOverlay(_ action: Action) -> [Effect] {
        guard let overlay else { return [] }
        if action == .cancel || action == .quit {
            self.overlay = nil
            return []
        }
        switch overlay {
        case .help(let top):
            let page = max(1, overlayRows - 1)
            switch action {
            case .moveDown: self.overlay = .help(top: top + 1)
            case .moveUp: self.overlay = .help(top: max(0, top - 1))
            case .pageDown: self.overlay = .help(top: top + page)
            case .pageUp: self.overlay = .help(top: max(0, top - page))
            case .top: self.overlay = .help(top: 0)
            case .bottom: self.overlay = .help(top: HelpScreen.maxTop(self))
            case .showHelp: self.overlay = nil
            default: break
            }
        case .history(let selected):
            let count = historyList.count
            if let moved = Self.moved(selected, by: action, count: count, page: max(1, overlayRows)) {
                self.overlay = .history(selected: moved)
            } else if action == .open {
                self.overlay = nil
                return jumpInHistory(to: selected)
            }
        case .bookmarks(var screen):
            let page = max(1, overlayRows / BookmarksScreen.rowsPerEntry)
            if let moved = Self.moved(screen.selected, by: action, count: screen.entries.count, page: page) {
                screen.selected = moved
                self.overlay = .bookmarks(screen)
                return []
            }
            return handleBookmarksScreen(action, screen)
        }
        return []
    }

    /// The selection after a movement action in a list of `count` entries; nil for other actions.
    static func moved(_ selected: Int, by action: Action, count: Int, page: Int) -> Int? {
        let target: Int
        switch action {
        case .moveDown: target = selected + 1
        case .moveUp: target = selected - 1
        case .pageDown: target = selected + page
        case .pageUp: target = selected - page
        case .top: target = 0
        case .bottom: target = count - 1
        default: return nil
        }
        return min(max(0, target), max(0, count - 1))
    }

    /// Opening, filtering, annotating and deleting on the bookmarks screen.
    mutating func handleBookmarksScreen(_ action: Action, _ screen: BookmarksScreen) -> [Effect] {
        switch action {
        case .open:
            guard let entry = screen.selectedEntry else { return [] }
            overlay = nil
            focus = .article
            let id = entry.bookmark.articleID
            return openArticle(id, headline: headlines.rows.first { $0.id == id },
                               anchor: entry.bookmark.anchor)
        case .startSearch:
            prompt = Prompt(.bookmarkFilter, text: screen.filter)
        case .addNote:
            promptForBookmark(screen.selectedEntry?.bookmark, tags: false)
        case .editTags:
            promptForBookmark(screen.selectedEntry?.bookmark, tags: true)
        case .deleteBookmark:
            guard let id = screen.selectedEntry?.bookmark.id else { return [] }
            var screen = screen
            screen.entries.remove(at: screen.selected)
            screen.selected = min(screen.selected, max(0, screen.entries.count - 1))
            overlay = .bookmarks(screen)
            reader?.bookmarks.removeAll { $0.id == id }
            message = .info("Bookmark deleted")
            return [.removeBookmark(id)]
        default:
            break
        }
        return []
    }

    // MARK: Prompts

    /// Handles typing in the prompt.
    mutating func handlePrompt(_ action: Action) -> [Effect] {
        guard var prompt else { return [] }
        switch action {
        case .input(let character):
            guard !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
                  prompt.text.unicodeScalars.count < Self.promptLimit else { return [] }
            prompt.text.append(character)
            self.prompt = prompt
        case .inputBackspace:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
            self.prompt = prompt
        case .cancel, .quit:
            self.prompt = nil
        case .submit:
            self.prompt = nil
            return submit(prompt)
        default:
            break
        }
        return []
    }

    /// Longest prompt text, in Unicode scalars.
    static let promptLimit = 1000

    /// Acts on a submitted prompt.
    mutating func submit(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.kind {
        case .search:
            guard !text.isEmpty else { return [] }
            focus = .headlines
            return show(.search(text))
        case .bookmarkFilter:
            guard case .bookmarks(var screen) = overlay else { return [] }
            screen.filter = text
            screen.isLoading = true
            screen.selected = 0
            overlay = .bookmarks(screen)
            let query = BookmarksScreen.query(text)
            return [.loadBookmarks(text: query.text, tag: query.tag)]
        case .note(let id):
            guard let bookmark = bookmark(id) else { return [] }
            message = .info(text.isEmpty ? "Note removed" : "Note saved")
            return updateBookmark(id, note: text.isEmpty ? nil : text, tags: bookmark.tags)
        case .tags(let id):
            guard let bookmark = bookmark(id) else { return [] }
            var tags: [String] = []
            for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
                let tag = String(word.drop { $0 == "#" })
                if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
            }
            message = .info(tags.isEmpty ? "Tags removed" : "Tagged " + tags.map { "#" + $0 }.joined(separator: " "))
            return updateBookmark(id, note: bookmark.note, tags: tags)
        }
    }
}
