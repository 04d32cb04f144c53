import NewsModel
import TerminalUI

/// The highlights sidebar: each highlight with its kind, attribution, bookmark mark and note.
extension Screen {
    mutating func drawSidebar(in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: style(.normal))
        let focused = state.focus == .sidebar
        let items = state.reader?.sidebarItems ?? []
        drawTitle("Highlights", detail: items.isEmpty ? "" : String(items.count), in: rect, focused: focused)
        let body = rect.inset(top: 1)
        let width = panes.sidebarTextWidth
        guard !body.isEmpty, width > 0 else { return }
        guard !items.isEmpty else {
            let text = state.reader == nil ? "No article open" : "No highlights"
            grid.put(text, x: body.x + 1, y: body.y, style: style(.sidebarKind), maxWidth: width)
            return
        }
        let selected = min(state.sidebarSelected, items.count - 1)
        // Lay out items from the top until the selected one fits, then draw from there.
        let cards = items.map { Self.sidebarCard($0, width: width) }
        var first = 0
        func height(_ range: ClosedRange<Int>) -> Int { cards[range].reduce(0) { $0 + $1.count + 1 } - 1 }
        while first < selected, height(first...selected) > body.height { first += 1 }
        var y = body.y
        for index in first..<items.count {
            guard y < body.maxY else { break }
            let isSelected = focused && index == selected
            for line in cards[index] where y < body.maxY {
                var lineStyle = style(isSelected ? .sidebarItemSelected : line.role)
                if isSelected { lineStyle.attributes.formUnion(style(line.role).attributes) }
                if isSelected { grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: lineStyle) }
                var x = body.x + 1
                if let mark = line.mark {
                    x += grid.put(mark, x: x, y: y, style: isSelected ? lineStyle : style(.bookmarkMark), maxWidth: width)
                }
                grid.put(line.text, x: x, y: y, style: lineStyle, maxWidth: max(0, body.x + 1 + width - x))
                y += 1
            }
            y += 1
        }
    }

    /// One line of a sidebar card.
    struct CardLine {
        var text: String
        var role: ThemeRole
        /// Drawn before the text in the bookmark role.
        var mark: String?
    }

    /// The lines of one sidebar item: kind (with "◆ " when bookmarked), text, attribution, note.
    static func sidebarCard(_ item: SidebarItem, width: Int) -> [CardLine] {
        var lines = [CardLine(text: item.kind.label, role: .sidebarKind, mark: item.bookmark == nil ? nil : "◆ ")]
        lines += wrap(item.text, width: width).map { CardLine(text: $0, role: .sidebarItem) }
        if let attribution = item.attribution, !attribution.isEmpty {
            lines += wrap("— " + attribution, width: width).map { CardLine(text: $0, role: .attribution) }
        }
        if let note = item.bookmark?.note, !note.isEmpty {
            lines += wrap("✎ " + note, width: width).map { CardLine(text: $0, role: .sidebarKind) }
        }
        if let tags = item.bookmark?.tags, !tags.isEmpty {
            let text = tags.map { "#" + $0 }.joined(separator: " ")
            lines.append(CardLine(text: DisplayWidth.truncate(text, to: width), role: .sidebarKind))
        }
        return lines
    }
}
