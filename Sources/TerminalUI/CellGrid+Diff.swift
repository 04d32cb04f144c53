/// The difference between two grids, as horizontal runs of changed cells for the backend.

/// A horizontal run of cells to draw, starting at column `x` of row `y`.
///
/// A run never starts with a continuation cell and never ends with the left half of a wide
/// glyph: wide glyphs are always sent whole.
public struct CellChange: Hashable, Sendable {
    /// Column of the first cell.
    public var x: Int
    /// Row.
    public var y: Int
    /// The cells, left to right, continuation cells included.
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension CellGrid {
    /// The runs of cells that differ from `previous`, row by row, left to right. When the
    /// sizes differ, every row is one change (a full redraw).
    public func changes(since previous: CellGrid) -> [CellChange] {
        guard previous.width == width, previous.height == height else {
            return (0..<height).compactMap { row in
                width > 0 ? CellChange(x: 0, y: row, cells: rowCells(row, 0..<width)) : nil
            }
        }
        var changes: [CellChange] = []
        let old = previous.cells
        for row in 0..<height {
            let base = row * width
            var column = 0
            while column < width {
                guard cells[base + column] != old[base + column] else {
                    column += 1
                    continue
                }
                var start = column
                var end = column + 1  // exclusive
                while end < width, cells[base + end] != old[base + end] { end += 1 }
                // Send wide glyphs whole.
                if start > 0, cells[base + start].isContinuation { start -= 1 }
                if end < width, cells[base + end - 1].width == 2 { end += 1 }
                changes.append(CellChange(x: start, y: row, cells: rowCells(row, start..<end)))
                column = end
            }
        }
        return changes
    }

    private func rowCells(_ row: Int, _ columns: Range<Int>) -> [Cell] {
        Array(cells[(row * width + columns.lowerBound)..<(row * width + columns.upperBound)])
    }
}
