import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a command writes to the terminal: colours and progress only on a TTY.
struct FeedConsole {
    /// True when standard output is a terminal.
    let isTTY: Bool
    /// Colours are used on a TTY unless `NO_COLOR` is set.
    let useColor: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        isTTY = isatty(1) == 1
        useColor = isTTY && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    func red(_ text: String) -> String { useColor ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { useColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// Writes `text` to standard output at once (unbuffered, so it interleaves with progress).
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a line to standard error (messages that are not the command's output).
    func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The terminal's width in columns (80 when unknown).
    var columns: Int {
        var size = winsize()
        if isTTY, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }
}
