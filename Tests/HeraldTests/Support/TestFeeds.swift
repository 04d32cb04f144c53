import Foundation

/// Builds small RSS documents for end-to-end tests.
enum TestFeeds {
    struct Item {
        var guid: String
        var title: String
        var body: String = "<p>A paragraph with <a href=\"https://example.org/x\">a link</a>.</p>"
        /// Seconds after 2024-06-01T00:00:00Z.
        var minutes: Int = 0
    }

    static func rss(title: String, items: [Item]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>\(escape(title))</title><link>https://site.example/</link>
        <description>Test feed</description>

        """
        for item in items {
            let date = Date(timeIntervalSince1970: 1_717_200_000 + Double(item.minutes * 60))
            out += """
            <item><title>\(escape(item.title))</title><guid isPermaLink="false">\(escape(item.guid))</guid>
            <link>https://site.example/\(escape(item.guid))</link><pubDate>\(rfc822(date))</pubDate>
            <description>\(escape(item.body))</description></item>

            """
        }
        return out + "</channel></rss>\n"
    }

    /// `count` items named "<prefix> item N".
    static func items(_ count: Int, prefix: String) -> [Item] {
        (0..<count).map { Item(guid: "\(prefix)-\($0)", title: "\(prefix) item \($0)", minutes: $0) }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// An OPML list of `feeds` (title, URL), for `herald import`.
    static func opml(_ feeds: [(title: String, url: String)]) -> String {
        var out = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>\n"
        for feed in feeds {
            out += "<outline type=\"rss\" text=\"\(escape(feed.title))\" xmlUrl=\"\(escape(feed.url))\"/>\n"
        }
        return out + "</body></opml>\n"
    }
}
