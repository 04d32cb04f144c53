/// Character classes and small routines on prose shared by the page parser and highlight extraction.
///
/// Offsets are in Unicode scalars throughout, the unit `Anchor` uses.
enum Prose {
    // MARK: Quote marks

    /// Marks that open a double-quoted passage (straight, curly, low-9, guillemet, CJK corner brackets).
    @inline(__always)
    static func isOpeningDoubleQuote(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s == "\"" : isOtherOpeningDoubleQuote(s)
    }

    /// `isOpeningDoubleQuote` of a non-ASCII scalar.
    private static func isOtherOpeningDoubleQuote(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "\u{201C}", "\u{201E}", "\u{00AB}", "\u{300C}", "\u{300E}", "\u{201D}": return true
        default: return false
        }
    }

    /// Marks that close a double-quoted passage.
    static func isClosingDoubleQuote(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "\u{201D}", "\u{201C}", "\u{00BB}", "\u{300D}", "\u{300F}": return true
        default: return false
        }
    }

    /// The mark that closes a passage opened by `opener`.
    static func closingQuote(for opener: Unicode.Scalar) -> Set<Unicode.Scalar> {
        let (mark, other) = closers(for: opener)
        return other.map { [mark, $0] } ?? [mark]
    }

    /// Whether `s` closes a passage opened by `opener` (`closingQuote(for:)` without a set).
    static func closes(_ s: Unicode.Scalar, opener: Unicode.Scalar) -> Bool {
        let (mark, other) = closers(for: opener)
        return s == mark || s == other
    }

    /// The one or two marks that close a passage opened by `opener`.
    private static func closers(for opener: Unicode.Scalar) -> (Unicode.Scalar, Unicode.Scalar?) {
        switch opener {
        case "\u{201C}": return ("\u{201D}", nil)
        case "\u{201E}": return ("\u{201C}", "\u{201D}")
        case "\u{00AB}": return ("\u{00BB}", nil)
        case "\u{300C}": return ("\u{300D}", nil)
        case "\u{300E}": return ("\u{300F}", nil)
        case "\u{201D}": return ("\u{201D}", nil)
        default: return ("\"", nil)
        }
    }

    /// Apostrophes and single quote marks (straight, curly, modifier letter).
    @inline(__always)
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s == "'" : isOtherApostrophe(s)
    }

    /// `isApostrophe` of a non-ASCII scalar.
    private static func isOtherApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{02BC}", "\u{2032}": return true
        default: return false
        }
    }

    /// Characters that may trail a sentence end: closing quotes and brackets.
    static func isTrailingCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{300D}", "\u{300F}", ")", "]", "\u{FF09}":
            return true
        default:
            return false
        }
    }

    /// Punctuation that ends a sentence, in Latin, CJK and Arabic script.
    @inline(__always)
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s == "." || s == "!" || s == "?" : isOtherSentenceEnd(s)
    }

    /// `isSentenceEnd` of a non-ASCII scalar.
    private static func isOtherSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF0E}", "\u{061F}", "\u{06D4}",
             "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}":
            return true
        default:
            return false
        }
    }

    /// Sentence ends that need no following space (full-width CJK punctuation).
    static func isCJKSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        s == "\u{3002}" || s == "\u{FF01}" || s == "\u{FF1F}"
    }

    /// True when `line` ends with sentence punctuation, ignoring closing quotes and brackets after it.
    static func endsWithSentencePunctuation(_ line: String) -> Bool {
        for s in line.unicodeScalars.reversed() {
            if isTrailingCloser(s) || s == " " { continue }
            return isSentenceEnd(s)
        }
        return false
    }

    // MARK: Measuring

    /// East Asian wide scalars (CJK ideographs, kana, hangul, full-width forms).
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Length of `text` in width units: one per scalar, two for a wide (CJK) scalar.
    static func width(_ text: String) -> Int {
        var n = 0
        for s in text.unicodeScalars { n += s.value >= 0x1100 && isWide(s) ? 2 : 1 }
        return n
    }

    /// `width(_:)` of scalars.
    static func width(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var n = 0
        for s in scalars { n += s.value >= 0x1100 && isWide(s) ? 2 : 1 }
        return n
    }

    /// Letters and digits, with an ASCII fast path and a table for the rest of the BMP.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39)
        }
        return isOtherWordScalar(s)
    }

    /// `isWordScalar` of a non-ASCII scalar.
    private static func isOtherWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x10000 { return bmpWordScalars[Int(s.value >> 6)] & (1 << UInt64(s.value & 63)) != 0 }
        return isLetterOrDigit(s)
    }

    private static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// `isLetterOrDigit` of every BMP scalar, 64 to a word (the property lookups cost far more
    /// than a bit test, and non-Latin text asks for every letter).
    private static let bmpWordScalars: [UInt64] = (0..<(0x10000 >> 6)).map { word in
        var bits: UInt64 = 0
        for bit in 0..<64 {
            if let s = Unicode.Scalar(UInt32(word << 6 | bit)), isLetterOrDigit(s) { bits |= 1 << UInt64(bit) }
        }
        return bits
    }

    /// Lowercase letters, with an ASCII fast path.
    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x61 && s.value <= 0x7A) : s.properties.isLowercase
    }

    /// Uppercase letters, with an ASCII fast path.
    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x41 && s.value <= 0x5A) : s.properties.isUppercase
    }

    /// Whitespace, with an ASCII fast path.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || (s.value >= 0x09 && s.value <= 0x0D) }
        return isOtherWhitespace(s)
    }

    /// Unicode's White_Space scalars above ASCII (`properties.isWhitespace` without the
    /// property lookup, which costs more than the rest of `fold(_:)`).
    static func isOtherWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Number of space-separated words in already whitespace-collapsed text.
    static func wordCount(_ text: String) -> Int {
        text.isEmpty ? 0 : text.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    // MARK: Whitespace

    /// Whitespace runs (including NBSP and ideographic space) collapsed to one space, ends trimmed.
    static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if isSpace(s) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(s)
            }
        }
        return String(out)
    }

    // MARK: Folded search

    /// One scalar folded for tolerant comparison, keeping offsets one-to-one: simple lowercase,
    /// curly quotes to straight, every kind of space to U+0020.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 {
            if s.value >= 0x41 && s.value <= 0x5A { return Unicode.Scalar(UInt8(s.value + 0x20)) }
            return s.value >= 0x09 && s.value <= 0x0D ? " " : s
        }
        return foldOther(s)
    }

    /// `fold(_:)` of a non-ASCII scalar.
    private static func foldOther(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if isApostrophe(s) { return "'" }
        switch s {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": return "\""
        default: break
        }
        if isOtherWhitespace(s) { return " " }
        guard s.properties.changesWhenLowercased else { return s }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let first = lower.first { return first }
        return s
    }

    /// Scalars of `text`, folded with `fold(_:)`.
    static func folded(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map(fold)
    }

    /// First offset of `needle` in `haystack` (both folded), or nil.
    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `scalars` contain `needle` (lowercase ASCII bytes), ASCII letters compared
    /// without case.
    static func containsASCIIIgnoringCase(_ scalars: [Unicode.Scalar], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= scalars.count else { return false }
        return scalars.withUnsafeBufferPointer { scalars in
            for i in 0...(scalars.count - needle.count) where hasASCIIIgnoringCase(scalars, needle, at: i) {
                return true
            }
            return false
        }
    }

    /// Whether `needle` (lowercase ASCII bytes, not empty) stands in `scalars` at `start`,
    /// ASCII letters compared without case.
    @inline(__always)
    static func hasASCIIIgnoringCase(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ needle: [UInt8],
                                     at start: Int) -> Bool {
        guard scalars[start].value | 0x20 == UInt32(needle[0]), start + needle.count <= scalars.count else {
            return false
        }
        for j in 1..<needle.count {
            let v = scalars[start + j].value
            if (v >= 0x41 && v <= 0x5A ? v | 0x20 : v) != UInt32(needle[j]) { return false }
        }
        return true
    }

    /// Comparable form of a passage: folded, whitespace collapsed, surrounding quotes and punctuation trimmed.
    static func comparable(_ text: String) -> String {
        comparable(text.unicodeScalars, capacity: text.utf8.count)
    }

    /// `comparable(_:)` of a passage given as scalars.
    static func comparable(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        comparable(scalars, capacity: scalars.count)
    }

    /// `comparable(_:)` of a passage given as scalars, with its length in scalars.
    static func comparableWithLength(_ scalars: ArraySlice<Unicode.Scalar>) -> (text: String, length: Int) {
        let out = comparableScalars(scalars, capacity: scalars.count)
        return (string(out[...]), out.count)
    }

    private static func comparable(_ scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> String {
        string(comparableScalars(scalars, capacity: capacity)[...])
    }

    private static func comparableScalars(_ scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(capacity)
        var pendingSpace = false
        for s in scalars {
            let f = fold(s)
            if f == " " {
                pendingSpace = !out.isEmpty
            } else if out.isEmpty && isTrimmable(f) {
                continue
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(f)
            }
        }
        while let last = out.last, isTrimmable(last) { out.removeLast() }
        return out
    }

    /// A string from scalars, encoded in one pass straight into the string's storage (no
    /// intermediate buffer; short results are small strings, without any allocation).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        scalars.withUnsafeBufferPointer { string($0, folding: false) }
    }

    /// `string(_:)` of the scalars folded with `fold(_:)`, without a folded copy in between.
    static func foldedString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        scalars.withUnsafeBufferPointer { string($0, folding: true) }
    }

    /// `string(_:)` of scalars in a buffer.
    static func string(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> String {
        string(UnsafeBufferPointer(rebasing: scalars), folding: false)
    }

    /// `foldedString(_:)` of scalars in a buffer.
    static func foldedString(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> String {
        string(UnsafeBufferPointer(rebasing: scalars), folding: true)
    }

    private static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, folding: Bool) -> String {
        var length = 0
        for s in scalars { length += UTF8.width(folding ? fold(s) : s) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for scalar in scalars {
                let v = (folding ? fold(scalar) : scalar).value
                switch v {
                case 0..<0x80:
                    buffer[i] = UInt8(v)
                    i += 1
                case 0x80..<0x800:
                    buffer[i] = UInt8(0xC0 | v >> 6)
                    buffer[i + 1] = UInt8(0x80 | v & 0x3F)
                    i += 2
                case 0x800..<0x10000:
                    buffer[i] = UInt8(0xE0 | v >> 12)
                    buffer[i + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | v & 0x3F)
                    i += 3
                default:
                    buffer[i] = UInt8(0xF0 | v >> 18)
                    buffer[i + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                    buffer[i + 3] = UInt8(0x80 | v & 0x3F)
                    i += 4
                }
            }
            return i
        }
    }

    /// Marks trimmed from the ends of a comparable passage.
    private static func isTrimmable(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\"" || s == "'" || s == "," || s == ";" || s == ":" || isSentenceEnd(s)
    }
}
