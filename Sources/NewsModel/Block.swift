/// A run of inline text, optionally a link.
public struct Span: Hashable, Sendable, Codable {
    /// The visible text, already cleaned of control characters.
    public var text: String
    /// The link target when this run is a link (absolute URL when it could be resolved).
    public var link: String?
    /// Emphasis (`<em>`, `<strong>`, `<b>`, `<i>`) as a single flag: terminals show one style.
    public var emphasis: Bool

    public init(_ text: String, link: String? = nil, emphasis: Bool = false) {
        self.text = text
        self.link = link
        self.emphasis = emphasis
    }
}

/// One block of an article body, before wrapping to a width.
public enum Block: Hashable, Sendable, Codable {
    /// A paragraph of inline runs.
    case paragraph([Span])
    /// A section heading; level 1 is the largest.
    case heading(level: Int, text: String)
    /// A quotation (blockquote, pull quote, takeaway) with an optional attribution line.
    case quote([Span], attribution: String?)
    /// A list item; `depth` 0 is the outermost list, `number` is set for ordered lists.
    case listItem([Span], depth: Int, number: Int?)
    /// Preformatted text, shown without re-wrapping.
    case preformatted(String)
    /// An image placeholder with its alt text.
    case image(alt: String, url: String?)
    /// A simple table: rows of cell texts.
    case table([[String]])
    /// A horizontal rule.
    case rule

    /// The block's text without markup, as anchors count it (offsets are in Unicode scalars).
    public var plainText: String {
        switch self {
        case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
            return spans.map(\.text).joined()
        case .heading(_, let text), .preformatted(let text):
            return text
        case .image(let alt, _):
            return alt
        case .table(let rows):
            return rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
        case .rule:
            return ""
        }
    }

    /// The links of this block in reading order.
    public var links: [Span] {
        switch self {
        case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
            return spans.filter { $0.link != nil }
        default:
            return []
        }
    }
}

extension Array where Element == Block {
    /// The body as plain text, blocks separated by blank lines (for search and similarity).
    public var plainText: String {
        map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
