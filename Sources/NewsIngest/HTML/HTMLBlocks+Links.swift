import Foundation

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
    static func resolveLink(_ href: String, baseURL: URL?) -> String? {
        var target = href.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            .reduce(into: String.UnicodeScalarView()) { $0.append($1) }
        while let first = target.first, first.value <= 0x20 { target.removeFirst() }
        while let last = target.last, last.value <= 0x20 { target.removeLast() }
        guard !target.isEmpty else { return nil }
        let link = String(target)
        if let colon = link.firstIndex(of: ":") {
            let scheme = link[..<colon]
            if scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
               droppedSchemes.contains(scheme.lowercased()) {
                return nil
            }
            // Already absolute: keep as written.
            if scheme.lowercased() == "http" || scheme.lowercased() == "https" {
                return link.contains(" ") ? link.replacingOccurrences(of: " ", with: "%20") : link
            }
        }
        let escaped = link.contains(" ") ? link.replacingOccurrences(of: " ", with: "%20") : link
        guard let url = URL(string: escaped, relativeTo: baseURL) else { return nil }
        return url.absoluteString
    }

    /// True for an image URL that only tracks the reader.
    static func isTracker(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return false }
        if trackerHosts.contains(host) || trackerHosts.contains(host + components.path) { return true }
        if feedBurnerHosts.contains(host) {
            return components.path.hasPrefix("/~r/") || components.path.hasPrefix("/~ff/")
        }
        return false
    }
}
