import Foundation
import NewsModel
import TerminalUI

/// Draws the whole screen for `state` with `theme`: the panes, an overlay if one is open, and
/// the status line, in a grid of the state's size. Pure, and proportional to what is visible.
public func render(_ state: AppState, theme: Theme) -> CellGrid {
    var grid = CellGrid(width: state.width, height: state.height)
    guard state.width > 0, state.height > 0 else { return grid }
    var screen = Screen(state: state, theme: theme, grid: grid)
    screen.draw()
    grid = screen.grid
    return grid
}

/// One frame being drawn: the state, the theme, and the grid drawn into.
struct Screen {
    let state: AppState
    let theme: Theme
    var grid: CellGrid
    let panes: PaneLayout

    init(state: AppState, theme: Theme, grid: CellGrid) {
        self.state = state
        self.theme = theme
        self.grid = grid
        self.panes = PaneLayout(state)
    }

    mutating func draw() {
        grid.fill(grid.bounds, style: theme.style(.normal))
        let main = Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 1))
        switch state.overlay {
        case .help(let top): drawHelp(in: main, top: top)
        case .bookmarks(let screen): drawBookmarks(screen, in: main)
        case .history(let selected): drawHistory(selected: selected, in: main)
        case nil:
            drawFeeds(in: panes.feeds)
            drawHeadlines(in: panes.headlines)
            drawArticle(in: panes.article)
            for rule in panes.separators { drawRule(rule) }
            drawSidebar(in: panes.sidebar)
        }
        drawStatusLine(in: panes.status)
    }

    func style(_ role: ThemeRole) -> Style { theme.style(role) }

    /// A vertical rule one column wide.
    mutating func drawRule(_ rect: Rect) {
        for row in rect.y..<rect.maxY {
            grid.put("│", x: rect.x, y: row, style: style(.paneBorder), maxWidth: rect.width)
        }
    }

    /// A pane's title row: `title` on the left, `detail` on the right, highlighted when the
    /// pane has focus.
    mutating func drawTitle(_ title: String, detail: String = "", in rect: Rect, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let role: ThemeRole = focused ? .paneTitleFocused : .paneTitle
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(row, style: style(role))
        drawBar(left: title, right: detail, in: row, style: style(role))
    }

    /// Left text and right text on one row, the left cut with "…" so both fit, one column of
    /// margin on each side; the right text is dropped when it leaves no room for the left.
    mutating func drawBar(left: String, right: String, in row: Rect, style: Style) {
        let inner = max(0, row.width - 2)
        let rightWidth = DisplayWidth.of(right)
        let showsRight = !right.isEmpty && rightWidth + 1 + min(DisplayWidth.of(left), 8) <= inner
        let leftRoom = showsRight ? inner - rightWidth - 1 : inner
        let margin = row.width > 2 ? 1 : 0
        grid.put(DisplayWidth.truncate(left, to: leftRoom), x: row.x + margin, y: row.y, style: style,
                 maxWidth: leftRoom)
        if showsRight {
            grid.put(right, x: row.x + 1 + inner - rightWidth, y: row.y, style: style, maxWidth: rightWidth)
        }
    }

    /// How long ago `date` was, in at most three columns: "now", "5m", "3h", "2d", "6w", "3y".
    static func age(of date: Date?, now: Date) -> String {
        guard let date else { return "" }
        let interval = now.timeIntervalSince(date)
        guard interval.isFinite, abs(interval) < 1e11 else { return "" }
        let seconds = Int(interval)
        let minutes = seconds / 60, hours = minutes / 60, days = hours / 24
        if minutes < 1 { return "now" }
        if hours < 1 { return "\(minutes)m" }
        if days < 1 { return "\(hours)h" }
        if days < 30 { return "\(days)d" }
        if days < 365 { return "\(days / 7)w" }
        return "\(min(99, days / 365))y"
    }
}
