import Foundation
import NewsModel

/// Link and image URLs: resolution, unsafe schemes, tracking pixels.
extension HTMLBlocks {
    /// URL schemes never kept as links: they run code or embed content.
    static let droppedSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// Hosts that serve only tracking pixels.
    static let trackerHosts: Set<String> = [
        "pixel.wp.com", "stats.wordpress.com", "www.google-analytics.com", "google-analytics.com",
        "pixel.quantserve.com", "b.scorecardresearch.com", "sb.scorecardresearch.com", "pi.feedsportal.com",
        "feeds.wordpress.com", "ad.doubleclick.net", "pubads.g.doubleclick.net", "www.facebook.com/tr",
        "mf.feeds.reuters.com", "rss.buysellads.com", "feedads.g.doubleclick.net",
    ]

    /// Hosts whose `/~r/` and `/~ff/` paths are FeedBurner tracking images.
    static let feedBurnerHosts: Set<String> = ["feeds.feedburner.com", "feedproxy.google.com", "feeds2.feedburner.com"]

    /// `href` resolved against `baseURL`: nil for an empty or unsafe target (`javascript:`,
    /// `vbscript:`, `data:`, after removing the tabs and newlines browsers ignore in URLs).
    /// Spaces inside are percent-encoded; absolute `http(s)` URLs are kept as written, except
    /// that control characters are percent-encoded (`TextSanitizer.cleanURL`).
    static func resolveLink(_ href: String, baseURL: URL?) -> String? {
        resolvedLink(href, baseURL: baseURL).map(TextSanitizer.cleanURL)
    }

    private static func resolvedLink(_ href: String, baseURL: URL?) -> String? {
        var link = href
        let (needsCleaning, isHTTP) = link.utf8.withContiguousStorageIfAvailable(scanLink) ?? scanLink(Array(link.utf8))
        if !needsCleaning && isHTTP { return link }
        if needsCleaning {
            var bytes = Array(link.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
            while let first = bytes.first, first <= 0x20 { bytes.removeFirst() }
            while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
            link = String(decoding: bytes, as: UTF8.self)
        }
        guard !link.isEmpty else { return nil }
        let scheme = schemeOf(link)
        if let scheme, droppedSchemes.contains(scheme) { return nil }
        if needsCleaning && link.utf8.contains(0x20) {
            link = String(decoding: link.utf8.flatMap { $0 == 0x20 ? Array("%20".utf8) : [$0] }, as: UTF8.self)
        }
        if scheme == "http" || scheme == "https" || (baseURL == nil && scheme != nil) { return link }
        guard let url = URL(string: link, relativeTo: baseURL) else { return nil }
        return url.absoluteString
    }

    /// Whether a link has spaces or control bytes, and whether it starts with `http://` or `https://`.
    private static func scanLink(_ bytes: UnsafeBufferPointer<UInt8>) -> (needsCleaning: Bool, isHTTP: Bool) {
        let needsCleaning = bytes.contains { $0 <= 0x20 }
        guard bytes.count > 8, bytes[0] == 0x68, bytes[1] == 0x74, bytes[2] == 0x74, bytes[3] == 0x70 else { // "http"
            return (needsCleaning, false)
        }
        let colon = bytes[4] == 0x73 ? 5 : 4 // after an "s"
        let isHTTP = bytes[colon] == 0x3A && bytes[colon + 1] == 0x2F && bytes[colon + 2] == 0x2F // "://"
        return (needsCleaning, isHTTP)
    }

    private static func scanLink(_ bytes: [UInt8]) -> (needsCleaning: Bool, isHTTP: Bool) {
        bytes.withUnsafeBufferPointer(scanLink)
    }

    /// The lowercased scheme of a URL ("https"), or nil when it has none.
    private static func schemeOf(_ link: String) -> String? {
        var scheme: [UInt8] = []
        for byte in link.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                scheme.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte | 0x20)
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !scheme.isEmpty:
                scheme.append(byte)
            default:
                return nil
            }
            if scheme.count > 16 { return nil }
        }
        return nil
    }

    /// Every host named in `trackerHosts` (without its path) and `feedBurnerHosts`.
    private static let trackingHostNames: Set<String> = Set(trackerHosts.map {
        String($0.prefix { $0 != "/" })
    }).union(feedBurnerHosts)

    /// The lowercased host of a plain `http(s)://host/…` URL whose host is only letters, digits,
    /// dots and hyphens (no user, port or escapes); nil for anything else.
    private static func plainHost(_ url: String) -> String? {
        let utf8 = url.utf8
        let rest: Substring.UTF8View
        if utf8.starts(with: "http://".utf8) {
            rest = utf8.dropFirst(7)
        } else if utf8.starts(with: "https://".utf8) {
            rest = utf8.dropFirst(8)
        } else {
            return nil
        }
        var host: [UInt8] = []
        for byte in rest {
            switch byte {
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return String(decoding: host, as: UTF8.self)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"):
                host.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                host.append(byte | 0x20)
            default:
                return nil
            }
        }
        return String(decoding: host, as: UTF8.self)
    }

    /// True for an image URL that only tracks the reader.
    static func isTracker(_ url: String) -> Bool {
        // Most images are on hosts no rule names: no need to parse the URL in full.
        if let host = plainHost(url), !trackingHostNames.contains(host) { return false }
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return false }
        if trackerHosts.contains(host) || trackerHosts.contains(host + components.path) { return true }
        if feedBurnerHosts.contains(host) {
            return components.path.hasPrefix("/~r/") || components.path.hasPrefix("/~ff/")
        }
        return false
    }
}
