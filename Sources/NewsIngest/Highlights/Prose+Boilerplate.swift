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
        isBoilerplateSentence(Array(sentence.unicodeScalars)[...])
    }

    /// `isBoilerplateSentence` on scalars: ASCII letters are lowercased, and the UTF-8 bytes are
    /// searched for each phrase.
    static func isBoilerplateSentence(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        for s in scalars {
            if s.isASCII {
                let b = UInt8(truncatingIfNeeded: s.value)
                bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else {
                for unit in String(s).utf8 { bytes.append(unit) }
            }
        }
        return containsBoilerplatePhrase(bytes)
    }

    private static let boilerplatePhraseBytes: [[UInt8]] = boilerplatePhrases.map { Array($0.utf8) }

    private static func containsBoilerplatePhrase(_ bytes: [UInt8]) -> Bool {
        boilerplatePhraseBytes.contains { contains(bytes, $0) }
    }

    /// Whether `needle` occurs in `haystack` (`memchr` + `memcmp`, no Foundation string machinery).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                guard let hBase = h.baseAddress, let nBase = n.baseAddress else { return false }
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
    }

    /// Whether `needle` occurs in `haystack`, compared as UTF-8 bytes.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        contains(Array(haystack.utf8), Array(needle.utf8))
    }
}
