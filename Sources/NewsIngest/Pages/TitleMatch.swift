import Foundation
import NewsModel

/// Tolerant matching of headlines, for resolving "Related News" titles to stored articles.
///
/// The key rule, implemented once in NewsModel's `TitleKey` (so keys computed here match the
/// ones the store indexes):
/// 1. fold case, diacritics and width (`folding([.caseInsensitive, .diacriticInsensitive,
///    .widthInsensitive])`; pure ASCII titles skip the fold and are only lowercased), so
///    "Ｒｕｓｓｉａ", "RUSSIA" and "Russia" agree;
/// 2. delete apostrophes, straight or curly (`' ‘ ’ ʼ ＇`), and dots, so "Kyiv’s" and "Kyiv's"
///    both give "kyivs" and "U.S." gives "us";
/// 3. letters and numbers (Unicode Alphabetic or numeric) make words; every other scalar
///    (punctuation, double quotes of any style, dashes, symbols such as emoji, whitespace)
///    separates them;
/// 4. drop the stopwords {a, an, the, in, on, at, of, for, to, and, with, over, as, by, from};
///    a title made only of stopwords has the empty key, which matches nothing;
/// 5. join the words with single spaces.
///
/// So "Russia demands veto on Ukraine security guarantees" and "Russia demands veto in Ukraine
/// security guarantees" share the key "russia demands veto ukraine security guarantees".
public enum TitleMatch {
    /// Words that do not distinguish one headline from another.
    public static var stopwords: Set<String> { TitleKey.stopwords }

    /// The match key of a headline (see the type's rule); empty when it has no other word.
    public static func key(_ title: String) -> String {
        TitleKey.make(title)
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
        TitleKey.words(title)
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
