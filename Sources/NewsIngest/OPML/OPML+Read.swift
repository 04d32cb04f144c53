import CLibXML2
import Foundation
import NewsModel

extension OPML {
    /// Reads an OPML subscription list.
    ///
    /// Parsed with libxml2 with network access forbidden and entities left unexpanded (no XXE,
    /// no entity bombs). Titles come from `title`, else `text`, else the URL; `htmlUrl` becomes
    /// the site URL. Outlines without `xmlUrl` and without children are ignored.
    public static func parse(_ data: Data) throws(OPMLError) -> OPMLDocument {
        let data = repaired(data) ?? data
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else { throw .malformed(line: 0, message: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        // RECOVER: hand-written lists often carry a bare `&` in a URL; keep what can be read.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_RECOVER.rawValue)
        let document: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return xmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count),
                                     nil, nil, options)
        }
        let lastError = context.pointee.lastError
        let malformed = OPMLError.malformed(
            line: Int(lastError.line),
            message: lastError.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
                ?? (data.isEmpty ? "empty file" : "unreadable"))
        guard let document else { throw malformed }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw malformed }
        let rootName = name(of: root)
        guard rootName.lowercased() == "opml" else { throw .notOPML(root: rootName) }

        var reader = Reader(document: document)
        for child in elements(under: root) {
            switch name(of: child).lowercased() {
            case "head":
                for field in elements(under: child) where name(of: field).lowercased() == "title" {
                    reader.title = clean(reader.text(of: field))
                }
            case "body":
                reader.readOutlines(under: child, folders: [])
            default:
                continue
            }
        }
        // Recovered from errors but found nothing: report the error rather than an empty list.
        if reader.feeds.isEmpty, lastError.code != 0 { throw malformed }
        return OPMLDocument(title: reader.title.flatMap { $0.isEmpty ? nil : $0 }, feeds: reader.feeds)
    }

    /// Walks the tree, collecting feeds and merging duplicates.
    private struct Reader {
        let document: xmlDocPtr
        var title: String?
        var feeds: [Feed] = []
        /// Index into `feeds` by URL.
        var indexByURL: [String: Int] = [:]

        init(document: xmlDocPtr) { self.document = document }

        mutating func readOutlines(under parent: xmlNodePtr, folders: [String]) {
            for outline in elements(under: parent) where name(of: outline).lowercased() == "outline" {
                let attributes = self.attributes(of: outline)
                let label = clean(attributes["title"] ?? "").nonEmpty ?? clean(attributes["text"] ?? "").nonEmpty
                if let url = attributes["xmlurl"].map(cleanURL), !url.isEmpty {
                    let categories = (attributes["category"] ?? "").split(separator: ",").compactMap { part -> String? in
                        let tag = clean(part.trimmingCharacters(in: CharacterSet.whitespaces.union(["/"])))
                        return tag.isEmpty ? nil : tag
                    }
                    add(Feed(url: url, kind: .web, title: label ?? clean(url),
                             siteURL: attributes["htmlurl"].map(cleanURL)?.nonEmpty,
                             tags: unique(categories + folders)))
                } else if let label {
                    readOutlines(under: outline, folders: folders + [label])
                } else {
                    readOutlines(under: outline, folders: folders)
                }
            }
        }

        mutating func add(_ feed: Feed) {
            if let index = indexByURL[feed.url] {
                feeds[index].tags = unique(feeds[index].tags + feed.tags)
                if feeds[index].siteURL == nil { feeds[index].siteURL = feed.siteURL }
            } else {
                indexByURL[feed.url] = feeds.count
                feeds.append(feed)
            }
        }

        /// Attributes by lower-cased name (`xmlUrl`, `xmlurl` and `XMLURL` all occur in the wild).
        func attributes(of node: xmlNodePtr) -> [String: String] {
            var result: [String: String] = [:]
            var attribute = node.pointee.properties
            while let current = attribute {
                let key = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if let value = xmlNodeListGetString(document, current.pointee.children, 1) {
                    result[key] = String(cString: value)
                    herald_xmlFree(value)
                } else {
                    result[key] = ""
                }
                attribute = current.pointee.next
            }
            return result
        }

        func text(of node: xmlNodePtr) -> String {
            guard let value = xmlNodeListGetString(document, node.pointee.children, 1) else { return "" }
            defer { herald_xmlFree(value) }
            return String(cString: value)
        }
    }

    /// Fixes the two faults hand-edited lists often have, which XML forbids and libxml2 would
    /// drop text for: a bare `&` (escaped to `&amp;`) and C0 control bytes (removed).
    /// Returns nil when the bytes need no change (or are not UTF-8/ASCII-compatible).
    static func repaired(_ data: Data) -> Data? {
        var bytes = [UInt8](data)
        if bytes.contains(0) { return nil } // UTF-16/32: leave to libxml2
        var changed = false
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            // Whole escape sequences go, not just their ESC byte (the sanitizer knows them).
            guard let text = String(bytes: bytes, encoding: .utf8) else { return nil }
            bytes = Array(TextSanitizer.clean(text).utf8)
            changed = true
        }
        func isReference(at start: Int) -> Bool {
            var i = start + 1
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: "#") {
                i += 1
                let hex = i < bytes.count && (bytes[i] | 0x20) == UInt8(ascii: "x")
                if hex { i += 1 }
                let digitsStart = i
                while i < bytes.count, hex ? isHexDigit(bytes[i]) : isDigit(bytes[i]) { i += 1 }
                return i > digitsStart && i < bytes.count && bytes[i] == UInt8(ascii: ";")
            }
            guard isNameStart(bytes[i]) else { return false }
            while i < bytes.count, isNameStart(bytes[i]) || isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "-")
                || bytes[i] == UInt8(ascii: ".") { i += 1 }
            return i < bytes.count && bytes[i] == UInt8(ascii: ";")
        }
        let bareAmpersands = bytes.indices.filter { bytes[$0] == UInt8(ascii: "&") && !isReference(at: $0) }
        guard changed || !bareAmpersands.isEmpty else { return nil }
        guard !bareAmpersands.isEmpty else { return Data(bytes) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 4 * bareAmpersands.count)
        var previous = 0
        for index in bareAmpersands {
            out.append(contentsOf: bytes[previous...index])
            out.append(contentsOf: Array("amp;".utf8))
            previous = index + 1
        }
        out.append(contentsOf: bytes[previous...])
        return Data(out)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
    /// ASCII letters, `_`, `:` and any non-ASCII byte (part of a UTF-8 name character).
    private static func isNameStart(_ b: UInt8) -> Bool {
        ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }

    private static func elements(under node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Cleaned of control characters, whitespace runs collapsed.
    private static func clean(_ text: String) -> String {
        TextSanitizer.clean(text, keepNewlines: false)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A feed or site URL: `TextSanitizer.cleanURL`, then trimmed of Unicode whitespace.
    private static func cleanURL(_ url: String) -> String {
        TextSanitizer.cleanURL(url).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
