import CLibXML2
import Foundation
import NewsModel

extension HTMLBlocks {
    /// Builds blocks from libxml2 HTML SAX events (start element, end element, text), in one
    /// pass without a tree. libxml2 reports an end for every start, including the elements it
    /// closes implicitly, so an explicit stack of open elements mirrors the document.
    ///
    /// Blockquotes and tables are read into a capture (their own block list) and turned into a
    /// `.quote` or `.table` (or, for a layout table, the captured blocks) when they end.
    struct Builder {
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

        /// An open blockquote: the blocks outside it, and its attribution candidate.
        struct QuoteCapture {
            /// Index of the blockquote's frame in `stack`.
            var frame: Int
            var outerBlocks: [Block]
            var outerTarget: Target
            var outerLists: [ListLevel]
            /// Blocks made by a direct-child `<cite>`, `<footer>` or cite-only `<p>`; they are
            /// the attribution if nothing follows them.
            var attribution: Range<Int>?
            /// Where the direct-child `<p>` being read started, and whether all its text so far
            /// was inside a `<cite>`.
            var paragraphStart: Int?
            var paragraphOnlyCite = true
            var openCites = 0
        }

        /// An open table: its rows of cell texts and the blocks outside it.
        struct TableCapture {
            var outerBlocks: [Block]
            var outerTarget: Target
            var rows: [[String]] = []
            var row: [String]?
            /// The text of the cell being read.
            var cell: InlineText?
            /// A table inside a cell makes this one a layout table.
            var isLayout = false
        }

        /// An open figure: where its blockquote's `.quote` block stands, and its caption's start.
        struct FigureState {
            var frame: Int
            var quoteBlock: Int?
            var captionStart: Int?
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
        /// The style of text added now.
        private var style = Style.plain
        /// How many emphasis elements enclose the text.
        private var emphasis = 0 {
            didSet { style.emphasis = emphasis > 0 }
        }
        /// How many `<a>` elements have started: the next link's id.
        private var linkCount = 0
        /// The open elements, outermost first.
        private var stack: [Tag] = []
        /// What each open `<a>` must restore when it ends.
        private var savedLinks: [(link: String?, id: Int)] = []
        /// What each open heading and list item must restore when it ends.
        private var savedTargets: [Target] = []
        /// Elements open inside (and including) a dropped element; its content is ignored.
        private var skipped = 0
        /// Verbatim bytes of the open `<pre>`, and its frame index.
        private var preformatted: [UInt8]?
        private var preFrame = 0
        private var quotes: [QuoteCapture] = []
        private var tables: [TableCapture] = []
        private var figures: [FigureState] = []

        init(baseURL: URL?) {
            self.baseURL = baseURL
        }

        // MARK: Events

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard skipped == 0 else { return }
            if preformatted != nil {
                preformatted?.append(contentsOf: bytes)
                return
            }
            inline.append(bytes, style: style, link: link)
            if !tables.isEmpty, tables[tables.count - 1].cell != nil {
                tables[tables.count - 1].cell?.append(bytes, style: .plain, link: nil)
            }
            if let quote = quotes.last, quote.paragraphStart != nil, quote.openCites == 0, quote.paragraphOnlyCite,
               bytes.contains(where: { $0 > 0x20 }) {
                quotes[quotes.count - 1].paragraphOnlyCite = false
            }
        }

        mutating func start(_ name: UnsafePointer<UInt8>, _ attributes: Attributes) {
            if skipped > 0 { skipped += 1; return }
            let tag = Tag(name: name)
            if tag == .dropped { skipped = 1; return }
            if preformatted != nil {
                if tag == .lineBreak { preformatted?.append(0x0A) }
                stack.append(.inline)
                return
            }
            if tag.isBlockLevel || tag == .lineBreak, !tables.isEmpty, tables[tables.count - 1].cell != nil {
                tables[tables.count - 1].cell?.appendSpace()
            }
            let parent = stack.count - 1
            stack.append(tag)
            switch tag {
            case .dropped, .inline, .tableSection:
                break
            case .paragraph, .container, .footer:
                flush()
                if let quote = quotes.last, quote.frame == parent {
                    if tag == .footer {
                        quotes[quotes.count - 1].attribution = blocks.count..<blocks.count
                    } else if tag == .paragraph {
                        quotes[quotes.count - 1].paragraphStart = blocks.count
                        quotes[quotes.count - 1].paragraphOnlyCite = true
                    }
                }
            case .figcaption:
                flush()
                if let figure = figures.last, figure.frame == parent {
                    figures[figures.count - 1].captionStart = blocks.count
                }
            case .figure:
                flush()
                figures.append(FigureState(frame: stack.count - 1))
            case .heading(let level):
                flush()
                savedTargets.append(target)
                target = .heading(level)
            case .unorderedList, .orderedList:
                flush()
                let ordered = tag == .orderedList
                lists.append(ListLevel(ordered: ordered, next: ordered ? attributes.integer("start") ?? 1 : 0))
            case .listItem:
                flush()
                var number: Int?
                if let level = lists.last, level.ordered {
                    let value = attributes.integer("value") ?? level.next
                    number = value
                    lists[lists.count - 1].next = value + 1
                }
                savedTargets.append(target)
                target = .listItem(depth: max(0, lists.count - 1), number: number)
            case .blockquote:
                flush()
                quotes.append(QuoteCapture(frame: stack.count - 1, outerBlocks: blocks, outerTarget: target,
                                           outerLists: lists))
                blocks = []
                target = .paragraph
                lists = []
            case .preformatted:
                flush()
                preformatted = []
                preFrame = stack.count - 1
            case .image:
                image(attributes)
            case .table:
                flush()
                if !tables.isEmpty, tables[tables.count - 1].cell != nil { tables[tables.count - 1].isLayout = true }
                tables.append(TableCapture(outerBlocks: blocks, outerTarget: target))
                blocks = []
                target = .paragraph
            case .tableRow:
                flush()
                if !tables.isEmpty {
                    closeRow()
                    tables[tables.count - 1].row = []
                }
            case .tableCell:
                flush()
                if !tables.isEmpty {
                    closeCell()
                    if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = [] }
                    tables[tables.count - 1].cell = InlineText()
                }
            case .rule:
                flush()
                blocks.append(.rule)
            case .lineBreak:
                if inline.lineBreak() { flush() }
            case .link:
                savedLinks.append((link, style.linkID))
                link = attributes.value("href").flatMap { HTMLBlocks.resolveLink($0, baseURL: baseURL) }
                linkCount += 1
                style.linkID = link == nil ? 0 : linkCount
            case .emphasis:
                emphasis += 1
            case .cite:
                emphasis += 1
                if let quote = quotes.last {
                    if quote.frame == parent {
                        flush()
                        quotes[quotes.count - 1].attribution = blocks.count..<blocks.count
                    } else if quote.paragraphStart != nil {
                        quotes[quotes.count - 1].openCites += 1
                    }
                }
            case .inlineQuote:
                inline.append("\u{201C}", style: style, link: link)
            case .term:
                flush()
                emphasis += 1
            }
        }

        mutating func end() {
            if skipped > 0 { skipped -= 1; return }
            guard let tag = stack.popLast() else { return }
            let index = stack.count
            if preformatted != nil {
                if index == preFrame { finishPreformatted() }
                return
            }
            if tag.isBlockLevel, !tables.isEmpty, tables[tables.count - 1].cell != nil {
                tables[tables.count - 1].cell?.appendSpace()
            }
            switch tag {
            case .dropped, .inline, .tableSection, .image, .lineBreak, .rule, .preformatted:
                break
            case .paragraph, .container, .footer:
                flush()
                if let quote = quotes.last, quote.frame == index - 1 {
                    if tag == .footer {
                        quotes[quotes.count - 1].attribution = quote.attribution.map { $0.lowerBound..<blocks.count }
                    } else if tag == .paragraph, let start = quote.paragraphStart {
                        if quote.paragraphOnlyCite && blocks.count > start {
                            quotes[quotes.count - 1].attribution = start..<blocks.count
                        }
                        quotes[quotes.count - 1].paragraphStart = nil
                    }
                }
            case .figcaption:
                flush()
                captionEnded(frame: index - 1)
            case .figure:
                flush()
                if figures.last?.frame == index { figures.removeLast() }
            case .heading, .listItem:
                flush()
                if let saved = savedTargets.popLast() { target = saved }
            case .unorderedList, .orderedList:
                flush()
                if !lists.isEmpty { lists.removeLast() }
            case .blockquote:
                finishQuote(frame: index)
            case .table:
                finishTable()
            case .tableRow:
                flush()
                closeRow()
            case .tableCell:
                flush()
                closeCell()
            case .link:
                if let saved = savedLinks.popLast() {
                    link = saved.link
                    style.linkID = saved.id
                }
            case .emphasis:
                emphasis -= 1
            case .cite:
                emphasis -= 1
                if let quote = quotes.last {
                    if quote.frame == index - 1 {
                        flush()
                        quotes[quotes.count - 1].attribution = quote.attribution.map { $0.lowerBound..<blocks.count }
                    } else if quote.paragraphStart != nil, quote.openCites > 0 {
                        quotes[quotes.count - 1].openCites -= 1
                    }
                }
            case .inlineQuote:
                inline.append("\u{201D}", style: style, link: link)
            case .term:
                emphasis -= 1
                flush()
            }
        }

        /// Ends the document: closes whatever is still open.
        mutating func finish() {
            while !stack.isEmpty { end() }
            skipped = 0
            flush()
        }

        // MARK: Blocks

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
                var text = spans.count == 1 ? spans[0].text : spans.map(\.text).joined()
                // Line breaks (`<br>`) become spaces; a byte swap, as `\n` is one byte.
                if text.utf8.contains(0x0A) {
                    text = String(decoding: text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
                }
                blocks.append(.heading(level: level, text: text))
            }
        }

        private mutating func finishPreformatted() {
            var bytes = preformatted ?? []
            preformatted = nil
            if bytes.starts(with: [0x0D, 0x0A]) {
                bytes.removeFirst(2)
            } else if bytes.first == 0x0A {
                bytes.removeFirst()
            }
            if bytes.contains(0x09) { bytes = HTMLBlocks.expandTabs(bytes) }
            while let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x0C { bytes.removeLast() }
            guard !bytes.isEmpty else { return }
            let decoded = String(decoding: bytes, as: UTF8.self)
            let text = HTMLBlocks.mayNeedSanitizing(bytes) ? TextSanitizer.clean(decoded) : decoded
            if !text.isEmpty { blocks.append(.preformatted(text)) }
        }

        private mutating func image(_ attributes: Attributes) {
            let width = attributes.integer("width"), height = attributes.integer("height")
            if let width, width <= 2 { return }
            if let height, height <= 2 { return }
            var source = attributes.value("src")
            if source.map({ $0.isEmpty || String(decoding: $0.utf8.prefix(5), as: UTF8.self).lowercased() == "data:" })
                ?? true {
                source = attributes.value("data-src") ?? source
            }
            let url = source.flatMap { HTMLBlocks.resolveLink($0, baseURL: baseURL) }
            if let url, HTMLBlocks.isTracker(url) { return }
            let alt = Prose.collapseWhitespace(TextSanitizer.clean(attributes.value("alt") ?? "", keepNewlines: false))
            let classes = attributes.value("class")?.lowercased() ?? ""
            let isSmall = (width ?? Int.max) <= Self.maxInlineImageSize
                && (height ?? width ?? Int.max) <= Self.maxInlineImageSize
            if classes.contains("emoji") || classes.contains("smiley") || isSmall {
                if !alt.isEmpty { inline.append(alt, style: style, link: link) }
                return
            }
            guard url != nil || !alt.isEmpty else { return }
            flush()
            blocks.append(.image(alt: alt, url: url))
        }

        private mutating func finishQuote(frame: Int) {
            flush()
            guard let quote = quotes.popLast() else { return }
            let inner = blocks
            blocks = quote.outerBlocks
            target = quote.outerTarget
            lists = quote.outerLists
            var body = inner
            var attribution: String?
            if let range = quote.attribution, !range.isEmpty, range.upperBound == inner.count {
                attribution = HTMLBlocks.attributionText(inner[range].map(\.plainText).joined(separator: " "))
                body.removeSubrange(range)
            }
            let made = HTMLBlocks.quoteBlocks(from: body, attribution: attribution)
            if let figure = figures.last, figure.frame == frame - 1, case .quote(_, nil)? = made.first {
                figures[figures.count - 1].quoteBlock = blocks.count
            }
            blocks.append(contentsOf: made)
        }

        /// A figure's caption after its blockquote becomes the quote's attribution.
        private mutating func captionEnded(frame: Int) {
            guard let figure = figures.last, figure.frame == frame, let quoteIndex = figure.quoteBlock,
                  let start = figure.captionStart, start <= blocks.count,
                  case .quote(let spans, nil) = blocks[quoteIndex] else { return }
            let caption = blocks[start...].map(\.plainText).joined(separator: " ")
            blocks.removeSubrange(start...)
            blocks[quoteIndex] = .quote(spans, attribution: HTMLBlocks.attributionText(caption))
            figures[figures.count - 1].quoteBlock = nil
        }

        private mutating func closeCell() {
            guard !tables.isEmpty, var cell = tables[tables.count - 1].cell else { return }
            tables[tables.count - 1].cell = nil
            let text = cell.takeText()
            if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = [] }
            tables[tables.count - 1].row?.append(text)
        }

        private mutating func closeRow() {
            guard !tables.isEmpty else { return }
            closeCell()
            if let row = tables[tables.count - 1].row { tables[tables.count - 1].rows.append(row) }
            tables[tables.count - 1].row = nil
        }

        /// A data table (two or more columns, no table inside) becomes `.table`; a layout table
        /// keeps the blocks read from its cells.
        private mutating func finishTable() {
            flush()
            closeRow()
            guard let table = tables.popLast() else { return }
            let inner = blocks
            blocks = table.outerBlocks
            target = table.outerTarget
            let rows = table.rows.filter { !$0.allSatisfy(\.isEmpty) }
            if table.isLayout || (rows.map(\.count).max() ?? 0) < 2 {
                blocks.append(contentsOf: inner)
            } else {
                blocks.append(.table(rows))
            }
        }
    }

    /// The attributes of a SAX start-element event: a NULL-terminated array of name, value pairs.
    struct Attributes {
        let pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

        /// The value of attribute `name` (lowercase), "" for a boolean attribute, nil when absent.
        func value(_ name: StaticString) -> String? {
            guard var p = pairs else { return nil }
            while let attribute = p.pointee {
                if strcmp(UnsafeRawPointer(attribute).assumingMemoryBound(to: CChar.self),
                          UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 {
                    return p[1].map { String(cString: $0) } ?? ""
                }
                p += 2
            }
            return nil
        }

        /// An attribute's leading integer ("300", "1px", " 2 "), nil when it has none.
        func integer(_ name: StaticString) -> Int? {
            guard let value = value(name) else { return nil }
            let digits = value.utf8.drop { $0 == 0x20 }.prefix { $0 >= 0x30 && $0 <= 0x39 }.prefix(9)
            return digits.isEmpty ? nil : Int(String(decoding: digits, as: UTF8.self))
        }
    }
}
