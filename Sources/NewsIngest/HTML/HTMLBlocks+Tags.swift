extension HTMLBlocks {
    /// What an element means to the block walker.
    enum Tag: Equatable, Sendable {
        /// `<p>`: a paragraph.
        case paragraph
        /// Elements that only group blocks (`div`, `section`, `article`, …): their content is
        /// read as if they were not there, but they end a paragraph.
        case container
        /// `<footer>`: a container that attributes the blockquote it ends.
        case footer
        /// `thead`, `tbody`, `tfoot`: containers inside a table.
        case tableSection
        case tableRow
        /// `td`, `th`.
        case tableCell
        case heading(Int)
        case unorderedList, orderedList, listItem
        case blockquote, figure, figcaption
        case preformatted
        case image
        case table
        case rule
        case lineBreak
        case link
        /// `em`, `strong`, `b`, `i`, `u`, `mark`, `dfn`: one emphasis flag.
        case emphasis
        /// `<cite>`: emphasis, or the attribution at the end of a blockquote.
        case cite
        /// `<q>`: inline quotation, shown with curly quote marks.
        case inlineQuote
        /// `<dt>`: a definition term, an emphasised paragraph.
        case term
        /// Content never shown: scripts, styles, templates, forms, embedded frames and media.
        case dropped
        /// Anything else (`span`, `code`, unknown elements): transparent inline.
        case inline

        /// True for elements that start a new line of text (everything but inline markup).
        var isBlockLevel: Bool {
            switch self {
            case .inline, .link, .emphasis, .cite, .inlineQuote, .lineBreak, .image, .dropped: return false
            default: return true
            }
        }

        /// The meaning of an element name as libxml2's HTML parser gives it (lowercase).
        init(name: UnsafePointer<UInt8>) {
            self = Self.lookup.tag(forKey: Self.key(name))
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

        private static let lookup: TagTable = {
            var table = TagTable()
            func add(_ names: [String], _ tag: Tag) { for name in names { table.insert(key(name), tag) } }
            add(["p"], .paragraph)
            add(["html", "body", "div", "section", "article", "main", "header", "nav", "aside", "center",
                 "details", "summary", "address", "hgroup", "fieldset", "dl", "dd", "caption", "legend",
                 "picture"], .container)
            add(["footer"], .footer)
            add(["thead", "tbody", "tfoot"], .tableSection)
            add(["tr"], .tableRow)
            add(["td", "th"], .tableCell)
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
            add(["em", "strong", "b", "i", "u", "mark", "dfn"], .emphasis)
            add(["cite"], .cite)
            add(["q"], .inlineQuote)
            add(["dt"], .term)
            add(["script", "style", "template", "noscript", "iframe", "frame", "frameset", "form", "head",
                 "title", "svg", "math", "object", "embed", "applet", "button", "select", "textarea", "input",
                 "canvas", "audio", "video", "map", "source", "track", "meta", "link", "base", "param"], .dropped)
            return table
        }()
    }

    /// A fixed open-addressing hash table from name keys to tags: one multiply per lookup,
    /// cheaper than `Dictionary`'s seeded hashing on the walker's hottest path.
    struct TagTable: Sendable {
        private static let slotBits = 8
        private var keys = [UInt64](repeating: 0, count: 1 << slotBits)
        private var tags = [Tag](repeating: .inline, count: 1 << slotBits)

        private static func slot(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
        }

        mutating func insert(_ key: UInt64, _ tag: Tag) {
            var slot = Self.slot(key)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            tags[slot] = tag
        }

        func tag(forKey key: UInt64) -> Tag {
            var slot = Self.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return tags[slot] }
                slot = (slot + 1) & (keys.count - 1)
            }
            return .inline
        }
    }
}
