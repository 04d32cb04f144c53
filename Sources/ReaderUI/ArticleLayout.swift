import Foundation
import NewsModel
import TerminalUI

/// Where the article view starts: a block of the layout and a wrapped line within it.
///
/// Blocks are the same at every width, so a position survives a resize: the reducer turns the
/// line into a text offset before re-wrapping and back after (see `ArticleLayout.reflow`).
public struct ArticlePosition: Hashable, Sendable {
    /// Index into `ArticleLayout.blocks`.
    public var block: Int
    /// Wrapped line within the block, 0 for its first line.
    public var line: Int

    public init(block: Int, line: Int) {
        self.block = block
        self.line = line
    }

    /// The top of the article.
    public static let start = ArticlePosition(block: 0, line: 0)
}

/// An article wrapped to a width: the lines to draw, their styles, the numbered links and
/// related stories, and maps between body offsets and lines (newsraft's render_data idea).
///
/// Each block's text is fixed (plain text with link numbers like `[1]` inserted); only the
/// line breaks depend on the width. Offsets in blocks are "display offsets": Unicode scalars of
/// that text. Anchors count scalars of the body block's `plainText`; `displayOffset` converts.
public struct ArticleLayout: Equatable, Sendable {
    /// What a layout block shows.
    public enum Part: Equatable, Sendable {
        case title
        /// Source, author and date.
        case meta
        case summary
        /// The body block at this index of `Article.body`.
        case body(Int)
        /// "Related", "More on this story" or "Similar stories".
        case relatedHeading(RelatedKind)
        /// The related link at this index of `Article.related`.
        case related(Int)
    }

    /// A stretch of a block's text drawn in one role.
    public struct Run: Equatable, Sendable {
        /// Display offsets in the block's text.
        public var range: Range<Int>
        public var role: ThemeRole
        /// Attributes added to the role's style (bold for emphasis, italic for the summary).
        public var attributes: TextAttributes
        /// Index into `targets` when the run is a link, its number, or a related story.
        public var target: Int?
    }

    /// One block of the layout and where its lines are.
    public struct LaidBlock: Equatable, Sendable {
        public var part: Part
        /// The text as displayed.
        public var text: String
        /// Runs covering the text, in order.
        public var runs: [Run]
        /// Display ranges of the inserted link numbers, in order.
        public var markers: [Range<Int>]
        /// Drawn before the first wrapped line (indent, quote bar, bullet, source column).
        public var firstPrefix: String
        /// Drawn before the other wrapped lines.
        public var restPrefix: String
        public var prefixRole: ThemeRole
        /// Index of the block's first line in `lines`.
        public var firstLine: Int
        /// Lines of text, not counting the blank line after the block.
        public var textLines: Int
        /// Lines including the blank line after the block, if any.
        public var lineCount: Int
    }

    /// One row of the article.
    public struct Line: Equatable, Sendable {
        /// Index into `blocks`.
        public var block: Int
        /// Display offsets in the block's text this line shows (equal on a blank line).
        public var start: Int
        public var end: Int
        public var text: String
        public var prefix: String
        /// True for the blank line that separates blocks.
        public var isBlank: Bool
    }

    /// Something `]`/`[` can select: a numbered body link or a resolved related story.
    public struct Target: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// A body link and its number.
            case link(url: String, number: Int)
            /// The related link at this index of `Article.related`.
            case related(Int, ArticleID)
        }
        public var kind: Kind
        /// Index into `blocks`.
        public var block: Int
        /// Display offsets of the link text and its number.
        public var range: Range<Int>
    }

    /// The article laid out; nil for an article not stored yet.
    public var articleID: ArticleID?
    /// Columns the text was wrapped to, prefixes included.
    public var width: Int
    public var blocks: [LaidBlock]
    public var lines: [Line]
    public var targets: [Target]
    /// Index into `blocks` of each body block.
    public var bodyBlocks: [Int]

    /// Lays `article` out in `width` columns; `utcOffset` (seconds) is the zone of shown dates.
    public init(article: Article, width: Int, utcOffset: Int = 0) {
        var builder = Builder(width: max(0, width))
        builder.build(article, utcOffset: utcOffset)
        articleID = article.id
        self.width = max(0, width)
        blocks = builder.blocks
        lines = builder.lines
        targets = builder.targets
        bodyBlocks = builder.bodyBlocks
    }
}

// MARK: - Positions and offsets

extension ArticleLayout {
    /// The line a position stands for (clamped to the layout).
    public func line(at position: ArticlePosition) -> Int {
        guard !blocks.isEmpty else { return 0 }
        let block = blocks[min(max(position.block, 0), blocks.count - 1)]
        if block.lineCount == 0 { return min(block.firstLine, max(0, lines.count - 1)) }
        return block.firstLine + min(max(position.line, 0), block.lineCount - 1)
    }

    /// The position of a line (clamped to the layout).
    public func position(ofLine line: Int) -> ArticlePosition {
        guard !lines.isEmpty else { return .start }
        let index = min(max(line, 0), lines.count - 1)
        let block = lines[index].block
        return ArticlePosition(block: block, line: index - blocks[block].firstLine)
    }

    /// The line of block `block` showing display offset `offset`.
    public func line(inBlock block: Int, displayOffset offset: Int) -> Int {
        guard blocks.indices.contains(block) else { return 0 }
        let b = blocks[block]
        guard b.textLines > 0 else { return b.firstLine }
        for i in b.firstLine..<(b.firstLine + b.textLines) where offset < lines[i].end {
            return i
        }
        return b.firstLine + b.textLines - 1
    }

    /// The display offset in body block `body` of a `plainText` offset. An offset where a
    /// link number was inserted maps before the number when it ends a range (`isEnd`), after
    /// it otherwise.
    public func displayOffset(body: Int, plain offset: Int, isEnd: Bool) -> Int {
        guard bodyBlocks.indices.contains(body) else { return offset }
        var result = offset
        for marker in blocks[bodyBlocks[body]].markers {
            let plainAt = marker.lowerBound - (result - offset)
            if plainAt < offset || (plainAt == offset && !isEnd) {
                result += marker.count
            } else {
                break
            }
        }
        return result
    }

    /// The `plainText` offset of a display offset in body block `body`.
    public func plainOffset(body: Int, display offset: Int) -> Int {
        guard bodyBlocks.indices.contains(body) else { return offset }
        var result = offset
        for marker in blocks[bodyBlocks[body]].markers where marker.lowerBound < offset {
            result -= min(marker.count, offset - marker.lowerBound)
        }
        return result
    }

    /// Display range of an anchor in its body block's text, nil when the block is not there.
    public func displayRange(of anchor: Anchor) -> (block: Int, range: Range<Int>)? {
        guard bodyBlocks.indices.contains(anchor.block) else { return nil }
        let start = displayOffset(body: anchor.block, plain: anchor.start, isEnd: false)
        let end = displayOffset(body: anchor.block, plain: anchor.end, isEnd: true)
        return (bodyBlocks[anchor.block], start..<max(start, end))
    }

    /// The lines an anchor covers, nil when its block is not there.
    public func lines(of anchor: Anchor) -> ClosedRange<Int>? {
        guard let (block, range) = displayRange(of: anchor), blocks[block].textLines > 0 else {
            return nil
        }
        let first = line(inBlock: block, displayOffset: range.lowerBound)
        let last = line(inBlock: block, displayOffset: max(range.lowerBound, range.upperBound - 1))
        return first...max(first, last)
    }

    /// The first line of a target.
    public func line(of target: Target) -> Int {
        line(inBlock: target.block, displayOffset: target.range.lowerBound)
    }

    /// `position` in `old` carried over to this layout: the same block, at the line showing
    /// the text the old line started with.
    public func reflow(_ position: ArticlePosition, from old: ArticleLayout) -> ArticlePosition {
        guard !old.lines.isEmpty, blocks.count == old.blocks.count else { return position }
        let oldLine = old.lines[old.line(at: position)]
        if oldLine.isBlank {
            let block = blocks[oldLine.block]
            return ArticlePosition(block: oldLine.block, line: max(0, block.lineCount - 1))
        }
        let newLine = line(inBlock: oldLine.block, displayOffset: oldLine.start)
        return self.position(ofLine: newLine)
    }
}

// MARK: - Building

extension ArticleLayout {
    /// Collects blocks, wraps them and numbers the links.
    fileprivate struct Builder {
        let width: Int
        var blocks: [LaidBlock] = []
        var lines: [Line] = []
        var targets: [Target] = []
        var bodyBlocks: [Int] = []
        /// Number of the last body link numbered.
        var linkNumber = 0
        /// Targets handed out so far (blocks are collected before they are added, in order).
        var targetCount = 0

        init(width: Int) { self.width = width }

        mutating func build(_ article: Article, utcOffset: Int) {
            var pending: [Pending] = []
            pending.append(Pending(part: .title, text: article.title, role: .articleTitle))
            pending.append(Pending(part: .meta, text: Self.meta(of: article, utcOffset: utcOffset),
                                   role: .articleMeta))
            if let summary = article.summary, !summary.isEmpty, !Self.bodyRepeats(summary, article.body) {
                var block = Pending(part: .summary, text: summary, role: .articleBody)
                block.runs[0].attributes = .italic
                pending.append(block)
            }
            for (index, block) in article.body.enumerated() {
                pending.append(body(block, index: index))
            }
            pending += related(article.related)
            for (index, block) in pending.enumerated() {
                let next = index + 1 < pending.count ? pending[index + 1] : nil
                add(block, spacer: next.map { Self.separated(block.part, $0.part, article) } ?? false)
            }
        }

        /// A block before wrapping.
        struct Pending {
            var part: Part
            var text = ""
            var runs: [Run] = []
            var markers: [Range<Int>] = []
            var firstPrefix = ""
            var restPrefix = ""
            var prefixRole: ThemeRole = .articleBody
            /// Scalars in `text`.
            var length = 0
            /// Targets to register, as display ranges with their kinds.
            var targets: [(Target.Kind, Range<Int>)] = []

            init(part: Part) { self.part = part }

            init(part: Part, text: String, role: ThemeRole) {
                self.part = part
                append(text, role: role)
            }

            mutating func append(_ piece: String, role: ThemeRole, attributes: TextAttributes = [],
                                 target: Int? = nil) {
                let count = piece.unicodeScalars.count
                guard count > 0 else { return }
                text += piece
                runs.append(Run(range: length..<(length + count), role: role,
                                attributes: attributes, target: target))
                length += count
            }
        }

        /// Whether a blank line separates two consecutive parts.
        static func separated(_ a: Part, _ b: Part, _ article: Article) -> Bool {
            switch (a, b) {
            case (.title, .meta): return false
            case (.relatedHeading, _): return false
            case (.related, .related): return false
            case (.body(let i), .body(let j)):
                if case .listItem = article.body[i], case .listItem = article.body[j] { return false }
                return true
            default: return true
            }
        }

        /// True when the body starts with the summary (feeds often repeat it).
        static func bodyRepeats(_ summary: String, _ body: [NewsModel.Block]) -> Bool {
            guard let first = body.first(where: { !$0.plainText.isEmpty })?.plainText else { return false }
            let probe = summary.prefix(80)
            return first.hasPrefix(probe) || summary.hasPrefix(first.prefix(80))
        }

        /// "Source · by Author · 2025-03-04 14:05".
        static func meta(of article: Article, utcOffset: Int) -> String {
            var parts: [String] = []
            if !article.source.isEmpty { parts.append(article.source) }
            if let author = article.author, !author.isEmpty { parts.append("by " + author) }
            if let date = article.date, abs(date.timeIntervalSince1970) < 1e11 {
                parts.append(DateText.minutes(date, utcOffset: utcOffset))
            }
            return parts.joined(separator: " · ")
        }

        /// A body block with its links numbered.
        mutating func body(_ block: NewsModel.Block, index: Int) -> Pending {
            var pending = Pending(part: .body(index))
            switch block {
            case .paragraph(let spans):
                appendSpans(spans, role: .articleBody, to: &pending)
            case .heading(_, let text):
                pending.append(text, role: .articleHeading)
            case .quote(let spans, let attribution):
                appendSpans(spans, role: .quote, to: &pending)
                if let attribution, !attribution.isEmpty {
                    pending.append("\n— " + attribution, role: .attribution)
                }
                pending.firstPrefix = "  │ "
                pending.restPrefix = "  │ "
                pending.prefixRole = .quote
            case .listItem(let spans, let depth, let number):
                appendSpans(spans, role: .articleBody, to: &pending)
                let indent = String(repeating: "  ", count: min(max(depth, 0), 6))
                let bullet = number.map { "\($0). " } ?? "• "
                pending.firstPrefix = indent + bullet
                pending.restPrefix = indent + String(repeating: " ", count: DisplayWidth.of(bullet))
            case .preformatted(let text):
                pending.append(text, role: .articleBody)
                pending.firstPrefix = "  "
                pending.restPrefix = "  "
            case .image(let alt, _):
                pending.append(alt, role: .articleMeta)
                pending.firstPrefix = alt.isEmpty ? "[image]" : "[image] "
                pending.restPrefix = "        "
                pending.prefixRole = .articleMeta
            case .table:
                pending.append(block.plainText, role: .articleBody)
            case .rule:
                pending.append(String(repeating: "─", count: 20), role: .paneBorder)
            }
            return pending
        }

        /// Appends inline runs; a link gets its number right after its text.
        mutating func appendSpans(_ spans: [Span], role: ThemeRole, to pending: inout Pending) {
            for span in spans {
                let attributes: TextAttributes = span.emphasis ? .bold : []
                guard let url = span.link else {
                    pending.append(span.text, role: role, attributes: attributes)
                    continue
                }
                linkNumber += 1
                let start = pending.length
                let marker = "[\(linkNumber)]"
                let target = newTarget()
                pending.append(span.text, role: .link, attributes: attributes, target: target)
                let markerStart = pending.length
                pending.append(marker, role: .link, target: target)
                pending.markers.append(markerStart..<pending.length)
                pending.targets.append((.link(url: url, number: linkNumber), start..<pending.length))
            }
        }

        /// The index in `targets` of a new target.
        mutating func newTarget() -> Int {
            defer { targetCount += 1 }
            return targetCount
        }

        /// Headings and entries for related links, grouped by kind.
        mutating func related(_ links: [RelatedLink]) -> [Pending] {
            var out: [Pending] = []
            let groups: [(RelatedKind, String)] = [
                (.explicit, "Related"), (.sameStory, "More on this story"), (.similar, "Similar stories"),
            ]
            for (kind, heading) in groups {
                let entries = links.indices.filter { links[$0].kind == kind }
                guard !entries.isEmpty else { continue }
                out.append(Pending(part: .relatedHeading(kind), text: heading, role: .articleHeading))
                let sourceWidth = min(18, width / 3, entries.map { DisplayWidth.of(links[$0].source ?? "") }.max() ?? 0)
                for index in entries {
                    let link = links[index]
                    var pending = Pending(part: .related(index))
                    let target: Int? = link.articleID == nil ? nil : newTarget()
                    pending.append(link.title, role: link.articleID == nil ? .relatedUnresolved : .related,
                                   target: target)
                    if kind == .sameStory, sourceWidth > 0 {
                        pending.firstPrefix = DisplayWidth.fit(link.source ?? "", to: sourceWidth) + "  "
                        pending.restPrefix = String(repeating: " ", count: sourceWidth + 2)
                        pending.prefixRole = .articleMeta
                    } else {
                        if let source = link.source, !source.isEmpty {
                            pending.append(" · " + source, role: .articleMeta)
                        }
                        pending.firstPrefix = "→ "
                        pending.restPrefix = "  "
                        pending.prefixRole = link.articleID == nil ? .relatedUnresolved : .related
                    }
                    if let id = link.articleID {
                        pending.targets.append((.related(index, id), 0..<pending.length))
                    }
                    out.append(pending)
                }
            }
            return out
        }

        /// Wraps a block and appends its lines (and a blank line after it when `spacer`).
        mutating func add(_ pending: Pending, spacer: Bool) {
            let index = blocks.count
            if case .body = pending.part { bodyBlocks.append(index) }
            for (kind, range) in pending.targets {
                targets.append(Target(kind: kind, block: index, range: range))
            }
            var first = pending.firstPrefix, rest = pending.restPrefix
            let prefixWidth = max(DisplayWidth.of(first), DisplayWidth.of(rest))
            var textWidth = width - prefixWidth
            if textWidth < 8, prefixWidth > 0 {  // too narrow for the decoration: drop it
                first = ""
                rest = ""
                textWidth = width
            }
            let firstLine = lines.count
            if pending.length > 0 {
                for (n, wrapped) in wrapLines(pending.text, width: textWidth).enumerated() {
                    lines.append(Line(block: index, start: wrapped.start, end: wrapped.end,
                                      text: wrapped.text, prefix: n == 0 ? first : rest, isBlank: false))
                }
            }
            let textLines = lines.count - firstLine
            if spacer, textLines > 0, width > 0 {
                lines.append(Line(block: index, start: pending.length, end: pending.length,
                                  text: "", prefix: "", isBlank: true))
            }
            blocks.append(LaidBlock(part: pending.part, text: pending.text, runs: pending.runs,
                                markers: pending.markers, firstPrefix: first, restPrefix: rest,
                                prefixRole: pending.prefixRole, firstLine: firstLine,
                                textLines: textLines, lineCount: lines.count - firstLine))
        }
    }
}
