import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3),
        ("日本語ニュース", 14),    // East Asian Wide
        ("ＡＢ", 4),              // Fullwidth
        ("👍🏽ok", 6),            // emoji + skin tone modifier: 2 + 2, as wcwidth and tmux
        ("❤️love", 5),           // U+2764 is narrow; VS16 takes no column
        ("e\u{301}cole", 5),      // combining acute accent
        ("a\u{200B}b", 2),        // zero width space
        ("👨\u{200D}👩\u{200D}👧fam", 9),  // ZWJ counts as nothing
        ("\u{1100}\u{1161}\u{11A8}", 2),  // Hangul jamo: leading 2, medial and final 0
        ("a\u{7}\u{1B}b", 2),     // controls take nothing
        ("soft\u{AD}hyphen", 11), // U+00AD is 1, as in glibc
        ("", 0),
    ])
    func widthOfText(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func widthOfScalarsAtTableEdges() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x2FF)!) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x300)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x36F)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x370)!) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x10FF)!) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x1100)!) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x3248)!) == 2)  // glibc special case
        #expect(DisplayWidth.of(Unicode.Scalar(0x1F1E6)!) == 1)  // regional indicator
        #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)  // CJK extension B
        #expect(DisplayWidth.of(Unicode.Scalar(0xE0001)!) == 0)  // language tag
        #expect(DisplayWidth.of(Unicode.Scalar(0x2028)!) == 0)
    }

    @Test func tablesAreSortedDisjointRanges() {
        for table in [DisplayWidth.zeroWidthRanges, DisplayWidth.wideRanges,
                      DisplayWidth.unassignedRanges] {
            #expect(table.count % 2 == 0)
            var previousEnd: UInt32 = 0x7F
            for pair in stride(from: 0, to: table.count, by: 2) {
                #expect(table[pair] > previousEnd)
                #expect(table[pair] <= table[pair + 1])
                previousEnd = table[pair + 1]
            }
        }
    }

    @Test func unassignedScalars() {
        #expect(DisplayWidth.isUnassigned(Unicode.Scalar(0x378)!))
        #expect(!DisplayWidth.isUnassigned(Unicode.Scalar(0x41)!))
        #expect(!DisplayWidth.isUnassigned(Unicode.Scalar(0x1F44D)!))
        #expect(DisplayWidth.isUnassigned(Unicode.Scalar(0x1FAE8)!))  // new in Unicode 15
    }

    @Test func truncateKeepsWithinWidth() {
        #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(DisplayWidth.truncate("hello", to: 5) == "hello")
        #expect(DisplayWidth.truncate("hello", to: 0) == "")
        // A wide glyph that would straddle the limit is left out: 4 + 1 columns.
        #expect(DisplayWidth.truncate("日本語", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        // Combining marks stay with their base.
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
        // When the ellipsis itself does not fit, cut without it.
        #expect(DisplayWidth.truncate("abc", to: 1, ellipsis: "...") == "a")
    }

    @Test func padMakesExactWidth() {
        #expect(DisplayWidth.pad("日本", to: 6) == "日本  ")
        #expect(DisplayWidth.pad("日本語", to: 5) == "日本 ")
        #expect(DisplayWidth.pad("abc", to: 3) == "abc")
        #expect(DisplayWidth.pad("abc", to: 0) == "")
        #expect(DisplayWidth.fit("日本語ニュース", to: 7) == "日本語…")
        for width in 0..<12 {
            #expect(DisplayWidth.of(DisplayWidth.fit("日本語ニュース", to: width)) == width)
            #expect(DisplayWidth.of(DisplayWidth.pad("👍🏽 a e\u{301}", to: width)) == width)
        }
    }
}
