/// Quoted speech and its speaker inside a paragraph.
extension HighlightExtractor {
    /// A passage of reported speech: where its words stand in the block, and who spoke.
    struct Speech: Equatable {
        /// The spoken words, in Unicode scalar offsets of the block's plain text.
        var range: Range<Int>
        /// The speaker's name or role ("Sergei Lavrov", "the minister"); nil for a pronoun.
        var speaker: String?
    }

    private static let according = Array("according to ".utf8)

    /// Verbs that introduce quoted speech.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "argued", "argues",
        "warned", "warns", "wrote", "writes", "explained", "explains", "stated", "states", "asked",
        "asks", "insisted", "insists", "claimed", "claims", "declared", "declares", "replied",
        "replies", "remarked", "continued", "recalled", "admitted", "acknowledged", "conceded",
        "stressed", "emphasised", "emphasized", "announced", "urged", "tweeted", "posted",
    ]
    /// Verbs that may take a short object before the quote ("told reporters:", "asked the court:").
    static let objectTakingVerbs: Set<String> = ["told", "tells", "asked", "asks", "urged"]
    /// Pronoun speakers: the quote counts, the speaker is unknown.
    static let pronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]
    static let determiners: Set<String> = ["the", "a", "an"]
    /// Lowercase words that may sit inside a name ("Ursula von der Leyen").
    static let nameConnectors: Set<String> = ["de", "del", "der", "van", "von", "al", "bin", "da", "du", "la", "le", "of"]
    /// Capitalised sentence openers that are not part of a name ("Then Lavrov said").
    static let sentenceOpeners: Set<String> = [
        "then", "but", "and", "later", "also", "however", "meanwhile", "yesterday", "today", "on", "in",
        "at", "when", "after", "before", "as", "so", "still", "earlier", "now",
    ]
    /// Longest speaker phrase, in words.
    static let maxSpeakerWords = 6
    /// Fewest words a quoted passage needs to count as speech rather than a scare quote.
    static let minQuoteWords = 3

    /// The quoted speech in `scalars` with its speakers, in reading order: passages in double
    /// quotes next to a speech verb (`"…," said X`, `"…," X said`, `X said: "…"`, `X said "…"`),
    /// and `according to X, …` / `…, according to X` statements.
    static func speech(in scalars: [Unicode.Scalar]) -> [Speech] {
        guard mayHoldSpeech(scalars) else { return [] }
        let passages = quotedPassages(scalars)
        let mentionsAccording = Prose.containsASCIIIgnoringCase(scalars, according)
        guard !passages.isEmpty || mentionsAccording else { return [] }
        let words = Words.split(scalars)
        var found: [Speech] = []
        for (open, close) in passages {
            guard let content = quoteContent(scalars, open: open, close: close) else { continue }
            if let speaker = speakerAfter(close: close, words: words, scalars: scalars)
                ?? speakerBefore(open: open, words: words, scalars: scalars) {
                found.append(Speech(range: content, speaker: speaker.name))
            }
        }
        for statement in mentionsAccording ? accordingTo(scalars, words: words) : []
        where !found.contains(where: { $0.range.overlaps(statement.range) }) {
            found.append(statement)
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether `scalars` hold a mark that may open a quoted passage, or "according to": one
    /// pass that lets most paragraphs skip both searches.
    private static func mayHoldSpeech(_ scalars: [Unicode.Scalar]) -> Bool {
        let according = according
        return scalars.withUnsafeBufferPointer { scalars in
            for i in scalars.indices {
                let s = scalars[i]
                if Prose.isOpeningDoubleQuote(s) && s != "\u{201D}" { return true }
                if Prose.hasASCIIIgnoringCase(scalars, according, at: i) { return true }
            }
            return false
        }
    }

    /// Pairs of (opening mark, closing mark) offsets of double-quoted passages.
    private static func quotedPassages(_ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        scalars.withUnsafeBufferPointer { scalars in
            var passages: [(Int, Int)] = []
            var i = 0
            while i < scalars.count {
                let s = scalars[i]
                guard Prose.isOpeningDoubleQuote(s), s != "\u{201D}" else { i += 1; continue }
                guard let close = scalars[(i + 1)...].firstIndex(where: { Prose.closes($0, opener: s) }) else {
                    i += 1
                    continue
                }
                passages.append((i, close))
                i = close + 1
            }
            return passages
        }
    }

    /// The spoken words between the marks, trimmed of spaces and of a trailing comma
    /// (`"We will go," he said`); nil when too short to be speech.
    private static func quoteContent(_ scalars: [Unicode.Scalar], open: Int, close: Int) -> Range<Int>? {
        var lower = open + 1, upper = close
        while lower < upper, Prose.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, Prose.isSpace(scalars[upper - 1]) || scalars[upper - 1] == "," { upper -= 1 }
        guard lower < upper else { return nil }
        let spaces = scalars[lower..<upper].reduce(0) { $0 + ($1 == " " ? 1 : 0) }
        let wide = scalars[lower..<upper].reduce(0) { $0 + (Prose.isWide($1) ? 1 : 0) }
        guard spaces + 1 >= minQuoteWords || wide >= 2 * minQuoteWords else { return nil }
        return lower..<upper
    }

    /// A speaker found next to a quote: its words, and its name (nil for a pronoun).
    private struct Speaker {
        var name: String?
        /// Indices of the speaker's words.
        var words: ClosedRange<Int>
    }

    /// Words that end a role phrase read forward ("said the minister who…").
    static let roleStops: Set<String> = [
        "who", "which", "that", "in", "at", "on", "during", "after", "before", "while", "when", "as",
        "because", "adding", "and", "but",
    ]

    /// `"…," said X` or `"…," X said`.
    private static func speakerAfter(close: Int, words: Words, scalars: [Unicode.Scalar]) -> Speaker? {
        guard let first = words.firstIndex(where: { $0.range.lowerBound > close }) else { return nil }
        // Only a comma (or nothing) may stand between the closing mark and the first word.
        let gap = scalars[(close + 1)..<words[first].range.lowerBound]
        guard gap.allSatisfy({ $0 == " " || $0 == "," }) else { return nil }
        if speechVerbs.contains(words.lower(first)) {
            guard words[first].followedBySpace else { return nil }
            return speakerForward(from: first + 1, words: words, allowBare: false)
        }
        // X said: the words from the quote to the verb must be exactly one speaker phrase.
        var verb = first
        while verb < words.count, verb - first <= maxSpeakerWords, !speechVerbs.contains(words.lower(verb)) {
            guard words[verb].followedBySpace else { return nil }
            verb += 1
        }
        guard verb < words.count, verb > first, speechVerbs.contains(words.lower(verb)),
              let speaker = speakerBackward(endingAt: verb - 1, words: words),
              speaker.words.lowerBound == first else { return nil }
        return speaker
    }

    /// `X said: "…"`, `X said "…"`, `X told reporters: "…"`.
    private static func speakerBefore(open: Int, words: Words, scalars: [Unicode.Scalar]) -> Speaker? {
        guard let last = words.lastIndex(where: { $0.range.upperBound <= open }) else { return nil }
        let gap = scalars[words[last].range.upperBound..<open]
        guard gap.allSatisfy({ $0 == " " || $0 == ":" || $0 == "," }) else { return nil }
        // The verb, possibly followed by a short object ("told the BBC:").
        for verb in stride(from: last, through: max(0, last - 3), by: -1) {
            guard speechVerbs.contains(words.lower(verb)) else {
                if verb < last, !words[verb].followedBySpace { return nil }
                continue
            }
            guard verb == last || (objectTakingVerbs.contains(words.lower(verb)) && words[verb].followedBySpace),
                  verb > 0, words[verb - 1].followedBySpace else { return nil }
            return speakerBackward(endingAt: verb - 1, words: words)
        }
        return nil
    }

    /// The speaker phrase starting at word `start`: a capitalised name ("said Foreign Minister
    /// Sergei Lavrov, who…"), a role phrase after a determiner ("said the EU diplomat"), a
    /// pronoun, or (when `allowBare`) a bare lowercase word ("according to officials").
    private static func speakerForward(from start: Int, words: Words, allowBare: Bool) -> Speaker? {
        guard start < words.count else { return nil }
        let firstLower = words.lower(start)
        if pronouns.contains(firstLower) { return Speaker(name: nil, words: start...start) }
        let isRole = determiners.contains(firstLower)
        guard isRole || words[start].isCapitalised || allowBare else { return nil }
        var end = start
        while words[end].followedBySpace, end + 1 < words.count, end + 1 - start < maxSpeakerWords {
            let nextLower = words.lower(end + 1)
            let continues = isRole ? !roleStops.contains(nextLower) && !speechVerbs.contains(nextLower)
                                   : words[end + 1].isCapitalised || nameConnectors.contains(nextLower)
            guard continues else { break }
            end += 1
        }
        // A name never ends on a connector ("Lavrov of").
        while end > start, nameConnectors.contains(words.lower(end)), !isRole { end -= 1 }
        return Speaker(name: joined(words, start...end), words: start...end)
    }

    /// The speaker phrase ending at word `end`: a capitalised name ("…, Sergei Lavrov said"), a
    /// role phrase back to its determiner ("a senior EU diplomat said"), a pronoun, or up to
    /// `maxBareRoleWords` words right after punctuation ("…," EU officials said).
    private static func speakerBackward(endingAt end: Int, words: Words) -> Speaker? {
        let last = words[end]
        if pronouns.contains(words.lower(end)) { return Speaker(name: nil, words: end...end) }
        var start = end
        if last.isCapitalised {
            while start > 0, end - start + 1 < maxSpeakerWords, words[start - 1].followedBySpace,
                  words[start - 1].isCapitalised || nameConnectors.contains(words.lower(start - 1)) {
                start -= 1
            }
            while start < end, sentenceOpeners.contains(words.lower(start)) || nameConnectors.contains(words.lower(start)) {
                start += 1
            }
            return Speaker(name: joined(words, start...end), words: start...end)
        }
        var i = end
        while i > 0, end - i + 1 < maxSpeakerWords, !determiners.contains(words.lower(i)),
              words[i - 1].followedBySpace {
            i -= 1
        }
        let atBoundary = i == 0 || !words[i - 1].followedBySpace
        if determiners.contains(words.lower(i)) || (atBoundary && end - i < maxBareRoleWords) {
            start = i
        } else {
            return nil
        }
        return Speaker(name: joined(words, start...end), words: start...end)
    }

    private static func joined(_ words: Words, _ range: ClosedRange<Int>) -> String {
        range.map(words.text).joined(separator: " ")
    }

    /// `According to X, <statement>.` and `<statement>, according to X.`
    private static func accordingTo(_ scalars: [Unicode.Scalar], words: Words) -> [Speech] {
        var found: [Speech] = []
        for sentence in Prose.sentenceRanges(scalars) {
            let inSentence = words.indices.filter { sentence.contains(words[$0].range.lowerBound) }
            guard let first = inSentence.first, let last = inSentence.last else { continue }
            for i in inSentence where i + 2 <= last && words.lower(i) == "according" && words.lower(i + 1) == "to"
                && words[i].followedBySpace && words[i + 1].followedBySpace {
                guard let speaker = speakerForward(from: i + 2, words: words, allowBare: true),
                      let name = speaker.name else { continue }
                let speakerEnd = speaker.words.upperBound
                let range: Range<Int>
                if i == first {
                    // According to X, statement.
                    guard speakerEnd < last, scalars[words[speakerEnd].range.upperBound] == "," else { continue }
                    range = words[speakerEnd + 1].range.lowerBound..<sentence.upperBound
                } else {
                    // Statement, according to X.
                    guard scalars[words[i - 1].range.upperBound] == "," else { continue }
                    range = sentence.lowerBound..<words[i - 1].range.upperBound
                }
                let wordCount = inSentence.filter { range.contains(words[$0].range.lowerBound) }.count
                if wordCount >= minStatementWords { found.append(Speech(range: range, speaker: name)) }
            }
        }
        return found
    }

    /// Most words of a role phrase without a determiner ("EU diplomats said").
    static let maxBareRoleWords = 3
    /// Fewest words in an "according to" statement.
    static let minStatementWords = 4
}

extension HighlightExtractor {
    /// A word of a block: letters, digits, marks, apostrophes, hyphens and inner periods ("U.S").
    struct Word {
        var range: Range<Int>
        /// True when only a space follows the word (no punctuation before the next one).
        var followedBySpace: Bool
        var isCapitalised: Bool
    }

    /// The words of a block, their text read from its scalars only when asked (most words of a
    /// quoted paragraph are never looked at).
    struct Words: RandomAccessCollection {
        let scalars: [Unicode.Scalar]
        let items: [Word]

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(index: Int) -> Word { items[index] }

        /// The text of word `index`.
        func text(_ index: Int) -> String {
            Prose.string(scalars[items[index].range])
        }

        /// The text of word `index`, folded (lowercase) for the word lists.
        func lower(_ index: Int) -> String {
            Prose.foldedString(scalars[items[index].range])
        }

        static func split(_ scalars: [Unicode.Scalar]) -> Words {
            let items = scalars.withUnsafeBufferPointer { scalars in
                var words: [Word] = []
                var i = 0
                let n = scalars.count
                while i < n {
                    guard isWordScalar(scalars[i]) else { i += 1; continue }
                    let start = i
                    while i < n, isWordScalar(scalars[i])
                        || ((scalars[i] == "." || Prose.isApostrophe(scalars[i]) || scalars[i] == "-")
                            && i + 1 < n && isWordScalar(scalars[i + 1])) {
                        i += 1
                    }
                    let followedBySpace = i < n && scalars[i] == " " && i + 1 < n && isWordScalar(scalars[i + 1])
                    words.append(Word(range: start..<i, followedBySpace: followedBySpace,
                                      isCapitalised: Prose.isUppercase(scalars[start])))
                }
                return words
            }
            return Words(scalars: scalars, items: items)
        }

        private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            Prose.isWordScalar(s)
        }
    }
}
