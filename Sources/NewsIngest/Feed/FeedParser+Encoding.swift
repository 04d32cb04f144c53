import CLibXML2
import Foundation

/// Decides how the bytes of an XML feed reach libxml2: which encoding, what to repair first.
///
/// The common case (valid UTF-8 or a declared encoding libxml2 converts) passes the caller's
/// bytes through without copying them.
struct XMLInput {
    /// The bytes to parse.
    var bytes: Data
    /// True when `bytes` are UTF-8 and the document's encoding declaration must be ignored.
    var forceUTF8: Bool
    /// What had to be repaired, for the bozo message; nil when nothing.
    var repair: String?

    /// Prepares `data`: strips junk before the XML declaration and makes sure text that is
    /// read as UTF-8 really is UTF-8 (repairing or re-reading it as windows-1252 otherwise).
    static func prepare(_ data: Data) -> XMLInput {
        var bytes = data
        var repair: String?
        switch withBytes(bytes, unicodeBOM) {
        case .utf16:
            return XMLInput(bytes: bytes, forceUTF8: false, repair: nil)
        case .utf32:
            // libxml2 2.9 mistakes a UTF-32 BOM for UTF-16: convert here.
            return XMLInput(bytes: Data(withBytes(bytes.dropFirst(4)) { decodeUTF32($0, bigEndian: bytes.first == 0) }),
                            forceUTF8: true, repair: nil)
        case .utf8:
            bytes = bytes.dropFirst(3)
        case .none:
            let head = [UInt8](bytes.prefix(4))
            if head == [0x3C, 0, 0, 0] || head == [0, 0, 0, 0x3C] {
                return XMLInput(bytes: Data(withBytes(bytes) { decodeUTF32($0, bigEndian: head[0] == 0) }),
                                forceUTF8: true, repair: nil)
            }
            if withBytes(bytes, looksLikeWideEncoding) { return XMLInput(bytes: bytes, forceUTF8: false, repair: nil) }
        }
        // Whitespace before `<?xml` makes the declaration illegal: drop it.
        if let first = bytes.firstIndex(where: { !FeedDate.isSpace($0) }), first > bytes.startIndex,
           bytes[first] == UInt8(ascii: "<") {
            bytes = bytes[first...]
            repair = "whitespace before the XML declaration was ignored"
        }
        let declared = withBytes(bytes, declaredEncoding)
        if let declared, !readsAsUTF8(declared), libxml2Supports(declared) {
            return XMLInput(bytes: bytes, forceUTF8: false, repair: repair)
        }
        if let declared, !readsAsUTF8(declared) {
            repair = join(repair, "unknown encoding \"\(declared)\"; read as UTF-8")
        }
        if let fixed = withBytes(bytes, repairUTF8) {
            bytes = Data(fixed.bytes)
            repair = join(repair, fixed.note)
        }
        if withBytes(bytes, endsInsideCDATA) {
            bytes.append(contentsOf: Array("]]>".utf8))
            repair = join(repair, "the document ends inside a CDATA section")
        }
        return XMLInput(bytes: bytes, forceUTF8: true, repair: repair)
    }

    /// The input re-read as windows-1252 (used when libxml2 fails to convert a legacy encoding).
    static func windows1252Fallback(_ data: Data) -> XMLInput {
        var prepared = prepare(data)
        prepared.bytes = Data(withBytes(prepared.bytes, transcodeWindows1252))
        prepared.forceUTF8 = true
        prepared.repair = join(prepared.repair, "the declared encoding failed; read as windows-1252")
        return prepared
    }

    static func join(_ a: String?, _ b: String) -> String {
        a.map { "\($0); \(b)" } ?? b
    }

    /// Runs `body` on the bytes of `data` (a slice's bytes start at index 0).
    static func withBytes<R>(_ data: Data, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }

    /// UTF-32 code units as UTF-8 (invalid units become U+FFFD).
    private static func decodeUTF32(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count / 4)
        var i = 0
        while i + 4 <= bytes.count {
            let (a, b, c, d) = (UInt32(bytes[i]), UInt32(bytes[i + 1]), UInt32(bytes[i + 2]), UInt32(bytes[i + 3]))
            let value = bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
            HTMLEntities.appendScalar(Unicode.Scalar(value) ?? "\u{FFFD}", to: &out)
            i += 4
        }
        return out
    }

    // MARK: - Detection

    enum BOM { case none, utf8, utf16, utf32 }

    static func unicodeBOM(_ b: UnsafeBufferPointer<UInt8>) -> BOM {
        if b.count >= 4, (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            || (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) { return .utf32 }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return .utf8 }
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) { return .utf16 }
        return .none
    }

    /// UTF-16 without a BOM: `<` with a NUL byte beside it.
    private static func looksLikeWideEncoding(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 4 else { return false }
        return (b[0] == 0 && b[1] == 0x3C) || (b[0] == 0x3C && b[1] == 0)
    }

    /// The `encoding` pseudo-attribute of the XML declaration, if any.
    static func declaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = bytes.prefix(512)
        guard head.starts(with: Array("<?xml".utf8)),
              let close = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<close], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\t" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: quote) else { return nil }
        let name = rest[..<end].trimmingASCIIWhitespace()
        return name.isEmpty ? nil : name
    }

    /// Encodings whose bytes are read as UTF-8 here (ASCII is a subset; a UTF-16 label on a
    /// document without a wide encoding is a known mislabel).
    private static func readsAsUTF8(_ name: String) -> Bool {
        switch name.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16", "unicode": return true
        default: return false
        }
    }

    private static func libxml2Supports(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    // MARK: - Repair

    /// True when the document ends inside a CDATA section (a truncated download); `]]>` is
    /// then appended so its text is not lost.
    static func endsInsideCDATA(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A complete document ends with an end tag; only a cut-off one is searched.
        if let last = bytes.lastIndex(where: { !FeedDate.isSpace($0) }), bytes[last] == UInt8(ascii: ">"),
           let lastTag = bytes[..<last].lastIndex(of: UInt8(ascii: "<")), lastTag + 1 < last,
           bytes[lastTag + 1] == UInt8(ascii: "/") {
            return false
        }
        let open = Array("<![CDATA[".utf8)
        guard let lastOpen = lastRange(of: open, in: bytes) else { return false }
        return lastRange(of: Array("]]>".utf8), in: UnsafeBufferPointer(rebasing: bytes[(lastOpen + open.count)...])) == nil
    }

    /// The start of the last occurrence of `needle` in `haystack`.
    private static func lastRange(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    /// The input with bare `&` and references to unknown entities escaped as `&amp;` (outside
    /// CDATA sections), so libxml2 keeps them as text; nil when there is nothing to escape.
    func escapingBrokenReferences() -> XMLInput? {
        let cdataOpen = Array("<![CDATA[".utf8)
        let cdataClose = Array("]]>".utf8)
        var broken: [Int] = []
        XMLInput.withBytes(bytes) { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            func find(_ needle: [UInt8], from start: Int) -> Int? {
                guard start < count else { return nil }
                var from = start
                while from + needle.count <= count,
                      let hit = memchr(base + from, Int32(needle[0]), count - from) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    guard at + needle.count <= count else { return nil }
                    if memcmp(base + at, needle, needle.count) == 0 { return at }
                    from = at + 1
                }
                return nil
            }
            var position = 0
            var nextCDATA = find(cdataOpen, from: 0)
            while position < count {
                guard let hit = memchr(base + position, Int32(UInt8(ascii: "&")), count - position) else { break }
                let amp = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if let cdata = nextCDATA, cdata < amp {
                    guard let end = find(cdataClose, from: cdata + cdataOpen.count) else { break }
                    position = end + cdataClose.count
                    nextCDATA = find(cdataOpen, from: position)
                    continue
                }
                if !XMLInput.isWellFormedReference(buffer, at: amp) { broken.append(amp) }
                position = amp + 1
            }
        }
        guard !broken.isEmpty else { return nil }
        var out = Data()
        out.reserveCapacity(bytes.count + broken.count * 4)
        var start = bytes.startIndex
        for amp in broken {
            out.append(bytes[start...(bytes.startIndex + amp)])
            out.append(contentsOf: Array("amp;".utf8))
            start = bytes.startIndex + amp + 1
        }
        out.append(bytes[start...])
        return XMLInput(bytes: out, forceUTF8: forceUTF8,
                        repair: XMLInput.join(repair, "\(broken.count) bare '&' or unknown entities kept as text"))
    }

    /// True for `&#123;`, `&#x1F;`, and `&name;` where the name is an XML or HTML entity.
    private static func isWellFormedReference(_ b: UnsafeBufferPointer<UInt8>, at amp: Int) -> Bool {
        var i = amp + 1
        let limit = min(b.count, amp + 40)
        if i < limit, b[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < limit && (b[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            let start = i
            while i < limit, FeedDate.isDigit(b[i]) || (hex && HTMLEntities.isASCIIAlphanumeric(b[i])) { i += 1 }
            return i > start && i < limit && b[i] == UInt8(ascii: ";")
        }
        let start = i
        while i < limit, HTMLEntities.isASCIIAlphanumeric(b[i]) { i += 1 }
        guard i > start, i < limit, b[i] == UInt8(ascii: ";") else { return false }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        switch name {
        case "amp", "lt", "gt", "quot", "apos": return true
        default: return HTMLEntities.isKnown(name)
        }
    }

    /// Nil when `bytes` are valid UTF-8; otherwise the repaired bytes and what was done.
    ///
    /// Mostly-valid UTF-8 keeps its text and loses only the bad bytes (U+FFFD); text with no
    /// valid multi-byte sequences is really a legacy encoding and is read as windows-1252.
    static func repairUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], note: String)? {
        var valid = 0
        var invalid = 0
        do {
            guard let base = buffer.baseAddress else { return nil }
            let n = buffer.count
            var i = 0
            while i < n {
                // ASCII runs eight bytes at a time.
                while i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                guard i < n else { break }
                if buffer[i] < 0x80 { i += 1; continue }
                let length = utf8SequenceLength(buffer, at: i)
                if length > 0 { valid += 1; i += length } else { invalid += 1; i += 1 }
            }
        }
        guard invalid > 0 else { return nil }
        if valid > invalid {
            let repaired = Array(String(decoding: buffer, as: UTF8.self).utf8)
            return (repaired, "\(invalid) invalid UTF-8 byte(s) replaced")
        }
        return (transcodeWindows1252(buffer), "not valid UTF-8; read as windows-1252")
    }

    /// The length of the valid UTF-8 sequence at `i`, or 0 when it is invalid.
    private static func utf8SequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = b[i]
        let n = b.count
        func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(1), cont(2) else { return 0 }
            if lead == 0xE0, b[i + 1] < 0xA0 { return 0 }
            if lead == 0xED, b[i + 1] > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3) else { return 0 }
            if lead == 0xF0, b[i + 1] < 0x90 { return 0 }
            if lead == 0xF4, b[i + 1] > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// windows-1252 bytes as UTF-8 (undefined bytes keep their Latin-1 meaning).
    static func transcodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else if b < 0xA0 {
                HTMLEntities.appendScalar(HTMLEntities.windows1252High[Int(b - 0x80)], to: &out)
            } else {
                out.append(0xC0 | b >> 6)
                out.append(0x80 | b & 0x3F)
            }
        }
        return out
    }
}
