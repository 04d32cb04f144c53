import Testing
@testable import TerminalUI

@Suite struct DiffTests {
    @Test func identicalGridsHaveNoChanges() {
        var grid = CellGrid(width: 10, height: 3)
        grid.put("same", x: 1, y: 1, style: .plain)
        #expect(grid.changes(since: grid).isEmpty)
    }

    @Test func onlyChangedRunsAreSent() {
        var old = CellGrid(width: 10, height: 3)
        old.put("hello world", x: 0, y: 0, style: .plain)
        old.put("line two", x: 0, y: 1, style: .plain)
        var new = old
        new.put("J", x: 0, y: 0, style: .plain)
        new.put("WO", x: 6, y: 0, style: .plain)
        new.setStyle(Rect(x: 5, y: 1, width: 3, height: 1), style: Style(attributes: .bold))
        let changes = new.changes(since: old)
        #expect(changes.map { "\($0.y):\($0.x) \($0.cells.map(\.text).joined())" } ==
                ["0:0 J", "0:6 WO", "1:5 two"])
        #expect(changes[2].cells.allSatisfy { $0.style.attributes == .bold })
    }

    @Test func wideGlyphsAreSentWhole() {
        var old = CellGrid(width: 6, height: 1)
        old.put("日本語", x: 0, y: 0, style: .plain)
        var new = old
        new.setStyle(Rect(x: 3, y: 0, width: 1, height: 1), style: Style(foreground: .indexed(2)))
        // Only the style of 本 changed (both halves): one run starting at its left half.
        let changes = new.changes(since: old)
        #expect(changes == [CellChange(x: 2, y: 0, cells: [new[2, 0], new[3, 0]])])

        // A change of a continuation cell alone still starts at the glyph.
        var narrow = CellGrid(width: 4, height: 1)
        narrow.put("abcd", x: 0, y: 0, style: .plain)
        var wide = narrow
        wide.put("日", x: 1, y: 0, style: .plain)
        #expect(wide.changes(since: narrow).map(\.x) == [1])
        #expect(wide.changes(since: narrow).first?.cells.count == 2)
    }

    @Test func sizeChangeRedrawsEverything() {
        let old = CellGrid(width: 4, height: 2)
        var new = CellGrid(width: 5, height: 2)
        new.put("ab", x: 0, y: 0, style: .plain)
        let changes = new.changes(since: old)
        #expect(changes.count == 2)
        #expect(changes.map(\.x) == [0, 0])
        #expect(changes.map(\.y) == [0, 1])
        #expect(changes.allSatisfy { $0.cells.count == 5 })
        #expect(CellGrid(width: 0, height: 3).changes(since: old).isEmpty)
    }
}
