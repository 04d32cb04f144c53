import Foundation
import NcursesBackend
import NewsIngest
import NewsModel
import NewsStore
import ReaderUI
import TerminalUI

/// The reader's run loop: keys to actions, `reduce`, effects, results, render, diff, draw.
///
/// Runs on the thread that calls `run()`, which is the only thread that touches the terminal.
final class ReaderLoop {
    private let store: NewsStore
    private let config: Config
    private let themeOverride: String?
    private let startupMessages: [String]
    private let themes = ThemeLocator()
    /// Themes loaded so far, by name, already adapted to the terminal's colours.
    private var themeCache: [String: Theme] = [:]

    init(store: NewsStore, config: Config, themeOverride: String?, startupMessages: [String]) {
        self.store = store
        self.config = config
        self.themeOverride = themeOverride
        self.startupMessages = startupMessages
    }

    /// Runs until the user quits or a signal arrives; returns the exit status.
    func run() throws -> Int32 {
        let inbox = Inbox()
        // The fetcher (a URLSession) is built when a refresh runs, not at start-up (~2 ms).
        let store = self.store
        let runner = EffectRunner(store: store, inbox: inbox, browser: config.browser) { feeds, progress in
            let fetcher = FeedFetcher(configuration: .init(userAgent: FeedFetcher.userAgent(version: heraldVersion)))
            return await Refresher(store: store, fetcher: fetcher).refreshForReader(feeds: feeds, progress: progress)
        }

        var keymap = Keymap.default
        var warnings = startupMessages
        let applied = keymap.applying(config.bindings)
        keymap = applied.0
        warnings += applied.errors
        var state = AppState(width: 0, height: 0, now: Date(),
                             themeNames: themes.names(), themeName: themeOverride ?? config.theme ?? "default",
                             keymap: keymap)
        state.utcOffset = Self.localUTCOffset()
        state.headlinesWidth = config.headlinesWidth
        state.sidebarWidth = config.sidebarWidth

        var quit = false
        func dispatch(_ action: Action) {
            let effects = reduce(&state, action)
            if effects.contains(Effect.quit) { quit = true }
            runner.perform(effects)
        }
        // The first store reads run while the terminal and the theme are set up.
        dispatch(.start)

        let terminal: Terminal
        do { terminal = try Terminal.start() } catch { throw ReaderLoopError(message: error.description) }
        defer { terminal.restore() }
        let size = terminal.size
        dispatch(.resize(width: size.width, height: size.height))
        let colors = ThemeLocator.colorCount(terminalColors: terminal.colorCount)
        var theme = loadTheme(state.themeName, colors: colors, warnings: &warnings)
        if let first = warnings.first { dispatch(.failed(first)) }
        waitForResults(runner: runner, inbox: inbox, milliseconds: 40, dispatch: dispatch)

        var previous: CellGrid?
        var lastClock = Date()
        while !quit {
            if state.themeName != theme.name {
                var w: [String] = []
                theme = loadTheme(state.themeName, colors: colors, warnings: &w)
                if let message = w.first { dispatch(.failed(message)) }
            }
            let grid = render(state, theme: theme)
            terminal.present(grid, previous: previous)
            previous = grid

            if terminal.pendingSignal != nil { return 128 + (terminal.pendingSignal ?? 15) }
            let busy = runner.pending.withLock { $0 } > 0
            let timeout: Int32 = busy ? 20 : 500
            let event = inbox.wakeDescriptor.map { terminal.readEvent(timeoutMilliseconds: timeout, wakeDescriptor: $0) }
                ?? terminal.readEvent(timeoutMilliseconds: timeout)
            guard let event else {
                for action in inbox.drain() { dispatch(action) }
                if Date().timeIntervalSince(lastClock) > 30 {
                    lastClock = Date()
                    state.now = lastClock
                }
                continue
            }
            switch event {
            case .resize(let width, let height):
                dispatch(.resize(width: width, height: height))
                previous = nil
            case .key(let key):
                guard let action = state.keymap.action(for: key, in: state.keyContext) else { continue }
                dispatch(action)
            }
            for action in inbox.drain() { dispatch(action) }
            // Give quick store reads a moment so the next frame shows their result, not a blank.
            waitForResults(runner: runner, inbox: inbox, milliseconds: 30, dispatch: dispatch)
        }
        return 0
    }

    /// Seconds east of UTC of the local time zone now, from the C library (Foundation's
    /// `TimeZone.current` loads ICU's zone data, a few megabytes of memory at start-up).
    private static func localUTCOffset() -> Int {
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil else { return 0 }
        return local.tm_gmtoff
    }

    /// Waits up to `milliseconds` while reads are pending, applying results as they arrive.
    /// Writes are not waited for: the screen already shows what they change.
    private func waitForResults(runner: EffectRunner, inbox: Inbox, milliseconds: Int, dispatch: (Action) -> Void) {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        while runner.pendingReads.withLock({ $0 }) > 0 {
            let left = Int(deadline.timeIntervalSinceNow * 1000)
            if left <= 0 { break }
            _ = inbox.wait(milliseconds: left)
            for action in inbox.drain() { dispatch(action) }
        }
        for action in inbox.drain() { dispatch(action) }
    }

    private func loadTheme(_ name: String, colors: Int, warnings: inout [String]) -> Theme {
        if let cached = themeCache[name] { return cached }
        let (theme, warning) = themes.load(name)
        if let warning { warnings.append(warning) }
        var adapted = theme.adapted(toColorCount: colors)
        adapted.name = name
        themeCache[name] = adapted
        return adapted
    }
}

/// The reader could not start.
struct ReaderLoopError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
