import TerminalUI

extension Theme {
    /// This theme as a terminal with `colors` colours can show it.
    ///
    /// - 16,777,216 (direct colour): as is.
    /// - 256 or more: as is, except `#rrggbb` colours become the nearest xterm-256 index.
    /// - 8 or 16 (88 counts as 16): every colour becomes the basic colour that names it best
    ///   (`XtermPalette.basicIndex`). A background that merges into the normal background is
    ///   dropped and the role drawn in reverse video instead; text that would be hard to read on
    ///   its background takes its colour's other brightness, or else black or white; text that
    ///   would become black on the terminal's own background uses the terminal's foreground.
    /// - fewer than 8 (`NO_COLOR`, monochrome): no colours at all. Attributes are kept, and a
    ///   role drawn on its own background (selections, status line) is drawn in reverse video.
    ///
    /// Below 256 colours, roles that must stay distinguishable (a selection from what it
    /// selects, unread from read, a link from body text) get an attribute when they would
    /// otherwise look the same.
    public func adapted(toColorCount colors: Int) -> Theme {
        if colors >= 1 << 24 { return self }
        if colors >= 256 { return mapColors(Self.xterm256) }
        var theme = colors >= 8 ? basicColors(brights: colors >= 16) : monochrome()
        theme.keepDistinct()
        return theme
    }

    /// `color` as an xterm-256 colour: RGB becomes the nearest palette entry.
    private static func xterm256(_ color: Color) -> Color {
        guard case let .rgb(r, g, b) = color else { return color }
        return .indexed(XtermPalette.nearestIndex(to: .init(red: Int(r), green: Int(g), blue: Int(b))))
    }

    /// Every colour of every role passed through `transform`, once per distinct colour.
    private func mapColors(_ transform: (Color) -> Color) -> Theme {
        var mapped: [Color: Color] = [:]
        func map(_ color: Color) -> Color {
            if let known = mapped[color] { return known }
            let result = transform(color)
            mapped[color] = result
            return result
        }
        var theme = self
        for role in ThemeRole.allCases {
            var adapted = self.style(role)
            adapted.foreground = map(adapted.foreground)
            adapted.background = map(adapted.background)
            theme.setStyle(adapted, for: role)
        }
        return theme
    }

    /// The theme in the basic 8 or 16 colours.
    private func basicColors(brights: Bool) -> Theme {
        func basic(_ color: Color) -> Color {
            switch color {
            case .default: return .default
            case .indexed(let index) where index < 16:
                return .indexed(brights ? index : index & 7)
            case .indexed(let index):
                return .indexed(XtermPalette.basicIndex(for: XtermPalette.rgb(ofIndex: index), brights: brights))
            case let .rgb(r, g, b):
                return .indexed(XtermPalette.basicIndex(for: .init(red: Int(r), green: Int(g), blue: Int(b)), brights: brights))
            }
        }
        let normalBackground = basic(style(.normal).background)
        var theme = self
        for role in ThemeRole.allCases {
            let original = self.style(role)
            var adapted = Style(foreground: basic(original.foreground), background: basic(original.background),
                                attributes: original.attributes)
            // A background of its own that now merges into the normal one (black counts as the
            // terminal's own, usually dark, background): show the role in reverse video instead.
            let merged = adapted.background == normalBackground
                || (normalBackground == .default && adapted.background == .indexed(0))
            if original.background != self.style(.normal).background, original.background != .default, merged {
                adapted.background = normalBackground
                adapted.attributes.formSymmetricDifference(.reverse)
            }
            if case .indexed(let fg) = adapted.foreground, case .indexed(let bg) = adapted.background,
               XtermPalette.contrast(fg, bg) < Self.minimumContrast {
                adapted.foreground = .indexed(readable(fg, on: bg, brights: brights))
            }
            if adapted.foreground == .indexed(0), adapted.background == .default, original.foreground != .indexed(0) {
                adapted.foreground = .default
            }
            theme.setStyle(adapted, for: role)
        }
        return theme
    }

    /// The WCAG contrast ratio below which basic-colour text is hard to read on its background
    /// (xterm's blue on black is 2.2, red on black 3.6).
    private static let minimumContrast = 3.0

    /// A readable basic colour for text `fg` on `bg`: the other brightness of the same colour
    /// when that is readable (dark blue on black becomes bright blue), else black or white.
    private func readable(_ fg: UInt8, on bg: UInt8, brights: Bool) -> UInt8 {
        if brights {
            let twin = fg < 8 ? fg + 8 : fg - 8
            if XtermPalette.contrast(twin, bg) >= Self.minimumContrast { return twin }
        }
        let white: UInt8 = brights ? 15 : 7
        return XtermPalette.contrast(0, bg) > XtermPalette.contrast(white, bg) ? 0 : white
    }

    /// The theme without colours: attributes only.
    private func monochrome() -> Theme {
        let normalBackground = style(.normal).background
        var theme = self
        for role in ThemeRole.allCases {
            let original = self.style(role)
            var attributes = original.attributes
            if original.background != normalBackground { attributes.formSymmetricDifference(.reverse) }
            theme.setStyle(Style(attributes: attributes), for: role)
        }
        return theme
    }

    /// Pairs of roles that must not look the same, and the attribute that tells them apart.
    /// The first role of a pair is changed; earlier pairs settle the roles later pairs compare.
    private static let distinctPairs: [(role: ThemeRole, from: ThemeRole, attribute: TextAttributes)] = [
        (.link, .articleBody, .underline),
        (.quote, .articleBody, .italic),
        (.headlineUnread, .headlineRead, .bold),
        (.relatedUnresolved, .related, .dim),
        (.paneTitleFocused, .paneTitle, .bold),
        (.status, .normal, .reverse),
        (.error, .message, .bold),
        (.headlineSelected, .headlineUnread, .reverse),
        (.headlineSelected, .headlineRead, .reverse),
        (.feedNameSelected, .feedName, .reverse),
        (.sidebarItemSelected, .sidebarItem, .reverse),
        (.linkSelected, .link, .reverse),
        (.relatedSelected, .related, .reverse),
        (.selection, .articleBody, .reverse),
        (.highlightAnchor, .articleBody, .underline),
        (.highlightAnchor, .selection, .underline),
    ]

    /// Toggles an attribute on roles that look the same as the role they must differ from.
    private mutating func keepDistinct() {
        for pair in Self.distinctPairs where style(pair.role) == style(pair.from) {
            var changed = style(pair.role)
            changed.attributes.formSymmetricDifference(pair.attribute)
            setStyle(changed, for: pair.role)
        }
    }
}

/// How many colours Herald should use.
public enum ColorSupport {
    /// The terminal's colour count, or 0 when the user asks for no colour: `NO_COLOR` set to
    /// anything but the empty string (https://no-color.org).
    public static func colorCount(terminalColors: Int, environment: [String: String]) -> Int {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return 0 }
        return max(0, terminalColors)
    }
}
