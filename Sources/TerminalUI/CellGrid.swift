/// A rectangle of styled cells that screens render into and the backend draws.
///
/// Row-major storage; (0, 0) is the top-left cell. The grid keeps one invariant: a continuation
/// cell (`width == 0`) always sits right of a wide cell (`width == 2`) and vice versa. Every
/// mutation repairs a wide glyph it cuts in half by blanking the other half (keeping its style).
public struct CellGrid: Hashable, Sendable {
    /// Width in columns.
    public let width: Int
    /// Height in rows.
    public let height: Int
    /// The cells, row by row (`y * width + x`).
    private(set) var cells: [Cell]

    /// A grid of plain blanks; negative sizes count as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column x, row y. Reading outside the grid gives `.blank`; writing there does
    /// nothing. Writing a wide cell also writes its continuation (or a blank when it would
    /// cross the right edge); writing a continuation cell directly writes a blank.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x, y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x, y) else { return }
            if newValue.width == 2 {
                if x + 1 < width {
                    write(newValue, x, y)
                    write(Cell(text: "", style: newValue.style, width: 0), x + 1, y)
                } else {
                    write(.blank(newValue.style), x, y)
                }
            } else if newValue.width == 0 {
                write(.blank(newValue.style), x, y)
            } else {
                write(newValue, x, y)
            }
        }
    }

    /// Writes text at (x, y) clipped to `maxWidth` columns (default: to the grid edge) and
    /// returns the number of columns written.
    ///
    /// Text is laid out in `ColumnClusters`: control characters are never stored, ZWJ is
    /// removed and unassigned scalars become U+FFFD. A wide glyph that would be cut at the limit
    /// is replaced by a space. Columns left of the grid are skipped, not shifted.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for cluster in ColumnClusters(text) {
            if column >= limit { break }
            if column + cluster.width > limit {
                // A wide glyph cut at the limit: show a space in its first column.
                if column >= 0 { write(.blank(style), column, y) }
                column += 1
                break
            }
            if column >= 0 {
                if cluster.width == 2 {
                    write(Cell(text: cluster.text, style: style, width: 2), column, y)
                    write(Cell(text: "", style: style, width: 0), column + 1, y)
                } else {
                    write(Cell(text: cluster.text, style: style, width: 1), column, y)
                }
            } else if column + cluster.width > 0 {
                // A wide glyph half left of the grid: its visible half becomes a space.
                write(.blank(style), 0, y)
            }
            column += cluster.width
        }
        return max(0, column - max(x, 0))
    }

    /// Fills the part of `rect` inside the grid with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { write(.blank(style), column, row) }
        }
    }

    /// Restyles the cells of `rect` without changing their text. A wide glyph partly inside
    /// the rectangle is restyled whole.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            var first = area.x, last = area.maxX - 1
            if cells[row * width + first].width == 0, first > 0 { first -= 1 }
            if cells[row * width + last].width == 2, last + 1 < width { last += 1 }
            for column in first...last { cells[row * width + column].style = style }
        }
    }

    /// Resets every cell to a plain blank.
    public mutating func clear() {
        for i in cells.indices { cells[i] = .blank }
    }

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// Stores a cell at an in-range position, blanking the other half of any wide glyph the
    /// write cuts. The caller writes a wide cell's continuation itself, right after.
    private mutating func write(_ cell: Cell, _ x: Int, _ y: Int) {
        let i = y * width + x
        let old = cells[i]
        if old.width == 0, x > 0, cells[i - 1].width == 2, cell.width != 0 {
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        if old.width == 2, x + 1 < width, cells[i + 1].width == 0, cell.width != 2 {
            cells[i + 1] = .blank(cells[i + 1].style)
        }
        cells[i] = cell
    }
}
