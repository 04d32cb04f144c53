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
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        // Skip the ASCII prefix eight bytes at a time; all-ASCII text needs no repair.
        var start = 0
        while start + 8 <= count,
              UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            start += 8
        }
        while start < count, bytes[start] < 0x80 { start += 1 }
        guard start < count else { return nil }
        // Each C2/C3 pair stands for one Latin-1 byte; those bytes must form valid UTF-8
        // themselves. Ordinary accented text fails at its first accent.
        var pendingContinuations = 0
        var i = start
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                guard pendingContinuations == 0 else { return nil }
                i += 1
                continue
            }
            guard b == 0xC2 || b == 0xC3, i + 1 < count, bytes[i + 1] & 0xC0 == 0x80 else { return nil }
            let decoded = (b & 0x03) << 6 | bytes[i + 1] & 0x3F
            i += 2
            if pendingContinuations > 0 {
                guard decoded & 0xC0 == 0x80 else { return nil }
                pendingContinuations -= 1
            } else {
                switch decoded {
                case 0xC2...0xDF: pendingContinuations = 1
                case 0xE0...0xEF: pendingContinuations = 2
                case 0xF0...0xF4: pendingContinuations = 3
                default: return nil
                }
            }
        }
        guard pendingContinuations == 0 else { return nil }
        var latin1 = [UInt8]()
        latin1.reserveCapacity(count)
        latin1.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<start]))
        i = start
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                latin1.append(b)
                i += 1
            } else {
                latin1.append((b & 0x03) << 6 | bytes[i + 1] & 0x3F)
                i += 2
            }
        }
        return String(validating: latin1, as: UTF8.self)
    }
}
