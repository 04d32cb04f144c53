/// When a headline named by another article ("Related News") is the headline of a stored one,
/// allowing for small changes of wording.
///
/// The rule works on the sets of words of the two `TitleMatch` keys (case, diacritics,
/// punctuation and small words gone): the same set, or sets that share at least
/// `minimumSharedWords` and differ by at most one word on each side — one word replaced,
/// added or dropped, in any order. So "Russia demands veto on Ukraine security guarantees"
/// names "Russia seeks veto in Ukraine security guarantees", but "Alaska summit updates" does
/// not name "Alaska summit live" (two shared words are too few to tell).
public enum HeadlineReference {
    /// Words two headlines must share to match without being equal.
    public static let minimumSharedWords = 3

    /// The distinct words of a headline's key, in order.
    public static func words(of title: String) -> [String] {
        var seen = Set<String>()
        return TitleMatch.key(title).split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }

    /// The words to find a headline by in a full-text index that splits words at apostrophes
    /// and dots (SQLite's `unicode61`), where `TitleMatch` joins them: `words(of:)` of the title
    /// split there too, one-letter pieces dropped ("Kyiv's" gives "kyiv", "U.S." nothing).
    public static func searchWords(of title: String) -> [String] {
        var split = String.UnicodeScalarView()
        for scalar in title.unicodeScalars {
            split.append(Prose.isApostrophe(scalar) || scalar == "." || scalar == "\u{FF07}" ? " " : scalar)
        }
        return words(of: String(split)).filter { $0.unicodeScalars.count > 1 }
    }

    /// How well `reference` names `title`: 1 for the same words, else the Dice coefficient of
    /// the two word sets; nil when the rule above says they are different headlines.
    public static func match(_ reference: String, _ title: String) -> Double? {
        let a = Set(words(of: reference)), b = Set(words(of: title))
        guard !a.isEmpty, !b.isEmpty else { return nil }
        if a == b { return 1 }
        let shared = a.intersection(b).count
        guard shared >= minimumSharedWords, a.count - shared <= 1, b.count - shared <= 1 else { return nil }
        return 2 * Double(shared) / Double(a.count + b.count)
    }

    /// Keys such that two headlines match (by `match`) exactly when they have a key in common:
    /// the sorted word set itself, and the set without each one of its words, as long as
    /// `minimumSharedWords` remain. Empty for headlines too short to match loosely but equal.
    ///
    /// Why it works: sets that differ by one word each share the set of common words; a set
    /// with one more word contains the other set as one of its variants.
    public static func variants(of title: String) -> [String] {
        let sorted = Set(words(of: title)).sorted()
        guard sorted.count >= minimumSharedWords else { return [] }
        var variants = [sorted.joined(separator: " ")]
        if sorted.count > minimumSharedWords {
            for index in sorted.indices {
                var rest = sorted
                rest.remove(at: index)
                variants.append(rest.joined(separator: " "))
            }
        }
        return variants
    }
}
