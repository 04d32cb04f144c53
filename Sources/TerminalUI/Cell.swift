/// One column of one row of a `CellGrid`.
///
/// A cell holds one spacing character and the zero-width characters that combine with it (a
/// grapheme cluster in nearly every case; an emoji with a skin-tone modifier takes two cells, as
/// it does in ncursesw and the terminal). A wide glyph occupies two cells: the first holds the
/// text with `width == 2`, the second is a continuation cell (`text == ""`, `width == 0`).
public struct Cell: Hashable, Sendable {
    /// The characters drawn in this cell; "" for the right half of a wide glyph.
    public var text: String
    public var style: Style
    /// Columns the text takes: 1, 2 for a wide glyph, 0 for a continuation cell.
    public var width: UInt8

    public init(text: String, style: Style = .plain, width: UInt8 = 1) {
        self.text = text
        self.style = style
        self.width = width
    }

    /// A space in the plain style.
    public static let blank = Cell(text: " ")

    /// A space in the given style.
    public static func blank(_ style: Style) -> Cell { Cell(text: " ", style: style, width: 1) }

    /// True for the right half of a wide glyph.
    public var isContinuation: Bool { width == 0 }
}
