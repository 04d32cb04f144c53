import TerminalUI

/// A colour scheme: one style for every `ThemeRole`.
///
/// Build one with `Theme.parse(toml:name:)` (see `Themes/default.toml` for the file format) or
/// take `Theme.builtinDefault`; then call `adapted(toColorCount:)` for the terminal at hand.
public struct Theme: Sendable, Equatable {
    /// The theme's name, as the user picks it (the file name without `.toml`).
    public var name: String
    /// The resolved style of every role.
    private var styles: [ThemeRole: Style]

    /// Creates a theme from the styles of some roles; every other role gets its parent's style
    /// (see `ThemeRole.parent`), selection roles in reverse video.
    public init(name: String, styles: [ThemeRole: Style]) {
        self.init(name: name, overrides: styles.mapValues(StyleOverride.init))
    }

    /// Creates a theme from partial styles: a field an override leaves `nil` comes from the
    /// role's parent, a role without an override is its parent's style (selection roles in
    /// reverse video, so a cursor is never invisible).
    init(name: String, overrides: [ThemeRole: StyleOverride]) {
        self.name = name
        var resolved: [ThemeRole: Style] = [:]
        func resolve(_ role: ThemeRole) -> Style {
            if let style = resolved[role] { return style }
            let base = role.parent.map(resolve) ?? .plain
            var style: Style
            if let override = overrides[role] {
                style = override.applied(to: base)
            } else {
                style = base
                if role.isSelection, role.parent?.isSelection != true {
                    style.attributes.formSymmetricDifference(.reverse)
                }
            }
            resolved[role] = style
            return style
        }
        for role in ThemeRole.allCases { _ = resolve(role) }
        styles = resolved
    }

    /// The style of `role`.
    public func style(_ role: ThemeRole) -> Style {
        styles[role] ?? .plain
    }

    /// Draws `role` in `style` from now on.
    mutating func setStyle(_ style: Style, for role: ThemeRole) {
        styles[role] = style
    }
}

/// Some fields of a style; `nil` fields are inherited.
struct StyleOverride: Equatable, Sendable {
    var foreground: Color?
    var background: Color?
    var attributes: TextAttributes?

    init(foreground: Color? = nil, background: Color? = nil, attributes: TextAttributes? = nil) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// An override that sets every field of `style`.
    init(_ style: Style) {
        self.init(foreground: style.foreground, background: style.background,
                  attributes: style.attributes)
    }

    /// `base` with the fields this override sets replaced.
    func applied(to base: Style) -> Style {
        Style(foreground: foreground ?? base.foreground,
              background: background ?? base.background,
              attributes: attributes ?? base.attributes)
    }
}
