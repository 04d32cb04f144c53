import NewsModel

/// Extractive key-sentence selection.
///
/// Method: term frequency with a lead bias. Every content word of the body (ASCII-lowercased,
/// at least three letters, not a stopword; each CJK character is a word of its own) is counted
/// over the whole body. A candidate sentence scores the sum, over its distinct content words, of how
/// many times each word occurs in the body beyond its first occurrence, divided by the square
/// root of its distinct content-word count (so long sentences do not win by length alone), then
/// multiplied by `1 + leadBonus × (1 − i / n)` where `i` is the sentence's index among the
/// body's `n` candidate sentences (news puts the point first). Ties go to the earlier
/// sentence; a sentence none of whose words recur scores 0 and is never chosen. The chosen
/// sentences are returned in reading order.
///
/// Candidates are the sentences of paragraphs and list items that are not boilerplate
/// (`Prose.isBoilerplateSentence`: subscribe, share this, sign up, click here, read more,
/// advertisement, all rights reserved, cookie notices…), are `minSentenceWidth`…
/// `maxSentenceWidth` width units long with at least `minSentenceWords` words (or CJK
/// characters), and do not overlap a quote already taken.
extension HighlightExtractor {
    /// A chosen sentence: its block and its scalar range there.
    struct SentenceCandidate {
        var block: Int
        var range: Range<Int>
        var order: Int
        var score: Double
    }

    static let leadBonus = 0.5
    /// Shortest key sentence, in width units.
    static let minSentenceWidth = 40
    /// Longest key sentence, in width units.
    static let maxSentenceWidth = 400
    /// Fewest words (CJK characters count one each) in a key sentence.
    static let minSentenceWords = 6

    /// English function words that say nothing about a story's subject.
    static let contentStopwords: Set<String> = [
        "the", "and", "for", "that", "this", "with", "from", "was", "were", "are", "has", "have", "had",
        "not", "but", "its", "his", "her", "their", "they", "them", "she", "him", "who", "which", "what",
        "when", "where", "will", "would", "could", "should", "can", "may", "might", "been", "being",
        "into", "over", "after", "before", "about", "than", "then", "there", "these", "those", "also",
        "more", "most", "some", "any", "all", "such", "our", "your", "you", "one", "two", "said", "says",
        "other", "out", "only", "just", "very", "how", "why", "because", "while", "did", "does", "per",
        "upon", "onto", "off", "under", "again", "each", "both", "few", "own", "same", "too", "yet",
    ]

    /// Up to `limit` key sentences of `body`, in reading order.
    static func keySentences(body: [Block], scalars: [[Unicode.Scalar]], excluding taken: [Int: [Range<Int>]],
                             limit: Int) -> [SentenceCandidate] {
        guard limit > 0 else { return [] }
        // The words of every block, one array for the whole body.
        var tokens: [WordToken] = []
        tokens.reserveCapacity(scalars.reduce(0) { $0 + $1.count } / 5) // about one word in five scalars
        var blockTokens: [Range<Int>] = []
        blockTokens.reserveCapacity(body.count)
        for (index, block) in body.enumerated() {
            let first = tokens.count
            switch block {
            case .rule, .image: break
            default: appendWordTokens(of: scalars[index], to: &tokens)
            }
            blockTokens.append(first..<tokens.count)
        }
        var frequency = CountTable(capacity: tokens.reduce(0) { $0 + ($1.isContent ? 1 : 0) })
        for token in tokens where token.isContent { frequency.increment(token.hash) }
        // Candidate sentences; the distinct content words of each stand in `candidateWords`.
        var candidates: [(block: Int, range: Range<Int>, words: Range<Int>)] = []
        var candidateWords: [UInt64] = []
        var content: [UInt64] = []
        for (index, block) in body.enumerated() where block.isProse {
            let text = scalars[index]
            var next = blockTokens[index].lowerBound // first token not yet behind the current sentence
            let end = blockTokens[index].upperBound
            for range in Prose.sentenceRanges(text) {
                var units = 0
                content.removeAll(keepingCapacity: true)
                while next < end, tokens[next].start < range.upperBound {
                    let token = tokens[next]
                    next += 1
                    guard token.start >= range.lowerBound else { continue }
                    units += 1
                    if token.isContent { content.append(token.hash) }
                }
                if taken[index]?.contains(where: { $0.overlaps(range) }) == true { continue }
                let width = Prose.width(text[range])
                guard width >= minSentenceWidth, width <= maxSentenceWidth, units >= minSentenceWords,
                      !content.isEmpty else { continue }
                if Prose.containsBoilerplate(text, in: range) { continue }
                content.sort()
                let first = candidateWords.count
                for (i, hash) in content.enumerated() where i == 0 || content[i - 1] != hash {
                    candidateWords.append(hash)
                }
                candidates.append((index, range, first..<candidateWords.count))
            }
        }
        let count = Double(candidates.count)
        var scored: [SentenceCandidate] = []
        for (order, candidate) in candidates.enumerated() {
            let recurrence = candidateWords[candidate.words].reduce(0) { $0 + max(0, frequency.count($1) - 1) }
            let density = Double(recurrence) / Double(candidate.words.count).squareRoot()
            let lead = 1 + leadBonus * (1 - Double(order) / count)
            scored.append(SentenceCandidate(block: candidate.block, range: candidate.range, order: order,
                                            score: density * lead))
        }
        let best = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
            .filter { $0.score > 0 }
            .prefix(limit)
        return best.sorted { $0.order < $1.order }
    }

    /// A word of a block, identified by a hash of its ASCII-lowercased scalars.
    struct WordToken {
        /// Offset of its first scalar.
        var start: Int
        var hash: UInt64
        /// At least three scalars and not a stopword, or a single CJK character.
        var isContent: Bool
    }

    /// Occurrence counts keyed by word hash: open addressing, one multiply per probe.
    struct CountTable {
        private struct Entry {
            var key: UInt64
            /// 0 for an empty slot.
            var count: Int
        }

        /// One array of slots (a single allocation per table).
        private var entries: [Entry]
        private let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            entries = Array(repeating: Entry(key: 0, count: 0), count: size)
            mask = size - 1
        }

        @inline(__always)
        private func slot(_ key: UInt64) -> Int {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while entries[slot].count != 0 && entries[slot].key != key { slot = (slot + 1) & mask }
            return slot
        }

        mutating func increment(_ key: UInt64) {
            let slot = slot(key)
            entries[slot].key = key
            entries[slot].count += 1
        }

        func count(_ key: UInt64) -> Int {
            entries[slot(key)].count
        }
    }

    /// The stopwords' hashes, as a table whose count is 1 for a stopword.
    private static let stopwordHashes: CountTable = {
        var table = CountTable(capacity: contentStopwords.count)
        for word in contentStopwords { table.increment(word.unicodeScalars.reduce(fnvOffset) { fnv($0, $1) }) }
        return table
    }()

    /// Longest stopword, in scalars: longer words need no lookup.
    private static let maxStopwordLength = contentStopwords.map(\.unicodeScalars.count).max() ?? 0

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step over a scalar value, ASCII letters lowercased.
    @inline(__always)
    private static func fnv(_ hash: UInt64, _ s: Unicode.Scalar) -> UInt64 {
        var v = s.value
        if v >= 0x41 && v <= 0x5A { v |= 0x20 }
        return (hash ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    /// Appends the words of a text: runs of letters and digits (apostrophes and hyphens inside a
    /// word kept, apostrophes not hashed), and each wide (CJK) letter on its own.
    static func appendWordTokens(of scalars: [Unicode.Scalar], to tokens: inout [WordToken]) {
        let stopwords = stopwordHashes, maxStopwordLength = maxStopwordLength
        scalars.withUnsafeBufferPointer { scalars in
            var i = 0
            let n = scalars.count
            while i < n {
                let s = scalars[i]
                guard Prose.isWordScalar(s) else { i += 1; continue }
                if !s.isASCII, Prose.isWide(s) {
                    tokens.append(WordToken(start: i, hash: fnv(fnvOffset, s), isContent: true))
                    i += 1
                    continue
                }
                let start = i
                var hash = fnv(fnvOffset, s)
                var length = 1
                i += 1
                while i < n {
                    let c = scalars[i]
                    if Prose.isWordScalar(c), c.isASCII || !Prose.isWide(c) {
                        hash = fnv(hash, c)
                        length += 1
                        i += 1
                    } else if (Prose.isApostrophe(c) || c == "-"), i + 1 < n, Prose.isWordScalar(scalars[i + 1]) {
                        if c == "-" {
                            hash = fnv(hash, c)
                            length += 1
                        }
                        i += 1
                    } else {
                        break
                    }
                }
                // Words under three scalars are never content: no stopword lookup for them.
                let isContent = length >= 3 && (length > maxStopwordLength || stopwords.count(hash) == 0)
                tokens.append(WordToken(start: start, hash: hash, isContent: isContent))
            }
        }
    }
}
