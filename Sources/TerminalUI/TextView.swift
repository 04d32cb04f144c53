/// Vertical scroll state for a block of wrapped text.

/// The scroll state of `lineCount` lines shown in `height` rows.
///
/// `top` always stays in `0...maxTop`, so the last page is full whenever the text is taller
/// than the view.
public struct TextView: Hashable, Sendable {
    /// Number of lines (wrapped rows) of text.
    public private(set) var lineCount: Int
    /// Visible rows.
    public private(set) var height: Int
    /// First visible line, in wrapped lines.
    public private(set) var top: Int

    public init(lineCount: Int = 0, height: Int = 0, top: Int = 0) {
        self.lineCount = max(0, lineCount)
        self.height = max(0, height)
        self.top = top
        clamp()
    }

    /// The largest valid `top`: the last page starts there.
    public var maxTop: Int { max(0, lineCount - height) }

    /// Indexes of the visible lines.
    public var visibleRange: Range<Int> { top..<min(lineCount, top + height) }

    /// True when the last line is visible.
    public var isAtEnd: Bool { top >= maxTop }

    /// Scrolls by `delta` lines (negative: up).
    public mutating func scroll(by delta: Int) {
        top += delta
        clamp()
    }

    /// Scrolls down by a page, keeping one line of context.
    public mutating func pageDown() { scroll(by: max(1, height - 1)) }

    /// Scrolls up by a page, keeping one line of context.
    public mutating func pageUp() { scroll(by: -max(1, height - 1)) }

    /// Scrolls to the first line.
    public mutating func home() { scroll(to: 0) }

    /// Scrolls to the last page.
    public mutating func end() { scroll(to: maxTop) }

    /// Makes `line` the first visible line (clamped).
    public mutating func scroll(to line: Int) {
        top = line
        clamp()
    }

    /// Scrolls as little as needed to show `line`.
    public mutating func reveal(_ line: Int) {
        if line < top { top = line } else if line >= top + height { top = line - height + 1 }
        clamp()
    }

    /// Changes the number of lines (after re-wrapping), keeping `top` where possible.
    public mutating func setLineCount(_ count: Int) {
        lineCount = max(0, count)
        clamp()
    }

    /// Changes the number of visible rows (after a resize).
    public mutating func setHeight(_ rows: Int) {
        height = max(0, rows)
        clamp()
    }

    private mutating func clamp() { top = min(max(top, 0), maxTop) }
}
