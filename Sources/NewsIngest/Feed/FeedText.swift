import Foundation

/// Decoding of text captured from feed documents.
enum FeedText {
    /// UTF-8 bytes as a String, with C1 controls read as windows-1252 (as feedparser does:
    /// feeds that declare ISO-8859-1 routinely mean windows-1252).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, memchr(base, 0xC2, bytes.count) != nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                scalars.append(HTMLEntities.windows1252High[Int(scalar.value - 0x80)])
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Text that was UTF-8, read as Latin-1 and encoded to UTF-8 again ("Ã©" for "é"), decoded
    /// back; nil when `bytes` are not such text. feedparser applies the same repair.
    static func undoDoubleEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress,
              memchr(base, 0xC3, bytes.count) != nil || memchr(base, 0xC2, bytes.count) != nil
        else { return nil }
        var latin1 = [UInt8]()
        latin1.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                latin1.append(b)
                i += 1
            } else if b == 0xC2 || b == 0xC3, i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80 {
                latin1.append((b & 0x03) << 6 | bytes[i + 1] & 0x3F)
                i += 2
            } else {
                return nil
            }
        }
        return String(validating: latin1, as: UTF8.self)
    }
}
