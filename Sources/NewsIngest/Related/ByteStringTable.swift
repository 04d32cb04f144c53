import Foundation

/// A set of byte strings, each numbered by the order it came in: lets `RelatedTerms` count terms
/// by their UTF-8 bytes, making a `String` only once per distinct term.
///
/// Open addressing with linear probing on FNV-1a hashes; the keys are stored one after another
/// in a single buffer.
struct ByteStringTable: Sendable {
    /// The keys, one after another.
    private var storage: [UInt8] = []
    /// Where each key ends in `storage`, in bytes (it starts where the previous one ends).
    private var ends: [Int] = []
    /// Hash of each key.
    private var hashes: [UInt64] = []
    /// Key number + 1 per slot, 0 for an empty slot; a power of two, at most half full.
    private var slots: [Int32]

    /// Keys held.
    var count: Int { ends.count }

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 64) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        storage.reserveCapacity(8 * capacity)
    }

    /// A table of `keys`, numbered in order.
    init(_ keys: some Sequence<String>) {
        self.init()
        for key in keys {
            var key = key
            key.withUTF8 { _ = insert($0) }
        }
    }

    /// The number of `key`, nil when it is not in the table. `hash` is `Self.hash(key)`, when
    /// the caller has it already.
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Int? {
        find(key, hash: hash ?? Self.hash(key)).index
    }

    /// The number of `key`, which is added when it is new (`inserted`). `hash` is
    /// `Self.hash(key)`, when the caller has it already.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> (index: Int, inserted: Bool) {
        let hash = hash ?? Self.hash(key)
        let (slot, found) = find(key, hash: hash)
        if let found { return (found, false) }
        storage.append(contentsOf: key)
        ends.append(storage.count)
        hashes.append(hash)
        slots[slot] = Int32(truncatingIfNeeded: ends.count)
        if 2 * ends.count > slots.count { grow() }
        return (ends.count - 1, true)
    }

    /// Key number `index` as a string.
    func string(at index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return storage.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self)
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, index: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return (slot, nil) }
            if hashes[entry - 1] == hash && keyEquals(entry - 1, key) { return (slot, entry - 1) }
            slot = (slot + 1) & mask
        }
    }

    private func keyEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == key.count else { return false }
        guard let keyBase = key.baseAddress else { return true }
        return storage.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            // Words are short: a loop beats a call to memcmp.
            guard key.count <= 16 else { return memcmp(storedBase + start, keyBase, key.count) == 0 }
            for offset in 0..<key.count where storedBase[start + offset] != keyBase[offset] { return false }
            return true
        }
    }

    /// Doubles the slots and places every key again.
    private mutating func grow() {
        slots = Array(repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
    }

    /// FNV-1a, 64 bits: fast on the short keys of words. Its low bits depend only on the low
    /// bits of the bytes, so the high half is folded into them (slots are picked by low bits).
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 32)
    }
}
