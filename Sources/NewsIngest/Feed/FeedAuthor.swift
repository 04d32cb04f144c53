/// Author strings as feeds write them.
enum FeedAuthor {
    /// The name and e-mail address in an RSS-style author string.
    ///
    /// `"joe@x.org (Joe)"` and `"Joe <joe@x.org>"` give name `"Joe"`; a bare address gives only
    /// the e-mail; `"Simon (mailto:simon@x.org)"` gives `"Simon"`; text without an address is
    /// all name (`"Author (name)"`).
    static func parse(_ raw: String) -> (name: String?, email: String?) {
        let text = raw.trimmingASCIIWhitespace()
        guard !text.isEmpty else { return (nil, nil) }
        guard text.contains("@") else { return (text, nil) }
        // An address in brackets: "Joe <joe@x.org>", "Joe (mailto:joe@x.org)".
        for (open, close) in [("(", ")"), ("<", ">")] {
            guard let openIndex = text.firstIndex(of: Character(open)),
                  let closeIndex = text[openIndex...].firstIndex(of: Character(close)) else { continue }
            let inside = text[text.index(after: openIndex)..<closeIndex].trimmingASCIIWhitespace()
            guard inside.contains("@") else { continue }
            let rest = (text[..<openIndex] + text[text.index(after: closeIndex)...]).trimmingASCIIWhitespace()
            return (rest.isEmpty ? nil : rest, address(inside))
        }
        // A bare address with the name around it: "joe@x.org (Joe)".
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let email = words.first(where: { $0.contains("@") }) else { return (text, nil) }
        var rest = words.filter { $0 != email }.joined(separator: " ").trimmingASCIIWhitespace()
        if rest.hasPrefix("("), rest.hasSuffix(")") || rest.count == 1 {
            rest = String(rest.dropFirst().dropLast(rest.hasSuffix(")") ? 1 : 0)).trimmingASCIIWhitespace()
        }
        return (rest.isEmpty ? nil : rest, address(Substring(email)))
    }

    private static func address(_ text: some StringProtocol) -> String {
        let trimmed = text.trimmingASCIIWhitespace()
        return trimmed.lowercased().hasPrefix("mailto:") ? String(trimmed.dropFirst(7)) : trimmed
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
