/// Why the terminal could not be started.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run without a TTY).
    case notATerminal
    /// `TERM` is unset or empty.
    case noTerminalType
    /// `TERM` names a terminal that cannot address the cursor (`dumb`).
    case unsupportedTerminal(String)
    /// ncurses has no terminfo entry for `TERM`.
    case unknownTerminal(String)
    /// Neither the user's locale nor `C.UTF-8` is a UTF-8 locale.
    case noUTF8Locale

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal"
        case .noTerminalType:
            return "TERM is not set; set it to your terminal type (for example xterm-256color)"
        case .unsupportedTerminal(let term):
            return "the terminal type '\(term)' cannot run a full-screen interface"
        case .unknownTerminal(let term):
            return "unknown terminal type '\(term)' (no terminfo entry); try TERM=xterm-256color"
        case .noUTF8Locale:
            return "no UTF-8 locale is available (tried the environment's locale and C.UTF-8)"
        }
    }
}
