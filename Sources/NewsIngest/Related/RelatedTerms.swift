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
        var weights: [String: Double] = [:]
        var titleTerms = Set<String>()
        for title in [article.title] + article.alternateTitles {
            scanner.scan(title) { titleTerms.insert($0) }
        }
        for term in titleTerms { weights[term, default: 0] += titleWeight }
        if let summary = article.summary {
            scanner.scan(summary) { weights[$0, default: 0] += summaryWeight }
        }
        var bodyTerms = 0
        for block in article.body where bodyTerms < bodyTermLimit {
            scanner.scan(block.plainText) { term in
                guard bodyTerms < bodyTermLimit else { return }
                bodyTerms += 1
                weights[term, default: 0] += bodyWeight
            }
        }
        return weights
    }

    /// The terms of `text` in order, repeats included.
    public static func terms(of text: String) -> [String] {
        var terms: [String] = []
        var scanner = TermScanner()
        scanner.scan(text) { terms.append($0) }
        return terms
    }

    /// Splits text into terms, reusing its buffers from one text to the next.
    private struct TermScanner {
        /// The current word as UTF-8, ASCII letters already lowercased.
        private var word: [UInt8] = []
        private var isASCII = true
        /// The current run of scalars from scripts written without spaces.
        private var wide: [Unicode.Scalar] = []

        init() { word.reserveCapacity(32) }

        /// Calls `body` with each term of `text`, in order.
        mutating func scan(_ text: String, _ body: (String) -> Void) {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        index += 1
                        if !wide.isEmpty { endWide(body) }
                        switch byte {
                        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                            word.append(byte)
                        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                            word.append(byte + 32)
                        default:
                            endWord(body)
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
                    if isSpaceless(scalar) {
                        endWord(body)
                        wide.append(scalar)
                    } else if isWordScalar(scalar) {
                        if !wide.isEmpty { endWide(body) }
                        word.append(contentsOf: sequence)
                        isASCII = false
                    } else {
                        // Apostrophes, dashes, quotes, other punctuation, symbols and spaces.
                        endWord(body)
                        endWide(body)
                    }
                }
            }
            endWord(body)
            endWide(body)
        }

        private mutating func endWord(_ body: (String) -> Void) {
            guard !word.isEmpty else { return }
            if let term = RelatedTerms.term(word, isASCII: isASCII) { body(term) }
            word.removeAll(keepingCapacity: true)
            isASCII = true
        }

        /// A run of one scalar is a term; a longer run gives its overlapping pairs.
        private mutating func endWide(_ body: (String) -> Void) {
            guard !wide.isEmpty else { return }
            if wide.count == 1 {
                body(String(Character(wide[0])))
            } else {
                for index in 0..<(wide.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(wide[index])
                    pair.append(wide[index + 1])
                    body(String(pair))
                }
            }
            wide.removeAll(keepingCapacity: true)
        }
    }

    /// The term a word (UTF-8) gives, or nil when it is too short or a stopword.
    fileprivate static func term(_ word: [UInt8], isASCII: Bool) -> String? {
        guard isASCII else {
            let text = String(decoding: word, as: UTF8.self)
                .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .lowercased()
            return text.unicodeScalars.count >= 2 && !stopwords.contains(text) ? text : nil
        }
        guard word.count >= 2 else { return nil }
        let text = String(decoding: word, as: UTF8.self)
        guard word.count > longestStopword || !stopwords.contains(text) else { return nil }
        return singular(text)
    }

    /// A Latin plural made singular by spelling alone: `-ies` → `-y`, `-s` → `` (not `-ss`,
    /// `-us`, `-is`), for words of five letters or more. Crude, but the same on both sides.
    static func singular(_ word: String) -> String {
        let utf8 = Array(word.utf8)
        guard utf8.count >= 5, utf8[utf8.count - 1] == UInt8(ascii: "s") else { return word }
        let previous = utf8[utf8.count - 2]
        if previous == UInt8(ascii: "e") && utf8[utf8.count - 3] == UInt8(ascii: "i") {
            return String(decoding: utf8.dropLast(3) + [UInt8(ascii: "y")], as: UTF8.self)
        }
        if previous == UInt8(ascii: "s") || previous == UInt8(ascii: "u") || previous == UInt8(ascii: "i") { return word }
        return String(decoding: utf8.dropLast(), as: UTF8.self)
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
    private static let longestStopword = stopwords.map(\.utf8.count).max() ?? 0

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
