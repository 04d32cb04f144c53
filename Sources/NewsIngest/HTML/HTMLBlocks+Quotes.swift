import NewsModel

/// Blockquotes: their text as one quote block, and their attribution.
extension HTMLBlocks {
    /// Longest attribution taken from a dash line, in scalars.
    static let maxAttributionLength = 120

    /// An attribution line without its leading dash ("— Ada Lovelace" → "Ada Lovelace"); nil when empty.
    static func attributionText(_ text: String) -> String? {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isDash(first) || first == " " { scalars.removeFirst() }
        let result = String(scalars)
        return result.isEmpty ? nil : result
    }

    /// The attribution when `line` starts with a dash ("— Name", "-- Name", "- Name") and is short.
    static func dashAttribution(_ line: String) -> String? {
        guard let first = line.unicodeScalars.first, isDash(first),
              line.unicodeScalars.count <= maxAttributionLength else { return nil }
        if first == "-", !(line.hasPrefix("- ") || line.hasPrefix("--")) { return nil }
        return attributionText(line)
    }

    private static func isDash(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "\u{2014}" || s == "\u{2013}" || s == "\u{2015}" || s == "~"
    }

    /// The blocks read inside a blockquote as one `.quote` (text blocks joined by line breaks),
    /// followed by any images, tables or rules it held. Without an explicit attribution, a last
    /// line starting with a dash becomes it.
    static func quoteBlocks(from inner: [Block], attribution: String?) -> [Block] {
        var parts: [[Span]] = []
        var others: [Block] = []
        for block in inner {
            switch block {
            case .paragraph(let spans), .listItem(let spans, _, _):
                parts.append(spans)
            case .quote(let spans, let nested):
                parts.append(spans + (nested.map { [Span("\n\u{2014} " + $0)] } ?? []))
            case .heading(_, let text), .preformatted(let text):
                parts.append([Span(text)])
            case .image, .table, .rule:
                others.append(block)
            }
        }
        var attribution = attribution
        if attribution == nil, let last = parts.last {
            let (head, line) = splitLastLine(last)
            if let found = dashAttribution(line) {
                attribution = found
                parts.removeLast()
                if !head.isEmpty { parts.append(head) }
            }
        }
        var spans: [Span] = []
        for part in parts {
            if !spans.isEmpty { spans.append(Span("\n")) }
            spans.append(contentsOf: part)
        }
        let merged = mergeRuns(spans)
        guard !merged.isEmpty || attribution != nil else { return others }
        return [.quote(merged, attribution: attribution)] + others
    }

    /// Splits spans at their last line break: the spans before it (without the break) and the
    /// text of the last line.
    static func splitLastLine(_ spans: [Span]) -> ([Span], String) {
        for index in spans.indices.reversed() {
            let utf8 = spans[index].text.utf8
            guard let newline = lastNewline(in: utf8) else { continue }
            var head = Array(spans[..<index])
            let before = String(spans[index].text[..<newline])
            if !before.isEmpty {
                var kept = spans[index]
                kept.text = before
                head.append(kept)
            }
            let tail = String(spans[index].text[utf8.index(after: newline)...])
            let line = tail + spans[(index + 1)...].map(\.text).joined()
            return (head, line)
        }
        return ([], spans.map(\.text).joined())
    }

    /// The index of the last `\n` in `utf8`, scanning contiguous storage when there is some.
    private static func lastNewline(in utf8: String.UTF8View) -> String.UTF8View.Index? {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.lastIndex(of: 0x0A) }) {
            return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        }
        return utf8.lastIndex(of: 0x0A)
    }

    /// Adjacent spans of the same style merged into one.
    static func mergeRuns(_ spans: [Span]) -> [Span] {
        var merged: [Span] = []
        for span in spans where !span.text.isEmpty {
            if let last = merged.last, last.link == span.link, last.emphasis == span.emphasis {
                merged[merged.count - 1].text += span.text
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// UTF-8 text with tabs replaced by spaces up to the next multiple of 8 columns, line by
    /// line (a column is a scalar).
    static func expandTabs(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var column = 0
        for byte in bytes {
            switch byte {
            case 0x09:
                let spaces = 8 - column % 8
                out.append(contentsOf: repeatElement(0x20, count: spaces))
                column += spaces
            case 0x0A:
                out.append(byte)
                column = 0
            default:
                out.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 } // not a continuation byte
            }
        }
        return out
    }
}
