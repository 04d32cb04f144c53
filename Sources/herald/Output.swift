import Foundation
import NewsModel

/// How the CLI writes to a terminal or a pipe.
enum Output {
    /// True when standard output is a terminal (colours and progress bars only then).
    static let isTTY: Bool = isatty(STDOUT_FILENO) == 1

    /// Colours are used on a TTY unless `NO_COLOR` is set.
    static let useColor: Bool = isTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Wraps `text` in an SGR style when colours are on.
    static func styled(_ text: String, _ sgr: String) -> String {
        useColor ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
    }

    /// Feed text made safe for a terminal line: no control characters, no newlines.
    static func line(_ text: String) -> String {
        TextSanitizer.clean(text, keepNewlines: false)
    }

    /// Writes a message to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("herald: " + message + "\n").utf8))
    }

    /// The encoder every `--json` output uses: sorted keys, ISO 8601 UTC dates, pretty.
    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Prints a value as JSON followed by a newline.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let data = try jsonEncoder().encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// A short age such as "5m", "3h", "2d", "4w" or a date for older items.
    static func age(of date: Date?, now: Date = Date()) -> String {
        guard let date else { return "" }
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<86_400: return "\(Int(seconds / 3600))h"
        case ..<(86_400 * 14): return "\(Int(seconds / 86_400))d"
        case ..<(86_400 * 365): return "\(Int(seconds / (86_400 * 7)))w"
        default: return "\(Int(seconds / (86_400 * 365)))y"
        }
    }
}
