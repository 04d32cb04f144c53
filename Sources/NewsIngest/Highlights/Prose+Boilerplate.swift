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
        return containsBoilerplate(scalars, in: 0..<scalars.count)
    }

    /// Whether a boilerplate phrase lies wholly inside `range` of `scalars`, ASCII letters
    /// compared without case.
    static func containsBoilerplate(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> Bool {
        let table = boilerplateTable
        return scalars.withUnsafeBufferPointer { scalars in
            let end = range.upperBound
            var i = range.lowerBound
            guard i < end else { return false }
            // The lowered scalars at i, i + 1 and i + 2 (0 past the range's end).
            var first: UInt32 = 0
            var second = BoilerplateTable.lowered(scalars[i])
            var third = i + 1 < end ? BoilerplateTable.lowered(scalars[i + 1]) : 0
            while i < end {
                first = second
                second = third
                third = i + 2 < end ? BoilerplateTable.lowered(scalars[i + 2]) : 0
                if i + 2 < end, table.mayStart(first, second, third) {
                    for k in table.byFirst[Int(first)]..<table.byFirst[Int(first) + 1]
                    where table.matches(table.asciiPhrases[k], in: scalars, at: i, end: end) {
                        return true
                    }
                }
                if first >= table.otherFirst {
                    for phrase in table.otherPhrases where phrase[0] == first {
                        if table.matches(phrase, in: scalars, at: i, end: end) { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// `boilerplatePhrases` arranged for `containsBoilerplate`: a bit set of the first three
    /// scalars of the ASCII phrases rules out nearly every position with one lookup.
    struct BoilerplateTable: Sendable {
        /// Phrases of three or more scalars starting with an ASCII one, as scalar values,
        /// sorted by first scalar.
        let asciiPhrases: [[UInt32]]
        /// `asciiPhrases[byFirst[c]..<byFirst[c + 1]]` start with scalar `c` (0…127).
        let byFirst: [Int]
        /// Bit `trigramBit(a, b, c)` is set when some ASCII phrase starts with `a b c`.
        let trigrams: [UInt64]
        /// The other phrases (starting with a non-ASCII scalar, or shorter than three).
        let otherPhrases: [[UInt32]]
        /// The smallest first scalar of `otherPhrases`: smaller scalars start none of them.
        let otherFirst: UInt32

        /// Size of the trigram bit set, in bits (a power of two).
        private static let trigramBits = 4096

        init(_ phrases: [String]) {
            let values = phrases.map { $0.unicodeScalars.map { Self.lowered($0) } }.filter { !$0.isEmpty }
            let isASCII: ([UInt32]) -> Bool = { $0.count >= 3 && $0[0] < 0x80 }
            let ascii = values.filter(isASCII).sorted { $0[0] < $1[0] }
            asciiPhrases = ascii
            otherPhrases = values.filter { !isASCII($0) }
            otherFirst = otherPhrases.map { $0[0] }.min() ?? .max
            byFirst = (0...128).map { c in ascii.firstIndex { $0[0] >= c } ?? ascii.count }
            var trigrams = [UInt64](repeating: 0, count: Self.trigramBits / 64)
            for phrase in ascii {
                let bit = Self.trigramBit(phrase[0], phrase[1], phrase[2])
                trigrams[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            self.trigrams = trigrams
        }

        @inline(__always)
        private static func trigramBit(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> Int {
            Int((((a &<< 16) ^ (b &<< 8) ^ c) &* 0x9E37_79B1) >> 20) & (trigramBits - 1)
        }

        /// Whether an ASCII phrase may start with the scalars `first`, `second`, `third` (lowered).
        @inline(__always)
        func mayStart(_ first: UInt32, _ second: UInt32, _ third: UInt32) -> Bool {
            guard first < 0x80 else { return false }
            let bit = Self.trigramBit(first, second, third)
            return trigrams[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }

        /// Whether `phrase` occurs in `scalars` at `start` and ends by `end`.
        func matches(_ phrase: [UInt32], in scalars: UnsafeBufferPointer<Unicode.Scalar>, at start: Int,
                     end: Int) -> Bool {
            guard start + phrase.count <= end else { return false }
            for j in phrase.indices where Self.lowered(scalars[start + j]) != phrase[j] { return false }
            return true
        }

        /// A scalar's value with ASCII capitals lowercased.
        @inline(__always)
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
