import Testing
@testable import TerminalUI

@Suite struct CellGridTests {
    let red = Style(foreground: .indexed(1))
    let bold = Style(attributes: .bold)

    @Test func negativeSizesClampToEmpty() {
        let grid = CellGrid(width: -3, height: 2)
        #expect(grid.width == 0)
        #expect(grid.lines() == ["", ""])
        #expect(grid.styleRuns() == [])
    }

    @Test func outOfRangeAccess() {
        var grid = CellGrid(width: 2, height: 1)
        grid[5, 0] = Cell(text: "x")
        grid[-1, 0] = Cell(text: "x")
        grid[0, 1] = Cell(text: "x")
        #expect(grid[5, 0] == .blank)
        #expect(grid.lines() == [""])
    }

    @Test func putPlainText() {
        var grid = CellGrid(width: 10, height: 2)
        let written = grid.put("hello", x: 2, y: 1, style: red)
        #expect(written == 5)
        #expect(grid.lines() == ["", "  hello"])
        #expect(grid.styleRuns() == ["1:2-6 fg=1"])
    }

    @Test func putClipsAtEdgeAndMaxWidth() {
        var grid = CellGrid(width: 6, height: 2)
        #expect(grid.put("abcdefgh", x: 3, y: 0, style: .plain) == 3)
        #expect(grid.put("abcdefgh", x: 0, y: 1, style: .plain, maxWidth: 2) == 2)
        #expect(grid.lines() == ["   abc", "ab"])
        // Zero width and rows outside the grid write nothing.
        #expect(grid.put("zz", x: 0, y: 1, style: .plain, maxWidth: 0) == 0)
        #expect(grid.put("zz", x: 0, y: 2, style: .plain) == 0)
        #expect(grid.put("zz", x: 0, y: -1, style: .plain) == 0)
        #expect(grid.lines() == ["   abc", "ab"])
    }

    @Test func putStartingLeftOfTheGrid() {
        var grid = CellGrid(width: 4, height: 1)
        #expect(grid.put("abcdef", x: -2, y: 0, style: .plain) == 4)
        #expect(grid.lines() == ["cdef"])
        var wide = CellGrid(width: 4, height: 1)
        wide.put("日本語", x: -1, y: 0, style: .plain)
        #expect(wide.lines() == [" 本"])
        #expect(wide.lines(trimmed: false) == [" 本 "])
    }

    @Test func wideGlyphsTakeTwoCells() {
        var grid = CellGrid(width: 8, height: 1)
        #expect(grid.put("日本a", x: 0, y: 0, style: bold) == 5)
        #expect(grid[0, 0] == Cell(text: "日", style: bold, width: 2))
        #expect(grid[1, 0] == Cell(text: "", style: bold, width: 0))
        #expect(grid[4, 0].text == "a")
        #expect(grid.lines() == ["日本a"])
        #expect(grid.styleRuns() == ["0:0-4 bold"])
    }

    @Test func wideGlyphCutAtTheEdgeBecomesASpace() {
        var grid = CellGrid(width: 5, height: 2)
        #expect(grid.put("日本語", x: 0, y: 0, style: red) == 5)
        #expect(grid.lines(trimmed: false) == ["日本 ", "     "])
        #expect(grid[4, 0] == Cell(text: " ", style: red, width: 1))
        #expect(grid.put("ab日", x: 0, y: 1, style: .plain, maxWidth: 3) == 3)
        #expect(grid.lines(trimmed: false)[1] == "ab   ")
    }

    @Test func cjkTitlePaddedToAColumnAlignsTheNextColumn() {
        var grid = CellGrid(width: 20, height: 3)
        let titles = ["日本語ニュース速報です", "Plain title", "👍🏽 e\u{301}mojis"]
        for (row, title) in titles.enumerated() {
            let written = grid.put(DisplayWidth.fit(title, to: 12), x: 0, y: row, style: .plain)
            #expect(written == 12)
            grid.put("|2024", x: 12, y: row, style: .plain)
        }
        #expect(grid.lines() == [
            "日本語ニュ… |2024",       // 10 + 1 columns, and a space for the cut ー
            "Plain title |2024",
            "👍🏽 e\u{301}mojis |2024",  // 4 + 1 + 6 columns
        ])
        for row in 0..<3 { #expect(grid[12, row].text == "|") }
    }

    @Test func combiningMarksShareTheBaseCell() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.put("e\u{301}cole", x: 0, y: 0, style: .plain) == 5)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "c")
        // A mark with nothing to combine with is dropped; more than four marks are cut.
        grid.put("\u{301}x\u{301}\u{302}\u{303}\u{304}\u{305}", x: 5, y: 0, style: .plain)
        #expect(grid[5, 0].text == "x\u{301}\u{302}\u{303}\u{304}")
    }

    @Test func controlsNeverReachTheGridAndZWJIsRemoved() {
        var grid = CellGrid(width: 12, height: 1)
        let written = grid.put("a\u{1B}[31mb\u{7}\n\u{9B}c👨\u{200D}👩", x: 0, y: 0, style: .plain)
        #expect(written == 6 + 1 + 4)  // "a[31mb", "c", and two emoji of two columns
        #expect(grid.lines() == ["a[31mbc👨👩"])
        for column in 0..<12 {
            let cell = grid[column, 0]
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0 == "\u{200D}" })
        }
    }

    @Test func unassignedScalarsBecomeReplacementCharacters() {
        var grid = CellGrid(width: 4, height: 1)
        #expect(grid.put("a\u{1FAE8}b", x: 0, y: 0, style: .plain) == 3)
        #expect(grid.lines() == ["a\u{FFFD}b"])
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("日本語", x: 0, y: 0, style: red)
        grid.put("x", x: 1, y: 0, style: .plain)   // right half of 日
        grid.put("y", x: 2, y: 0, style: .plain)   // left half of 本
        #expect(grid.lines(trimmed: false) == [" xy 語"])
        #expect(grid[0, 0] == .blank(red))
        #expect(grid[3, 0] == .blank(red))
        grid[4, 0] = Cell(text: "z")
        #expect(grid.lines(trimmed: false) == [" xy z "])
    }

    @Test func subscriptWritesWideCellsWhole() {
        var grid = CellGrid(width: 3, height: 1)
        grid[0, 0] = Cell(text: "日", width: 2)
        grid[2, 0] = Cell(text: "本", width: 2)   // no room: a blank
        #expect(grid[1, 0].isContinuation)
        #expect(grid.lines(trimmed: false) == ["日 "])
        grid[1, 0] = Cell(text: "", width: 0)     // a lone continuation: a blank
        #expect(grid.lines(trimmed: false) == ["   "])
    }

    @Test func fillAndSetStyle() {
        var grid = CellGrid(width: 6, height: 3)
        grid.put("日本語", x: 0, y: 0, style: .plain)
        grid.put("abcdef", x: 0, y: 1, style: .plain)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: red)
        #expect(grid.lines(trimmed: false)[0] == "    語")
        grid.setStyle(Rect(x: 2, y: 1, width: 2, height: 1), style: bold)
        #expect(grid.lines()[1] == "abcdef")
        grid.setStyle(Rect(x: 5, y: 0, width: 9, height: 9), style: bold)  // half of 語
        #expect(grid.styleRuns() == ["0:1-2 fg=1", "0:4-5 bold", "1:2-3 bold", "1:5-5 bold", "2:5-5 bold"])
        grid.fill(Rect(x: -5, y: -5, width: 0, height: 99), style: red)  // empty: no effect
        grid.fill(Rect(x: 0, y: 2, width: 99, height: 99), style: red)
        #expect(grid.styleRuns() == ["0:1-2 fg=1", "0:4-5 bold", "1:2-3 bold", "1:5-5 bold", "2:0-5 fg=1"])
    }

    @Test func oneRowAndZeroWidthGrids() {
        var row = CellGrid(width: 4, height: 1)
        row.put("abcdef", x: 0, y: 0, style: .plain)
        #expect(row.lines() == ["abcd"])
        var empty = CellGrid(width: 0, height: 3)
        #expect(empty.put("abc", x: 0, y: 0, style: .plain) == 0)
        empty.fill(empty.bounds, style: red)
        #expect(empty.lines() == ["", "", ""])
        #expect(empty.snapshot() == "\n\n\n--- styles ---\n")
    }

    @Test func snapshotFormat() {
        var grid = CellGrid(width: 12, height: 2)
        grid.put("Headline", x: 0, y: 0, style: Style(foreground: .indexed(3), attributes: .bold))
        grid.put("2 new", x: 0, y: 1, style: .plain)
        grid.put("!", x: 6, y: 1, style: Style(foreground: .rgb(255, 0, 16), background: .indexed(236),
                                              attributes: [.underline, .reverse]))
        #expect(grid.snapshot() == """
            Headline
            2 new !
            --- styles ---
            0:0-7 fg=3 bold
            1:6-6 fg=#ff0010 bg=236 underline reverse

            """)
    }

    @Test func stylePatching() {
        let base = Style(foreground: .indexed(2), background: .indexed(0), attributes: .dim)
        let patched = base.patched(with: Style(foreground: .indexed(9), attributes: .bold))
        #expect(patched == Style(foreground: .indexed(9), background: .indexed(0), attributes: [.dim, .bold]))
        #expect(base.patched(with: .plain) == base)
    }
}
