import Foundation
import NewsModel

extension OPML {
    /// Writes feeds as an OPML 2.0 document.
    ///
    /// Feeds without tags sit at the top of the body; a tagged feed is listed in the folder of
    /// each of its tags (folders in order of first use) and carries its tags in `category`.
    /// Text-page sources (`kind == .pages`) have no feed URL and are left out.
    public static func export(_ feeds: [Feed], title: String = "Herald subscriptions", dateCreated: Date? = nil) -> String {
        let feeds = feeds.filter { $0.kind == .web }
        var folders: [String] = []
        var members: [String: [Feed]] = [:]
        for feed in feeds {
            for tag in feed.tags {
                if members[tag] == nil { folders.append(tag) }
                members[tag, default: []].append(feed)
            }
        }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head>
            <title>\(escape(title))</title>

        """
        if let dateCreated { out += "    <dateCreated>\(rfc822(dateCreated))</dateCreated>\n" }
        out += "  </head>\n  <body>\n"
        for feed in feeds where feed.tags.isEmpty {
            out += "    " + outline(feed) + "\n"
        }
        for folder in folders {
            out += "    <outline text=\"\(escape(folder))\" title=\"\(escape(folder))\">\n"
            for feed in members[folder] ?? [] {
                out += "      " + outline(feed) + "\n"
            }
            out += "    </outline>\n"
        }
        out += "  </body>\n</opml>\n"
        return out
    }

    private static func outline(_ feed: Feed) -> String {
        var line = "<outline type=\"rss\" text=\"\(escape(feed.title))\" title=\"\(escape(feed.title))\""
        line += " xmlUrl=\"\(escape(feed.url))\""
        if let site = feed.siteURL { line += " htmlUrl=\"\(escape(site))\"" }
        // A tag that `category` cannot carry unchanged travels by its folder alone.
        if !feed.tags.isEmpty, feed.tags.allSatisfy(survivesCategory) {
            line += " category=\"\(escape(feed.tags.joined(separator: ",")))\""
        }
        return line + "/>"
    }

    /// Whether `tag` reads back as itself from `category`, which is comma-separated and whose
    /// parts lose surrounding whitespace and slashes on import (slash-delimited paths).
    private static func survivesCategory(_ tag: String) -> Bool {
        !tag.contains(",") && tag.trimmingCharacters(in: CharacterSet.whitespaces.union(["/"])) == tag
    }

    /// Escapes text for an attribute value or element content; control characters are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in TextSanitizer.clean(text, keepNewlines: false).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// "Sat, 01 Jun 2024 00:00:00 GMT" (RFC 822 as OPML asks).
    private static func rfc822(_ date: Date) -> String {
        HTTPDate.format(date)
    }
}
