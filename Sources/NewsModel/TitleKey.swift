import Foundation

/// The normalised form of a headline that related-story lookups compare.
///
/// Two titles that differ only in case, diacritics, character width, quote style, punctuation,
/// spacing or the small words below get the same key:
/// `"Russia’s Veto, in Ukraine!"` and `"russias veto ukraine"` both give `"russias veto ukraine"`.
/// It lives in NewsModel so ingest (`TitleMatch`) and the store compute keys by one rule.
public enum TitleKey {
    /// Words dropped from keys: headlines often differ only in these.
    public static let stopwords: Set<String> = [
        "a", "an", "the", "in", "on", "at", "of", "for", "to", "and", "with", "over", "as", "by", "from",
    ]

    /// The key of `title`; empty when the title has no word outside `stopwords`.
    public static func make(_ title: String) -> String {
        words(title).filter { !stopwords.contains($0) }.joined(separator: " ")
    }

    /// The folded words of `title`, stopwords included.
    public static func words(_ title: String) -> [String] {
        let isASCII = title.utf8.allSatisfy { $0 < 0x80 }
        let folded = isASCII
            ? title
            : title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var word = String.UnicodeScalarView()
        func endWord() {
            guard !word.isEmpty else { return }
            words.append(String(word))
            word = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "'", "\u{2018}", "\u{2019}", "\u{02BC}", "\u{FF07}", ".":
                // Apostrophes (straight or curly) and dots join: "Russia’s" → "russias", "U.S." → "us".
                continue
            case "A"..."Z":
                word.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            case "a"..."z", "0"..."9":
                word.append(scalar)
            default:
                if scalar.isASCII {
                    endWord() // ASCII punctuation and spaces, including straight double quotes
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    endWord() // curly quotes, dashes, other punctuation and symbols, every space
                }
            }
        }
        endWord()
        return words
    }
}

