import Foundation

/// Turns HTML fragments from feeds into plain text, and decides whether text is HTML at all.
///
/// The rule (the corpus contract's): tags are removed, the contents of `script`, `style` and
/// `template` are dropped, character references are decoded, block-level tags and `<br>` become
/// a space, every run of Unicode whitespace (NBSP included) becomes one space, the ends are
/// trimmed, and the result is NFC-normalised.
public enum HTMLText {
    /// The plain text of an HTML fragment.
    public static func plainText(_ html: String) -> String {
        var html = html
        let bytes: [UInt8] = html.withUTF8 { raw in
            stripTags(raw)
        }
        return collapseWhitespace(String(decoding: bytes, as: UTF8.self))
    }

    /// `text` with every run of Unicode whitespace turned into one space, trimmed, in NFC.
    public static func collapseWhitespace(_ text: String) -> String {
        var needsWork = false
        var needsNFC = false
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x300 { needsNFC = true }
            if isWhitespace(scalar) {
                if previousWasSpace || v != 0x20 { needsWork = true }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if previousWasSpace, !text.isEmpty { needsWork = true }
        var result = text
        if needsWork {
            var out = String.UnicodeScalarView()
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if isWhitespace(scalar) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" "); pendingSpace = false }
                    out.append(scalar)
                }
            }
            result = String(out)
        }
        if needsNFC {
            result = result.precomposedStringWithCanonicalMapping
        }
        return result
    }

    /// The contract's "looks like HTML" test for text typed as plain.
    ///
    /// True when the text has a closing tag (`</p>`) or a character reference (`&amp;`, `&#8217;`),
    /// every tag in it names a common HTML element, and every named reference is a known one.
    public static func looksLikeHTML(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { looksLikeHTML(bytes: $0) }
    }

    /// Whether `scalar` counts as whitespace (Python's `str.split()` set, which includes NBSP).
    @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    // MARK: - Tag stripping

    /// Elements whose contents are not text.
    private static let droppedElements: Set<String> = ["script", "style", "template"]

    /// Elements that separate words (block-level elements and `br`).
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "ul",
    ]

    /// The text bytes of an HTML fragment, with tags removed and references decoded.
    static func stripTags(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        let count = bytes.count
        var i = 0
        var runStart = 0
        func flush(_ end: Int) {
            if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "&") {
                flush(i)
                if let next = HTMLEntities.decode(bytes, at: i, into: &out) {
                    i = next
                } else {
                    out.append(b)
                    i += 1
                }
                runStart = i
                continue
            }
            guard b == UInt8(ascii: "<"), i + 1 < count else { i += 1; continue }
            let c = bytes[i + 1]
            if isASCIILetter(c) || (c == UInt8(ascii: "/") && i + 2 < count && isASCIILetter(bytes[i + 2])) {
                guard let tag = scanTag(bytes, at: i) else { i += 1; continue }
                flush(i)
                i = tag.end
                let name = tag.name
                if !tag.isEnd, !tag.selfClosing, droppedElements.contains(name) {
                    i = skipRawText(bytes, from: i, closing: name)
                } else if blockElements.contains(name) {
                    out.append(UInt8(ascii: " "))
                }
                runStart = i
            } else if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: "/") {
                flush(i)
                i = skipMarkupDeclaration(bytes, at: i)
                runStart = i
            } else {
                i += 1
            }
        }
        flush(count)
        return out
    }

    private struct Tag {
        var name: String
        var isEnd: Bool
        var selfClosing: Bool
        var end: Int
    }

    /// Reads the tag at `bytes[start]` (`<name ...>` or `</name>`); nil if it never closes.
    private static func scanTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag? {
        let count = bytes.count
        var i = start + 1
        let isEnd = bytes[i] == UInt8(ascii: "/")
        if isEnd { i += 1 }
        let nameStart = i
        while i < count, !isTagNameEnd(bytes[i]) { i += 1 }
        var nameBytes = Array(UnsafeBufferPointer(rebasing: bytes[nameStart..<i]))
        for k in nameBytes.indices where nameBytes[k] >= 0x41 && nameBytes[k] <= 0x5A { nameBytes[k] |= 0x20 }
        // Attributes: quoted values may contain '>'.
        var quote: UInt8 = 0
        var last: UInt8 = 0
        while i < count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                // A quote only opens a value after '='.
                if last == UInt8(ascii: "=") { quote = b }
            } else if b == UInt8(ascii: ">") {
                return Tag(name: String(decoding: nameBytes, as: UTF8.self), isEnd: isEnd,
                           selfClosing: last == UInt8(ascii: "/"), end: i + 1)
            }
            if !isSpace(b) { last = b }
            i += 1
        }
        return nil
    }

    /// Skips `<!-- ... -->`, `<!DOCTYPE ...>`, `<![CDATA[...]]>` (kept as text), `<?...>`.
    private static func skipMarkupDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        let count = bytes.count
        if start + 3 < count, bytes[start + 1] == UInt8(ascii: "!"), bytes[start + 2] == UInt8(ascii: "-"),
           bytes[start + 3] == UInt8(ascii: "-") {
            var i = start + 4
            while i + 2 < count {
                if bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: ">") {
                    return i + 3
                }
                i += 1
            }
            return count
        }
        var i = start + 1
        while i < count, bytes[i] != UInt8(ascii: ">") { i += 1 }
        return min(i + 1, count)
    }

    /// Skips the raw text of a `script`/`style`/`template` element and its end tag.
    private static func skipRawText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, closing name: String) -> Int {
        let count = bytes.count
        let needle = Array(name.utf8)
        var i = start
        while i + 2 + needle.count <= count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "/") {
                var match = true
                for (k, n) in needle.enumerated() where bytes[i + 2 + k] | 0x20 != n {
                    match = false
                    break
                }
                if match {
                    var j = i + 2 + needle.count
                    while j < count, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    return min(j + 1, count)
                }
            }
            i += 1
        }
        return count
    }

    // MARK: - Looks like HTML

    /// Element names the "looks like HTML" test accepts (feedparser's sanitizer list plus HTML5).
    static let knownElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo",
        "big", "blockquote", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "command", "data", "datagrid", "datalist", "dd", "del", "details", "dfn",
        "dialog", "dir", "div", "dl", "dt", "em", "event", "fieldset", "figcaption", "figure",
        "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i",
        "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m", "main", "map", "mark",
        "menu", "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option",
        "output", "p", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp",
        "section", "select", "small", "sound", "source", "spacer", "span", "strike", "strong",
        "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time",
        "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
    ]

    static func looksLikeHTML(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var hasCloseTag = false
        var hasReference = false
        var i = 0
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                var j = i + 1
                let isEnd = j < count && bytes[j] == UInt8(ascii: "/")
                if isEnd { j += 1 }
                let nameStart = j
                while j < count, isWordByte(bytes[j]) { j += 1 }
                if j > nameStart {
                    var name = [UInt8](UnsafeBufferPointer(rebasing: bytes[nameStart..<j]))
                    for k in name.indices where name[k] >= 0x41 && name[k] <= 0x5A { name[k] |= 0x20 }
                    if !knownElements.contains(String(decoding: name, as: UTF8.self)) { return false }
                    if isEnd, j < count, bytes[j] == UInt8(ascii: ">") { hasCloseTag = true }
                }
                i = max(j, i + 1)
            } else if b == UInt8(ascii: "&") {
                var j = i + 1
                let numeric = j < count && bytes[j] == UInt8(ascii: "#")
                if numeric { j += 1 }
                let nameStart = j
                while j < count, isWordByte(bytes[j]) { j += 1 }
                if j > nameStart, j < count, bytes[j] == UInt8(ascii: ";") {
                    hasReference = true
                    if !numeric {
                        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self)
                        if !HTMLEntities.isKnown(name) { return false }
                    }
                }
                i = max(j, i + 1)
            } else {
                i += 1
            }
        }
        return hasCloseTag || hasReference
    }

    // MARK: - Byte classes

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return l >= 0x61 && l <= 0x7A
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    @inline(__always) private static func isTagNameEnd(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
    }

    /// A byte of a regex `\w` run: ASCII letters, digits, `_`, and any non-ASCII byte.
    @inline(__always) private static func isWordByte(_ b: UInt8) -> Bool {
        HTMLEntities.isASCIIAlphanumeric(b) || b == UInt8(ascii: "_") || b >= 0x80
    }
}
