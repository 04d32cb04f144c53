import Foundation

/// Parses RSS 0.90–2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1 documents.
///
/// Values follow the corpus contract (`shared/corpus/README.md`): titles and authors are plain
/// text, links are resolved against `xml:base` and then the feed's home page, dates are UTC,
/// and the body is the first non-empty of the format's body elements, kept raw.
public enum FeedParser {
    /// Parses a feed document.
    ///
    /// - Parameters:
    ///   - data: the document's bytes, in any encoding it declares.
    ///   - baseURL: where the document came from; relative links that the feed itself cannot
    ///     resolve are resolved against it.
    ///   - limits: size, entry-count and nesting limits.
    /// - Returns: the feed; `bozo` is true when the document was malformed and recovered.
    /// - Throws: `FeedParseError` when nothing usable can be read.
    public static func parse(_ data: Data, baseURL: URL? = nil,
                             limits: FeedLimits = .default) throws(FeedParseError) -> ParsedFeed {
        guard data.count <= limits.maxBytes else { throw .tooLarge(limits.maxBytes) }
        var feed: ParsedFeed
        switch sniff(data) {
        case .empty:
            throw .empty
        case .binary:
            throw .notAFeed("binary data, not a text document")
        case .text:
            throw .notAFeed("plain text; a feed starts with '<' (XML) or '{' (JSON Feed)")
        case .json:
            feed = try FeedJSONParser.parse(data, limits: limits)
        case .xml:
            feed = try FeedXMLParser.parse(data, limits: limits)
        }
        if let baseURL { resolveRemainingLinks(in: &feed, against: baseURL.absoluteString) }
        cutLongEntries(in: &feed, to: limits.maxEntryBytes)
        return feed
    }

    /// Cuts every entry's content and summary to at most `limit` UTF-8 bytes (on a Unicode scalar
    /// boundary) and counts the entries cut, so one huge article cannot fill the store.
    static func cutLongEntries(in feed: inout ParsedFeed, to limit: Int) {
        func cut(_ text: inout String?) -> Bool {
            guard let whole = text, whole.utf8.count > limit else { return false }
            var end = whole.utf8.index(whole.utf8.startIndex, offsetBy: limit)
            while end.samePosition(in: whole.unicodeScalars) == nil { end = whole.utf8.index(before: end) }
            text = String(whole.unicodeScalars[..<end])
            return true
        }
        for index in feed.entries.indices {
            let content = cut(&feed.entries[index].contentHTML)
            let summary = cut(&feed.entries[index].summary)
            if content || summary { feed.cutEntries += 1 }
        }
    }

    /// What a document looks like from its first bytes.
    enum Kind { case empty, binary, text, json, xml }

    static func sniff(_ data: Data) -> Kind {
        let head = [UInt8](data.prefix(1024))
        let bom = head.withUnsafeBufferPointer(XMLInput.unicodeBOM)
        switch bom {
        case .utf16, .utf32: return .xml
        case .utf8, .none: break
        }
        var i = bom == .utf8 ? 3 : 0
        while i < head.count, FeedDate.isSpace(head[i]) { i += 1 }
        guard i < head.count else { return .empty }
        if head.count >= 4, head[0] == 0 || head[1] == 0 {
            // UTF-16/32 without a BOM start with NUL bytes around '<'.
            if head.contains(UInt8(ascii: "<")) { return .xml }
            return .binary
        }
        if head[i...].contains(0) { return .binary }
        switch head[i] {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        default:
            // Some servers put junk (a PHP notice, a stray line) before the document.
            return head[i...].contains(UInt8(ascii: "<")) && head.contains(UInt8(ascii: ">")) ? .xml : .text
        }
    }

    private static func resolveRemainingLinks(in feed: inout ParsedFeed, against base: String) {
        func resolve(_ link: String?) -> String? {
            guard let link, !FeedURL.hasScheme(link) else { return link }
            return FeedURL.resolve(link, against: base)
        }
        feed.link = resolve(feed.link)
        let entryBase = feed.link.flatMap { FeedURL.hasScheme($0) ? $0 : nil } ?? base
        for index in feed.entries.indices {
            feed.entries[index].link = feed.entries[index].link.map { FeedURL.resolve($0, against: entryBase) }
            for k in feed.entries[index].relatedLinks.indices {
                feed.entries[index].relatedLinks[k].url =
                    FeedURL.resolve(feed.entries[index].relatedLinks[k].url, against: entryBase)
            }
            for k in feed.entries[index].enclosures.indices {
                feed.entries[index].enclosures[k].url =
                    FeedURL.resolve(feed.entries[index].enclosures[k].url, against: entryBase)
            }
        }
    }
}
