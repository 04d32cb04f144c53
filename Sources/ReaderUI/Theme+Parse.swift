import TOMLKit
import TerminalUI

/// Why a theme file could not be used: a TOML syntax error or a wrong name or value.
public struct ThemeError: LocatedError, Equatable, Sendable {
    /// 1-based line of the problem in the theme file, when known.
    public var line: Int?
    /// 1-based column of a syntax error, when known.
    public var column: Int?
    /// What is wrong, for the user.
    public var message: String

    public init(line: Int?, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

}

extension Theme {
    /// Parses a theme file (format documented at the top of `Themes/default.toml`).
    ///
    /// Roles and fields the file leaves out are inherited (see `ThemeRole.parent`). An unknown
    /// table, role, field, colour or attribute is an error naming its line; when a file has
    /// several problems, the first one in the file is reported.
    public static func parse(toml: String, name: String) throws(ThemeError) -> Theme {
        let document: TOMLTable
        do {
            document = try ConfigTOML.parse(toml)
        } catch {
            throw ThemeError(line: error.line, column: error.column, message: error.message)
        }
        var parser = ThemeParser(source: toml)
        let overrides = parser.overrides(in: document)
        if let first = parser.errors.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) {
            throw first
        }
        return Theme(name: name, overrides: overrides)
    }
}

/// The names a theme file may use for colours and attributes.
enum ThemeNames {
    /// The basic colours by name, with their palette indexes.
    static let colors: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3,
        "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// The text attributes by name.
    static let attributes: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
    ]

    /// A colour written as a string: `default`, a basic colour name, or `#rrggbb`.
    static func color(named text: String) -> Color? {
        if text == "default" { return .default }
        if let index = colors[text] { return .indexed(index) }
        guard text.count == 7, text.first == "#" else { return nil }
        let digits = text.dropFirst().map { $0.hexDigitValue }
        guard digits.allSatisfy({ $0 != nil }) else { return nil }
        let values = digits.compactMap { $0 }
        return .rgb(UInt8(values[0] * 16 + values[1]), UInt8(values[2] * 16 + values[3]),
                    UInt8(values[4] * 16 + values[5]))
    }
}

/// Walks a parsed theme document, collecting role overrides and errors with their lines.
private struct ThemeParser {
    /// Where keys are in the file, built only when there is an error to report.
    var lines: LazyLineIndex
    var errors: [ThemeError] = []
    /// Colours the file's `[palette]` names.
    var palette: [String: Color] = [:]

    init(source: String) {
        lines = LazyLineIndex(source: source)
    }

    mutating func overrides(in document: TOMLTable) -> [ThemeRole: StyleOverride] {
        for key in document.keys where key != "palette" && key != "roles" {
            fail([key], "unknown table or key \"\(key)\" (a theme has [palette] and [roles.<role>] tables)")
        }
        if let value = document["palette"] {
            if let table = value.table { readPalette(table) } else { fail(["palette"], "palette must be a table") }
        }
        var result: [ThemeRole: StyleOverride] = [:]
        guard let value = document["roles"] else { return result }
        guard let roles = value.table else {
            fail(["roles"], "roles must be a table of [roles.<role>] tables")
            return result
        }
        for name in roles.keys {
            guard let role = ThemeRole(rawValue: name) else {
                fail(["roles", name], "unknown role \"\(name)\"\(suggestion(for: name, among: ThemeRole.allCases.map(\.rawValue)))")
                continue
            }
            guard let table = roles[name]?.table else {
                fail(["roles", name], "role \(name) must be a table with fg, bg and attrs")
                continue
            }
            result[role] = readStyle(table, path: ["roles", name])
        }
        return result
    }

    private mutating func readPalette(_ table: TOMLTable) {
        for name in table.keys {
            guard let value = table[name] else { continue }
            if name == "default" || name.hasPrefix("#") {
                fail(["palette", name], "palette name \"\(name)\" is reserved")
            } else if let color = readColor(value, path: ["palette", name], usePalette: false) {
                palette[name] = color
            }
        }
    }

    private mutating func readStyle(_ table: TOMLTable, path: [String]) -> StyleOverride {
        var style = StyleOverride()
        for field in table.keys {
            guard let value = table[field] else { continue }
            switch field {
            case "fg": style.foreground = readColor(value, path: path + [field], usePalette: true)
            case "bg": style.background = readColor(value, path: path + [field], usePalette: true)
            case "attrs": style.attributes = readAttributes(value, path: path + [field])
            default: fail(path + [field], "unknown field \"\(field)\" in [\(path.joined(separator: "."))] (expected fg, bg or attrs)")
            }
        }
        return style
    }

    private mutating func readColor(_ value: TOMLValueConvertible, path: [String], usePalette: Bool) -> Color? {
        if let index = value.int {
            guard (0...255).contains(index) else {
                fail(path, "colour index \(index) is out of range 0–255")
                return nil
            }
            return .indexed(UInt8(index))
        }
        guard let text = value.string else {
            fail(path, "a colour is a name, \"#rrggbb\" or an index 0–255, not \(ConfigTOML.typeName(value))")
            return nil
        }
        if usePalette, let color = palette[text] { return color }
        if let color = ThemeNames.color(named: text) { return color }
        let known = ThemeNames.colors.keys.sorted() + (usePalette ? palette.keys.sorted() : [])
        fail(path, "unknown colour \"\(text)\"\(suggestion(for: text, among: known)) (use a colour name, \"#rrggbb\" or an index 0–255)")
        return nil
    }

    private mutating func readAttributes(_ value: TOMLValueConvertible, path: [String]) -> TextAttributes? {
        guard let array = value.array else {
            fail(path, "attrs must be an array such as [\"bold\", \"underline\"]")
            return nil
        }
        var attributes: TextAttributes = []
        for element in array {
            guard let name = element.string, let attribute = ThemeNames.attributes[name] else {
                let shown = element.string.map { "\"\($0)\"" } ?? ConfigTOML.typeName(element)
                fail(path, "unknown attribute \(shown) (expected bold, dim, italic, underline or reverse)")
                return nil
            }
            attributes.insert(attribute)
        }
        return attributes
    }

    private mutating func fail(_ path: [String], _ message: String) {
        errors.append(ThemeError(line: lines.line(of: path), message: message))
    }
}

/// ` (did you mean "x"?)` when `word` is within two edits or a letter case of a known name.
func suggestion(for word: String, among names: [String]) -> String {
    let lowered = word.lowercased()
    guard let match = names.first(where: { $0.lowercased() == lowered || editDistance($0, word) <= 2 }) else {
        return ""
    }
    return " (did you mean \"\(match)\"?)"
}

/// Levenshtein distance between two short strings, in characters.
private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
