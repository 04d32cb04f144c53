#if canImport(Glibc)
import Glibc
#endif

/// Allocator settings for the batch commands (refresh, import, bench): keep freed memory.
///
/// Parsing and building articles on worker threads allocates and frees many small blocks; with
/// glibc's defaults each thread's heap is trimmed and regrown over and over, which shows up as page
/// faults. Measured on the parse benchmark (release, 2 cores): the same settings given through
/// `GLIBC_TUNABLES` cut CPU time by about 10% (16.0 → 14.1 s RSS, 17.4 → 15.7 s Atom). The reader
/// does not call this: there, memory given back matters more than the last percent of speed.
enum BatchMemory {
    /// Trim threshold, in bytes: freed memory at the top of a heap is kept up to this much.
    static let trimThreshold: Int32 = 256 << 20
    /// Extra space asked for with every heap growth, in bytes.
    static let topPad: Int32 = 16 << 20

    /// `M_TRIM_THRESHOLD` and `M_TOP_PAD` from glibc's `<malloc.h>` (not in the Glibc module).
    static let mTrimThreshold: Int32 = -1
    static let mTopPad: Int32 = -2

    /// Applies the settings to this process (once is enough; calling again changes nothing).
    ///
    /// `mallopt` is looked up at run time: `<malloc.h>` is not part of Swift's Glibc module, and
    /// another C library (musl) simply lacks it, in which case nothing changes.
    static func tune() {
        #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(mTrimThreshold, trimThreshold)
        _ = mallopt(mTopPad, topPad)
        #endif
    }
}
