import TerminalUI

extension Theme {
    /// The theme Herald uses when no other is chosen or a chosen one cannot be read.
    ///
    /// Identical to `Themes/default.toml` (a test parses that file and compares): keep the two
    /// in step. Light text on the terminal's own, usually dark, background.
    public static let builtinDefault = Theme(name: "default", styles: [
        .normal: Style(),
        .paneBorder: Style(foreground: .indexed(239)),
        .paneTitle: Style(foreground: .indexed(246)),
        .paneTitleFocused: Style(foreground: .indexed(75), attributes: [.bold]),
        .feedName: Style(foreground: .indexed(252)),
        .feedNameSelected: Style(foreground: .indexed(231), background: .indexed(24), attributes: [.bold]),
        .unreadCount: Style(foreground: .indexed(179)),
        .headlineUnread: Style(foreground: .indexed(231), attributes: [.bold]),
        .headlineRead: Style(foreground: .indexed(245)),
        .headlineSelected: Style(foreground: .indexed(231), background: .indexed(24), attributes: [.bold]),
        .headlineMeta: Style(foreground: .indexed(242)),
        .starMark: Style(foreground: .indexed(220)),
        .bookmarkMark: Style(foreground: .indexed(141)),
        .unreadMark: Style(foreground: .indexed(75), attributes: [.bold]),
        .articleTitle: Style(foreground: .indexed(231), attributes: [.bold]),
        .articleMeta: Style(foreground: .indexed(244)),
        .articleBody: Style(),
        .articleHeading: Style(foreground: .indexed(117), attributes: [.bold]),
        .quote: Style(foreground: .indexed(180)),
        .attribution: Style(foreground: .indexed(137), attributes: [.italic]),
        .link: Style(foreground: .indexed(75), attributes: [.underline]),
        .linkSelected: Style(foreground: .indexed(231), background: .indexed(24), attributes: [.underline]),
        .related: Style(foreground: .indexed(114)),
        .relatedUnresolved: Style(foreground: .indexed(242), attributes: [.italic]),
        .relatedSelected: Style(foreground: .indexed(231), background: .indexed(24), attributes: [.bold]),
        .highlightAnchor: Style(foreground: .indexed(229), background: .indexed(58)),
        .selection: Style(foreground: .indexed(231), background: .indexed(31)),
        .sidebarTitle: Style(foreground: .indexed(75), attributes: [.bold]),
        .sidebarItem: Style(foreground: .indexed(250)),
        .sidebarItemSelected: Style(foreground: .indexed(231), background: .indexed(24), attributes: [.bold]),
        .sidebarKind: Style(foreground: .indexed(141)),
        .status: Style(foreground: .indexed(252), background: .indexed(236)),
        .statusKey: Style(foreground: .indexed(75), background: .indexed(236), attributes: [.bold]),
        .message: Style(foreground: .indexed(114), background: .indexed(236)),
        .error: Style(foreground: .indexed(203), background: .indexed(236), attributes: [.bold]),
        .prompt: Style(foreground: .indexed(231), background: .indexed(236), attributes: [.bold]),
        .overlay: Style(foreground: .indexed(252), background: .indexed(235)),
        .overlayTitle: Style(foreground: .indexed(75), background: .indexed(235), attributes: [.bold]),
    ])
}
