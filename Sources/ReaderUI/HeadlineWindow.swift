import NewsModel
import TerminalUI

/// A virtualised headline list: the size of the whole scope, one loaded page of rows, and the
/// selection. Moving outside the loaded page asks for the page around the selection; the list
/// never asks for everything.
public struct HeadlineWindow: Equatable, Sendable {
    /// What the list shows.
    public var scope: ListScope
    /// Selection and scroll over the whole scope; `cursor.count` is the scope's size (for search
    /// results: the hits known so far, plus one "more" row while more may follow).
    public var cursor: ListView
    /// Scope index of `rows[0]`.
    public var offset: Int
    /// The loaded page.
    public var rows: [Headline]
    /// Search snippets, parallel to `rows` (empty outside search results).
    public var snippets: [String]
    /// True while search results may continue past the last known hit.
    public var mayHaveMore: Bool
    /// Offset of the page asked for and not yet answered.
    public var requestedOffset: Int?
    /// True until the scope's first page arrives.
    public var isLoading: Bool

    /// An empty window over `scope`, waiting for its first page.
    public init(scope: ListScope) {
        self.scope = scope
        self.cursor = ListView(scrollOff: 2)
        self.offset = 0
        self.rows = []
        self.snippets = []
        self.mayHaveMore = false
        self.requestedOffset = nil
        self.isLoading = true
    }

    /// Headlines in the scope (known hits for search results).
    public var total: Int { cursor.count - (mayHaveMore ? 1 : 0) }

    /// Scope indexes of the loaded rows.
    public var loadedRange: Range<Int> { offset..<(offset + rows.count) }

    /// The headline at a scope index, nil when it is not loaded.
    public func row(at index: Int) -> Headline? {
        loadedRange.contains(index) ? rows[index - offset] : nil
    }

    /// The search snippet at a scope index, nil when none.
    public func snippet(at index: Int) -> String? {
        let i = index - offset
        return i >= 0 && i < snippets.count ? snippets[i] : nil
    }

    /// The selected headline, nil when the list is empty or the row is not loaded yet.
    public var selectedRow: Headline? { row(at: cursor.selected) }

    /// The offset of the page to load so that the selection and the visible rows are loaded,
    /// with a margin; nil when they are (or that page is already asked for).
    public func pageToLoad(pageSize: Int) -> Int? {
        let count = cursor.count
        guard count > 0 else { return nil }
        let margin = min(pageSize / 8, 25)
        let visible = cursor.visibleRange
        let wantedLow = max(0, min(visible.lowerBound, cursor.selected) - margin)
        let wantedHigh = min(count, max(visible.upperBound, cursor.selected + 1) + margin)
        let loaded = loadedRange
        // The trailing "more" row of search results is never loaded: ask for what follows.
        let high = mayHaveMore ? wantedHigh : min(wantedHigh, total)
        if wantedLow >= loaded.lowerBound, high <= loaded.upperBound, !rows.isEmpty || total == 0 {
            return nil
        }
        let limit = mayHaveMore ? Int.max : total
        let centred = max(0, min(cursor.selected - pageSize / 2, limit - pageSize))
        return centred == requestedOffset ? nil : centred
    }

    /// Replaces the loaded page with `rows` at `offset` in a scope of `total` headlines. The
    /// selection follows the headline it was on when that headline is in the new page.
    mutating func receive(offset: Int, rows: [Headline], snippets: [String] = [], total: Int,
                          mayHaveMore: Bool = false) {
        let selectedID = selectedRow?.id
        self.offset = max(0, offset)
        self.rows = rows
        self.snippets = snippets
        self.mayHaveMore = mayHaveMore
        self.isLoading = false
        if requestedOffset == offset { requestedOffset = nil }
        cursor.setCount(total + (mayHaveMore ? 1 : 0))
        if let selectedID, row(at: cursor.selected)?.id != selectedID,
           let index = rows.firstIndex(where: { $0.id == selectedID }) {
            cursor.select(self.offset + index)
        }
    }

    /// Changes the headline with `id` in the loaded page, if it is there.
    mutating func update(_ id: ArticleID, _ change: (inout Headline) -> Void) {
        if let index = rows.firstIndex(where: { $0.id == id }) { change(&rows[index]) }
    }
}
