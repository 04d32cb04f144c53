/// Word wrapping by display width.

/// One wrapped line and the part of the source text it shows.
public struct WrappedLine: Hashable, Sendable {
    /// The line's text, without the spaces dropped at the break.
    public var text: String
    /// Offset of the line's first scalar in the source, in Unicode scalars.
    public var start: Int
    /// Offset just past the line's last scalar in the source, in Unicode scalars.
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

extension Array where Element == WrappedLine {
    /// The index of the line showing the scalar at `offset` of the source: the last line that
    /// starts at or before it (so a space dropped at a break belongs to the line before the
    /// break). Nil when there are no lines. Binary search: O(log n).
    public func lineIndex(containing offset: Int) -> Int? {
        guard !isEmpty else { return nil }
        var low = 0
        var high = count  // the answer is below high
        while high - low > 1 {
            let mid = (low + high) / 2
            if self[mid].start <= offset { low = mid } else { high = mid }
        }
        return low
    }
}

/// Wraps `text` into lines of at most `width` columns. See `wrapLines(_:width:)`.
public func wrap(_ text: String, width: Int) -> [String] {
    wrapLines(text, width: width).map(\.text)
}

/// Wraps `text` like `wrap(_:width:)` and returns each line with the scalar offsets of the
/// source it shows (`end` exclusive).
public func wrapWithOffsets(_ text: String, width: Int) -> [(text: String, start: Int, end: Int)] {
    wrapLines(text, width: width).map { ($0.text, $0.start, $0.end) }
}

/// Wraps `text` into lines of at most `width` columns, with source offsets.
///
/// - Every `"\n"` ends a line; an empty paragraph (and so empty text) gives an empty line.
/// - Lines break at spaces, which are dropped at the break (they lie between one line's `end`
///   and the next line's `start`), and on either side of a wide glyph, so CJK text breaks
///   between characters. Spaces at the start of a paragraph are kept (indentation).
/// - A word longer than `width` starts on a new line and is broken at `width` columns.
/// - A wide glyph with `width == 1` cannot fit at all: it gets a line of its own.
/// - Width is display width (`DisplayWidth`); the text of each line is the source text (it
///   may still contain characters that `CellGrid.put` filters).
/// - `width < 1` gives no lines.
public func wrapLines(_ text: String, width: Int) -> [WrappedLine] {
    guard width >= 1 else { return [] }
    var wrapper = Wrapper(text, width: width)
    return wrapper.run()
}

/// The greedy line breaker behind `wrapLines`.
private struct Wrapper {
    /// A unit that cannot be split: a spacing scalar with its combining marks.
    struct Unit {
        var start: Int
        var end: Int
        var width: Int
        var isSpace: Bool
        var isNewline: Bool
    }

    let scalars: [Unicode.Scalar]
    let width: Int
    var lines: [WrappedLine] = []

    init(_ text: String, width: Int) {
        self.scalars = Array(text.unicodeScalars)
        self.width = width
    }

    mutating func run() -> [WrappedLine] {
        let units = makeUnits()
        var paragraphFirstUnit = 0
        var paragraphOffset = 0  // scalar offset where the paragraph starts
        for (index, unit) in units.enumerated() where unit.isNewline {
            wrapParagraph(units[paragraphFirstUnit..<index], from: paragraphOffset)
            paragraphFirstUnit = index + 1
            paragraphOffset = unit.end
        }
        wrapParagraph(units[paragraphFirstUnit...], from: paragraphOffset)
        return lines
    }

    /// Splits the scalars into units: newlines, spaces, and spacing scalars with their marks.
    func makeUnits() -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(scalars.count)
        for (offset, scalar) in scalars.enumerated() {
            let w = DisplayWidth.of(scalar)
            if scalar == "\n" {
                units.append(Unit(start: offset, end: offset + 1, width: 0, isSpace: false, isNewline: true))
            } else if w == 0, let last = units.indices.last, !units[last].isNewline {
                units[last].end = offset + 1  // combines with the previous unit
            } else {
                units.append(Unit(start: offset, end: offset + 1, width: w,
                                  isSpace: scalar == " ", isNewline: false))
            }
        }
        return units
    }

    /// Wraps one paragraph (no newlines inside); `position` is its start offset, used for the
    /// empty line an empty paragraph produces.
    mutating func wrapParagraph(_ units: ArraySlice<Unit>, from position: Int) {
        guard let first = units.first else {
            lines.append(WrappedLine(text: "", start: position, end: position))
            return
        }
        var line = LineBuilder(start: first.start)
        var index = units.startIndex
        // Leading spaces are indentation: keep them like a word.
        while index < units.endIndex, units[index].isSpace {
            if line.width + units[index].width > width { emit(&line, next: units[index].start) }
            line.append(units[index])
            index += 1
        }
        while index < units.endIndex {
            // Gather the spaces before the next word, then the word itself.
            var spacesEnd = index
            while spacesEnd < units.endIndex, units[spacesEnd].isSpace { spacesEnd += 1 }
            guard spacesEnd < units.endIndex else { break }  // trailing spaces: dropped
            var wordEnd = spacesEnd + 1
            if units[spacesEnd].width < 2 {
                while wordEnd < units.endIndex, !units[wordEnd].isSpace, units[wordEnd].width < 2 {
                    wordEnd += 1
                }
            }
            let spaces = units[index..<spacesEnd]
            let word = units[spacesEnd..<wordEnd]
            let spacesWidth = spaces.reduce(0) { $0 + $1.width }
            let wordWidth = word.reduce(0) { $0 + $1.width }
            if line.width + spacesWidth + wordWidth <= width {
                for unit in spaces { line.append(unit) }
                for unit in word { line.append(unit) }
            } else {
                if !line.isEmpty { emit(&line, next: word[word.startIndex].start) }
                for unit in word {
                    if !line.isEmpty, line.width + unit.width > width { emit(&line, next: unit.start) }
                    line.append(unit)
                }
            }
            index = wordEnd
        }
        emit(&line, next: line.end)
    }

    /// Ends the current line and starts an empty one at `next`.
    mutating func emit(_ line: inout LineBuilder, next: Int) {
        let text = String(String.UnicodeScalarView(scalars[line.start..<line.end]))
        lines.append(WrappedLine(text: text, start: line.start, end: line.end))
        line = LineBuilder(start: next)
    }

    /// The line being filled: a contiguous range of source scalars and its width.
    struct LineBuilder {
        var start: Int
        var end: Int
        var width = 0

        init(start: Int) {
            self.start = start
            self.end = start
        }

        var isEmpty: Bool { end == start }

        mutating func append(_ unit: Unit) {
            if isEmpty { start = unit.start }
            end = unit.end
            width += unit.width
        }
    }
}
