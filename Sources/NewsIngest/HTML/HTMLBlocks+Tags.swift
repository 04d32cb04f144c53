extension HTMLBlocks {
    /// What an element means to the block walker.
    enum Tag: Equatable, Sendable {
        /// `<p>`: a paragraph.
        case paragraph
        /// Elements that only group blocks (`div`, `section`, `article`, table parts outside a
        /// data table…): their content is read as if they were not there, but they end a paragraph.
        case container
        case heading(Int)
        case unorderedList, orderedList, listItem
        case blockquote, figure, figcaption
        case preformatted
        case image
        case table
        case rule
        case lineBreak
        case link
        /// `em`, `strong`, `b`, `i`, `u`, `mark`, `cite`: one emphasis flag.
        case emphasis
        /// `<q>`: inline quotation, shown with curly quote marks.
        case inlineQuote
        /// `<dt>`: a definition term, an emphasised paragraph.
        case term
        /// Content never shown: scripts, styles, templates, forms, embedded frames and media.
        case dropped
        /// Anything else (`span`, `code`, unknown elements): transparent inline.
        case inline

        /// The meaning of an element name as libxml2's HTML parser gives it (lowercase).
        init(name: UnsafePointer<UInt8>) {
            self = Self.byKey[Self.key(name)] ?? .inline
        }

        /// A lookup key of a name: its first 7 bytes and its length (unique for the names below).
        private static func key(_ name: UnsafePointer<UInt8>) -> UInt64 {
            var key: UInt64 = 0
            var length: UInt64 = 0
            while name[Int(length)] != 0 {
                if length < 7 { key |= UInt64(name[Int(length)]) << (8 * length) }
                length += 1
                if length > 255 { break }
            }
            return key | (length << 56)
        }

        private static func key(_ name: String) -> UInt64 {
            var bytes = Array(name.utf8)
            bytes.append(0)
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map(key) ?? 0
            }
        }

        private static let byKey: [UInt64: Tag] = {
            var table: [UInt64: Tag] = [:]
            func add(_ names: [String], _ tag: Tag) { for name in names { table[key(name)] = tag } }
            add(["p"], .paragraph)
            add(["html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside",
                 "center", "details", "summary", "address", "hgroup", "fieldset", "dl", "dd", "caption",
                 "thead", "tbody", "tfoot", "tr", "td", "th", "legend", "picture"], .container)
            for level in 1...6 { add(["h\(level)"], .heading(level)) }
            add(["ul", "menu", "dir"], .unorderedList)
            add(["ol"], .orderedList)
            add(["li"], .listItem)
            add(["blockquote"], .blockquote)
            add(["figure"], .figure)
            add(["figcaption"], .figcaption)
            add(["pre", "listing", "xmp", "plaintext"], .preformatted)
            add(["img"], .image)
            add(["table"], .table)
            add(["hr"], .rule)
            add(["br"], .lineBreak)
            add(["a"], .link)
            add(["em", "strong", "b", "i", "u", "mark", "cite", "dfn"], .emphasis)
            add(["q"], .inlineQuote)
            add(["dt"], .term)
            add(["script", "style", "template", "noscript", "iframe", "frame", "frameset", "form", "head",
                 "title", "svg", "math", "object", "embed", "applet", "button", "select", "textarea", "input",
                 "canvas", "audio", "video", "map", "source", "track", "meta", "link", "base", "param"], .dropped)
            return table
        }()
    }
}
