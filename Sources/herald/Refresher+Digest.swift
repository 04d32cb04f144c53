import Foundation
import NewsModel

/// The digest `Feed.contentDigest` holds: a 200 answer whose digest equals the stored one is the
/// body whose articles are already stored, and is not parsed again.
///
/// It covers the body's bytes, the URL it came from (relative links resolve against it) and
/// Herald's version (a new version may make different articles of the same body, so every feed
/// is read again once after an upgrade). A 64-bit FNV-1a hash with the body's length: a
/// collision would only delay an update until the feed changes again.
enum ResponseDigest {
    static func of(_ body: Data, url: URL) -> String {
        var hash = StableHash()
        body.withUnsafeBytes { hash.add(bytes: $0) }
        hash.add(url.absoluteString)
        hash.add(heraldVersion)
        return "\(body.count)-" + String(hash.value, radix: 16)
    }
}
