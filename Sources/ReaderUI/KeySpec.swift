import TerminalUI

/// Key specs: how config files and help screens write keys.
///
/// A spec is a single character (`j`, `G`, `/`, `?`), `C-` and a letter or one of `@[\]^_`
/// (`C-d`, case-insensitive), or a key name, case-insensitive: `Enter` (`Return`), `Esc`
/// (`Escape`), `Tab`, `S-Tab` (`BackTab`), `Backspace`, `Delete` (`Del`), `Space`, `Up`,
/// `Down`, `Left`, `Right`, `PgUp` (`PageUp`), `PgDn` (`PageDown`), `Home`, `End`, `F1`–`F12`.
public enum KeySpec {
    /// Key names and the keys they stand for; the first name of a key is how it is described.
    private static let names: [(name: String, key: Key)] = [
        ("Enter", .enter), ("Return", .enter),
        ("Esc", .escape), ("Escape", .escape),
        ("Tab", .tab), ("S-Tab", .backTab), ("BackTab", .backTab),
        ("Backspace", .backspace), ("Delete", .delete), ("Del", .delete),
        ("Space", .char(" ")),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PageUp", .pageUp), ("PgDn", .pageDown), ("PageDown", .pageDown),
        ("Home", .home), ("End", .end),
    ]

    /// The key `spec` names, or `nil` when it names none.
    public static func parse(_ spec: String) -> Key? {
        if spec.count == 1, let c = spec.first {
            return c.isWhitespace && c != " " ? nil : .char(c)
        }
        let lowered = spec.lowercased()
        if let entry = names.first(where: { $0.name.lowercased() == lowered }) { return entry.key }
        if lowered.hasPrefix("c-"), spec.count == 3, let c = lowered.last {
            switch c {
            case "i": return .tab          // terminals send Ctrl-I, Ctrl-M, Ctrl-H as these keys
            case "m": return .enter
            case "h": return .backspace
            case "[": return .escape
            case "a"..."z", "@", "\\", "]", "^", "_": return .ctrl(c)
            default: return nil
            }
        }
        if lowered.hasPrefix("f"), let n = Int(lowered.dropFirst()), (1...12).contains(n),
           !lowered.dropFirst().hasPrefix("0"), !lowered.dropFirst().hasPrefix("+") {
            return .function(n)
        }
        return nil
    }

    /// How `key` is written in a spec: the inverse of `parse` (`C-d`, `PgDn`, `Space`, `F5`).
    public static func describe(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        case .unknown(let code): return "<\(code)>"
        default: return names.first(where: { $0.key == key })?.name ?? "?"
        }
    }
}
