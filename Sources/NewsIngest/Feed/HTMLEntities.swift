/// HTML named and numeric character references.
public enum HTMLEntities {
    /// Every HTML5 named reference (name without `&` and `;`) to the text it stands for.
    static let named: [String: String] = {
        var table = [String: String](minimumCapacity: 2_200)
        for entry in HTMLEntityData.named.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let colon = entry.firstIndex(of: ":") else { continue }
            var value = String.UnicodeScalarView()
            for hex in entry[entry.index(after: colon)...].split(separator: ",") {
                if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                    value.append(scalar)
                }
            }
            table[String(entry[..<colon])] = String(value)
        }
        return table
    }()

    /// Legacy names that are recognised even without the trailing semicolon (`&amp`, `&copy`).
    static let legacyWithoutSemicolon: Set<String> = Set(
        HTMLEntityData.legacyWithoutSemicolon
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The longest legacy name, in bytes.
    static let longestLegacyName = 6

    /// The text a named reference stands for (`"amp"` gives `"&"`), or nil if the name is unknown.
    public static func value(forName name: String) -> String? {
        named[name]
    }

    /// True when `name` is a known HTML named character reference.
    public static func isKnown(_ name: String) -> Bool {
        named[name] != nil
    }

    /// The scalar a numeric reference stands for, with the HTML5 repairs: 0, surrogates and
    /// values above U+10FFFF give U+FFFD; 0x80–0x9F are read as windows-1252.
    static func numericScalar(_ code: UInt32) -> Unicode.Scalar {
        switch code {
        case 0x80...0x9F:
            return windows1252High[Int(code - 0x80)]
        case 0, 0xD800...0xDFFF, 0x110000...:
            return "\u{FFFD}"
        default:
            return Unicode.Scalar(code) ?? "\u{FFFD}"
        }
    }

    /// windows-1252 meanings of bytes 0x80–0x9F (undefined ones stay as C1 controls).
    static let windows1252High: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{8D}", "\u{017D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{9D}", "\u{017E}", "\u{0178}",
    ]

    /// Decodes the character reference starting at `bytes[start]` (which is `&`).
    ///
    /// Returns the decoded text's UTF-8 appended to `out` and the index just past the reference,
    /// or nil when there is no valid reference there (the `&` is then literal text).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int,
                       into out: inout [UInt8]) -> Int? {
        let count = bytes.count
        var i = start + 1
        guard i < count else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < count, bytes[i] | 0x20 == UInt8(ascii: "x") { hex = true; i += 1 }
            let digitsStart = i
            var code: UInt32 = 0
            while i < count {
                let b = bytes[i]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                code = min(code &* (hex ? 16 : 10) &+ digit, 0x110000)
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < count, bytes[i] == UInt8(ascii: ";") { i += 1 }
            appendScalar(numericScalar(code), to: &out)
            return i
        }
        // Named: letters and digits, then (usually) a semicolon.
        let nameStart = i
        while i < count, isASCIIAlphanumeric(bytes[i]) { i += 1 }
        guard i > nameStart else { return nil }
        if i < count, bytes[i] == UInt8(ascii: ";") {
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
            if let value = named[name] {
                out.append(contentsOf: value.utf8)
                return i + 1
            }
        }
        // Legacy references without a semicolon: the longest known prefix wins (`&copy2024`).
        var end = min(i, nameStart + longestLegacyName)
        while end > nameStart + 1 {
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<end]), as: UTF8.self)
            if legacyWithoutSemicolon.contains(name), let value = named[name] {
                out.append(contentsOf: value.utf8)
                return end
            }
            end -= 1
        }
        return nil
    }

    static func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        var buffer: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let n = withUnsafeMutableBytes(of: &buffer) { raw -> Int in
            var k = 0
            UTF8.encode(scalar) { raw[k] = $0; k += 1 }
            return k
        }
        withUnsafeBytes(of: buffer) { out.append(contentsOf: $0.prefix(n)) }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }
}
