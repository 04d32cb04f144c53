import Foundation

/// The digest `Feed.contentDigest` holds: a 200 answer whose digest equals the stored one is the
/// body whose articles are already stored, and is not parsed again.
///
/// It covers the body's bytes, the URL it came from (relative links resolve against it) and
/// Herald's version (a new version may make different articles of the same body, so every feed
/// is read again once after an upgrade). A 64-bit FNV-1a hash with the body's length: a
/// collision would only delay an update until the feed changes again.
enum ResponseDigest {
    static func of(_ body: Data, url: URL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ bytes: UnsafeRawBufferPointer) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        body.withUnsafeBytes(add)
        for text in [url.absoluteString, heraldVersion] {
            var text = text
            text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01b3
        }
        return "\(body.count)-" + String(hash, radix: 16)
    }
}
