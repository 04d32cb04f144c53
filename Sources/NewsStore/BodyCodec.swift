import Foundation
import NewsModel

/// Why a stored body could not be read back.
enum BodyCodecError: Error, CustomStringConvertible {
    case corrupt(String)

    var description: String {
        switch self {
        case .corrupt(let what): return "damaged article body: \(what)"
        }
    }
}

/// Herald's storage form of an article body (`[Block]`): a compact binary encoding, deflated
/// when that pays.
///
/// Stored form: one format byte, then
/// - `0`: the binary encoding as is;
/// - `1`: a varint with the encoding's size in bytes, then its zlib stream.
///
/// Binary encoding: a sequence of blocks, each a tag byte and its fields. Integers are zigzag
/// varints, strings a varint byte count and UTF-8, optional values a presence byte first.
/// Spans are a varint count, then per span a flags byte (1: has link, 2: emphasis), the text
/// and the link. JSON of the same blocks is ~2.5x larger and ~10x slower to encode.
enum BodyCodec {
    /// Encodings below this size (bytes) are stored without compression: zlib's header would eat the gain.
    static let compressionThreshold = 96
    /// The largest body accepted back from the store, in bytes, so a damaged size cannot exhaust memory.
    static let maximumSize = 64 << 20

    private enum Tag: UInt8 {
        case paragraph = 1, heading, quote, listItem, preformatted, image, table, rule
    }

    private enum Format: UInt8 {
        case plain = 0, deflated = 1
    }

    // MARK: Stored form

    /// The stored form of an encoding: deflated when it is large enough and deflating shrinks it.
    static func pack(_ encoded: [UInt8], using deflater: Deflater) -> [UInt8] {
        if encoded.count >= compressionThreshold, let deflated = deflater.compress(encoded) {
            var packed: [UInt8] = [Format.deflated.rawValue]
            packed.reserveCapacity(deflated.count + 6)
            appendVarint(UInt64(encoded.count), to: &packed)
            if packed.count + deflated.count < encoded.count + 1 {
                packed.append(contentsOf: deflated)
                return packed
            }
        }
        return [Format.plain.rawValue] + encoded
    }

    /// The encoding held in a stored form.
    static func unpack(_ stored: [UInt8]) throws -> [UInt8] {
        var reader = ByteReader(stored)
        switch Format(rawValue: try reader.byte()) {
        case .plain:
            return Array(stored.dropFirst())
        case .deflated:
            let size = try reader.length(limit: maximumSize)
            return try Zlib.decompress(Array(stored[reader.offset...]), size: size)
        case nil:
            throw BodyCodecError.corrupt("unknown format \(stored.first ?? 0)")
        }
    }

    /// The blocks of a stored body.
    static func blocks(stored: [UInt8]) throws -> [Block] {
        try decode(try unpack(stored))
    }

    // MARK: Binary encoding

    /// The binary encoding of `blocks`.
    static func encode(_ blocks: [Block]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedSizeEstimate(blocks))
        for block in blocks {
            switch block {
            case .paragraph(let spans):
                out.append(Tag.paragraph.rawValue)
                appendSpans(spans, to: &out)
            case .heading(let level, let text):
                out.append(Tag.heading.rawValue)
                appendInt(level, to: &out)
                appendString(text, to: &out)
            case .quote(let spans, let attribution):
                out.append(Tag.quote.rawValue)
                appendSpans(spans, to: &out)
                appendOptionalString(attribution, to: &out)
            case .listItem(let spans, let depth, let number):
                out.append(Tag.listItem.rawValue)
                appendSpans(spans, to: &out)
                appendInt(depth, to: &out)
                out.append(number == nil ? 0 : 1)
                if let number { appendInt(number, to: &out) }
            case .preformatted(let text):
                out.append(Tag.preformatted.rawValue)
                appendString(text, to: &out)
            case .image(let alt, let url):
                out.append(Tag.image.rawValue)
                appendString(alt, to: &out)
                appendOptionalString(url, to: &out)
            case .table(let rows):
                out.append(Tag.table.rawValue)
                appendVarint(UInt64(rows.count), to: &out)
                for row in rows {
                    appendVarint(UInt64(row.count), to: &out)
                    for cell in row { appendString(cell, to: &out) }
                }
            case .rule:
                out.append(Tag.rule.rawValue)
            }
        }
        return out
    }

    /// The blocks of a binary encoding; throws on any damage instead of trapping.
    static func decode(_ bytes: [UInt8]) throws -> [Block] {
        var reader = ByteReader(bytes)
        var blocks: [Block] = []
        while !reader.isAtEnd {
            let tag = try reader.byte()
            switch Tag(rawValue: tag) {
            case .paragraph:
                blocks.append(.paragraph(try reader.spans()))
            case .heading:
                let level = try reader.int()
                blocks.append(.heading(level: level, text: try reader.string()))
            case .quote:
                let spans = try reader.spans()
                blocks.append(.quote(spans, attribution: try reader.optionalString()))
            case .listItem:
                let spans = try reader.spans()
                let depth = try reader.int()
                let number = try reader.byte() == 0 ? nil : try reader.int()
                blocks.append(.listItem(spans, depth: depth, number: number))
            case .preformatted:
                blocks.append(.preformatted(try reader.string()))
            case .image:
                let alt = try reader.string()
                blocks.append(.image(alt: alt, url: try reader.optionalString()))
            case .table:
                let rowCount = try reader.count()
                var rows: [[String]] = []
                rows.reserveCapacity(rowCount)
                for _ in 0..<rowCount {
                    let cellCount = try reader.count()
                    var cells: [String] = []
                    cells.reserveCapacity(cellCount)
                    for _ in 0..<cellCount { cells.append(try reader.string()) }
                    rows.append(cells)
                }
                blocks.append(.table(rows))
            case .rule:
                blocks.append(.rule)
            case nil:
                throw BodyCodecError.corrupt("unknown block tag \(tag) at byte \(reader.offset - 1)")
            }
        }
        return blocks
    }

    // MARK: Writing primitives

    /// About the size of `encode(blocks)` in bytes (its text plus a few bytes per field), so
    /// that the encoding is written without growing its buffer again and again.
    private static func encodedSizeEstimate(_ blocks: [Block]) -> Int {
        var size = 0
        for block in blocks {
            switch block {
            case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
                for span in spans { size += span.text.utf8.count + (span.link?.utf8.count ?? 0) + 4 }
            case .heading(_, let text), .preformatted(let text), .image(let text, _):
                size += text.utf8.count
            case .table(let rows):
                for row in rows {
                    for cell in row { size += cell.utf8.count + 2 }
                }
            case .rule:
                break
            }
            size += 16
        }
        return size
    }

    private static func appendSpans(_ spans: [Span], to out: inout [UInt8]) {
        appendVarint(UInt64(spans.count), to: &out)
        for span in spans {
            out.append((span.link == nil ? 0 : 1) | (span.emphasis ? 2 : 0))
            appendString(span.text, to: &out)
            if let link = span.link { appendString(link, to: &out) }
        }
    }

    private static func appendString(_ string: String, to out: inout [UInt8]) {
        appendVarint(UInt64(string.utf8.count), to: &out)
        out.append(contentsOf: string.utf8)
    }

    private static func appendOptionalString(_ string: String?, to out: inout [UInt8]) {
        out.append(string == nil ? 0 : 1)
        if let string { appendString(string, to: &out) }
    }

    private static func appendInt(_ value: Int, to out: inout [UInt8]) {
        let zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        appendVarint(zigzag, to: &out)
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }
}

/// A bounds-checked cursor over an encoded body.
private struct ByteReader {
    private let bytes: [UInt8]
    /// Index of the next unread byte.
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }
    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw BodyCodecError.corrupt("truncated at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw BodyCodecError.corrupt("overlong varint at byte \(offset)") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A size in bytes that must not exceed `limit`.
    mutating func length(limit: Int) throws -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw BodyCodecError.corrupt("length \(value) over \(limit)") }
        return Int(value)
    }

    /// A count of items, or of bytes, that the rest of the input can hold (every item takes a byte or more).
    mutating func count() throws -> Int {
        let value = try varint()
        guard value <= UInt64(remaining) else {
            throw BodyCodecError.corrupt("count \(value) over the \(remaining) bytes left")
        }
        return Int(value)
    }

    mutating func int() throws -> Int {
        let raw = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func string() throws -> String {
        let count = try count()
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func optionalString() throws -> String? {
        try byte() == 0 ? nil : try string()
    }

    mutating func spans() throws -> [Span] {
        let count = try count()
        var spans: [Span] = []
        spans.reserveCapacity(count)
        for _ in 0..<count {
            let flags = try byte()
            let text = try string()
            let link = flags & 1 != 0 ? try string() : nil
            spans.append(Span(text, link: link, emphasis: flags & 2 != 0))
        }
        return spans
    }
}
