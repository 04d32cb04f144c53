import TOMLKit

/// TOML helpers shared by theme and config parsing.
enum ConfigTOML {
    /// A TOML syntax error: where, and what TOMLKit says.
    struct SyntaxError: Error {
        /// 1-based line and column of the error, when known.
        var line: Int?, column: Int?
        var message: String
    }

    /// Parses `source` with TOMLKit, after `TOMLPrecheck` has refused the malformed documents
    /// that would abort toml++.
    static func parse(_ source: String) throws(SyntaxError) -> TOMLTable {
        try TOMLPrecheck.check(source)
        do {
            return try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw SyntaxError(line: error.source.begin.line, column: error.source.begin.column,
                              message: error.description)
        } catch {
            throw SyntaxError(line: nil, column: nil, message: "\(error)")
        }
    }

    /// A TOML value's type, as a user would name it in a message.
    static func typeName(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .date, .time, .dateTime: "a date"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// Where each key of a TOML document is defined: 1-based source lines by dotted key path.
///
/// TOMLKit's tables do not keep source positions, so messages about a well-formed document
/// ("unknown colour") find their line here. The scan understands table headers, dotted and
/// quoted keys, and skips multi-line strings and the insides of multi-line arrays. A key
/// inside an inline table is found at the line of the table itself.
struct TOMLLineIndex {
    /// 1-based line of each key path, keyed by its components joined with U+001F.
    private var lines: [String: Int] = [:]

    init(source: String) {
        var table: [String] = []
        var openString: String?   // the delimiter of a multi-line string being skipped
        var arrayDepth = 0        // open brackets of a multi-line array being skipped
        for (offset, rawLine) in source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let lineNumber = offset + 1
            var line = Substring(rawLine)
            if let delimiter = openString {
                guard let end = line.firstRange(of: delimiter) else { continue }
                line = line[end.upperBound...]
                openString = nil
                arrayDepth += Self.bracketBalance(of: line)
                continue
            }
            if arrayDepth > 0 {
                arrayDepth = max(0, arrayDepth + Self.bracketBalance(of: line))
                continue
            }
            line = line.drop(while: { $0 == " " || $0 == "\t" })
            if line.isEmpty || line.first == "#" { continue }
            if line.first == "[" {
                var rest = line.dropFirst()
                if rest.first == "[" { rest = rest.dropFirst() }
                if let path = Self.keyPath(in: &rest) {
                    table = path
                    record(path, lineNumber)
                }
                continue
            }
            var rest = line
            guard let key = Self.keyPath(in: &rest), rest.first == "=" else { continue }
            record(table + key, lineNumber)
            let value = rest.dropFirst()
            for delimiter in ["\"\"\"", "'''"] where Self.occurrences(of: delimiter, in: value) % 2 == 1 {
                openString = delimiter
            }
            if openString == nil { arrayDepth = max(0, Self.bracketBalance(of: value)) }
        }
    }

    /// The line defining `path`, or else the line of its longest defined prefix.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: "\u{1F}")] { return line }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let key = path.joined(separator: "\u{1F}")
        if lines[key] == nil { lines[key] = line }
    }

    /// Reads a dotted key (`a."b c".d`) from the start of `text` and the blanks after it.
    private static func keyPath(in text: inout Substring) -> [String]? {
        var path: [String] = []
        while true {
            text = text.drop(while: { $0 == " " || $0 == "\t" })
            guard let first = text.first else { return nil }
            if first == "\"" || first == "'" {
                var key = ""
                var index = text.index(after: text.startIndex)
                var escaped = false
                var closed = false
                while index < text.endIndex {
                    let c = text[index]
                    index = text.index(after: index)
                    if escaped { key.append(c); escaped = false; continue }
                    if c == "\\" && first == "\"" { escaped = true; continue }
                    if c == first { closed = true; break }
                    key.append(c)
                }
                guard closed else { return nil }
                path.append(key)
                text = text[index...]
            } else {
                let bare = text.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
                guard !bare.isEmpty else { return nil }
                path.append(String(bare))
                text = text.dropFirst(bare.count)
            }
            text = text.drop(while: { $0 == " " || $0 == "\t" })
            guard text.first == "." else { return path }
            text = text.dropFirst()
        }
    }

    /// Opening minus closing brackets of `text` outside strings and comments.
    private static func bracketBalance(of text: Substring) -> Int {
        var balance = 0
        var quote: Character?
        var escaped = false
        for c in text {
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "[": balance += 1
            case "]": balance -= 1
            case "#": return balance
            default: break
            }
        }
        return balance
    }

    private static func occurrences(of needle: String, in text: Substring) -> Int {
        var count = 0
        var rest = text
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}

/// A `TOMLLineIndex` built on first use: a well-formed file never needs one.
struct LazyLineIndex {
    private let source: String
    private var index: TOMLLineIndex?

    init(source: String) {
        self.source = source
    }

    /// See `TOMLLineIndex.line(of:)`.
    mutating func line(of path: [String]) -> Int? {
        if index == nil { index = TOMLLineIndex(source: source) }
        return index?.line(of: path)
    }
}
