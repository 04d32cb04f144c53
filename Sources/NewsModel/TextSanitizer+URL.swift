/// Cleaning URLs from feeds, pages and subscription lists.
extension TextSanitizer {
    /// Returns `url` with nothing in it that could drive a terminal, following the WHATWG URL
    /// parser: leading and trailing spaces and C0 controls are removed, tabs and newlines
    /// anywhere are removed, and every other character `clean` would drop (C0 and C1
    /// controls, DEL, ESC, bidi controls, ZWJ) is percent-encoded as its UTF-8 bytes
    /// (`ESC` → `%1B`, U+202E → `%E2%80%AE`). The result keeps the URL's meaning, is
    /// unchanged by `clean`, and cleaning it again changes nothing.
    public static func cleanURL(_ url: String) -> String {
        // Fast path: printable ASCII without spaces, or nothing to drop.
        if !url.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) { return url }
        if !url.unicodeScalars.contains(where: { isDropped($0) || $0 == " " }) { return url }
        var scalars = url.unicodeScalars[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D:
                continue
            case _ where isDropped(scalar):
                for byte in String(scalar).utf8 { out.append(contentsOf: percentEncoded(byte).unicodeScalars) }
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `%XX` with upper-case hex digits.
    private static func percentEncoded(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
