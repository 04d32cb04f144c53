// THROWAWAY: stands in for the `themes` helper's Theme, ThemeRole and KeySpec until its branch
// lands. Delete before merging `themes`.
import TerminalUI

public enum ThemeRole: String, CaseIterable, Sendable {
    case normal
    case paneBorder, paneTitle, paneTitleFocused
    case feedName, feedNameSelected, unreadCount
    case headlineUnread, headlineRead, headlineSelected, headlineMeta
    case starMark, bookmarkMark, unreadMark
    case articleTitle, articleMeta, articleBody, articleHeading, quote, attribution
    case link, linkSelected, related, relatedUnresolved, relatedSelected
    case highlightAnchor
    case selection
    case sidebarTitle, sidebarItem, sidebarItemSelected, sidebarKind
    case status, statusKey, message, error, prompt, overlay, overlayTitle
}

public struct Theme: Sendable, Equatable {
    public var name: String
    var styles: [ThemeRole: Style]
    public func style(_ role: ThemeRole) -> Style { styles[role] ?? .plain }
    public static let builtinDefault = Theme(name: "default", styles: [
        .paneBorder: Style(foreground: .indexed(8)),
        .paneTitle: Style(attributes: [.bold]),
        .paneTitleFocused: Style(foreground: .indexed(4), attributes: [.bold, .reverse]),
        .feedNameSelected: Style(attributes: [.reverse]),
        .unreadCount: Style(foreground: .indexed(3)),
        .headlineUnread: Style(attributes: [.bold]),
        .headlineSelected: Style(attributes: [.reverse]),
        .headlineMeta: Style(foreground: .indexed(8)),
        .starMark: Style(foreground: .indexed(3)),
        .bookmarkMark: Style(foreground: .indexed(5)),
        .unreadMark: Style(foreground: .indexed(2)),
        .articleTitle: Style(attributes: [.bold]),
        .articleMeta: Style(foreground: .indexed(8)),
        .articleHeading: Style(attributes: [.bold, .underline]),
        .quote: Style(foreground: .indexed(6)),
        .attribution: Style(foreground: .indexed(6), attributes: [.italic]),
        .link: Style(foreground: .indexed(4), attributes: [.underline]),
        .linkSelected: Style(foreground: .indexed(4), attributes: [.reverse]),
        .related: Style(foreground: .indexed(4)),
        .relatedUnresolved: Style(attributes: [.dim]),
        .relatedSelected: Style(attributes: [.reverse]),
        .highlightAnchor: Style(background: .indexed(236)),
        .selection: Style(attributes: [.reverse]),
        .sidebarTitle: Style(attributes: [.bold]),
        .sidebarItemSelected: Style(attributes: [.reverse]),
        .sidebarKind: Style(foreground: .indexed(8)),
        .status: Style(background: .indexed(236)),
        .statusKey: Style(foreground: .indexed(3), background: .indexed(236)),
        .message: Style(background: .indexed(236)),
        .error: Style(foreground: .indexed(1), background: .indexed(236), attributes: [.bold]),
        .prompt: Style(background: .indexed(236)),
        .overlayTitle: Style(attributes: [.bold, .reverse]),
    ])
}

public enum KeySpec {
    public static func parse(_ spec: String) -> Key? {
        switch spec {
        case "Enter": return .enter
        case "Esc": return .escape
        case "Tab": return .tab
        case "S-Tab": return .backTab
        case "Backspace": return .backspace
        case "Up": return .up
        case "Down": return .down
        case "Left": return .left
        case "Right": return .right
        case "Home": return .home
        case "End": return .end
        case "PgUp": return .pageUp
        case "PgDn": return .pageDown
        case "space": return .char(" ")
        default:
            if spec.hasPrefix("C-"), spec.count == 3, let c = spec.last { return .ctrl(c) }
            if spec.hasPrefix("F"), let n = Int(spec.dropFirst()) { return .function(n) }
            return spec.count == 1 ? spec.first.map(Key.char) : nil
        }
    }
    public static func describe(_ key: Key) -> String {
        switch key {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .unknown(let code): return "key\(code)"
        }
    }
}
