import Foundation
import NewsModel

/// The terms of an article that relatedness compares: words folded to a canonical form, with
/// weights from where and how often they occur.
///
/// A term is a run of letters, digits and combining marks, with case and diacritics folded
/// (`"Zürich"` → `"zurich"`), a light plural rule applied to Latin words (`"guarantees"` →
/// `"guarantee"`, `"companies"` → `"company"`), and common function words dropped. Apostrophes
/// end a word, so `"Kyiv's"` gives `"kyiv"`. Text written without spaces (Chinese, Japanese,
/// Korean) gives its overlapping character pairs, so that two texts can share part of a run.
public enum RelatedTerms {
    /// Weight of one occurrence in a title (or an alternate title), in a summary, in the body.
    public static let titleWeight = 3.0
    public static let summaryWeight = 1.5
    public static let bodyWeight = 1.0
    /// Body terms past this many are not read: the top of a news story says what it is about.
    public static let bodyTermLimit = 400

    /// Weighted term counts of `article`: a term counts once per title it appears in (the title
    /// and each alternate title, which mostly repeat one another: at most `titleWeight` in all),
    /// then per occurrence in the summary and in the first `bodyTermLimit` terms of the body.
    public static func weights(of article: Article) -> [String: Double] {
        var scanner = TermScanner()
        var counter = WeightCounter()
        for title in [article.title] + article.alternateTitles { scanner.scanText(title, into: &counter) }
        counter.part = .summary
        if let summary = article.summary { scanner.scanText(summary, into: &counter) }
        counter.part = .body
        for block in article.body where counter.bodyTerms < bodyTermLimit {
            switch block {
            case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
                // The spans in turn, as one text: what `plainText` joins, without joining it.
                for span in spans where !scanner.isStopped { scanner.scan(span.text, into: &counter) }
                scanner.finish(into: &counter)
                scanner.reset()
            default:
                scanner.scanText(block.plainText, into: &counter)
            }
        }
        return counter.weights()
    }

    /// The terms of `text` in order, repeats included.
    public static func terms(of text: String) -> [String] {
        var scanner = TermScanner()
        var list = TermList()
        scanner.scanText(text, into: &list)
        let strings = (0..<list.table.count).map(list.table.string)
        return list.numbers.map { strings[$0] }
    }

    /// Counts the weights of the terms of an article, part by part.
    private struct WeightCounter: TokenSink {
        enum Part { case title, summary, body }
        /// The part being scanned.
        var part = Part.title
        private var table = TermTable()
        /// Per term number: whether a title has it, and its weight from the summary and body.
        private var inTitle: [Bool] = [], weight: [Double] = []
        /// Terms counted in the body.
        private(set) var bodyTerms = 0

        init() {
            inTitle.reserveCapacity(256)
            weight.reserveCapacity(256)
        }

        mutating func take(_ token: UnsafeMutableBufferPointer<UInt8>, _ kind: TokenKind) -> Bool {
            guard let term = table.term(token, kind) else { return true }
            if term == weight.count {  // a new term: numbers come in order
                inTitle.append(false)
                weight.append(0)
            }
            switch part {
            case .title:
                inTitle[term] = true
            case .summary:
                weight[term] += summaryWeight
            case .body:
                weight[term] += bodyWeight
                bodyTerms += 1
                return bodyTerms < bodyTermLimit
            }
            return true
        }

        /// The weights counted, by term.
        func weights() -> [String: Double] {
            var weights = [String: Double](minimumCapacity: weight.count)
            for term in weight.indices {
                let total = weight[term] + (inTitle[term] ? titleWeight : 0)
                if weights.updateValue(total, forKey: table.string(term)) != nil { return merged() }
            }
            return weights
        }

        /// `weights()` when two terms of different bytes are one `String` (canonically
        /// equivalent, such as a CJK compatibility ideograph and its unified form): their counts
        /// add up, and a title still counts once.
        private func merged() -> [String: Double] {
            var merged: [String: (inTitle: Bool, weight: Double)] = [:]
            for term in weight.indices {
                let key = table.string(term)
                let old = merged[key] ?? (false, 0)
                merged[key] = (old.inTitle || inTitle[term], old.weight + weight[term])
            }
            return merged.mapValues { $0.weight + ($0.inTitle ? titleWeight : 0) }
        }
    }

    /// Collects the terms of a text in order, by number.
    private struct TermList: TokenSink {
        var table = TermTable()
        var numbers: [Int] = []

        mutating func take(_ token: UnsafeMutableBufferPointer<UInt8>, _ kind: TokenKind) -> Bool {
            if let term = table.term(token, kind) { numbers.append(term) }
            return true
        }
    }

    /// What a scanned run of bytes is.
    fileprivate enum TokenKind {
        /// A word of ASCII letters and digits, lowercased.
        case asciiWord
        /// A word with other letters, digits or marks, as written (ASCII letters lowercased).
        case word
        /// One scalar of a script written without spaces, or two in a row: a term as it is.
        case spaceless
    }

    /// Takes the tokens a `TermScanner` hands out, in order.
    fileprivate protocol TokenSink {
        /// Takes one token (its buffer may be changed); false stops the scan.
        mutating func take(_ token: UnsafeMutableBufferPointer<UInt8>, _ kind: TokenKind) -> Bool
    }

    /// Splits UTF-8 text into words and runs of spaceless scalars, reusing its buffers from one
    /// text to the next. A text can come in pieces (`scan` each, then `finish`).
    private struct TermScanner {
        /// The current word as UTF-8, as written (`endWord` lowercases its ASCII letters).
        private var word: [UInt8] = []
        private var isASCII = true
        /// The last scalar of the current spaceless run (UTF-8), then the next one while its
        /// pair is handed out.
        private var spaceless: [UInt8] = []
        /// Scalars in the current spaceless run.
        private var spacelessCount = 0
        /// Whether the sink stopped the scan: the rest of the text is skipped.
        private(set) var isStopped = false

        init() {
            word.reserveCapacity(64)
            spaceless.reserveCapacity(8)
        }

        /// Hands `sink` each token of `text` in order, until it stops the scan.
        mutating func scanText(_ text: String, into sink: inout some TokenSink) {
            scan(text, into: &sink)
            finish(into: &sink)
            reset()
        }

        /// Hands `sink` the tokens that end in `text`; the last one may go on in the next piece
        /// of the text.
        mutating func scan(_ text: String, into sink: inout some TokenSink) {
            let isASCIIWordByte = RelatedTerms.isASCIIWordByte
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count && !isStopped {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if spacelessCount > 0 { endSpaceless(into: &sink) }
                        guard isASCIIWordByte[Int(byte)] else {
                            endWord(into: &sink)
                            index += 1
                            continue
                        }
                        // A run of ASCII letters and digits, taken at once.
                        let start = index
                        index += 1
                        while index < bytes.count && bytes[index] < 0x80 && isASCIIWordByte[Int(bytes[index])] {
                            index += 1
                        }
                        let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        if word.isEmpty && index < bytes.count && bytes[index] < 0x80 {
                            // The run is the whole word (most are): handed out from a scratch copy.
                            let taken = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: run.count) { scratch in
                                for (offset, byte) in run.enumerated() {
                                    scratch[offset] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                                }
                                return sink.take(scratch, .asciiWord)
                            }
                            if !taken { isStopped = true }
                        } else {
                            word.append(contentsOf: run)
                        }
                        continue
                    }
                    // A multi-byte scalar (a String's UTF-8 is always valid).
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    let sequence = UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])
                    index += length
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    if RelatedTerms.isSpaceless(scalar) {
                        endWord(into: &sink)
                        addSpaceless(sequence, into: &sink)
                    } else if RelatedTerms.isWordScalar(scalar) {
                        if spacelessCount > 0 { endSpaceless(into: &sink) }
                        word.append(contentsOf: sequence)
                        isASCII = false
                    } else {
                        // Apostrophes, dashes, quotes, other punctuation, symbols and spaces.
                        endWord(into: &sink)
                        endSpaceless(into: &sink)
                    }
                }
            }
        }

        /// Hands `sink` the token the text ends with, if any.
        mutating func finish(into sink: inout some TokenSink) {
            endWord(into: &sink)
            endSpaceless(into: &sink)
        }

        /// Forgets the current token and any stop, for the next text.
        mutating func reset() {
            word.removeAll(keepingCapacity: true)
            isASCII = true
            spaceless.removeAll(keepingCapacity: true)
            spacelessCount = 0
            isStopped = false
        }

        private mutating func endWord(into sink: inout some TokenSink) {
            guard !word.isEmpty else { return }
            let kind: TokenKind = isASCII ? .asciiWord : .word
            if !isStopped && !word.withUnsafeMutableBufferPointer({ word in
                for index in word.indices where word[index] &- UInt8(ascii: "A") < 26 { word[index] |= 0x20 }
                return sink.take(word, kind)
            }) {
                isStopped = true
            }
            word.removeAll(keepingCapacity: true)
            isASCII = true
        }

        /// A spaceless run gives its overlapping pairs as they come: the second scalar of a run
        /// hands out the first pair.
        private mutating func addSpaceless(_ scalar: UnsafeBufferPointer<UInt8>,
                                           into sink: inout some TokenSink) {
            if spacelessCount > 0 {
                spaceless.append(contentsOf: scalar)
                if !isStopped && !spaceless.withUnsafeMutableBufferPointer({ sink.take($0, .spaceless) }) {
                    isStopped = true
                }
                spaceless.removeAll(keepingCapacity: true)
            }
            spaceless.append(contentsOf: scalar)
            spacelessCount += 1
        }

        /// A run of one scalar is a term by itself.
        private mutating func endSpaceless(into sink: inout some TokenSink) {
            if spacelessCount == 1 && !isStopped && !spaceless.withUnsafeMutableBufferPointer({ sink.take($0, .spaceless) }) {
                isStopped = true
            }
            spaceless.removeAll(keepingCapacity: true)
            spacelessCount = 0
        }
    }

    /// The terms met so far, numbered in order, and the term of each distinct token: a token
    /// met again (most are) costs one hash and one lookup, and a word beyond ASCII is folded
    /// through Foundation (slow) once.
    private struct TermTable {
        private var terms = ByteStringTable(capacity: 256)
        /// The tokens met so far, as the scanner gave them (before the plural rule and folding).
        /// A token's bytes tell its kind: ASCII words are ASCII, other words have bytes beyond
        /// ASCII and no spaceless scalar, spaceless tokens nothing else.
        private var tokens = ByteStringTable(capacity: 256)
        /// The term number of each of `tokens`, -1 when it gives none.
        private var tokenTerms: [Int] = []
        /// `RelatedTerms.stopwordTable` and `longestStopword`, read once.
        private let stopwords = RelatedTerms.stopwordTable, longestStopword = RelatedTerms.longestStopword

        init() {
            tokenTerms.reserveCapacity(256)
        }

        /// Terms held.
        var count: Int { terms.count }

        /// Term number `term` as a string.
        func string(_ term: Int) -> String { terms.string(at: term) }

        /// The number of the term `token` gives (added when new), nil when it gives none:
        /// too short, or a stopword. An ASCII word's buffer may be changed (made singular).
        mutating func term(_ token: UnsafeMutableBufferPointer<UInt8>, _ kind: TokenKind) -> Int? {
            if kind == .asciiWord && token.count < 2 { return nil }
            let bytes = UnsafeBufferPointer(token)
            let hash = ByteStringTable.hash(bytes)
            let (index, isNew) = tokens.insert(bytes, hash: hash)
            if isNew { tokenTerms.append(newTerm(token, kind, hash: hash) ?? -1) }
            let term = tokenTerms[index]
            return term < 0 ? nil : term
        }

        /// The term of a token met for the first time; `hash` is its `ByteStringTable.hash`.
        private mutating func newTerm(_ token: UnsafeMutableBufferPointer<UInt8>, _ kind: TokenKind,
                                      hash: UInt64) -> Int? {
            switch kind {
            case .spaceless:
                return terms.insert(UnsafeBufferPointer(token), hash: hash).index
            case .asciiWord:
                if token.count <= longestStopword && stopwords.index(of: UnsafeBufferPointer(token), hash: hash) != nil {
                    return nil
                }
                let length = RelatedTerms.singularLength(token)
                let singular = UnsafeBufferPointer(rebasing: token[0..<length])
                return terms.insert(singular, hash: length == token.count ? hash : nil).index
            case .word:
                guard var folded = RelatedTerms.folded(UnsafeBufferPointer(token)) else { return nil }
                return folded.withUTF8 { terms.insert($0).index }
            }
        }
    }

    /// The term of a word with letters beyond ASCII: case, diacritics and width folded; nil when
    /// it is too short or a stopword.
    fileprivate static func folded(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        let text = scalarFolds.folded(word) ?? foundationFolded(String(decoding: word, as: UTF8.self))
        return text.unicodeScalars.count >= 2 && !stopwords.contains(text) ? text : nil
    }

    /// `text` with case, diacritics and width folded by Foundation, then lowercased.
    fileprivate static func foundationFolded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// The letters of Latin-1, Latin Extended-A and Cyrillic, each folded alone.
    fileprivate static let scalarFolds = ScalarFolds()

    /// `foundationFolded` of the letters of Latin-1 (U+00C0–U+00FF), Latin Extended-A
    /// (U+0100–U+017F) and Cyrillic (U+0400–U+04FF), computed once: a word of those letters and
    /// ASCII is folded letter by letter, without Foundation, which takes microseconds a word.
    ///
    /// Folding these letters does not depend on their neighbours (diacritics of precomposed
    /// letters go, case and width fold one letter at a time), so the fold of such a word is the
    /// folds of its letters put together: `RelatedTermsTests` checks that on every pair of them.
    /// Combining marks are left to Foundation: they change the letter before them.
    fileprivate struct ScalarFolds: Sendable {
        /// The folds one after another, in UTF-8.
        private var bytes: [UInt8] = []
        /// Per letter, by `slot`, where its fold starts in `bytes`; it ends where the next one
        /// starts. -1 for a scalar left to Foundation.
        private var starts: [Int] = []
        /// The blocks of scalars folded here.
        private static let blocks: [ClosedRange<UInt32>] = [0xC0...0x17F, 0x400...0x4FF]

        init() {
            for block in Self.blocks {
                for value in block {
                    guard let scalar = Unicode.Scalar(value), !Self.isMark(scalar) else {
                        starts.append(-1)
                        continue
                    }
                    starts.append(bytes.count)
                    bytes.append(contentsOf: RelatedTerms.foundationFolded(String(scalar)).utf8)
                }
            }
            starts.append(bytes.count)
        }

        /// The folded word, nil when it has a scalar not folded here. `word` is a word of the
        /// scanner: valid UTF-8, its ASCII letters lowercased already.
        func folded(_ word: UnsafeBufferPointer<UInt8>) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(word.count + 8)
            var index = 0
            while index < word.count {
                let lead = word[index]
                if lead < 0x80 {
                    out.append(lead)  // a lowercase letter or a digit: its own fold
                    index += 1
                    continue
                }
                // Two-byte scalars only: U+0080 to U+07FF.
                guard lead < 0xE0, index + 1 < word.count,
                      let range = fold(UInt32(lead & 0x1F) << 6 | UInt32(word[index + 1] & 0x3F)) else { return nil }
                out.append(contentsOf: bytes[range])
                index += 2
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// Where the fold of `value` is in `bytes`, nil when it is not folded here.
        private func fold(_ value: UInt32) -> Range<Int>? {
            var slot = 0
            for block in Self.blocks {
                if block.contains(value) {
                    let index = slot + Int(value - block.lowerBound)
                    guard starts[index] >= 0 else { return nil }
                    var end = index + 1
                    while starts[end] < 0 { end += 1 }
                    return starts[index]..<starts[end]
                }
                slot += block.count
            }
            return nil
        }

        private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    /// Makes a Latin plural singular by spelling alone: `-ies` → `-y`, `-s` → `` (not `-ss`,
    /// `-us`, `-is`), for words of five letters or more. Crude, but the same on both sides.
    ///
    /// - Returns: the length of the singular, in bytes (`-ies` is rewritten to `-y` in place).
    fileprivate static func singularLength(_ word: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let count = word.count
        guard count >= 5, word[count - 1] == UInt8(ascii: "s") else { return count }
        let previous = word[count - 2]
        if previous == UInt8(ascii: "e") && word[count - 3] == UInt8(ascii: "i") {
            word[count - 3] = UInt8(ascii: "y")
            return count - 2
        }
        if previous == UInt8(ascii: "s") || previous == UInt8(ascii: "u") || previous == UInt8(ascii: "i") {
            return count
        }
        return count - 1
    }

    /// Per ASCII byte, whether it is part of a word (a letter or digit) or ends one.
    fileprivate static let isASCIIWordByte: [Bool] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }

    /// Letters, digits and combining marks make words.
    fileprivate static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Scripts written without spaces between words: Han, kana, Hangul, Bopomofo.
    fileprivate static func isSpaceless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3040...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// Bytes in the longest stopword: longer words need no lookup.
    fileprivate static let longestStopword = stopwords.map(\.utf8.count).max() ?? 0

    /// `stopwords` by their bytes.
    fileprivate static let stopwordTable = ByteStringTable(stopwords)

    /// English function words and the words of news prose that say nothing about the subject.
    /// Rarer words need no list: their document frequency discounts them.
    public static let stopwords: Set<String> = [
        "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "don", "down", "during", "each", "even", "ever",
        "few", "for", "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "if", "in", "into", "is", "it", "its",
        "itself", "just", "ll", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
        "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "re", "said", "same", "say", "says", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "new", "like", "many",
        "well", "way", "still", "back", "make", "made", "take", "use", "used", "using", "via", "per",
        "read", "continue", "reading", "click", "share", "comment", "comments", "http", "https", "www",
        "com", "html", "amp", "nbsp", "quot",
        // What is left of negative contractions once the apostrophe splits them ("isn't").
        "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn", "doesn", "didn", "wouldn",
        "couldn", "shouldn",
    ]
}
