import CZlib

/// One-shot zlib compression of small buffers (article bodies of a few KB).
enum Zlib {
    /// Fastest deflate level: on article bodies it keeps ~97% of level 6's gain at ~80% of the time.
    static let level: Int32 = 1

    /// The zlib stream of `input`, or nil if zlib failed.
    static func compress(_ input: [UInt8]) -> [UInt8]? {
        var capacity = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress, &capacity, source.baseAddress, uLong(source.count), level)
            }
        }
        guard status == Z_OK else { return nil }
        output.removeSubrange(Int(capacity)...)
        return output
    }

    /// The `size` bytes that `input` decompresses to; throws when the stream is damaged or of another size.
    static func decompress(_ input: [UInt8], size: Int) throws -> [UInt8] {
        var produced = uLong(size)
        var output = [UInt8](repeating: 0, count: size)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &produced, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, Int(produced) == size else {
            throw BodyCodecError.corrupt("zlib stream (status \(status), \(produced) of \(size) bytes)")
        }
        return output
    }
}
