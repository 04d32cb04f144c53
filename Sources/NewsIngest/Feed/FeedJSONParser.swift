import Foundation

/// Reads JSON Feed 1.0 and 1.1 documents (https://jsonfeed.org) with `JSONSerialization`.
enum FeedJSONParser {
    static func parse(_ data: Data, limits: FeedLimits) throws(FeedParseError) -> ParsedFeed {
        guard nestingDepth(data) <= limits.maxDepth else { throw .tooDeep }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .malformed("invalid JSON (\(describe(error)))")
        }
        guard let root = object as? [String: Any] else {
            throw .notAFeed("JSON that is not an object, so not a JSON Feed")
        }
        let version = root["version"] as? String ?? ""
        let format: FeedFormat
        var bozoMessage: String?
        if version.hasSuffix("jsonfeed.org/version/1.1") {
            format = .json11
        } else if version.hasSuffix("jsonfeed.org/version/1") {
            format = .json10
        } else if root["items"] is [Any] {
            format = .json10
            bozoMessage = "JSON Feed version \"\(version)\" is not a jsonfeed.org version URL"
        } else {
            throw .notAFeed("JSON without a JSON Feed version or items")
        }
        let items = root["items"] as? [Any] ?? []
        guard items.count <= limits.maxEntries else { throw .tooManyEntries(limits.maxEntries) }

        let home = nonEmptyString(root["home_page_url"])
        var feed = ParsedFeed(format: format)
        feed.title = nonEmptyString(root["title"]).map { plainText($0, isHTML: false) }.flatMap(nonEmpty)
        feed.link = home
        feed.author = authorName(root)
        feed.bozo = bozoMessage != nil
        feed.bozoMessage = bozoMessage
        feed.entries.reserveCapacity(items.count)
        for case let item as [String: Any] in items {
            var entry = ParsedEntry()
            entry.id = identifier(item["id"])
            entry.link = nonEmptyString(item["url"]).map { FeedURL.resolve($0, against: home) }
            entry.title = (item["title"] as? String).map { plainText($0, isHTML: false) }
            entry.published = nonEmptyString(item["date_published"]).flatMap(FeedDate.parse)
            entry.updated = nonEmptyString(item["date_modified"]).flatMap(FeedDate.parse)
            entry.author = authorName(item) ?? feed.author
            let html = nonEmptyString(item["content_html"])
            let text = nonEmptyString(item["content_text"])
            let summary = nonEmptyString(item["summary"])
            if let html {
                entry.contentHTML = html
                entry.contentIsHTML = true
            } else if let body = text ?? summary {
                entry.contentHTML = body
                entry.contentIsHTML = HTMLText.looksLikeHTML(body)
            }
            if html != nil || text != nil { entry.summary = summary }
            if let attachments = item["attachments"] as? [[String: Any]] {
                entry.enclosures = attachments.compactMap { attachment in
                    guard let url = nonEmptyString(attachment["url"]) else { return nil }
                    return FeedEnclosure(url: FeedURL.resolve(url, against: home),
                                         type: attachment["mime_type"] as? String,
                                         length: (attachment["size_in_bytes"] as? NSNumber)?.intValue)
                }
            }
            feed.entries.append(entry)
        }
        return feed
    }

    /// The first author's name: JSON Feed 1.1 `authors[0]`, else 1.0 `author`.
    private static func authorName(_ object: [String: Any]) -> String? {
        let author = (object["authors"] as? [[String: Any]])?.first ?? object["author"] as? [String: Any]
        return author.flatMap { nonEmptyString($0["name"]) }.map { plainText($0, isHTML: false) }.flatMap(nonEmpty)
    }

    /// `id` as a trimmed string; numbers are written as they read.
    private static func identifier(_ value: Any?) -> String? {
        switch value {
        case let string as String:
            return nonEmpty(string.trimmingCharacters(in: .whitespacesAndNewlines))
        case let number as NSNumber:
            if let integer = Int64(exactly: number.doubleValue), number.stringValue.firstIndex(of: ".") == nil {
                return String(integer)
            }
            return number.stringValue
        default:
            return nil
        }
    }

    private static func plainText(_ value: String, isHTML: Bool) -> String {
        isHTML || HTMLText.looksLikeHTML(value) ? HTMLText.plainText(value) : HTMLText.collapseWhitespace(value)
    }

    private static func nonEmptyString(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        return string.trimmingASCIIWhitespace().isEmpty ? nil : string.trimmingASCIIWhitespace()
    }

    private static func nonEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }

    /// The deepest nesting of objects and arrays, outside strings.
    static func nestingDepth(_ data: Data) -> Int {
        data.withUnsafeBytes { raw -> Int in
            var depth = 0
            var deepest = 0
            var inString = false
            var escaped = false
            for b in raw {
                if inString {
                    if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true }
                    else if b == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    deepest = max(deepest, depth)
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
            }
            return deepest
        }
    }
}
