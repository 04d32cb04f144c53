import Foundation

/// Read access to the attribute array libxml2's SAX2 `startElementNs` passes: `count` groups of
/// five pointers (local name, prefix, URI, value start, value end).
struct Attributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    func localName(at index: Int) -> UnsafePointer<UInt8>? { base?[index * 5] }
    func prefix(at index: Int) -> UnsafePointer<UInt8>? { base?[index * 5 + 1] }

    /// The value of attribute `index`, with character references decoded.
    ///
    /// Without entity substitution libxml2 hands `&amp;` over as `&#38;`, so the references
    /// that remain are decoded here, in one pass.
    func value(at index: Int) -> String {
        guard let base, let start = base[index * 5 + 3], let end = base[index * 5 + 4] else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard memchr(start, Int32(UInt8(ascii: "&")), bytes.count) != nil else {
            return FeedText.decode(bytes)
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let next = HTMLEntities.decode(bytes, at: i, into: &out) {
                i = next
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out.withUnsafeBufferPointer { FeedText.decode($0) }
    }

    /// The value of the first attribute with this local name (ASCII case-insensitive).
    func value(localName wanted: StaticString) -> String? {
        for index in 0..<count {
            guard let name = localName(at: index) else { continue }
            if FeedXMLAttributesCompare.equalsIgnoringCase(name, wanted) { return value(at: index) }
        }
        return nil
    }

    /// The `xml:base` attribute, if present.
    func xmlBase() -> String? {
        for index in 0..<count {
            guard let name = localName(at: index), let prefix = prefix(at: index),
                  FeedXMLAttributesCompare.equalsIgnoringCase(name, "base"),
                  FeedXMLAttributesCompare.equalsIgnoringCase(prefix, "xml") else { continue }
            return value(at: index).trimmingASCIIWhitespace()
        }
        return nil
    }
}

enum FeedXMLAttributesCompare {
    /// Compares a NUL-terminated name with an ASCII literal, ignoring ASCII case.
    static func equalsIgnoringCase(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { wanted in
            var i = 0
            while i < wanted.count {
                let c = name[i]
                if c == 0 || (c | 0x20) != (wanted[i] | 0x20) { return false }
                i += 1
            }
            return name[i] == 0
        }
    }
}
