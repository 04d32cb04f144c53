import Testing
@testable import TerminalUI

@Suite struct WrapTests {
    @Test func wrapsAtSpacesAndDropsThem() {
        #expect(wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(wrap("exactly ten", width: 11) == ["exactly ten"])
        #expect(wrap("a  b", width: 10) == ["a  b"])  // inner spaces kept
        #expect(wrap("word   ", width: 10) == ["word"])  // trailing spaces dropped
    }

    @Test func keepsExplicitNewlinesAndIndentation() {
        #expect(wrap("one\n\ntwo\n", width: 10) == ["one", "", "two", ""])
        #expect(wrap("  indented text", width: 10) == ["  indented", "text"])
        #expect(wrap("", width: 5) == [""])
    }

    @Test func breaksLongWords() {
        #expect(wrap("see https://example.com/long/path ok", width: 8) ==
                ["see", "https://", "example.", "com/long", "/path ok"])
        #expect(wrap("abcdef", width: 1) == ["a", "b", "c", "d", "e", "f"])
    }

    @Test func widthBelowOneGivesNothing() {
        #expect(wrap("abc", width: 0) == [])
        #expect(wrap("abc", width: -4) == [])
        #expect(wrapLines("abc", width: 0) == [])
    }

    @Test func wrapsCJKBetweenCharacters() {
        #expect(wrap("日本語のニュース", width: 6) == ["日本語", "のニュ", "ース"])
        // A wide glyph never straddles the limit: width 5 holds two.
        #expect(wrap("日本語", width: 5) == ["日本", "語"])
        // Mixed text breaks on either side of a wide glyph as well as at spaces.
        #expect(wrap("News 日本語 today", width: 8) == ["News 日", "本語", "today"])
        // At width 1 a wide glyph cannot fit; it gets a line of its own.
        #expect(wrap("日a本", width: 1) == ["日", "a", "本"])
    }

    @Test func everyLineFitsTheWidth() {
        let text = "Le café ouvre à 8h — 日本語のニュース 👍🏽 e\u{301}cole supercalifragilistic"
        for width in 2...30 {
            for line in wrap(text, width: width) {
                #expect(DisplayWidth.of(line) <= width, "\(line) at width \(width)")
            }
        }
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(wrap("e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}"])
    }

    @Test func offsetsPointIntoTheSource() {
        let text = "the quick\nbrown  fox"
        let lines = wrapLines(text, width: 6)
        #expect(lines == [
            WrappedLine(text: "the", start: 0, end: 3),
            WrappedLine(text: "quick", start: 4, end: 9),
            WrappedLine(text: "brown", start: 10, end: 15),
            WrappedLine(text: "fox", start: 17, end: 20),
        ])
        let scalars = Array(text.unicodeScalars)
        for line in lines {
            #expect(String(String.UnicodeScalarView(scalars[line.start..<line.end])) == line.text)
        }
        let tuples = wrapWithOffsets(text, width: 6)
        #expect(tuples.map(\.text) == lines.map(\.text))
        #expect(tuples.map(\.start) == lines.map(\.start))
        #expect(tuples.map(\.end) == lines.map(\.end))
    }

    @Test func offsetsCountScalarsNotCharacters() {
        // "é" as e + U+0301 is one Character but two scalars; 👍🏽 is two scalars.
        let lines = wrapLines("e\u{301}t\u{E9} 👍🏽 日本", width: 5)
        #expect(lines == [
            WrappedLine(text: "e\u{301}t\u{E9}", start: 0, end: 4),
            WrappedLine(text: "👍🏽", start: 5, end: 7),
            WrappedLine(text: "日本", start: 8, end: 10),
        ])
    }

    @Test func offsetsOfEmptyParagraphs() {
        #expect(wrapLines("a\n\nb", width: 4) == [
            WrappedLine(text: "a", start: 0, end: 1),
            WrappedLine(text: "", start: 2, end: 2),
            WrappedLine(text: "b", start: 3, end: 4),
        ])
    }

    @Test func lineIndexForOffsets() {
        let lines = wrapLines("the quick\n\nbrown fox", width: 6)
        // the[0,3) quick[4,9) ""[10,10) brown[11,16) fox[17,20)
        #expect(lines.map(\.start) == [0, 4, 10, 11, 17])
        #expect(lines.lineIndex(containing: 0) == 0)
        #expect(lines.lineIndex(containing: 3) == 0)   // the dropped space
        #expect(lines.lineIndex(containing: 4) == 1)
        #expect(lines.lineIndex(containing: 9) == 1)   // the newline
        #expect(lines.lineIndex(containing: 10) == 2)
        #expect(lines.lineIndex(containing: 18) == 4)
        #expect(lines.lineIndex(containing: 99) == 4)
        #expect(lines.lineIndex(containing: -1) == 0)
        #expect([WrappedLine]().lineIndex(containing: 0) == nil)
    }
}
