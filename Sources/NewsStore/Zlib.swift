import CZlib

/// A reusable zlib compressor for small buffers (article bodies of a few KB).
///
/// zlib sets up ~270 KB of state per stream: one `Deflater` per import, reset between bodies,
/// keeps that cost out of every body (it was half of an import's compression time).
/// Not thread-safe: use one per thread.
final class Deflater {
    /// Fastest deflate level: on article bodies it keeps ~97% of level 6's gain at ~80% of the time.
    static let level: Int32 = 1

    private let stream: UnsafeMutablePointer<z_stream>
    private let isReady: Bool

    init() {
        // zlib keeps the stream's address: it must not move, hence the manual allocation.
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        isReady = deflateInit_(stream, Self.level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if isReady { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The zlib stream of `input`, or nil if zlib failed.
    func compress(_ input: [UInt8]) -> [UInt8]? {
        guard isReady, deflateReset(stream) == Z_OK else { return nil }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))))
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.pointee.total_out)...)
        return output
    }
}

/// One-shot zlib decompression.
enum Zlib {
    /// The `size` bytes that `input` decompresses to; throws when the stream is damaged or of another size.
    static func decompress(_ input: [UInt8], size: Int) throws -> [UInt8] {
        guard size > 0 else { throw BodyCodecError.corrupt("empty zlib stream") }
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
