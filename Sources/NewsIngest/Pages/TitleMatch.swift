import Foundation

/// Tolerant matching of headlines, for resolving "Related News" titles to stored articles.
///
/// The key rule (NewsStore's `TitleKey.make` must produce the same output):
/// 1. fold case, diacritics and width (`folding([.caseInsensitive, .diacriticInsensitive,
///    .widthInsensitive])`, then `lowercased()`), so "Ｒｕｓｓｉａ", "RUSSIA" and "Russia" agree;
/// 2. delete apostrophes, straight or curly (`' ‘ ’ ‚ ‛ ʼ ′`), so "Kyiv’s" and "Kyiv's" both
///    give "kyivs";
/// 3. every other scalar that is not a letter, mark or number (punctuation, symbols such as
///    emoji, whitespace, double quotes of any style) separates words;
/// 4. drop the stopwords {a, an, the, in, on, at, of, for, to, and, with, over, as, by, from},
///    unless that would leave nothing;
/// 5. join the words with single spaces.
///
/// So "Russia demands veto on Ukraine security guarantees" and "Russia demands veto in Ukraine
/// security guarantees" share the key "russia demands veto ukraine security guarantees".
public enum TitleMatch {
    /// Words that do not distinguish one headline from another.
    public static let stopwords: Set<String> = [
        "a", "an", "the", "in", "on", "at", "of", "for", "to", "and", "with", "over", "as", "by", "from",
    ]

    /// The match key of a headline (see the type's rule).
    public static func key(_ title: String) -> String {
        let words = words(title)
        let kept = words.filter { !stopwords.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }

    /// How alike two headlines are, from 0 (no shared word) to 1 (same words): the Dice
    /// coefficient of the token sets of their keys. Runs of CJK characters, written without
    /// spaces, count as their overlapping character pairs so that they can partly match.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let ta = tokens(ofKey: key(a)), tb = tokens(ofKey: key(b))
        guard !ta.isEmpty, !tb.isEmpty else { return 0 }
        let shared = ta.intersection(tb).count
        return 2 * Double(shared) / Double(ta.count + tb.count)
    }

    /// The folded words of `title`, stopwords included.
    static func words(_ title: String) -> [String] {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                                   locale: nil).lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for s in folded.unicodeScalars {
            if Prose.isApostrophe(s) { continue }
            if isWordScalar(s) {
                current.append(s)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Letters, combining marks and numbers make words; everything else separates them.
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Similarity tokens of a key: its words, with each run of wide (CJK) scalars replaced by
    /// its character bigrams (a single wide character stays a token).
    private static func tokens(ofKey key: String) -> Set<String> {
        var tokens = Set<String>()
        for word in key.split(separator: " ") {
            let scalars = Array(word.unicodeScalars)
            guard scalars.contains(where: Prose.isWide), scalars.count > 1 else {
                tokens.insert(String(word))
                continue
            }
            for i in 0..<(scalars.count - 1) {
                tokens.insert(String(String.UnicodeScalarView(scalars[i...(i + 1)])))
            }
        }
        return tokens
    }
}
