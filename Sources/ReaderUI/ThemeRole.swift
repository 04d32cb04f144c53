import TerminalUI

/// What a piece of text on screen is, for the theme to give it a style.
///
/// The raw value is the role's name in theme files (`[roles.headlineUnread]`).
public enum ThemeRole: String, CaseIterable, Sendable {
    /// Default text and background of every pane.
    case normal
    case paneBorder, paneTitle, paneTitleFocused
    case feedName, feedNameSelected, unreadCount
    /// `headlineMeta`: the source and age shown beside a headline.
    case headlineUnread, headlineRead, headlineSelected, headlineMeta
    case starMark, bookmarkMark, unreadMark
    case articleTitle, articleMeta, articleBody, articleHeading, quote, attribution
    case link, linkSelected, related, relatedUnresolved, relatedSelected
    /// A highlight's passage marked in the body.
    case highlightAnchor
    /// Passage selection in visual mode.
    case selection
    case sidebarTitle, sidebarItem, sidebarItemSelected, sidebarKind
    case status, statusKey, message, error, prompt, overlay, overlayTitle

    /// The role whose style this one starts from: a role a theme leaves out, or fields of it
    /// left out, come from here. `nil` only for `normal`, which starts from the terminal's
    /// default colours.
    public var parent: ThemeRole? {
        switch self {
        case .normal: nil
        case .paneBorder, .paneTitle: .normal
        case .paneTitleFocused: .paneTitle
        case .feedName: .normal
        case .feedNameSelected, .unreadCount: .feedName
        case .headlineUnread, .headlineRead: .normal
        case .headlineSelected: .headlineUnread
        case .headlineMeta: .headlineRead
        case .starMark: .normal
        case .bookmarkMark: .starMark
        case .unreadMark: .headlineUnread
        case .articleBody: .normal
        case .articleTitle, .articleMeta, .quote, .link, .highlightAnchor: .articleBody
        case .articleHeading: .articleTitle
        case .attribution: .quote
        case .linkSelected, .related: .link
        case .relatedUnresolved: .related
        case .relatedSelected: .linkSelected
        case .selection: .articleBody
        case .sidebarTitle: .paneTitle
        case .sidebarItem: .normal
        case .sidebarItemSelected: .headlineSelected
        case .sidebarKind: .sidebarItem
        case .status, .overlay: .normal
        case .statusKey, .message, .prompt: .status
        case .error: .message
        case .overlayTitle: .overlay
        }
    }

    /// Whether this role marks a cursor or selection, which must never be invisible.
    ///
    /// A theme that leaves such a role out gets its parent's style in reverse video.
    public var isSelection: Bool {
        switch self {
        case .feedNameSelected, .headlineSelected, .linkSelected, .relatedSelected,
             .sidebarItemSelected, .selection:
            true
        default:
            false
        }
    }
}
