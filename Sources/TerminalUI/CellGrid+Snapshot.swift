/// Text renderings of a grid for tests and debugging: rows as text, style runs, snapshots.
extension CellGrid {
    /// The rows as text, continuation cells omitted, trailing spaces trimmed.
    public func lines() -> [String] { lines(trimmed: true) }

    /// The rows as text, continuation cells omitted; trailing spaces trimmed when `trimmed`.
    public func lines(trimmed: Bool) -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                line += self[column, row].text
            }
            guard trimmed else { return line }
            while line.unicodeScalars.last == " " { line.unicodeScalars.removeLast() }
            return line
        }
    }

    /// One line per run of equally styled cells that are not `.plain`, row by row, left to
    /// right: `row:first-last` (columns, inclusive) then the style, e.g. `0:0-11 fg=3 bold`.
    public func styleRuns() -> [String] {
        var runs: [String] = []
        for row in 0..<height {
            var column = 0
            while column < width {
                let style = self[column, row].style
                var end = column
                while end + 1 < width, self[end + 1, row].style == style { end += 1 }
                if style != .plain { runs.append("\(row):\(column)-\(end) \(style.summary)") }
                column = end + 1
            }
        }
        return runs
    }

    /// The text snapshot used by screen tests: the trimmed rows, a `--- styles ---` line,
    /// then the style runs; every line ends with a newline.
    public func snapshot() -> String {
        var out = ""
        for line in lines() { out += line + "\n" }
        out += "--- styles ---\n"
        for run in styleRuns() { out += run + "\n" }
        return out
    }
}

extension Style {
    /// A short stable description: `fg=… bg=…` (when not default) then attribute names.
    /// Indexed colours print as their number, RGB as `#rrggbb`. The plain style is `plain`.
    public var summary: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg=" + foreground.summary) }
        if background != .default { parts.append("bg=" + background.summary) }
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.italic, "italic"),
            (.underline, "underline"), (.reverse, "reverse"),
        ]
        for (attribute, name) in names where attributes.contains(attribute) { parts.append(name) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}

extension Color {
    /// `default`, the index (`3`), or `#rrggbb`.
    public var summary: String {
        switch self {
        case .default: return "default"
        case .indexed(let index): return String(index)
        case .rgb(let r, let g, let b): return "#" + [r, g, b].map(Self.hex).joined()
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
