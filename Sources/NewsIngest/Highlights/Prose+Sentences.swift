/// Sentence splitting over Unicode scalars.
extension Prose {
    /// Words that end with a period without ending a sentence ("Mr. Lavrov", "No. 5"), lowercase.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep",
        "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "insp",
        "vs", "v", "e.g", "i.e", "cf", "approx", "est", "dept", "univ", "inc", "ltd", "co", "corp",
        "no", "nos", "vol", "fig", "p", "pp", "ch", "art", "ave", "blvd", "rd",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Longest of `abbreviations`, in scalars.
    static let maxAbbreviationLength = abbreviations.map(\.unicodeScalars.count).max() ?? 0

    /// The sentences of `scalars`, as ranges trimmed of surrounding whitespace.
    ///
    /// A sentence ends after `. ! ? …` (and any closing quotes or brackets after them) that are
    /// followed by whitespace and then a character that is not a lowercase letter, or by the end;
    /// CJK `。！？` end a sentence with or without a following space. A period does not end a
    /// sentence after an abbreviation (`abbreviations`), a single-letter initial ("J. Smith") or
    /// a dotted acronym ("U.S."); decimals ("3.5") and domains never have the following space.
    static func sentenceRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        scalars.withUnsafeBufferPointer { scalars in
            var ranges: [Range<Int>] = []
            var start = 0
            var i = 0
            let n = scalars.count
            while i < n {
                guard isSentenceEnd(scalars[i]) else { i += 1; continue }
                var end = i + 1
                while end < n, isSentenceEnd(scalars[end]) || isTrailingCloser(scalars[end]) { end += 1 }
                if isBoundary(scalars, mark: i, after: end) {
                    appendTrimmed(start..<end, of: scalars, to: &ranges)
                    start = end
                }
                i = end
            }
            appendTrimmed(start..<n, of: scalars, to: &ranges)
            return ranges
        }
    }

    /// Whether the sentence mark at `mark`, with its trailing marks up to `after`, ends a sentence.
    private static func isBoundary(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, mark: Int, after: Int) -> Bool {
        if isCJKSentenceEnd(scalars[mark]) { return true }
        if after == scalars.count { return true }
        guard Prose.isSpace(scalars[after]) else { return false }
        var next = after
        while next < scalars.count, Prose.isSpace(scalars[next]) { next += 1 }
        if next == scalars.count { return true }
        if Prose.isLowercase(scalars[next]) { return false }
        guard scalars[mark] == "." && after == mark + 1 else { return true }
        // The word the period closes.
        var wordStart = mark
        while wordStart > 0, !Prose.isSpace(scalars[wordStart - 1]),
              !isOpeningDoubleQuote(scalars[wordStart - 1]), scalars[wordStart - 1] != "(" {
            wordStart -= 1
        }
        let wordScalars = scalars[wordStart..<mark]
        // Most words are neither abbreviations, initials nor dotted acronyms: no string needed.
        if wordScalars.count > max(maxAbbreviationLength, 1), !wordScalars.contains(".") { return true }
        let word = Prose.foldedString(wordScalars)
        if abbreviations.contains(word) { return false }
        let letters = word.unicodeScalars.filter { $0 != "." }
        if letters.count == 1, letters.allSatisfy({ $0.properties.isAlphabetic }) { return false }
        if word.unicodeScalars.contains("."), word.unicodeScalars.allSatisfy({ $0 == "." || $0.properties.isAlphabetic }) {
            return false
        }
        return true
    }

    private static func appendTrimmed(_ range: Range<Int>, of scalars: UnsafeBufferPointer<Unicode.Scalar>,
                                      to ranges: inout [Range<Int>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, Prose.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, Prose.isSpace(scalars[upper - 1]) { upper -= 1 }
        if lower < upper { ranges.append(lower..<upper) }
    }
}
