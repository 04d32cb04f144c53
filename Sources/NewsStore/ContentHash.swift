/// A 64-bit FNV-1a hash of an article's stored content, stable across runs and platforms
/// (unlike `Hasher`), so a re-import can tell "unchanged" without reading the old row.
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash as SQLite stores it.
    var int64: Int64 { Int64(bitPattern: value) }

    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// Adds a string with a terminator, so ("ab", "c") and ("a", "bc") differ; nil differs from "".
    mutating func add(_ string: String?) {
        guard let string else { return add(byte: 0xFE) }
        add(bytes: string.utf8)
        add(byte: 0xFF)
    }

    mutating func add(_ number: Double?) {
        guard let number else { return add(byte: 0xFE) }
        add(UInt64(number.bitPattern))
    }

    mutating func add(_ number: Int?) {
        guard let number else { return add(byte: 0xFE) }
        add(UInt64(bitPattern: Int64(number)))
    }

    mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }

    mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
