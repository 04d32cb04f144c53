import Foundation
import NewsModel

/// Text as the full-text index sees it, and user queries turned into safe FTS5 expressions.
///
/// The index uses FTS5's `unicode61` tokenizer (words, case and diacritics folded). It does not
/// segment Chinese, Japanese or Korean, which have no spaces between words, so before text
/// reaches the index every CJK character is fenced with U+200B ZERO WIDTH SPACE (a separator
/// for `unicode61`): each becomes a one-character token, and a CJK query becomes a phrase of
/// those tokens, so `本語` finds `日本語`. Snippets drop the fences again.
///
/// Why not the `trigram` tokenizer, which finds any substring? Measured on the 10,000-item
/// benchmark corpus (52.7 MB of feeds), bodies plus index took 2.5x the feed bytes with
/// trigram and 0.84x with `unicode61` plus fences (the whole store: 0.93x). Trigram with
/// `detail=none` is small but cannot match anything longer than three characters. The price:
/// Latin text matches whole words, not substrings inside a word. Nor are words prefixes: a
/// three-letter prefix like `the*` merges dozens of terms and took 100 ms at 100,000 articles.
enum SearchText {
    /// The fence put around each CJK character.
    static let fence: Unicode.Scalar = "\u{200B}"
    /// Terms beyond this many are ignored, so a pasted page cannot make a pathological query.
    static let maximumTerms = 32

    /// `text` with every CJK character fenced; unchanged (and not copied) when it has none.
    ///
    /// Works on UTF-8 bytes: every CJK scalar is 3 or 4 bytes long with a lead byte of 0xE2 or
    /// more, so only those sequences are decoded (news text is full of them: quotes, dashes).
    static func indexable(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            var copied = 0 // bytes of `bytes` already in `out`
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes at a time, when there are eight.
                if index + 8 <= bytes.count, let base = bytes.baseAddress,
                   UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let lead = bytes[index]
                guard lead >= 0xE2 else {
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : 3
                guard index + length <= bytes.count else { break }
                var value = UInt32(lead & (length == 4 ? 0x07 : 0x0F))
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                if let scalar = Unicode.Scalar(value), isCJK(scalar) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + bytes.count / 2) }
                    out.append(contentsOf: bytes[copied..<index])
                    out.append(contentsOf: fenceUTF8)
                    out.append(contentsOf: bytes[index..<(index + length)])
                    out.append(contentsOf: fenceUTF8)
                    copied = index + length
                }
                index += length
            }
            if copied == 0 { return nil }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// `indexable(blocks.plainText)`, without joining the text of each block first: pieces
    /// without CJK (nearly all) are appended as they are. `capacity` is the expected size of
    /// the result, in UTF-8 bytes.
    static func indexable(_ blocks: [Block], capacity: Int = 0) -> String {
        var out = ""
        out.reserveCapacity(capacity)
        for block in blocks where !isEmpty(block) {
            // `plainText` skips empty blocks and puts a blank line between the others.
            if !out.isEmpty { out.append("\n\n") }
            switch block {
            case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
                for span in spans { out.append(indexable(span.text)) }
            case .heading(_, let text), .preformatted(let text):
                out.append(indexable(text))
            case .image(let alt, _):
                out.append(indexable(alt))
            case .table(let rows):
                for (row, cells) in rows.enumerated() {
                    if row > 0 { out.append("\n") }
                    for (column, cell) in cells.enumerated() {
                        if column > 0 { out.append(" | ") }
                        out.append(indexable(cell))
                    }
                }
            case .rule:
                break
            }
        }
        return out
    }

    /// Whether the `plainText` of `block` is empty.
    private static func isEmpty(_ block: Block) -> Bool {
        switch block {
        case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
            return spans.allSatisfy { $0.text.isEmpty }
        case .heading(_, let text), .preformatted(let text), .image(let text, _):
            return text.isEmpty
        case .table(let rows):
            // Rows are joined by line breaks and cells by " | ": only one row of at most one empty cell is empty.
            return rows.isEmpty || rows.count == 1 && rows[0].count <= 1 && (rows[0].first?.isEmpty ?? true)
        case .rule:
            return true
        }
    }

    /// The fence in UTF-8.
    private static let fenceUTF8: [UInt8] = Array(String(fence).utf8)

    /// Han ideographs, kana, Hangul and Bopomofo: scripts written without spaces between words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, // CJK radicals, Kangxi radicals
             0x3040...0x31FF, // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, kana extensions
             0x3400...0x4DBF, // CJK extension A
             0x4E00...0x9FFF, // CJK unified ideographs
             0xAC00...0xD7AF, // Hangul syllables
             0xF900...0xFAFF, // CJK compatibility ideographs
             0xFF66...0xFF9F, // half-width katakana
             0x20000...0x3134F: // CJK extensions B to G
            return true
        default:
            return false
        }
    }

    /// An FTS5 MATCH expression for what a user typed, or nil when it has nothing to search for.
    ///
    /// Every whitespace-separated term becomes a quoted string (quotes doubled), so no input can
    /// be read as FTS5 syntax: `AND`, `(`, `*`, `-`, `:` and `"` are searched as text, never
    /// operators. Terms are ANDed. Terms without a letter or digit would give an empty phrase,
    /// which matches nothing, so they are dropped.
    static func matchExpression(for query: String) -> String? {
        let terms = query.split(whereSeparator: { $0.isWhitespace })
            .filter { $0.unicodeScalars.contains(where: isWordScalar) }
            .prefix(maximumTerms)
            .map { "\"" + indexable(String($0)).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// A snippet as shown to the reader: fences removed, line breaks and runs of spaces made one space.
    static func displaySnippet(_ snippet: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in snippet.unicodeScalars where scalar != fence {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Characters `unicode61` keeps in tokens: letters, digits and private-use characters.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
