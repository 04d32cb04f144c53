/// Classification of one cleaned page line, and the shape tests the grammar uses.
extension TextPageParser {
    /// A section a marker line opens.
    enum Section: Equatable {
        case takeaways, highlights, related
    }

    /// What a line is, before its position decides what it means.
    enum LineKind: Equatable {
        case blank
        /// "Key Takeaways", "Highlights", "Related News" and their listed variants.
        case marker(Section)
        /// A `- ` bullet (also `* `, `• `, `· `); carries the text after the mark.
        case bullet(String)
        /// A line wholly inside one pair of double quotes; carries the text without the marks.
        case quoted(String)
        /// Site furniture (see `Prose.isBoilerplateLine`).
        case boilerplate
        /// Anything else: a title, headline, heading, paragraph, attribution or related title.
        case text
    }

    /// One cleaned line with its kind.
    struct Line {
        var text: String
        var kind: LineKind

        init(_ text: String) {
            self.text = text
            self.kind = Self.classify(text)
        }

        /// True for a short line with no sentence punctuation at its end: the shape of a
        /// headline, a heading, an attribution or a closing line.
        var isHeadlineShaped: Bool {
            Prose.width(text) <= maxHeadlineWidth && Prose.wordCount(text) <= maxHeadlineWords
                && !Prose.endsWithSentencePunctuation(text)
        }

        /// True for a line short enough to be a related title.
        var isTitleShaped: Bool {
            Prose.width(text) <= maxTitleWidth && Prose.wordCount(text) <= maxTitleWords
        }

        private static func classify(_ text: String) -> LineKind {
            if text.isEmpty { return .blank }
            if let section = markers[Prose.comparable(text)] { return .marker(section) }
            if let item = bulletText(text) { return .bullet(item) }
            if let inner = quotedText(text) { return .quoted(inner) }
            if Prose.isBoilerplateLine(text) { return .boilerplate }
            return .text
        }

        /// The text after a bullet mark and its space, or nil when `text` is not a bullet.
        private static func bulletText(_ text: String) -> String? {
            let scalars = text.unicodeScalars
            guard let mark = scalars.first, bulletMarks.contains(mark) else { return nil }
            let rest = scalars.dropFirst()
            guard rest.first == " " else { return nil }
            let item = String(String.UnicodeScalarView(rest.dropFirst()))
            return item.isEmpty ? nil : item
        }

        /// The text inside the quote marks when the whole line is one quoted passage: it opens
        /// with a double quote and has no closing mark before its end, where the closing mark
        /// (optionally followed by sentence punctuation or a comma) may be missing. A comma
        /// left inside the marks (`“…business,”`) is dropped.
        private static func quotedText(_ text: String) -> String? {
            var scalars = Array(text.unicodeScalars)[...]
            guard let opener = scalars.first, Prose.isOpeningDoubleQuote(opener) else { return nil }
            scalars.removeFirst()
            let closers = Prose.closingQuote(for: opener)
            while let last = scalars.last, Prose.isSentenceEnd(last) || last == "," || last == " " {
                scalars.removeLast()
            }
            if let last = scalars.last, closers.contains(last) { scalars.removeLast() }
            while let last = scalars.last, last == "," || last == " " { scalars.removeLast() }
            guard !scalars.contains(where: { closers.contains($0) }) else { return nil }
            let inner = Prose.collapseWhitespace(String(String.UnicodeScalarView(scalars)))
            return inner.isEmpty ? nil : inner
        }
    }

    /// Marker lines, compared after `Prose.comparable` folding (so case, a trailing colon and
    /// surrounding spaces do not matter).
    static let markers: [String: Section] = [
        "key takeaways": .takeaways, "takeaways": .takeaways, "key points": .takeaways,
        "highlights": .highlights, "key highlights": .highlights,
        "related news": .related, "related stories": .related, "related articles": .related,
        "related": .related,
    ]

    /// Marks that start a bullet when followed by a space.
    static let bulletMarks: Set<Unicode.Scalar> = ["-", "*", "\u{2022}", "\u{00B7}", "\u{2023}", "\u{25E6}", "\u{25AA}"]
}
