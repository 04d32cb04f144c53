import Foundation

/// Site boilerplate: share prompts, newsletter sign-ups, cookie notices, copyright lines.
extension Prose {
    /// Whole lines that are always boilerplate, compared after `comparable(_:)` folding.
    static let boilerplateLines: Set<String> = [
        "enjoyed this? let your friends know",
        "let your friends know",
        "share this article",
        "share this story",
        "share this",
        "share",
        "advertisement",
        "sponsored content",
        "read more",
        "continue reading",
        "subscribe",
        "subscribe now",
        "sign up",
        "print",
        "comments",
        "back to top",
    ]

    /// Phrases that mark a short line or any sentence as boilerplate, folded to lowercase.
    static let boilerplatePhrases: [String] = [
        "let your friends know", "share this", "share on facebook", "share on twitter", "subscribe",
        "sign up", "click here", "read more", "continue reading", "advertisement", "all rights reserved",
        "we use cookies", "this site uses cookies", "this website uses cookies", "accept cookies",
        "cookie policy", "cookie settings", "cookie preferences", "privacy policy", "terms of service",
        "terms of use", "follow us on", "download our app", "newsletter", "copyright \u{00A9}", "\u{00A9}",
    ]

    /// Longest line, in words, that a boilerplate phrase can condemn; longer lines are prose that
    /// merely mentions the phrase.
    static let maxBoilerplateLineWords = 12

    /// True for a page line that is site furniture rather than the story.
    ///
    /// Rule: the folded line is one of `boilerplateLines`, or it is at most
    /// `maxBoilerplateLineWords` words long and contains one of `boilerplatePhrases`.
    static func isBoilerplateLine(_ line: String) -> Bool {
        let folded = comparable(line)
        if boilerplateLines.contains(folded) { return true }
        guard wordCount(folded) <= maxBoilerplateLineWords else { return false }
        return containsBoilerplatePhrase(Array(folded.utf8))
    }

    /// True for a sentence that must never be chosen as a key sentence: it contains any
    /// boilerplate phrase, whatever its length.
    static func isBoilerplateSentence(_ sentence: String) -> Bool {
        let scalars = Array(sentence.unicodeScalars)
        return !boilerplateMatches(scalars).isEmpty
    }

    /// A boilerplate phrase found in a text: where it starts and where the shortest phrase
    /// starting there ends, in scalar offsets.
    struct BoilerplateMatch {
        var start: Int
        var end: Int
    }

    /// Every position of `scalars` where a boilerplate phrase starts, in order, ASCII letters
    /// compared without case. A sentence is boilerplate when a match lies inside it, so one
    /// pass over a block answers for all of its sentences.
    static func boilerplateMatches(_ scalars: [Unicode.Scalar]) -> [BoilerplateMatch] {
        let table = boilerplateTable
        var matches: [BoilerplateMatch] = []
        let n = scalars.count
        for i in 0..<n {
            let first = BoilerplateTable.lowered(scalars[i])
            let second = i + 1 < n ? BoilerplateTable.lowered(scalars[i + 1]) : 0
            var shortest = Int.max
            if table.mayStart(first, second) {
                for k in table.byFirst[Int(first)]..<table.byFirst[Int(first) + 1] {
                    shortest = min(shortest, table.matchLength(table.asciiPhrases[k], in: scalars, at: i))
                }
            }
            for phrase in table.otherPhrases where phrase[0] == first {
                shortest = min(shortest, table.matchLength(phrase, in: scalars, at: i))
            }
            if shortest != .max { matches.append(BoilerplateMatch(start: i, end: i + shortest)) }
        }
        return matches
    }

    /// Whether one of `matches` (from `boilerplateMatches`) lies wholly inside `range`.
    static func containsBoilerplate(_ matches: [BoilerplateMatch], in range: Range<Int>) -> Bool {
        matches.contains { $0.start >= range.lowerBound && $0.end <= range.upperBound }
    }

    /// `boilerplatePhrases` arranged for `boilerplateMatches`: a bit set of the ASCII pairs
    /// that start a phrase filters nearly every position with two lookups.
    struct BoilerplateTable: Sendable {
        /// Phrases starting with two ASCII scalars, as scalar values, sorted by first scalar.
        let asciiPhrases: [[UInt32]]
        /// `asciiPhrases[byFirst[c]..<byFirst[c + 1]]` start with scalar `c` (0…127).
        let byFirst: [Int]
        /// Bit `first × 128 + second` is set when some phrase starts with that ASCII pair.
        let pairs: [UInt64]
        /// The other phrases (starting with a non-ASCII scalar, or shorter than two).
        let otherPhrases: [[UInt32]]

        init(_ phrases: [String]) {
            let values = phrases.map { $0.unicodeScalars.map { Self.lowered($0) } }.filter { !$0.isEmpty }
            let isASCIIPair: ([UInt32]) -> Bool = { $0.count >= 2 && $0[0] < 0x80 && $0[1] < 0x80 }
            let ascii = values.filter(isASCIIPair).sorted { $0[0] < $1[0] }
            asciiPhrases = ascii
            otherPhrases = values.filter { !isASCIIPair($0) }
            byFirst = (0...128).map { c in ascii.firstIndex { $0[0] >= c } ?? ascii.count }
            var pairs = [UInt64](repeating: 0, count: 128 * 128 / 64)
            for phrase in ascii {
                let bit = Int(phrase[0]) * 128 + Int(phrase[1])
                pairs[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            self.pairs = pairs
        }

        /// Whether an ASCII phrase may start with the scalars `first`, `second` (lowered).
        func mayStart(_ first: UInt32, _ second: UInt32) -> Bool {
            guard first < 0x80, second < 0x80 else { return false }
            let bit = Int(first) * 128 + Int(second)
            return pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        /// `phrase.count` when `phrase` occurs in `scalars` at `start`, otherwise `Int.max`.
        func matchLength(_ phrase: [UInt32], in scalars: [Unicode.Scalar], at start: Int) -> Int {
            guard start + phrase.count <= scalars.count else { return .max }
            for j in phrase.indices where Self.lowered(scalars[start + j]) != phrase[j] { return .max }
            return phrase.count
        }

        /// A scalar's value with ASCII capitals lowercased.
        static func lowered(_ s: Unicode.Scalar) -> UInt32 {
            s.value >= 0x41 && s.value <= 0x5A ? s.value | 0x20 : s.value
        }
    }

    private static let boilerplateTable = BoilerplateTable(boilerplatePhrases)

    private static let boilerplatePhraseBytes: [[UInt8]] = boilerplatePhrases.map { Array($0.utf8) }

    private static func containsBoilerplatePhrase(_ bytes: [UInt8]) -> Bool {
        boilerplatePhraseBytes.contains { contains(bytes, $0) }
    }

    /// Whether `needle` occurs in `haystack` (`memchr` + `memcmp`, no Foundation string machinery).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { h in needle.withUnsafeBytes { n in contains(h, n) } }
    }

    /// Whether `needle` occurs in `haystack`, compared as UTF-8 bytes.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in contains(UnsafeRawBufferPointer(h), UnsafeRawBufferPointer(n)) }
        }
    }

    private static func contains(_ h: UnsafeRawBufferPointer, _ n: UnsafeRawBufferPointer) -> Bool {
        guard !n.isEmpty else { return true }
        guard n.count <= h.count, let hBase = h.baseAddress, let nBase = n.baseAddress else { return false }
        let first = Int32(n[0])
        let last = h.count - n.count
        var start = 0
        while start <= last {
            guard let found = memchr(hBase + start, first, last - start + 1) else { return false }
            if memcmp(found, nBase, n.count) == 0 { return true }
            start = hBase.distance(to: UnsafeRawPointer(found)) + 1
        }
        return false
    }
}
