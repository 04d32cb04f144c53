import Foundation
import NewsModel

/// Reads a plain-text news page (the format of `/work/shared/seeds/*.txt`) into an `Article`.
///
/// The file is decoded (UTF-8, or UTF-16 with a BOM; a BOM is dropped; a few invalid UTF-8
/// bytes become U+FFFD), split into lines at LF, CRLF or CR, and each line is cleaned with
/// `TextSanitizer`, its whitespace runs (tabs, NBSP) collapsed and its ends trimmed. Every
/// non-blank line is one unit: a paragraph is one line, as in the seed.
///
/// Grammar (one symbol per cleaned line; `{x}` is zero or more, `[x]` optional):
///
///     page        = {blank} site {blank} title {blank} summary preamble {part}
///     preamble    = {blank | boilerplate | alternate}
///     part        = blank | boilerplate | takeaways | highlights | related | heading
///                 | paragraph | listItem
///     takeaways   = TAKEAWAYS-MARKER {blank | takeaway}
///     takeaway    = (quoted | bullet) {blank} [attribution]
///     highlights  = HIGHLIGHTS-MARKER {blank | bullet}
///     related     = RELATED-MARKER {blank | boilerplate | relatedTitle}
///     heading     = headlineShaped               (when the next content line is body text)
///     paragraph   = text | quoted                (anything else; the closing line is one)
///     listItem    = bullet                       (outside a Highlights or Takeaways section)
///
/// Line shapes (see `TextPageParser.Line`):
/// - `site`: at most 8 words and 64 width units; `title`: at most 250 width units; `summary`:
///   any line that is not a marker. Fewer than three such lines, or a first line starting with
///   `<` (XML, HTML) or `{`/`[` (JSON), is not a news page.
/// - markers: "Key Takeaways" / "Takeaways" / "Key Points", "Highlights" / "Key Highlights",
///   "Related News" / "Related Stories" / "Related Articles" / "Related"; any case, optional colon.
///   A marker may appear any number of times, in any order; each opens its section again.
/// - `headlineShaped`: at most `maxHeadlineWords` words and `maxHeadlineWidth` width units
///   (a CJK character counts two), and no sentence punctuation (`. ! ? … 。 ！ ？ ؟`) at its
///   end, ignoring closing quotes and brackets.
/// - `quoted`: the whole line is one double-quoted passage (`"…"`, `“…”`, `„…“`, `«…»`, `「…」`).
/// - `boilerplate`: see `Prose.isBoilerplateLine` (a fixed list of lines, plus short lines
///   holding a share / subscribe / cookie / copyright phrase). Dropped wherever it appears.
///
/// How a short line is read, by position and by what follows it:
/// - **Alternate headline**: a headline-shaped line in the preamble, that is after the summary
///   and before the first body line of any other shape. A heading cannot open the body: it
///   would read as an alternate headline. Alternates equal to the title (by `TitleMatch.key`)
///   or to each other are dropped.
/// - **Heading** (level 2): a headline-shaped line after the preamble whose next content line
///   (skipping blanks and boilerplate) is body text that is not headline-shaped, a bullet or a
///   quoted line.
/// - **Paragraph**: any other body line, including a headline-shaped line followed by a marker,
///   another short line or the end of the file (a closing line such as "The next moves will
///   reveal…").
/// - **Attribution**: the headline-shaped `text` line right after a takeaway (blank lines
///   allowed between). A takeaway followed by anything else has no attribution.
///
/// Sections end at the first line that does not fit them, which is then read as body: a
/// takeaways section at a non-quoted line (the analysis paragraphs after the seed's takeaways),
/// a highlights section at a non-bullet line, a related section at a line too long to be a
/// title (over `maxTitleWords` words or `maxTitleWidth` width units) or at a marker.
///
/// The article: `guid` is `"page:"` + 16 hex digits of FNV-1a over `TitleMatch.key(site)`,
/// a newline and `TitleMatch.key(title)`, so a re-import of the same page updates it. Body
/// blocks are the paragraphs, headings and list items in file order, with each takeaway as a
/// `.quote(text, attribution:)` block where it stands. Highlights are the takeaways (anchored to
/// their quote blocks) then the highlight bullets (anchored to the first block holding their
/// text, preferring a block that is exactly that text; unanchored when the body lacks it).
/// Related titles become `RelatedLink(title:, kind: .explicit)`. A page's related list may name
/// the page itself under an alternate headline (the seed does): resolving it is the store's job,
/// and it must skip the article itself.
public enum TextPageParser {
    /// Widest headline-shaped line, in width units (CJK characters count two).
    static let maxHeadlineWidth = 160
    /// Most words in a headline-shaped line.
    static let maxHeadlineWords = 25
    /// Widest related title, in width units.
    static let maxTitleWidth = 250
    /// Most words in a related title.
    static let maxTitleWords = 40
    /// Widest site line, in width units.
    static let maxSiteWidth = 64
    /// Most words in a site line.
    static let maxSiteWords = 8

    /// Parses one page file; `name` (a file name or path) is used in error messages.
    public static func parse(_ data: Data, name: String) throws(TextPageError) -> Article {
        let text = try decode(data, name: name)
        var reader = Reader(lines: cleanLines(text).map(Line.init), name: name)
        return try reader.read()
    }

    /// The article guid of a page: `"page:"` + FNV-1a 64 of the site and title keys, in hex.
    public static func guid(site: String, title: String) -> String {
        var hash = StableHash()
        hash.add(bytes: (TitleMatch.key(site) + "\n" + TitleMatch.key(title)).utf8)
        let hex = String(hash.value, radix: 16)
        return "page:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension TextPageParser {
    /// Where the reader is in the grammar.
    private enum State {
        case preamble, body, takeaways, highlights, related
    }

    /// A takeaway as read, before it becomes a highlight.
    private struct Takeaway {
        var text: String
        var attribution: String?
        var block: Int
    }

    /// Walks the lines once, by the grammar above, collecting the article's parts.
    private struct Reader {
        let lines: [Line]
        let name: String
        var index = 0
        var state = State.preamble
        var alternates: [String] = []
        var body: [Block] = []
        var takeaways: [Takeaway] = []
        var bullets: [String] = []
        var related: [String] = []

        init(lines: [Line], name: String) {
            self.lines = lines
            self.name = name
        }

        mutating func read() throws(TextPageError) -> Article {
            let (site, title, summary) = try header()
            while index < lines.count {
                let line = lines[index]
                switch line.kind {
                case .blank, .boilerplate:
                    index += 1
                    continue
                case .marker(let section):
                    state = switch section {
                    case .takeaways: .takeaways
                    case .highlights: .highlights
                    case .related: .related
                    }
                    index += 1
                    continue
                default:
                    break
                }
                if consumeInSection(line) { continue }
                state = .body
                appendBody(line)
                index += 1
            }
            return article(site: site, title: title, summary: summary)
        }

        /// Reads site, title and summary: the first three non-blank lines.
        private mutating func header() throws(TextPageError) -> (String, String, String) {
            var found: [Line] = []
            while index < lines.count, found.count < 3 {
                let line = lines[index]
                index += 1
                if line.kind == .blank { continue }
                if found.isEmpty {
                    if line.text.hasPrefix("<") {
                        throw .notANewsPage(name: name, reason: "it looks like XML or HTML")
                    }
                    if line.text.hasPrefix("{") || line.text.hasPrefix("[") {
                        throw .notANewsPage(name: name, reason: "it looks like JSON")
                    }
                }
                found.append(line)
            }
            guard found.count == 3 else {
                throw .notANewsPage(name: name, reason: "expected a site line, a title line and a summary line")
            }
            let (site, title, summary) = (found[0], found[1], found[2])
            guard site.kind == .text || site.kind == .boilerplate,
                  Prose.width(site.text) <= maxSiteWidth, Prose.wordCount(site.text) <= maxSiteWords else {
                throw .notANewsPage(name: name, reason: "the first line is not a site name")
            }
            switch title.kind {
            case .marker, .bullet:
                throw .notANewsPage(name: name, reason: "the second line is not a title")
            default:
                guard Prose.width(title.text) <= maxTitleWidth else {
                    throw .notANewsPage(name: name, reason: "the second line is too long for a title")
                }
            }
            if case .marker = summary.kind {
                throw .notANewsPage(name: name, reason: "no summary line after the title")
            }
            return (site.text, title.text, summary.text)
        }

        /// Takes `line` into the open section when it fits there; false when it ends the section.
        private mutating func consumeInSection(_ line: Line) -> Bool {
            switch (state, line.kind) {
            case (.preamble, .text) where line.isHeadlineShaped:
                alternates.append(line.text)
                index += 1
            case (.takeaways, .quoted(let text)), (.takeaways, .bullet(let text)):
                index += 1
                let attribution = takeAttribution()
                body.append(.quote([Span(text)], attribution: attribution))
                takeaways.append(Takeaway(text: text, attribution: attribution, block: body.count - 1))
            case (.highlights, .bullet(let text)):
                bullets.append(text)
                index += 1
            case (.related, .bullet(let text)) where line.isTitleShaped:
                related.append(text)
                index += 1
            case (.related, .text) where line.isTitleShaped, (.related, .quoted) where line.isTitleShaped:
                related.append(line.text)
                index += 1
            default:
                return false
            }
            return true
        }

        /// The attribution line after a takeaway, if the next non-blank line is one; consumes it.
        private mutating func takeAttribution() -> String? {
            var next = index
            while next < lines.count, lines[next].kind == .blank { next += 1 }
            guard next < lines.count, lines[next].kind == .text, lines[next].isHeadlineShaped else { return nil }
            index = next + 1
            return lines[next].text
        }

        /// Appends a body line as a heading, paragraph or list item.
        private mutating func appendBody(_ line: Line) {
            switch line.kind {
            case .bullet(let text):
                body.append(.listItem([Span(text)], depth: 0, number: nil))
            case .text where line.isHeadlineShaped && nextContentIsBodyText():
                body.append(.heading(level: 2, text: line.text))
            default:
                body.append(.paragraph([Span(line.text)]))
            }
        }

        /// True when the next content line after the current one (skipping blanks and
        /// boilerplate) is a body paragraph, a bullet or a quoted line.
        private func nextContentIsBodyText() -> Bool {
            var next = index + 1
            while next < lines.count {
                let line = lines[next]
                switch line.kind {
                case .blank, .boilerplate: next += 1
                case .text: return !line.isHeadlineShaped
                case .bullet, .quoted: return true
                case .marker: return false
                }
            }
            return false
        }

        private func article(site: String, title: String, summary: String) -> Article {
            var seenKeys: Set<String> = [TitleMatch.key(title)]
            let uniqueAlternates = alternates.filter { seenKeys.insert(TitleMatch.key($0)).inserted }
            var seenRelated: Set<String> = []
            let uniqueRelated = related.filter { seenRelated.insert(TitleMatch.key($0)).inserted }

            var highlights: [Highlight] = []
            for takeaway in takeaways {
                let end = takeaway.text.unicodeScalars.count
                highlights.append(Highlight(kind: .takeaway, text: takeaway.text, attribution: takeaway.attribution,
                                            anchor: Anchor(block: takeaway.block, start: 0, end: end),
                                            position: highlights.count))
            }
            for bullet in bullets {
                highlights.append(Highlight(kind: .highlight, text: bullet,
                                            anchor: TextPageParser.anchor(of: bullet, in: body),
                                            position: highlights.count))
            }
            // A page without takeaways or highlights of its own gets them found in its body
            // (quotes with their speakers, key sentences), as a feed article does.
            if highlights.isEmpty {
                highlights = HighlightExtractor.extract(from: body, explicit: [])
            }
            return Article(source: site, guid: TextPageParser.guid(site: site, title: title), title: title,
                           alternateTitles: uniqueAlternates, summary: summary, body: body,
                           highlights: highlights,
                           related: uniqueRelated.map { RelatedLink(title: $0, kind: .explicit) })
        }
    }

    /// Where `text` stands in `body`, compared folded (case, curly quotes, spaces): the first
    /// block that is exactly the text (a quote block first), else the first block containing it.
    static func anchor(of text: String, in body: [Block]) -> Anchor? {
        let needle = Prose.folded(text)
        guard !needle.isEmpty else { return nil }
        let haystacks = body.map { Prose.folded($0.plainText) }
        let exact = haystacks.indices.filter { haystacks[$0] == needle }
        if let block = exact.first(where: { if case .quote = body[$0] { true } else { false } }) ?? exact.first {
            return Anchor(block: block, start: 0, end: needle.count)
        }
        for (block, haystack) in haystacks.enumerated() {
            if let start = Prose.firstIndex(of: needle, in: haystack) {
                return Anchor(block: block, start: start, end: start + needle.count)
            }
        }
        return nil
    }
}
