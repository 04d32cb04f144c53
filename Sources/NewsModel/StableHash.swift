/// A 64-bit FNV-1a hash, stable across runs and platforms (unlike `Hasher`): for values that are
/// stored or compared between runs — an article's content hash, a feed's response digest, a text
/// page's guid, a headline variant's key.
public struct StableHash: Sendable {
    /// The hash so far (inlinable code updates it, so the byte loop is specialised in callers).
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash so far.
    public var value: UInt64 { state }

    public init() {}

    /// The hash as SQLite stores it.
    public var int64: Int64 { Int64(bitPattern: value) }

    @inlinable
    public mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = state
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        state = hash
    }

    /// Adds a string with a terminator, so ("ab", "c") and ("a", "bc") differ; nil differs from "".
    @inlinable
    public mutating func add(_ string: String?) {
        guard let string else { return add(byte: 0xFE) }
        add(bytes: string.utf8)
        add(byte: 0xFF)
    }

    public mutating func add(_ number: Double?) {
        guard let number else { return add(byte: 0xFE) }
        add(UInt64(number.bitPattern))
    }

    public mutating func add(_ number: Int?) {
        guard let number else { return add(byte: 0xFE) }
        add(UInt64(bitPattern: Int64(number)))
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }

    @inlinable
    public mutating func add(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
