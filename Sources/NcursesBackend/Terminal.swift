import CNcursesw
import Glibc
import TerminalUI

/// The terminal, driven through ncursesw: start, read input, draw grids, restore.
///
/// Not `Sendable`: one thread owns the terminal, starts it, reads events, presents and restores.
///
/// Signals: SIGINT, SIGTERM and SIGHUP only set a flag (see `CNcursesw.h`). `readEvent`
/// returns `nil` at once while one is pending, and the run loop is expected to check
/// `pendingSignal`, call `restore()` and exit. Resizes need no handler of ours: ncursesw turns
/// SIGWINCH into `KEY_RESIZE`, which `readEvent` reports as `.resize`. An `atexit` hook ends
/// curses if the process exits without `restore()`.
public final class Terminal {
    /// How to start the terminal.
    public struct Options: Hashable, Sendable {
        /// How long a lone Escape waits for the rest of an escape sequence, in milliseconds.
        public var escapeDelayMilliseconds: Int32
        /// Use colours when the terminal has them (`NO_COLOR` in the environment also turns them off).
        public var useColor: Bool

        public init(escapeDelayMilliseconds: Int32 = 25, useColor: Bool = true) {
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.useColor = useColor
        }
    }

    /// The ncurses screen; nil after `restore()`.
    private var screen: OpaquePointer?
    /// The window everything is drawn into.
    private let window: UnsafeMutablePointer<WINDOW>
    /// Colours in use: 0 (none), 8, 16, 256, or 2²⁴ for direct colour.
    public let colorCount: Int
    /// Whether colour -1 means the terminal's default (use_default_colors succeeded).
    private let hasDefaultColors: Bool
    /// Colour pairs allocated so far, by (foreground, background) ncurses colour numbers.
    private var pairs: [PairKey: Int32] = [:]
    /// The last pair number the terminal allows.
    private let maxPair: Int32
    /// Reused buffer for one cell's characters, NUL-terminated.
    private var characters: [wchar_t] = []

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colorCount: Int,
                 hasDefaultColors: Bool, maxPair: Int32) {
        self.screen = screen
        self.window = window
        self.colorCount = colorCount
        self.hasDefaultColors = hasDefaultColors
        self.maxPair = maxPair
    }

    deinit { restore() }

    /// Takes over the terminal: full screen, no echo, keys one by one, hidden cursor.
    ///
    /// Fails with a clear error, leaving the terminal untouched, when stdin or stdout is not a
    /// TTY, `TERM` is unset, `dumb` or unknown to terminfo, or no UTF-8 locale exists.
    public static func start(options: Options = Options()) throws(TerminalError) -> Terminal {
        try selectUTF8Locale()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw .notATerminal
        }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw .noTerminalType
        }
        guard term != "dumb" else { throw .unsupportedTerminal(term) }
        guard let screen = herald_newterm(term), let window = herald_stdscr() else {
            throw .unknownTerminal(term)
        }
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(options.escapeDelayMilliseconds)
        curs_set(0)

        var colorCount = 0
        var hasDefaultColors = false
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if options.useColor, !noColor, has_colors(), start_color() == OK {
            hasDefaultColors = use_default_colors() == OK
            colorCount = Int(herald_colors())
        }
        let maxPair = colorCount > 0 ? Int32(max(0, herald_color_pairs() - 1)) : 0

        herald_install_signal_handlers()
        herald_install_atexit_restore()
        return Terminal(screen: screen, window: window, colorCount: colorCount < 8 ? 0 : colorCount,
                        hasDefaultColors: hasDefaultColors, maxPair: maxPair)
    }

    /// Makes LC_CTYPE a UTF-8 locale: the user's, or C.UTF-8 when theirs is not UTF-8.
    private static func selectUTF8Locale() throws(TerminalError) {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8Codeset() else { throw .noUTF8Locale }
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// The terminal size: columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(herald_cols()), Int(herald_lines()))
    }

    /// The number of the SIGINT, SIGTERM or SIGHUP received, if any: time to restore and exit.
    public var pendingSignal: Int32? {
        let signal = herald_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key or a resize.
    ///
    /// Returns nil on timeout, when a signal interrupted the wait, or at once when a signal is
    /// pending or the terminal was restored.
    public func readEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard screen != nil, pendingSignal == nil else { return nil }
        return nextEvent(timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Like `readEvent(timeoutMilliseconds:)`, but also returns nil as soon as `wakeDescriptor`
    /// (the read end of a pipe another thread writes to) is readable, so results computed
    /// elsewhere are drawn when they arrive rather than at the next timeout.
    public func readEvent(timeoutMilliseconds: Int32, wakeDescriptor: Int32) -> InputEvent? {
        guard screen != nil, pendingSignal == nil else { return nil }
        // Keys ncurses has already read from the terminal come first.
        if let event = nextEvent(timeoutMilliseconds: 0) { return event }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        // A signal (resize, quit) interrupts the wait: ncurses reports a resize as a key.
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
        guard ready > 0 && descriptors[0].revents != 0 || ready < 0 && errno == EINTR else { return nil }
        return nextEvent(timeoutMilliseconds: ready > 0 ? timeoutMilliseconds : 0)
    }

    /// The next key or resize from ncurses, waiting up to `timeoutMilliseconds`.
    private func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        wtimeout(window, timeoutMilliseconds)
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case KEY_CODE_YES:
            let code = Int32(bitPattern: character)
            if code == KEY_RESIZE {
                let (width, height) = size
                return .resize(width: width, height: height)
            }
            return .key(KeyDecoding.key(forKeyCode: code))
        case OK:
            return .key(KeyDecoding.key(forCharacter: character))
        default:
            return nil
        }
    }

    /// Draws `grid`, sending only the cells that differ from `previous` (the grid presented
    /// last), then refreshes once. With no previous grid, or one of another size, the whole
    /// screen is cleared and redrawn.
    public func present(_ grid: CellGrid, previous: CellGrid?) {
        guard screen != nil else { return }
        let changes: [CellChange]
        if let previous, previous.width == grid.width, previous.height == grid.height {
            changes = grid.changes(since: previous)
        } else {
            clearok(window, true)
            changes = grid.changes(since: CellGrid(width: 0, height: 0))
        }
        for change in changes {
            for (offset, cell) in change.cells.enumerated() where !cell.isContinuation {
                draw(cell, x: Int32(change.x + offset), y: Int32(change.y))
            }
        }
        wrefresh(window)
    }

    /// Leaves curses mode and gives the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
    }

    // MARK: Drawing

    private func draw(_ cell: Cell, x: Int32, y: Int32) {
        characters.removeAll(keepingCapacity: true)
        for scalar in cell.text.unicodeScalars where characters.count < Int(CCHARW_MAX) {
            let value = scalar.value
            if value < 0x20 || (0x7F..<0xA0).contains(value) { continue }  // never send controls
            characters.append(wchar_t(bitPattern: value))
        }
        if characters.isEmpty { characters.append(0x20) }
        characters.append(0)
        var pair = pairNumber(for: cell.style)
        var complex = cchar_t()
        var result = setcchar(&complex, characters, attributes(of: cell.style), 0, &pair)
        if result == ERR {
            let space: [wchar_t] = [0x20, 0]
            result = setcchar(&complex, space, attributes(of: cell.style), 0, &pair)
        }
        mvwadd_wch(window, y, x, &complex)
    }

    private func attributes(of style: Style) -> attr_t {
        var result = herald_a_normal()
        let attributes = style.attributes
        if attributes.contains(.bold) { result |= herald_a_bold() }
        if attributes.contains(.dim) { result |= herald_a_dim() }
        if attributes.contains(.italic) { result |= herald_a_italic() }
        if attributes.contains(.underline) { result |= herald_a_underline() }
        if attributes.contains(.reverse) { result |= herald_a_reverse() }
        return result
    }

    /// The colour pair for a style's colours, allocated on first use. Pair 0 (the terminal's
    /// defaults) when there are no colours or every pair is taken.
    private func pairNumber(for style: Style) -> Int32 {
        guard colorCount > 0 else { return 0 }
        var foreground = colorNumber(style.foreground.approximated(colorCount: colorCount),
                                     default: 7)
        let background = colorNumber(style.background.approximated(colorCount: colorCount),
                                     default: 0)
        // Distinct colours that collapse into one on a small palette would hide the text.
        if foreground == background, style.foreground != style.background, foreground >= 0 {
            foreground = background == 7 ? 0 : 7
        }
        if foreground == -1, background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return pair }
        let next = Int32(pairs.count) + 1
        guard next <= maxPair, init_extended_pair(next, foreground, background) == OK else {
            return 0
        }
        pairs[key] = next
        return next
    }

    /// The ncurses colour number of an approximated colour; -1 is the terminal default, or
    /// `fallback` when default colours are unavailable.
    private func colorNumber(_ color: Color, default fallback: Int32) -> Int32 {
        switch color {
        case .default:
            return hasDefaultColors ? -1 : fallback
        case .indexed(let index):
            return Int32(index)
        case .rgb(let r, let g, let b):
            // Direct colour: the value is 0xRRGGBB, but values below 8 mean palette colours.
            return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
        }
    }
}
