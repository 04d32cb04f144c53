/// A terminal colour: the terminal's default, one of the 256 indexed colours, or 24-bit RGB.
///
/// Indexes 0–7 are the basic colours (black, red, green, yellow, blue, magenta, cyan, white),
/// 8–15 their bright variants, 16–231 a 6×6×6 cube and 232–255 a grey ramp. How a colour is
/// reduced on a terminal with fewer colours is the backend's business.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 256 indexed colours.
    case indexed(UInt8)
    /// A 24-bit colour: red, green, blue.
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes that can be combined: bold, dim, italic, underline, reverse video.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// How a cell is drawn: foreground and background colours and text attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours and no attributes.
    public static let plain = Style()

    /// Returns this style with `other` laid on top: its non-default colours replace ours and its
    /// attributes are added to ours.
    public func patched(with other: Style) -> Style {
        Style(foreground: other.foreground == .default ? foreground : other.foreground,
              background: other.background == .default ? background : other.background,
              attributes: attributes.union(other.attributes))
    }
}
