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
    public static let bodyTermLimit = 1_000

    /// Weighted term counts of `article`: a term counts once per title it appears in (the title
    /// and each alternate title, which mostly repeat one another: at most `titleWeight` in all),
    /// then per occurrence in the summary and in the first `bodyTermLimit` terms of the body.
    public static func weights(of article: Article) -> [String: Double] {
        var weights: [String: Double] = [:]
        var titleTerms = Set<String>()
        for title in [article.title] + article.alternateTitles {
            forEachTerm(in: title) { titleTerms.insert($0) }
        }
        for term in titleTerms { weights[term, default: 0] += titleWeight }
        if let summary = article.summary {
            forEachTerm(in: summary) { weights[$0, default: 0] += summaryWeight }
        }
        var bodyTerms = 0
        for block in article.body where bodyTerms < bodyTermLimit {
            forEachTerm(in: block.plainText) { term in
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
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with each term of `text`, in order.
    static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var isASCII = true
        var wide: [Unicode.Scalar] = []
        func endWord() {
            guard !word.isEmpty else { return }
            if let term = term(word, isASCII: isASCII) { body(term) }
            word = String.UnicodeScalarView()
            isASCII = true
        }
        func endWide() {
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
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                endWide()
                switch scalar {
                case "a"..."z", "0"..."9":
                    word.append(scalar)
                case "A"..."Z":
                    word.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
                default:
                    endWord()
                }
            } else if isSpaceless(scalar) {
                endWord()
                wide.append(scalar)
            } else if isWordScalar(scalar) {
                endWide()
                word.append(scalar)
                isASCII = false
            } else {
                // Apostrophes, dashes, quotes, other punctuation, symbols and spaces.
                endWord()
                endWide()
            }
        }
        endWord()
        endWide()
    }

    /// The term a word gives, or nil when it is too short or a stopword.
    private static func term(_ word: String.UnicodeScalarView, isASCII: Bool) -> String? {
        var text = String(word)
        if !isASCII {
            text = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .lowercased()
        }
        guard text.unicodeScalars.count >= 2, !stopwords.contains(text) else { return nil }
        return isASCII ? singular(text) : text
    }

    /// A Latin plural made singular by spelling alone: `-ies` → `-y`, `-s` → `` (not `-ss`,
    /// `-us`, `-is`), for words of five letters or more. Crude, but the same on both sides.
    static func singular(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count >= 5, utf8.last == UInt8(ascii: "s") else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        return String(word.dropLast())
    }

    /// Letters, digits and combining marks make words.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
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
    private static func isSpaceless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3040...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

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
