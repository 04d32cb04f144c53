import TerminalUI

/// The help overlay's text: every binding of the keymap, by section.
enum HelpScreen {
    /// One row of the help text.
    struct Line: Equatable {
        /// Keys, on the first row of an entry; empty on headings and continuation rows.
        var keys: String
        var text: String
        var isHeading: Bool
    }

    /// Widest keys column, in columns.
    static let keysWidth = 16

    /// The help text for `keymap` wrapped to `width` columns.
    static func lines(_ keymap: Keymap, width: Int) -> [Line] {
        let entries = keymap.help
        let keysWidth = min(entries.map { DisplayWidth.of($0.keys) }.max() ?? 0, Self.keysWidth)
        let textColumn = 2 + keysWidth + 2
        let textWidth = width - textColumn - 1
        var out: [Line] = []
        var section = ""
        for entry in entries {
            if entry.section != section {
                if !out.isEmpty { out.append(Line(keys: "", text: "", isHeading: false)) }
                out.append(Line(keys: "", text: entry.section, isHeading: true))
                section = entry.section
            }
            if textWidth >= 12 {
                let wrapped = wrap(entry.description, width: textWidth)
                for (n, text) in wrapped.enumerated() {
                    out.append(Line(keys: n == 0 ? entry.keys : "", text: text, isHeading: false))
                }
            } else {
                // Too narrow for two columns: keys on one row, the description below.
                out.append(Line(keys: entry.keys, text: "", isHeading: false))
                for text in wrap(entry.description, width: max(1, width - 5)) {
                    out.append(Line(keys: "", text: text, isHeading: false))
                }
            }
        }
        return out
    }

    /// The column the description starts at for `keymap`.
    static func textColumn(_ keymap: Keymap, width: Int) -> Int {
        let keysWidth = min(keymap.help.map { DisplayWidth.of($0.keys) }.max() ?? 0, Self.keysWidth)
        return width - (2 + keysWidth + 2) - 1 >= 12 ? 2 + keysWidth + 2 : 4
    }

    /// The largest first visible line of the help overlay in `state`.
    static func maxTop(_ state: AppState) -> Int {
        max(0, lines(state.keymap, width: state.width).count - state.overlayRows)
    }
}

extension Screen {
    /// The help overlay: headings and, for every binding, its keys and what it does.
    mutating func drawHelp(in rect: Rect, top: Int) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: style(.overlay))
        let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(titleRow, style: style(.overlayTitle))
        drawBar(left: "Keys", right: "j/k scroll  q close", in: titleRow, style: style(.overlayTitle))
        let body = rect.inset(top: 1)
        let lines = HelpScreen.lines(state.keymap, width: rect.width)
        let column = HelpScreen.textColumn(state.keymap, width: rect.width)
        let first = min(max(0, top), max(0, lines.count - body.height))
        var bold = style(.overlay)
        bold.attributes.insert(.bold)
        var heading = bold
        heading.attributes.insert(.underline)
        for (row, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
            let y = body.y + row
            if line.isHeading {
                grid.put(DisplayWidth.truncate(line.text, to: max(0, rect.width - 2)), x: rect.x + 1, y: y,
                         style: heading, maxWidth: max(0, rect.width - 2))
                continue
            }
            if !line.keys.isEmpty {
                let room = line.text.isEmpty ? max(0, rect.width - 3) : max(0, column - 4)
                grid.put(DisplayWidth.truncate(line.keys, to: room), x: rect.x + 2, y: y, style: bold, maxWidth: room)
            }
            if !line.text.isEmpty {
                grid.put(line.text, x: rect.x + column, y: y, style: style(.overlay),
                         maxWidth: max(0, rect.width - column - 1))
            }
        }
    }
}
