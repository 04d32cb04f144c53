import CLibXML2
import Foundation

/// Decides how the bytes of an XML feed reach libxml2: which encoding, what to repair first.
struct XMLInput {
    /// The bytes to parse.
    var bytes: [UInt8]
    /// True when `bytes` are UTF-8 and the document's encoding declaration must be ignored.
    var forceUTF8: Bool
    /// What had to be repaired, for the bozo message; nil when nothing.
    var repair: String?

    /// Prepares `data`: strips junk before the XML declaration and makes sure text that is
    /// read as UTF-8 really is UTF-8 (repairing or re-reading it as windows-1252 otherwise).
    static func prepare(_ data: Data) -> XMLInput {
        var bytes = [UInt8](data)
        var repair: String?
        switch unicodeBOM(bytes) {
        case .utf16, .utf32:
            return XMLInput(bytes: bytes, forceUTF8: false, repair: nil)
        case .utf8:
            bytes.removeFirst(3)
        case .none:
            if looksLikeWideEncoding(bytes) { return XMLInput(bytes: bytes, forceUTF8: false, repair: nil) }
        }
        // Whitespace before `<?xml` makes the declaration illegal: drop it.
        if let first = bytes.firstIndex(where: { !FeedDate.isSpace($0) }), first > 0,
           bytes[first] == UInt8(ascii: "<") {
            bytes.removeFirst(first)
            repair = "whitespace before the XML declaration was ignored"
        }
        let declared = declaredEncoding(bytes)
        if let declared, !readsAsUTF8(declared), libxml2Supports(declared) {
            return XMLInput(bytes: bytes, forceUTF8: false, repair: repair)
        }
        if let declared, !readsAsUTF8(declared) {
            repair = join(repair, "unknown encoding \"\(declared)\"; read as UTF-8")
        }
        if let fixed = repairUTF8(bytes) {
            bytes = fixed.bytes
            repair = join(repair, fixed.note)
        }
        if closeTruncatedCDATA(&bytes) {
            repair = join(repair, "the document ends inside a CDATA section")
        }
        return XMLInput(bytes: bytes, forceUTF8: true, repair: repair)
    }

    /// The input re-read as windows-1252 (used when libxml2 fails to convert a legacy encoding).
    static func windows1252Fallback(_ data: Data) -> XMLInput {
        var prepared = prepare(data)
        prepared.bytes = transcodeWindows1252(prepared.bytes)
        prepared.forceUTF8 = true
        prepared.repair = join(prepared.repair, "the declared encoding failed; read as windows-1252")
        return prepared
    }

    static func join(_ a: String?, _ b: String) -> String {
        a.map { "\($0); \(b)" } ?? b
    }

    // MARK: - Detection

    enum BOM { case none, utf8, utf16, utf32 }

    static func unicodeBOM(_ b: [UInt8]) -> BOM {
        if b.count >= 4, (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            || (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) { return .utf32 }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return .utf8 }
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) { return .utf16 }
        return .none
    }

    /// UTF-16/32 without a BOM: `<` or `<?` with NUL bytes around them.
    private static func looksLikeWideEncoding(_ b: [UInt8]) -> Bool {
        guard b.count >= 4 else { return false }
        return (b[0] == 0 && b[1] == 0x3C) || (b[0] == 0x3C && b[1] == 0)
            || (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0x3C)
    }

    /// The `encoding` pseudo-attribute of the XML declaration, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
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

    /// Appends `]]>` when the document ends inside a CDATA section (a truncated download),
    /// so its text is not lost; returns true when it did.
    static func closeTruncatedCDATA(_ bytes: inout [UInt8]) -> Bool {
        let open = Array("<![CDATA[".utf8)
        let close = Array("]]>".utf8)
        let found = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let lastOpen = lastRange(of: open, in: buffer) else { return false }
            return lastRange(of: close, in: UnsafeBufferPointer(rebasing: buffer[(lastOpen + open.count)...])) == nil
        }
        if found { bytes.append(contentsOf: close) }
        return found
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
        bytes.withUnsafeBufferPointer { buffer in
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
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + broken.count * 4)
        var start = 0
        for amp in broken {
            out.append(contentsOf: bytes[start...amp])
            out.append(contentsOf: "amp;".utf8)
            start = amp + 1
        }
        out.append(contentsOf: bytes[start...])
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
    static func repairUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], note: String)? {
        var valid = 0
        var invalid = 0
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            let n = buffer.count
            while i < n {
                let b = buffer[i]
                if b < 0x80 { i += 1; continue }
                let length = utf8SequenceLength(buffer, at: i)
                if length > 0 { valid += 1; i += length } else { invalid += 1; i += 1 }
            }
        }
        guard invalid > 0 else { return nil }
        if valid > invalid {
            let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            return (repaired, "\(invalid) invalid UTF-8 byte(s) replaced")
        }
        return (transcodeWindows1252(bytes), "not valid UTF-8; read as windows-1252")
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
    static func transcodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
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
