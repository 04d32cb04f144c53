import NewsModel
import TerminalUI

/// The status line: position, unread count, mode, message or error, key hints; or a prompt.
extension Screen {
    mutating func drawStatusLine(in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: style(.status))
        if let prompt = state.prompt {
            drawPrompt(prompt, in: rect)
            return
        }
        var parts: [String] = []
        if let position = positionText { parts.append(position) }
        if state.unreadTotal > 0 { parts.append("\(state.unreadTotal) unread") }
        if state.selection != nil { parts.append("VISUAL") }
        if let refresh = state.refresh {
            parts.append(refresh.total > 0 ? "refreshing \(refresh.done)/\(refresh.total)" : "refreshing")
        }
        var x = rect.x + 1
        let right = rect.maxX - 1
        let info = parts.joined(separator: " · ")
        x += grid.put(DisplayWidth.truncate(info, to: max(0, right - x)), x: x, y: rect.y,
                      style: style(.status), maxWidth: max(0, right - x))
        let hints = hintText
        var text: String?
        var role: ThemeRole = .message
        switch state.message {
        case .info(let message): text = message
        case .error(let message): text = message; role = .error
        case nil:
            if case .search = state.headlines.scope, state.focus == .headlines,
               let snippet = state.headlines.snippet(at: state.headlines.cursor.selected) {
                text = snippet
            }
        }
        let hintsWidth = DisplayWidth.of(hints)
        var room = max(0, right - x - 2)
        let showsHints = room >= hintsWidth + 2 + (text == nil ? 0 : 20)
        if showsHints { room -= hintsWidth + 2 }
        if let text, room > 0 {
            x += 2
            grid.put(DisplayWidth.truncate(text, to: room), x: x, y: rect.y, style: style(role), maxWidth: room)
        }
        if showsHints, hintsWidth > 0 {
            grid.put(hints, x: right - hintsWidth, y: rect.y, style: style(.statusKey), maxWidth: hintsWidth)
        }
    }

    /// Where the reader is: "12/340" in the lists, "45%" in the article.
    var positionText: String? {
        guard state.overlay == nil else { return nil }
        switch state.focus {
        case .feeds:
            return "\(state.feedCursor.selected + 1)/\(state.feedListCount)"
        case .headlines:
            let total = state.headlines.total
            return total == 0 ? nil : "\(min(state.headlines.cursor.selected + 1, total))/\(total)"
        case .article, .sidebar:
            return nil
        }
    }

    /// The keys worth knowing in the current mode.
    var hintText: String {
        if state.overlay != nil { return "" }  // overlays name their keys in their title row
        if state.selection != nil { return "j/k sentence  b bookmark  Esc cancel" }
        switch state.focus {
        case .feeds, .headlines: return "Enter open  / search  ? help  q quit"
        case .article: return "] link  Bksp back  v select  ? help"
        case .sidebar: return "b bookmark  a note  ? help"
        }
    }

    /// The prompt: its label, the text typed (its end when too long) and a cursor.
    mutating func drawPrompt(_ prompt: Prompt, in rect: Rect) {
        let promptStyle = style(.prompt)
        var x = rect.x + (rect.width > 2 ? 1 : 0)
        x += grid.put(prompt.kind.label, x: x, y: rect.y, style: promptStyle, maxWidth: max(0, rect.width - 1))
        let room = max(0, rect.maxX - x - 1)
        // The end of the text, as much as fits: what is being typed stays in view.
        var tail = String.UnicodeScalarView()
        var used = 0
        for scalar in prompt.text.unicodeScalars.reversed() {
            used += DisplayWidth.of(scalar)
            if used > room { break }
            tail.append(scalar)
        }
        let text = String(String.UnicodeScalarView(tail.reversed()))
        x += grid.put(text, x: x, y: rect.y, style: promptStyle, maxWidth: room)
        var cursor = promptStyle
        cursor.attributes.formSymmetricDifference(.reverse)
        grid.put(" ", x: x, y: rect.y, style: cursor, maxWidth: max(0, rect.maxX - x))
    }
}
