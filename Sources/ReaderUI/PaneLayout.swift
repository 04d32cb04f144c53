import TerminalUI

/// Where every pane goes for a terminal size: one function derives all rectangles.
///
/// - 100 columns and more: feed list over headlines on the left, the article in the centre,
///   the highlights sidebar on the right (unless hidden).
/// - 60 to 99 columns: the left column and the article; the sidebar folds away and, when
///   toggled or focused, is drawn over the right part of the article.
/// - Below 60 columns: one pane at a time, the focused one.
///
/// Each pane's rectangle includes its title row. The last row is the status line.
public struct PaneLayout: Equatable, Sendable {
    /// How many panes sit side by side.
    public enum Mode: Equatable, Sendable {
        case three, two, one
    }

    public var mode: Mode
    /// Feed list; empty when not shown.
    public var feeds: Rect
    /// Headline list; empty when not shown.
    public var headlines: Rect
    /// Article; empty when not shown.
    public var article: Rect
    /// Highlights sidebar; empty when not shown.
    public var sidebar: Rect
    /// True when the sidebar is drawn over the article (two-pane mode).
    public var sidebarFloats: Bool
    /// One-column vertical rules between panes.
    public var separators: [Rect]
    /// The status line (bottom row).
    public var status: Rect

    /// Widest terminal, in columns, that still folds the sidebar away.
    public static let threePaneWidth = 100
    /// Narrowest terminal, in columns, that shows two panes side by side.
    public static let twoPaneWidth = 60
    /// Widest article text, in columns: longer lines are hard to read.
    public static let maxTextWidth = 100

    /// The layout for `state`, as if `focus` (default: the state's focus) had the keys.
    public init(_ state: AppState, focus: Focus? = nil) {
        self.init(width: state.width, height: state.height, focus: focus ?? state.focus,
                  showsSidebar: state.showsSidebar, sidebarOverArticle: state.sidebarOverArticle,
                  headlinesWidth: state.headlinesWidth, sidebarWidth: state.sidebarWidth,
                  feedEntries: state.feedListCount)
    }

    /// The layout for a terminal of `width` × `height`.
    public init(width: Int, height: Int, focus: Focus, showsSidebar: Bool, sidebarOverArticle: Bool,
                headlinesWidth: Int?, sidebarWidth: Int?, feedEntries: Int) {
        let width = max(0, width), height = max(0, height)
        let main = Rect(x: 0, y: 0, width: width, height: max(0, height - 1))
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: min(1, height))
        feeds = Rect(x: 0, y: 0, width: 0, height: 0)
        headlines = feeds
        article = feeds
        sidebar = feeds
        sidebarFloats = false
        separators = []

        if width < Self.twoPaneWidth {
            mode = .one
            switch focus {
            case .feeds: feeds = main
            case .headlines: headlines = main
            case .article: article = main
            case .sidebar: sidebar = main
            }
            return
        }
        mode = width >= Self.threePaneWidth ? .three : .two
        let leftWidth: Int
        if mode == .three {
            leftWidth = min(headlinesWidth ?? min(max(width / 3, 30), 50), width / 2)
        } else {
            leftWidth = min(headlinesWidth ?? min(max(width * 2 / 5, 24), 40), width / 2)
        }
        let (left, afterLeft) = main.splitColumns(at: leftWidth)
        let (rule, right) = afterLeft.splitColumns(at: 1)
        separators.append(rule)
        (feeds, headlines) = Self.splitLeft(left, feedEntries: feedEntries)

        let wantedSidebar = min(sidebarWidth ?? min(max(width / 5, 24), 36), right.width / 2)
        if mode == .three, showsSidebar || focus == .sidebar {
            let (centre, afterCentre) = right.splitColumns(at: right.width - wantedSidebar - 1)
            let (sidebarRule, side) = afterCentre.splitColumns(at: 1)
            article = centre
            separators.append(sidebarRule)
            sidebar = side
        } else {
            article = right
            if mode == .two, sidebarOverArticle || focus == .sidebar {
                let floating = max(0, min(wantedSidebar, right.width - 10))
                let (_, afterCentre) = right.splitColumns(at: right.width - floating - 1)
                let (sidebarRule, side) = afterCentre.splitColumns(at: 1)
                separators.append(sidebarRule)
                sidebar = side
                sidebarFloats = true
            }
        }
    }

    /// Splits the left column: the feed list on top (up to a third of the rows), headlines below.
    static func splitLeft(_ left: Rect, feedEntries: Int) -> (feeds: Rect, headlines: Rect) {
        let feedRows = min(feedEntries, max(3, left.height / 3))
        let parts = left.splitRows(at: min(feedRows + 1, left.height / 2))
        return (parts.top, parts.bottom)
    }

    /// Rows of headlines visible, title row excluded.
    public var headlineRows: Int { max(0, headlines.height - 1) }
    /// Rows of feed list visible, title row excluded.
    public var feedRows: Int { max(0, feeds.height - 1) }
    /// Rows of article text visible, title row excluded.
    public var articleRows: Int { max(0, article.height - 1) }
    /// Columns the article text is wrapped to: the pane less a margin on each side, at most
    /// `maxTextWidth`.
    public var articleTextWidth: Int { min(max(0, article.width - 2), Self.maxTextWidth) }
    /// Columns of sidebar text: the pane less a margin on each side.
    public var sidebarTextWidth: Int { max(0, sidebar.width - 2) }
}
