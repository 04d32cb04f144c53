/// Scroll state of a virtualised list: which items are visible and which one is selected.

/// The scroll state of a list of `count` items shown in `height` rows, one item per row.
///
/// Only the visible range is ever rendered, so a list of any length costs the same to draw.
/// Every mutation keeps the invariants: `selected` is a valid index (0 when empty), `top` is
/// in `0...max(0, count - height)`, and the selection is visible with `scrollOff` rows of
/// context above and below it where the list allows.
public struct ListView: Hashable, Sendable {
    /// Number of items.
    public private(set) var count: Int
    /// Index of the selected item; 0 when the list is empty.
    public private(set) var selected: Int
    /// Index of the item in the first visible row.
    public private(set) var top: Int
    /// Number of visible rows.
    public private(set) var height: Int
    /// Rows of context kept visible above and below the selection (like vim's `scrolloff`).
    public private(set) var scrollOff: Int

    public init(count: Int = 0, selected: Int = 0, top: Int = 0, height: Int = 0,
                scrollOff: Int = 0) {
        self.count = max(0, count)
        self.selected = selected
        self.top = top
        self.height = max(0, height)
        self.scrollOff = max(0, scrollOff)
        normalize()
    }

    /// The indexes of the visible items, top to bottom.
    public var visibleRange: Range<Int> { top..<min(count, top + height) }

    /// The screen row (0-based, within the list) of the selected item, if visible.
    public var selectedRow: Int? {
        visibleRange.contains(selected) ? selected - top : nil
    }

    /// Selects `index` (clamped) and scrolls as little as needed to show it.
    public mutating func select(_ index: Int) {
        selected = index
        normalize()
    }

    /// Moves the selection by `delta` items (negative: up), clamped to the list.
    public mutating func move(by delta: Int) { select(selected + delta) }

    /// Moves the selection and the view down by one page, keeping the selection's screen row.
    public mutating func pageDown() { page(by: max(1, height)) }

    /// Moves the selection and the view up by one page, keeping the selection's screen row.
    public mutating func pageUp() { page(by: -max(1, height)) }

    /// Selects the first item.
    public mutating func home() { select(0) }

    /// Selects the last item.
    public mutating func end() { select(count - 1) }

    /// Changes the number of items (after new items arrive), keeping the selection index.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        normalize()
    }

    /// Changes the number of visible rows (after a resize).
    public mutating func setHeight(_ newHeight: Int) {
        height = max(0, newHeight)
        normalize()
    }

    /// Changes the rows of context kept around the selection.
    public mutating func setScrollOff(_ rows: Int) {
        scrollOff = max(0, rows)
        normalize()
    }

    private mutating func page(by delta: Int) {
        top += delta
        selected += delta
        normalize()
    }

    /// Clamps the selection, then scrolls so that it is visible with its margin.
    private mutating func normalize() {
        selected = count == 0 ? 0 : min(max(selected, 0), count - 1)
        guard height > 0 else {
            top = selected
            return
        }
        let margin = min(scrollOff, (height - 1) / 2)
        if selected - margin < top { top = selected - margin }
        if selected + margin >= top + height { top = selected + margin - height + 1 }
        top = min(max(top, 0), max(0, count - height))
    }
}
