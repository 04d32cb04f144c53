import TerminalUI

/// The history overlay: articles read in order, the open one marked.
extension Screen {
    mutating func drawHistory(selected: Int, in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, style: style(.overlay))
        let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(titleRow, style: style(.overlayTitle))
        drawBar(left: "History", right: "Enter go there  q close", in: titleRow, style: style(.overlayTitle))
        let body = rect.inset(top: 1)
        let list = state.historyList
        guard !body.isEmpty else { return }
        guard !list.isEmpty else {
            grid.put("No articles read yet", x: body.x + 1, y: body.y, style: style(.overlay),
                     maxWidth: max(0, body.width - 1))
            return
        }
        let current = state.historyCurrentIndex
        let first = min(max(0, selected - body.height + 1), max(0, list.count - body.height))
        for (row, index) in (first..<list.count).prefix(body.height).enumerated() {
            let entry = list[index]
            let line = Rect(x: body.x, y: body.y + row, width: body.width, height: 1)
            let rowStyle = style(index == selected ? .headlineSelected : .overlay)
            grid.fill(line, style: rowStyle)
            grid.put(index == current ? "▸" : " ", x: line.x + 1, y: line.y, style: rowStyle, maxWidth: max(0, line.width - 1))
            let sourceWidth = min(DisplayWidth.of(entry.source), line.width / 4)
            let titleRoom = max(0, line.width - 4 - (sourceWidth > 2 ? sourceWidth + 2 : 0))
            grid.put(DisplayWidth.truncate(entry.title, to: titleRoom), x: line.x + 3, y: line.y,
                     style: rowStyle, maxWidth: titleRoom)
            if sourceWidth > 2 {
                let source = DisplayWidth.truncate(entry.source, to: sourceWidth)
                grid.put(source, x: line.maxX - 1 - DisplayWidth.of(source), y: line.y,
                         style: index == selected ? rowStyle : style(.headlineMeta), maxWidth: sourceWidth)
            }
        }
    }
}
