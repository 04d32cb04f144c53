import CLibXML2
import Foundation
import NewsModel

extension HTMLBlocks {
    /// One depth-first walk over a libxml2 HTML tree, emitting blocks in reading order.
    struct Walker {
        /// What the inline text being collected will become when the block ends.
        enum Target {
            case paragraph
            case listItem(depth: Int, number: Int?)
            case heading(Int)
        }

        /// An open list: whether it is numbered, and the number of its next item.
        struct ListLevel {
            var ordered: Bool
            var next: Int
        }

        /// Largest image, in pixels, shown inline as its alt text (emoji, smileys, icons).
        static let maxInlineImageSize = 32

        let baseURL: URL?
        private(set) var blocks: [Block] = []
        private var inline = InlineText()
        private var target = Target.paragraph
        private var lists: [ListLevel] = []
        /// The resolved target of the enclosing `<a>`, if any.
        private var link: String?
        /// How many emphasis elements enclose the text.
        private var emphasis = 0

        init(baseURL: URL?) {
            self.baseURL = baseURL
        }

        // MARK: Walking

        mutating func walkSiblings(from first: xmlNodePtr?, depth: Int) {
            var node = first
            while let current = node {
                visit(current, depth: depth)
                node = current.pointee.next
            }
        }

        mutating func walkChildren(of node: xmlNodePtr, depth: Int) {
            walkSiblings(from: node.pointee.children, depth: depth + 1)
        }

        private mutating func visit(_ node: xmlNodePtr, depth: Int) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    inline.append(content, link: link, emphasis: emphasis > 0)
                }
            case XML_ELEMENT_NODE:
                if depth > maxDepth {
                    appendFlattened(node)
                } else {
                    element(node, depth: depth)
                }
            default:
                break // comments, processing instructions, DTD
            }
        }

        private mutating func element(_ node: xmlNodePtr, depth: Int) {
            guard let name = node.pointee.name else { return }
            switch Tag(name: name) {
            case .dropped:
                return
            case .inline:
                walkChildren(of: node, depth: depth)
            case .paragraph, .container, .figcaption:
                flush()
                walkChildren(of: node, depth: depth)
                flush()
            case .figure:
                figure(node, depth: depth)
            case .heading(let level):
                flush()
                let saved = target
                target = .heading(level)
                walkChildren(of: node, depth: depth)
                flush()
                target = saved
            case .unorderedList, .orderedList:
                flush()
                let ordered = Tag(name: name) == .orderedList
                lists.append(ListLevel(ordered: ordered, next: ordered ? integerAttribute(node, "start") ?? 1 : 0))
                walkChildren(of: node, depth: depth)
                flush()
                lists.removeLast()
            case .listItem:
                listItem(node, depth: depth)
            case .blockquote:
                flush()
                blockquote(node, depth: depth, attribution: nil)
            case .preformatted:
                flush()
                preformatted(node)
            case .image:
                image(node)
            case .table:
                flush()
                table(node, depth: depth)
            case .rule:
                flush()
                blocks.append(.rule)
            case .lineBreak:
                if inline.lineBreak() { flush() }
            case .link:
                let saved = link
                link = attribute(node, "href").flatMap { HTMLBlocks.resolveLink($0, baseURL: baseURL) }
                walkChildren(of: node, depth: depth)
                link = saved
            case .emphasis:
                emphasis += 1
                walkChildren(of: node, depth: depth)
                emphasis -= 1
            case .inlineQuote:
                inline.append("\u{201C}", link: link, emphasis: emphasis > 0)
                walkChildren(of: node, depth: depth)
                inline.append("\u{201D}", link: link, emphasis: emphasis > 0)
            case .term:
                flush()
                emphasis += 1
                walkChildren(of: node, depth: depth)
                emphasis -= 1
                flush()
            }
        }

        /// Ends the block being collected, if it has any text.
        mutating func flush() {
            let spans = inline.take()
            guard !spans.isEmpty else { return }
            switch target {
            case .paragraph:
                blocks.append(.paragraph(spans))
            case .listItem(let depth, let number):
                blocks.append(.listItem(spans, depth: depth, number: number))
                // Text after a nested list continues the same item, without a number.
                target = .listItem(depth: depth, number: nil)
            case .heading(let level):
                let text = spans.map(\.text).joined().replacingOccurrences(of: "\n", with: " ")
                blocks.append(.heading(level: level, text: text))
            }
        }

        // MARK: Elements

        private mutating func listItem(_ node: xmlNodePtr, depth: Int) {
            flush()
            var number: Int?
            if let level = lists.last, level.ordered {
                let value = integerAttribute(node, "value") ?? level.next
                number = value
                lists[lists.count - 1].next = value + 1
            }
            let saved = target
            target = .listItem(depth: max(0, lists.count - 1), number: number)
            walkChildren(of: node, depth: depth)
            flush()
            target = saved
        }

        /// A `<figure>` holding a blockquote takes its `<figcaption>` as the quote's attribution.
        private mutating func figure(_ node: xmlNodePtr, depth: Int) {
            let children = elementChildren(node)
            let quote = children.first { $0.pointee.name.map { Tag(name: $0) } == .blockquote }
            let caption = children.first { $0.pointee.name.map { Tag(name: $0) } == .figcaption }
            flush()
            guard let quote, let caption else {
                walkChildren(of: node, depth: depth)
                flush()
                return
            }
            blockquote(quote, depth: depth + 1, attribution: HTMLBlocks.attributionText(plainText(of: caption)))
        }

        private mutating func blockquote(_ node: xmlNodePtr, depth: Int, attribution: String?) {
            var attribution = attribution
            var skipped: xmlNodePtr?
            if attribution == nil, let last = elementChildren(node).last, isAttributionElement(last) {
                attribution = HTMLBlocks.attributionText(plainText(of: last))
                skipped = last
            }
            var inner = Walker(baseURL: baseURL)
            var child = node.pointee.children
            while let current = child {
                if current != skipped { inner.visit(current, depth: depth + 1) }
                child = current.pointee.next
            }
            inner.flush()
            blocks.append(contentsOf: HTMLBlocks.quoteBlocks(from: inner.blocks, attribution: attribution))
        }

        /// `<cite>`, `<footer>`, or a paragraph holding only a `<cite>`.
        private func isAttributionElement(_ node: xmlNodePtr) -> Bool {
            guard let name = node.pointee.name else { return false }
            if xmlStrEqual(name, "footer") != 0 || xmlStrEqual(name, "cite") != 0 { return true }
            guard Tag(name: name) == .paragraph else { return false }
            let elements = elementChildren(node)
            guard elements.count == 1, let only = elements[0].pointee.name, xmlStrEqual(only, "cite") != 0 else {
                return false
            }
            return plainText(of: node) == plainText(of: elements[0])
        }

        private mutating func preformatted(_ node: xmlNodePtr) {
            var bytes: [UInt8] = []
            collectVerbatim(node, into: &bytes)
            var text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("\r\n") { text.removeFirst() } else if text.hasPrefix("\n") { text.removeFirst() }
            text = TextSanitizer.clean(HTMLBlocks.expandTabs(text))
            while let last = text.unicodeScalars.last, last.properties.isWhitespace { text.unicodeScalars.removeLast() }
            if !text.isEmpty { blocks.append(.preformatted(text)) }
        }

        private mutating func image(_ node: xmlNodePtr) {
            let width = integerAttribute(node, "width"), height = integerAttribute(node, "height")
            if let width, width <= 2 { return }
            if let height, height <= 2 { return }
            var source = attribute(node, "src")
            if source.map({ $0.isEmpty || $0.lowercased().hasPrefix("data:") }) ?? true {
                source = attribute(node, "data-src") ?? source
            }
            let url = source.flatMap { HTMLBlocks.resolveLink($0, baseURL: baseURL) }
            if let url, HTMLBlocks.isTracker(url) { return }
            let alt = Prose.collapseWhitespace(TextSanitizer.clean(attribute(node, "alt") ?? "", keepNewlines: false))
            let classes = attribute(node, "class")?.lowercased() ?? ""
            let isSmall = (width ?? Int.max) <= Self.maxInlineImageSize && (height ?? width ?? Int.max) <= Self.maxInlineImageSize
            let isEmoji = classes.contains("emoji") || classes.contains("smiley") || isSmall
            if isEmoji {
                if !alt.isEmpty { inline.append(alt, link: link, emphasis: emphasis > 0) }
                return
            }
            guard url != nil || !alt.isEmpty else { return }
            flush()
            blocks.append(.image(alt: alt, url: url))
        }

        private mutating func table(_ node: xmlNodePtr, depth: Int) {
            var rows: [[String]] = []
            var isLayout = false
            collectRows(node, into: &rows, isLayout: &isLayout)
            rows.removeAll { $0.allSatisfy(\.isEmpty) }
            if isLayout || (rows.map(\.count).max() ?? 0) < 2 {
                walkChildren(of: node, depth: depth)
                flush()
            } else {
                blocks.append(.table(rows))
            }
        }

        /// Rows of `tr` elements under `node` (through `thead`/`tbody`/`tfoot`), each a list of
        /// `td`/`th` texts. A table inside a cell marks the whole table as layout.
        private func collectRows(_ node: xmlNodePtr, into rows: inout [[String]], isLayout: inout Bool) {
            for child in elementChildren(node) {
                guard let name = child.pointee.name else { continue }
                if xmlStrEqual(name, "tr") != 0 {
                    var cells: [String] = []
                    for cell in elementChildren(child) {
                        guard let cellName = cell.pointee.name,
                              xmlStrEqual(cellName, "td") != 0 || xmlStrEqual(cellName, "th") != 0 else { continue }
                        if containsTable(cell) { isLayout = true }
                        cells.append(plainText(of: cell))
                    }
                    rows.append(cells)
                } else if xmlStrEqual(name, "thead") != 0 || xmlStrEqual(name, "tbody") != 0
                            || xmlStrEqual(name, "tfoot") != 0 {
                    collectRows(child, into: &rows, isLayout: &isLayout)
                }
            }
        }

        private func containsTable(_ node: xmlNodePtr) -> Bool {
            elementChildren(node).contains { child in
                (child.pointee.name.map { Tag(name: $0) } == .table) || containsTable(child)
            }
        }

        /// Content nested deeper than `maxDepth`, added as inline text.
        private mutating func appendFlattened(_ node: xmlNodePtr) {
            guard let content = xmlNodeGetContent(node) else { return }
            defer { herald_xmlFree(content) }
            inline.append(content, link: link, emphasis: emphasis > 0)
        }

        // MARK: Tree helpers

        /// The element children of `node`, in order.
        private func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
            var result: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
                child = current.pointee.next
            }
            return result
        }

        /// The visible text of `node` on one line: whitespace collapsed, `<br>` as a space,
        /// dropped elements skipped.
        private func plainText(of node: xmlNodePtr) -> String {
            var text = InlineText()
            appendPlainText(node, into: &text, depth: 0)
            return text.take().map(\.text).joined()
        }

        private func appendPlainText(_ node: xmlNodePtr, into text: inout InlineText, depth: Int) {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { text.append(content, link: nil, emphasis: false) }
                case XML_ELEMENT_NODE:
                    let tag = current.pointee.name.map { Tag(name: $0) } ?? .inline
                    if tag == .lineBreak {
                        text.append(" ", link: nil, emphasis: false)
                    } else if tag != .dropped && depth < maxDepth {
                        // Block boundaries inside a cell separate words.
                        text.append(" ", link: nil, emphasis: false)
                        appendPlainText(current, into: &text, depth: depth + 1)
                        text.append(" ", link: nil, emphasis: false)
                    }
                default:
                    break
                }
                child = current.pointee.next
            }
        }

        /// Raw text under `node` for `<pre>`: text nodes verbatim, `<br>` as a newline.
        private func collectVerbatim(_ node: xmlNodePtr, into bytes: inout [UInt8]) {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        var p = content
                        while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                    }
                case XML_ELEMENT_NODE:
                    let tag = current.pointee.name.map { Tag(name: $0) } ?? .inline
                    if tag == .lineBreak { bytes.append(0x0A) } else if tag != .dropped { collectVerbatim(current, into: &bytes) }
                default:
                    break
                }
                child = current.pointee.next
            }
        }

        private func attribute(_ node: xmlNodePtr, _ name: StaticString) -> String? {
            guard let value = xmlGetProp(node, name.utf8Start) else { return nil }
            defer { herald_xmlFree(value) }
            return String(cString: value)
        }

        /// An attribute's leading integer ("300", "1px", " 2 "), nil when it has none.
        private func integerAttribute(_ node: xmlNodePtr, _ name: StaticString) -> Int? {
            guard let value = attribute(node, name) else { return nil }
            let digits = value.drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
            return digits.isEmpty ? nil : Int(digits.prefix(9))
        }
    }
}
