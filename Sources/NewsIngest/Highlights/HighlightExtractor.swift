import NewsModel

/// Finds the lines worth keeping in an article body that has no (or few) explicit highlights.
///
/// Order of the result: the explicit highlights as given, then blockquotes and pull quotes
/// (`.quote` blocks, kind `.quote`), then quoted speech with its speaker found in paragraphs and
/// list items (kind `.quote`, in reading order; see `speech(in:)`), then up to
/// `maxKeySentences` key sentences (kind `.keySentence`, in reading order). Positions are
/// renumbered 0, 1, 2… in that order.
///
/// Every extracted highlight has an `Anchor` in Unicode scalar offsets into its block's
/// `plainText`, and its `text` is exactly the text at that anchor. A passage equal to (or
/// contained in, or containing) an explicit highlight, compared folded, is not added again.
///
/// Key sentences are chosen by term-frequency weighting with a lead bias (see `keySentences`).
public enum HighlightExtractor {
    /// Explicit highlights first, then quotes, quoted speech and key sentences found in `body`.
    public static func extract(from body: [Block], explicit: [Highlight], maxKeySentences: Int = 3) -> [Highlight] {
        var result = explicit
        var seen = explicit.map { SeenPassage(Prose.comparable($0.text)) }
        /// Ranges already taken, per block, so key sentences do not repeat a quote.
        var taken: [Int: [Range<Int>]] = [:]

        func add(_ kind: HighlightKind, block: Int, range: Range<Int>, scalars: [Unicode.Scalar], attribution: String?) {
            let comparable = SeenPassage(Prose.comparableWithLength(scalars[range]))
            guard !comparable.text.isEmpty, !isDuplicate(comparable, of: seen) else { return }
            seen.append(comparable)
            let text = Prose.string(scalars[range])
            taken[block, default: []].append(range)
            result.append(Highlight(kind: kind, text: text, attribution: attribution,
                                    anchor: Anchor(block: block, start: range.lowerBound, end: range.upperBound)))
        }

        var blockScalars: [[Unicode.Scalar]] = []
        blockScalars.reserveCapacity(body.count)
        for (index, block) in body.enumerated() {
            let scalars = Prose.scalars(of: block)
            blockScalars.append(scalars)
            if case .quote(_, let attribution) = block {
                add(.quote, block: index, range: trimmed(0..<scalars.count, in: scalars), scalars: scalars,
                    attribution: attribution)
            }
        }
        for (index, block) in body.enumerated() where block.isProse {
            for speech in speech(in: blockScalars[index]) {
                add(.quote, block: index, range: speech.range, scalars: blockScalars[index], attribution: speech.speaker)
            }
        }
        for candidate in keySentences(body: body, scalars: blockScalars, excluding: taken, limit: maxKeySentences) {
            add(.keySentence, block: candidate.block, range: candidate.range, scalars: blockScalars[candidate.block],
                attribution: nil)
        }
        for index in result.indices { result[index].position = index }
        return result
    }

    /// The text `anchor` points at in `body`, or nil when the anchor is out of range.
    public static func text(at anchor: Anchor, in body: [Block]) -> String? {
        guard body.indices.contains(anchor.block), anchor.start >= 0, anchor.start <= anchor.end else { return nil }
        let scalars = Array(body[anchor.block].plainText.unicodeScalars)
        guard anchor.end <= scalars.count else { return nil }
        return Prose.string(scalars[anchor.start..<anchor.end])
    }

    /// A passage already kept, in its comparable form, with its length in scalars.
    struct SeenPassage {
        var text: String
        var length: Int

        init(_ comparable: String) {
            text = comparable
            length = comparable.unicodeScalars.count
        }

        init(_ comparable: (text: String, length: Int)) {
            (text, length) = comparable
        }
    }

    /// Whether a folded passage repeats one already kept: equal, or one contains the other
    /// (only for passages of at least `minContainedLength` scalars, so "Yes" repeats nothing).
    static func isDuplicate(_ comparable: SeenPassage, of seen: [SeenPassage]) -> Bool {
        seen.contains { other in
            other.text == comparable.text
                || (min(other.length, comparable.length) >= minContainedLength
                    && (Prose.contains(other.text, comparable.text) || Prose.contains(comparable.text, other.text)))
        }
    }

    /// Shortest passage, in scalars, that counts as repeated when found inside another.
    static let minContainedLength = 12

    private static func trimmed(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, Prose.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, Prose.isSpace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}

extension Prose {
    /// The Unicode scalars of a block's `plainText`, decoded span by span straight from their
    /// UTF-8 storage into the array (several times cheaper than appending `unicodeScalars`,
    /// and no joined string first).
    static func scalars(of block: Block) -> [Unicode.Scalar] {
        switch block {
        case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
            let capacity = spans.reduce(0) { $0 + $1.text.utf8.count }
            return [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { buffer, count in
                for span in spans { count = decodeScalars(of: span.text, into: buffer, at: count) }
            }
        case .heading, .preformatted, .image, .table, .rule:
            let text = block.plainText
            return [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
                count = decodeScalars(of: text, into: buffer, at: 0)
            }
        }
    }

    /// Writes the scalars of `text` into `buffer` from `offset` (the buffer holds at least one
    /// element per UTF-8 byte); returns the offset after the last one written.
    private static func decodeScalars(of text: String, into buffer: UnsafeMutableBufferPointer<Unicode.Scalar>,
                                      at offset: Int) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var i = 0, out = offset
            let n = utf8.count
            while i < n {
                // Eight ASCII bytes at a time (most text).
                if i + 8 <= n, let base = utf8.baseAddress,
                   UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    for k in 0..<8 { buffer[out + k] = Unicode.Scalar(utf8[i + k]) }
                    i += 8
                    out += 8
                    continue
                }
                let lead = UInt32(utf8[i])
                var value: UInt32
                switch lead {
                case 0..<0x80:
                    value = lead
                    i += 1
                case 0xC0..<0xE0:
                    value = (lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    i += 2
                case 0xE0..<0xF0:
                    value = (lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    i += 3
                default:
                    value = (lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                        | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                // A String's storage is valid UTF-8, so every value is a scalar.
                buffer[out] = Unicode.Scalar(value) ?? "\u{FFFD}"
                out += 1
            }
            return out
        }
    }
}

extension Block {
    /// Paragraphs and list items: the running prose quotes and key sentences come from.
    var isProse: Bool {
        switch self {
        case .paragraph, .listItem: return true
        default: return false
        }
    }
}
