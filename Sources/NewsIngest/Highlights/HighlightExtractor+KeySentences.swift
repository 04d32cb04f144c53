import NewsModel

/// Extractive key-sentence selection.
///
/// Method: term frequency with a lead bias. Every content word of the body (lowercased, at least
/// three letters, not a stopword; each CJK character is a word of its own) is counted over the
/// whole body. A candidate sentence scores the sum, over its distinct content words, of how
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
        var frequency: [String: Int] = [:]
        for (index, block) in body.enumerated() {
            if case .rule = block { continue }
            for word in contentWords(scalars[index][...]) { frequency[word, default: 0] += 1 }
        }
        var candidates: [(block: Int, range: Range<Int>, words: Set<String>)] = []
        for (index, block) in body.enumerated() where block.isProse {
            let text = scalars[index]
            for range in Prose.sentenceRanges(text) {
                if taken[index]?.contains(where: { $0.overlaps(range) }) == true { continue }
                let sentence = String(String.UnicodeScalarView(text[range]))
                let width = Prose.width(sentence)
                guard width >= minSentenceWidth, width <= maxSentenceWidth,
                      wordUnits(text[range]) >= minSentenceWords,
                      !Prose.isBoilerplateSentence(sentence) else { continue }
                candidates.append((index, range, Set(contentWords(text[range]))))
            }
        }
        let count = Double(candidates.count)
        var scored: [SentenceCandidate] = []
        for (order, candidate) in candidates.enumerated() where !candidate.words.isEmpty {
            let recurrence = candidate.words.reduce(0) { $0 + (frequency[$1, default: 1] - 1) }
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

    /// Content words of a text: lowercased runs of letters and digits of at least three
    /// scalars that are not stopwords, and every wide (CJK) letter on its own.
    static func contentWords(_ scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count >= 3 {
                let word = String(current).lowercased()
                if !contentStopwords.contains(word) { words.append(word) }
            }
            current = String.UnicodeScalarView()
        }
        for s in scalars {
            if Prose.isWide(s), s.properties.isAlphabetic {
                flush()
                words.append(String(s))
            } else if s.properties.isAlphabetic || s.properties.numericType != nil {
                current.append(s)
            } else if !Prose.isApostrophe(s) {
                flush()
            }
        }
        flush()
        return words
    }

    /// Words in a sentence, counting each wide (CJK) letter as one.
    static func wordUnits(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var units = 0
        var inWord = false
        for s in scalars {
            if Prose.isWide(s), s.properties.isAlphabetic {
                units += 1
                inWord = false
            } else if s.properties.isAlphabetic || s.properties.numericType != nil {
                if !inWord { units += 1 }
                inWord = true
            } else if !Prose.isApostrophe(s) && s != "-" {
                inWord = false
            }
        }
        return units
    }
}
