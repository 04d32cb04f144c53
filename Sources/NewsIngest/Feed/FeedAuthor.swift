/// Author strings as feeds write them.
enum FeedAuthor {
    /// The display name in an RSS-style author string.
    ///
    /// `"joe@x.org (Joe)"` and `"Joe <joe@x.org>"` give `"Joe"`; a bare address stays as it is;
    /// `"Simon (mailto:simon@x.org)"` gives `"Simon"`.
    static func name(fromRSS raw: String) -> String? {
        let text = raw.trimmingASCIIWhitespace()
        guard !text.isEmpty else { return nil }
        for (open, close) in [("(", ")"), ("<", ">")] {
            guard text.hasSuffix(close), let openIndex = text.lastIndex(of: Character(open)) else { continue }
            let inside = text[text.index(after: openIndex)..<text.index(before: text.endIndex)]
                .trimmingASCIIWhitespace()
            let outside = text[..<openIndex].trimmingASCIIWhitespace()
            let insideIsAddress = inside.contains("@")
            if insideIsAddress {
                if !outside.isEmpty { return outside }
                return inside.hasPrefix("mailto:") ? String(inside.dropFirst(7)) : inside
            }
            if !inside.isEmpty { return inside }
            if !outside.isEmpty { return outside }
        }
        return text
    }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII whitespace.
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.isASCII, FeedDate.isSpace(UInt8(first.value)) {
            scalars.removeFirst()
        }
        while let last = scalars.last, last.isASCII, FeedDate.isSpace(UInt8(last.value)) {
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
