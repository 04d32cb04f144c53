import NewsModel
import TerminalUI

/// The article pane: the visible lines of the layout, styled, with marked passages.
extension Screen {
    mutating func drawArticle(in rect: Rect) {
        guard !rect.isEmpty else { return }
        let focused = state.focus == .article
        guard let reader = state.reader else {
            drawTitle("Article", in: rect, focused: focused)
            let text = state.pendingOpen != nil ? "Loading…" : "Select a headline and press Enter"
            grid.put(text, x: rect.x + 1, y: rect.y + 2, style: style(.articleMeta), maxWidth: max(0, rect.width - 2))
            return
        }
        let body = rect.inset(top: 1)
        let width = panes.articleTextWidth
        // Reflowing here only happens when the state was changed without `reduce`.
        let layout = reader.layout.width == width
            ? reader.layout : ArticleLayout(article: reader.article, width: width, utcOffset: state.utcOffset)
        let top = min(layout.line(at: reader.position), max(0, layout.lines.count - body.height))
        let shown = layout.lines.isEmpty ? 0 : min(100, (min(top + body.height, layout.lines.count) * 100) / layout.lines.count)
        let marks = [reader.article.isStarred ? "★" : "", reader.article.isRead ? "" : "unread"]
            .filter { !$0.isEmpty }.joined(separator: " ")
        drawTitle(reader.article.source, detail: (marks.isEmpty ? "" : marks + "  ") + "\(shown)%",
                  in: rect, focused: focused)
        guard !body.isEmpty, !layout.lines.isEmpty else { return }
        let marked = markedRanges(reader, layout)
        let left = body.x + 1 + max(0, (body.width - 2 - width) / 2)
        for row in 0..<min(body.height, layout.lines.count - top) {
            drawArticleLine(layout, top + row, x: left, y: body.y + row, width: width,
                            selectedTarget: reader.selectedTarget, marked: marked)
        }
    }

    /// A range of a block's text drawn with an extra role.
    struct Mark {
        var block: Int
        var range: Range<Int>
        var role: ThemeRole
    }

    /// Passages drawn marked: bookmarked ones and the passage jumped to (highlight role), the
    /// selected sidebar item's passage, and the visual selection (selection role).
    func markedRanges(_ reader: ArticleReader, _ layout: ArticleLayout) -> [Mark] {
        var anchors = reader.bookmarks.compactMap(\.anchor)
        if let marked = reader.marked { anchors.append(marked) }
        if state.focus == .sidebar {
            let items = reader.sidebarItems
            if items.indices.contains(state.sidebarSelected), let anchor = items[state.sidebarSelected].anchor {
                anchors.append(anchor)
            }
        }
        var marks = anchors.compactMap { anchor in
            layout.displayRange(of: anchor).map { Mark(block: $0.block, range: $0.range, role: .highlightAnchor) }
        }
        if let selection = state.selection, let (block, range) = layout.displayRange(of: selection.anchor) {
            marks.append(Mark(block: block, range: range, role: .selection))
        }
        return marks
    }

    /// One line: its prefix, then its text in pieces of one style each.
    mutating func drawArticleLine(_ layout: ArticleLayout, _ index: Int, x: Int, y: Int, width: Int,
                                  selectedTarget: Int?, marked: [Mark]) {
        let line = layout.lines[index]
        let block = layout.blocks[line.block]
        let right = x + width
        var column = x
        if !line.prefix.isEmpty {
            column += grid.put(line.prefix, x: column, y: y, style: style(block.prefixRole),
                               maxWidth: max(0, right - column))
        }
        guard line.end > line.start else { return }
        let scalars = Array(line.text.unicodeScalars)
        let marks = marked.filter { $0.block == line.block && $0.range.overlaps(line.start..<line.end) }
        // Cut the line where a run or a mark starts or ends; each piece has one style.
        var cuts: Set<Int> = [line.start, line.end]
        for run in block.runs where run.range.overlaps(line.start..<line.end) {
            cuts.insert(max(run.range.lowerBound, line.start))
            cuts.insert(min(run.range.upperBound, line.end))
        }
        for mark in marks {
            cuts.insert(max(mark.range.lowerBound, line.start))
            cuts.insert(min(mark.range.upperBound, line.end))
        }
        let points = cuts.sorted()
        var runIndex = block.runs.firstIndex { $0.range.upperBound > line.start } ?? block.runs.count
        for (from, to) in zip(points, points.dropFirst()) where column < right {
            while runIndex < block.runs.count, block.runs[runIndex].range.upperBound <= from { runIndex += 1 }
            let run = runIndex < block.runs.count ? block.runs[runIndex] : nil
            let pieceStyle = styleAt(from, run: run, marks: marks, selectedTarget: selectedTarget)
            column += putScalars(scalars, from - line.start, to - line.start, x: column, y: y,
                                 style: pieceStyle, right: right)
        }
    }

    /// The style of the scalar at display offset `offset` of a block.
    func styleAt(_ offset: Int, run: ArticleLayout.Run?, marks: [Mark], selectedTarget: Int?) -> Style {
        guard let run else { return style(.articleBody) }
        var result = style(run.role)
        result.attributes.formUnion(run.attributes)
        if let target = run.target, target == selectedTarget {
            result = style(run.role == .link ? .linkSelected : .relatedSelected)
        }
        for mark in marks where mark.range.contains(offset) && mark.role == .highlightAnchor {
            result = result.patched(with: style(.highlightAnchor))
            break
        }
        if marks.contains(where: { $0.role == .selection && $0.range.contains(offset) }) {
            result = result.patched(with: style(.selection))
        }
        return result
    }

    /// Draws scalars `from..<to` of a line; returns the columns used.
    mutating func putScalars(_ scalars: [Unicode.Scalar], _ from: Int, _ to: Int, x: Int, y: Int,
                             style: Style, right: Int) -> Int {
        guard from < to, x < right else { return 0 }
        let text = String(String.UnicodeScalarView(scalars[max(0, from)..<min(to, scalars.count)]))
        return grid.put(text, x: x, y: y, style: style, maxWidth: right - x)
    }
}
