import TOMLKit

/// The user's settings, from `$XDG_CONFIG_HOME/herald/config.toml`:
///
/// ```toml
/// theme = "gruvbox"                 # a theme name: Themes/gruvbox.toml or one of yours
/// browser = ["firefox", "%u"]       # or "firefox %u"; %u is the URL, appended when absent
///
/// [layout]
/// headlines_width = 40              # columns, 10–500
/// sidebar_width = 32                # columns, 10–500
///
/// [keys]                            # key spec = action name
/// "C-d" = "page-down"
/// J = "next-unread"
/// ```
///
/// Every setting is optional. A TOML syntax error is a `ConfigError`; an unknown setting or
/// a value that cannot be used is a warning, and only that setting is ignored.
public struct Config: Sendable, Equatable {
    /// The theme's name, as in `Themes/<name>.toml`.
    public var theme: String?
    /// Key spec (`j`, `C-d`, `Enter`, `S-Tab`, `PgDn`, `F1`, `Space`) → action name (see Keymap).
    public var bindings: [String: String]
    /// The browser's argv; `%u` in an argument is replaced by the URL, which is appended as
    /// the last argument when no argument has `%u`.
    public var browser: [String]?
    /// Width of the headline pane, in columns.
    public var headlinesWidth: Int?
    /// Width of the highlights sidebar, in columns.
    public var sidebarWidth: Int?
    /// Settings that were ignored and why, each starting with `line N:`, in file order.
    public var warnings: [String]

    public init(theme: String? = nil, bindings: [String: String] = [:], browser: [String]? = nil,
                headlinesWidth: Int? = nil, sidebarWidth: Int? = nil, warnings: [String] = []) {
        self.theme = theme
        self.bindings = bindings
        self.browser = browser
        self.headlinesWidth = headlinesWidth
        self.sidebarWidth = sidebarWidth
        self.warnings = warnings
    }

    /// No settings: Herald's defaults.
    public static let `default` = Config()

    /// The pane widths a config may set, in columns.
    public static let widthRange = 10...500

    /// Parses the text of a config file.
    public static func parse(toml: String) throws(ConfigError) -> Config {
        let document: TOMLTable
        do {
            document = try ConfigTOML.parse(toml)
        } catch {
            throw ConfigError(line: error.line, column: error.column, message: error.message)
        }
        var parser = ConfigParser(source: toml)
        var config = parser.config(from: document)
        config.warnings = parser.warnings.sorted { $0.line < $1.line }.map {
            $0.line > 0 ? "line \($0.line): \($0.text)" : $0.text
        }
        return config
    }
}

/// Why a config file could not be read: a TOML syntax error.
public struct ConfigError: LocatedError, Equatable, Sendable {
    /// 1-based line of the error, when known.
    public var line: Int?
    /// 1-based column of the error, when known.
    public var column: Int?
    /// What is wrong, for the user.
    public var message: String

    public init(line: Int?, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

}

/// Reads settings from a parsed config document, collecting warnings with their lines.
private struct ConfigParser {
    /// Where keys are in the file, built only when there is a warning to give.
    var lines: LazyLineIndex
    /// Ignored settings: line (0 when unknown) and why.
    var warnings: [(line: Int, text: String)] = []

    init(source: String) {
        lines = LazyLineIndex(source: source)
    }

    mutating func config(from document: TOMLTable) -> Config {
        var config = Config()
        for key in document.keys {
            guard let value = document[key] else { continue }
            switch key {
            case "theme": config.theme = theme(value)
            case "browser": config.browser = browser(value)
            case "layout":
                guard let table = value.table else {
                    warn(["layout"], "layout must be a table: [layout]; ignored")
                    continue
                }
                readLayout(table, into: &config)
            case "keys":
                guard let table = value.table else {
                    warn(["keys"], "keys must be a table: [keys]; ignored")
                    continue
                }
                config.bindings = bindings(table)
            default:
                warn([key], unknownSetting(key, among: ["theme", "browser", "layout", "keys"],
                                           listed: "theme, browser, [layout], [keys]"))
            }
        }
        return config
    }

    private mutating func theme(_ value: TOMLValueConvertible) -> String? {
        guard let name = value.string else {
            warn(["theme"], "theme must be a string such as \"gruvbox\", not \(ConfigTOML.typeName(value)); ignored")
            return nil
        }
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            warn(["theme"], "theme \"\(name)\" is not a theme name (a file name in themes/ without .toml); ignored")
            return nil
        }
        return name
    }

    private mutating func browser(_ value: TOMLValueConvertible) -> [String]? {
        let argv: [String]
        if let text = value.string {
            guard let words = Config.words(text) else {
                warn(["browser"], "browser has an unclosed quote; ignored")
                return nil
            }
            argv = words
        } else if let array = value.array {
            let strings = array.compactMap { $0.string }
            guard strings.count == array.count else {
                warn(["browser"], "browser must be an array of strings such as [\"firefox\", \"%u\"]; ignored")
                return nil
            }
            argv = strings
        } else {
            warn(["browser"], "browser must be a command: a string or an array of strings, not \(ConfigTOML.typeName(value)); ignored")
            return nil
        }
        guard let program = argv.first, !program.isEmpty else {
            warn(["browser"], "browser is empty; ignored")
            return nil
        }
        return argv
    }

    private mutating func readLayout(_ table: TOMLTable, into config: inout Config) {
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "headlines_width": config.headlinesWidth = width(value, key: key)
            case "sidebar_width": config.sidebarWidth = width(value, key: key)
            default:
                warn(["layout", key], unknownSetting(key, in: "[layout]", among: ["headlines_width", "sidebar_width"],
                                                     listed: "headlines_width, sidebar_width"))
            }
        }
    }

    private mutating func width(_ value: TOMLValueConvertible, key: String) -> Int? {
        let range = Config.widthRange
        guard let columns = value.int, range.contains(columns) else {
            let shown = value.int.map(String.init) ?? ConfigTOML.typeName(value)
            warn(["layout", key], "\(key) must be a number of columns from \(range.lowerBound) to \(range.upperBound), not \(shown); ignored")
            return nil
        }
        return columns
    }

    private mutating func bindings(_ table: TOMLTable) -> [String: String] {
        var result: [String: String] = [:]
        for spec in table.keys {
            guard let value = table[spec] else { continue }
            guard let action = value.string else {
                warn(["keys", spec], "the action for key \"\(spec)\" must be a string such as \"page-down\", not \(ConfigTOML.typeName(value)); ignored")
                continue
            }
            guard KeySpec.parse(spec) != nil else {
                warn(["keys", spec], "\"\(spec)\" is not a key (examples: j, C-d, Enter, S-Tab, PgDn, F1, Space); ignored")
                continue
            }
            result[spec] = action
        }
        return result
    }

    /// `unknown setting "x" (did you mean "y"?); ignored`, or with the known settings listed.
    private func unknownSetting(_ key: String, in table: String? = nil, among known: [String], listed: String) -> String {
        let place = table.map { " in \($0)" } ?? ""
        let hint = suggestion(for: key, among: known)
        return "unknown setting \"\(key)\"\(place)\(hint.isEmpty ? " (known: \(listed))" : hint); ignored"
    }

    private mutating func warn(_ path: [String], _ text: String) {
        warnings.append((lines.line(of: path) ?? 0, text))
    }
}
