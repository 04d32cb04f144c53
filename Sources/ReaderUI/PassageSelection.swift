import NewsModel

/// A passage being selected in the article body (visual mode): whole sentences of one block.
public struct PassageSelection: Equatable, Sendable {
    /// Index into the article's `body`.
    public var block: Int
    /// Start offset in the block's `plainText`, in Unicode scalars.
    public var start: Int
    /// End offset (exclusive) in the block's `plainText`, in Unicode scalars.
    public var end: Int

    public init(block: Int, start: Int, end: Int) {
        self.block = block
        self.start = start
        self.end = end
    }

    /// The selection as a bookmark anchor.
    public var anchor: Anchor { Anchor(block: block, start: start, end: end) }

    /// The sentence of `text` containing `offset` (or the last one before it).
    static func sentence(in text: String, at offset: Int, block: Int) -> PassageSelection? {
        let sentences = Sentences.ranges(in: text)
        guard let first = sentences.first else { return nil }
        let range = sentences.last { $0.lowerBound <= offset } ?? first
        return PassageSelection(block: block, start: range.lowerBound, end: range.upperBound)
    }

    /// Grows (`forward`) or shrinks the selection by one sentence or to the whole paragraph,
    /// in the block's `text`. It always keeps at least one sentence.
    func extended(by unit: SelectionUnit, forward: Bool, in text: String) -> PassageSelection {
        let sentences = Sentences.ranges(in: text)
        guard let first = sentences.first, let last = sentences.last else { return self }
        var copy = self
        switch (unit, forward) {
        case (.sentence, true):
            if let next = sentences.first(where: { $0.upperBound > end }) { copy.end = next.upperBound }
        case (.sentence, false):
            if let previous = sentences.last(where: { $0.upperBound < end && $0.upperBound > start }) {
                copy.end = previous.upperBound
            }
        case (.paragraph, true):
            copy.start = first.lowerBound
            copy.end = last.upperBound
        case (.paragraph, false):
            if let own = sentences.first(where: { $0.upperBound > start }) { copy.end = own.upperBound }
        }
        return copy
    }
}

/// Sentence boundaries, simply: a sentence ends after `.`, `!`, `?` or `…` (and closing quotes
/// or brackets) followed by a space, or after `。`, `！`, `？` anywhere. A period after a
/// single capital or a common title ("Mr.", "Dr.") does not end a sentence.
enum Sentences {
    /// Ranges of the sentences of `text`, in Unicode scalars, without surrounding spaces.
    static func ranges(in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\u{A0}" }
        func close(at end: Int) {
            var s = start
            while s < end, isSpace(scalars[s]) { s += 1 }
            var e = end
            while e > s, isSpace(scalars[e - 1]) { e -= 1 }
            if e > s { ranges.append(s..<e) }
            start = end
        }
        while i < scalars.count {
            let s = scalars[i]
            if "。！？".unicodeScalars.contains(s) {
                var j = i + 1
                while j < scalars.count, closers.contains(scalars[j]) { j += 1 }
                close(at: j)
                i = j
                continue
            }
            if ".!?…".unicodeScalars.contains(s), !(s == "." && isAbbreviation(scalars, before: i)) {
                var j = i + 1
                while j < scalars.count, closers.contains(scalars[j]) { j += 1 }
                if j == scalars.count || isSpace(scalars[j]) {
                    close(at: j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        close(at: scalars.count)
        return ranges
    }

    /// Closing quotes and brackets that belong to the sentence before them.
    static let closers = Set("\"'”’)]»」』".unicodeScalars)

    /// Titles whose period does not end a sentence.
    static let titles: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Sen", "Rep", "Gov",
                                      "Gen", "Jr", "Sr", "vs", "No", "Inc", "Co", "e.g", "i.e"]

    /// True when the word ending just before `index` is a single capital or a title.
    static func isAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var s = index
        while s > 0, scalars[s - 1] != " ", scalars[s - 1] != "\n" { s -= 1 }
        let word = String(String.UnicodeScalarView(scalars[s..<index]))
        if word.count == 1, let c = word.first, c.isUppercase { return true }
        return titles.contains(word)
    }
}
