/// A syntax pass over a TOML document before TOMLKit parses it.
///
/// toml++ 3.4.0 (inside TOMLKit 0.6.0) is compiled with its assertions on, and some malformed
/// documents trip one and abort the process instead of giving an error: a table header whose
/// name does not start like a key (`[!]`), a date-time whose time is missing or cut short
/// (`1979-05-27T:`, `1979-05-27 1`). A config or theme file must never crash Herald, so this
/// pass checks the document's structure against the TOML 1.0 grammar first: keys, table
/// headers, strings, arrays, inline tables and the exact shape of every bare value (boolean,
/// number, date, time). toml++ then only sees documents whose structure is valid. What toml++
/// checks without aborting (duplicate keys, escape sequences, value ranges, characters inside
/// strings and comments) is left to it.
struct TOMLPrecheck {
    private let bytes: [UInt8]
    /// Offset of the next byte to read.
    private var index = 0
    /// 1-based line of the next byte.
    private var line = 1
    /// Offset of the first byte of the current line.
    private var lineStart = 0

    /// Arrays and inline tables nested deeper than this are refused (toml++ allows 256).
    private static let maxDepth = 128

    /// Throws the first structural problem of `source`, located by line and column.
    static func check(_ source: String) throws(ConfigTOML.SyntaxError) {
        var scanner = TOMLPrecheck(bytes: Array(source.utf8))
        try scanner.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }  // a UTF-8 BOM
    }

    // MARK: - Document structure

    private mutating func document() throws(ConfigTOML.SyntaxError) {
        while index < bytes.count {
            skipBlanks()
            switch peek() {
            case UInt8(ascii: "["): try tableHeader()
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), nil: break
            default: try keyValue(depth: 0)
            }
            try endOfLine()
        }
    }

    /// Blanks, an optional comment, then a newline or the end of the document.
    private mutating func endOfLine() throws(ConfigTOML.SyntaxError) {
        skipBlanks()
        if peek() == UInt8(ascii: "#") { skipComment() }
        guard peek() != nil else { return }
        guard try newline() else { throw error("expected the end of the line") }
    }

    /// `[a.b]` or `[[a.b]]`.
    private mutating func tableHeader() throws(ConfigTOML.SyntaxError) {
        index += 1
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipBlanks()
        try key()
        skipBlanks()
        let close = isArray ? "]]" : "]"
        for byte in close.utf8 {
            guard peek() == byte else { throw error("expected '\(close)' to end the table name") }
            index += 1
        }
    }

    /// `key = value`.
    private mutating func keyValue(depth: Int) throws(ConfigTOML.SyntaxError) {
        try key()
        skipBlanks()
        guard peek() == UInt8(ascii: "=") else { throw error("expected '=' after the key") }
        index += 1
        skipBlanks()
        try value(depth: depth)
    }

    /// A dotted key: bare or quoted parts separated by `.`.
    private mutating func key() throws(ConfigTOML.SyntaxError) {
        while true {
            switch peek() {
            case let byte? where Self.isBareKeyByte(byte):
                while let byte = peek(), Self.isBareKeyByte(byte) { index += 1 }
            case UInt8(ascii: "\"")?, UInt8(ascii: "'")?:
                if startsMultiLineString() { throw error("a key cannot be a multi-line string") }
                try singleLineString()
            default:
                throw error("expected a key: letters, digits, '-', '_', or a quoted name")
            }
            skipBlanks()
            guard peek() == UInt8(ascii: ".") else { return }
            index += 1
            skipBlanks()
        }
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(ConfigTOML.SyntaxError) {
        switch peek() {
        case UInt8(ascii: "\"")?, UInt8(ascii: "'")?:
            if startsMultiLineString() { try multiLineString() } else { try singleLineString() }
        case UInt8(ascii: "[")?:
            try array(depth: depth + 1)
        case UInt8(ascii: "{")?:
            try inlineTable(depth: depth + 1)
        case let byte? where Self.isBareValueByte(byte):
            try bareValue()
        default:
            throw error("expected a value")
        }
    }

    /// `[v, v, …]`, across lines, with comments and a trailing comma allowed.
    private mutating func array(depth: Int) throws(ConfigTOML.SyntaxError) {
        guard depth <= Self.maxDepth else { throw error("arrays and tables are nested too deeply") }
        let start = position()
        index += 1
        while true {
            try skipBlanksCommentsAndNewlines()
            switch peek() {
            case nil: throw error("this array is not closed", at: start)
            case UInt8(ascii: "]"): index += 1; return
            default: break
            }
            try value(depth: depth)
            try skipBlanksCommentsAndNewlines()
            switch peek() {
            case UInt8(ascii: ",")?: index += 1
            case UInt8(ascii: "]")?: index += 1; return
            case nil: throw error("this array is not closed", at: start)
            default: throw error("expected ',' or ']' after an array element")
            }
        }
    }

    /// `{ k = v, k = v }`, on one line, without a trailing comma.
    private mutating func inlineTable(depth: Int) throws(ConfigTOML.SyntaxError) {
        guard depth <= Self.maxDepth else { throw error("arrays and tables are nested too deeply") }
        index += 1
        skipBlanks()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            if isAtNewline() { throw error("an inline table must be on one line") }
            try keyValue(depth: depth)
            skipBlanks()
            switch peek() {
            case UInt8(ascii: ",")?: index += 1; skipBlanks()
            case UInt8(ascii: "}")?: index += 1; return
            case nil, UInt8(ascii: "\n")?, UInt8(ascii: "\r")?:
                throw error("an inline table must be on one line")
            default: throw error("expected ',' or '}' after a value in the inline table")
            }
        }
    }

    /// A boolean, number, date or time: the run of bytes up to the next separator, which must
    /// have exactly one of TOML's shapes.
    private mutating func bareValue() throws(ConfigTOML.SyntaxError) {
        let start = index
        while let byte = peek(), Self.isBareValueByte(byte) { index += 1 }
        // A date and a time may be separated by a space: `1979-05-27 07:32:00`.
        if TOMLValueShape.isDate(bytes[start..<index]), peek() == UInt8(ascii: " "),
           index + 1 < bytes.count, Self.isDigit(bytes[index + 1]) {
            index += 1
            while let byte = peek(), Self.isBareValueByte(byte) { index += 1 }
        }
        let token = bytes[start..<index]
        guard TOMLValueShape.isValid(token) else {
            let text = String(decoding: token, as: UTF8.self)
            throw error("'\(text)' is not a boolean, number, date or time",
                        at: (line, start - lineStart))
        }
    }

    // MARK: - Strings

    private func startsMultiLineString() -> Bool {
        guard let quote = peek(), index + 2 < bytes.count else { return false }
        return bytes[index + 1] == quote && bytes[index + 2] == quote
    }

    /// `"…"` with backslash escapes, or `'…'` without; ends on its own line.
    private mutating func singleLineString() throws(ConfigTOML.SyntaxError) {
        guard let quote = peek() else { return }
        index += 1
        while let byte = peek() {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            index += 1
            if byte == quote { return }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), let next = peek(),
               next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") {
                index += 1
            }
        }
        throw error("this string is not closed on its line")
    }

    /// `"""…"""` or `'''…'''`; up to two quotes may precede the closing three.
    private mutating func multiLineString() throws(ConfigTOML.SyntaxError) {
        guard let quote = peek() else { return }
        let start = position()
        index += 3
        while let byte = peek() {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                _ = try newline()
                continue
            }
            index += 1
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), let next = peek(),
               next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") {
                index += 1
            } else if byte == quote, index + 1 < bytes.count,
                      bytes[index] == quote, bytes[index + 1] == quote {
                index += 2
                for _ in 0..<2 where peek() == quote { index += 1 }
                return
            }
        }
        throw error("this multi-line string is not closed", at: start)
    }

    // MARK: - Blanks, comments, newlines

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func isAtNewline() -> Bool {
        peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r")
    }

    private mutating func skipBlanks() {
        while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { index += 1 }
    }

    /// Skips a comment up to, not including, the end of its line.
    private mutating func skipComment() {
        while let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { index += 1 }
    }

    /// Consumes `\n` or `\r\n` and returns true; false when the next byte starts no newline.
    private mutating func newline() throws(ConfigTOML.SyntaxError) -> Bool {
        if peek() == UInt8(ascii: "\r") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else {
                throw error("a carriage return must be followed by a line feed")
            }
            index += 1
        }
        guard peek() == UInt8(ascii: "\n") else { return false }
        index += 1
        line += 1
        lineStart = index
        return true
    }

    private mutating func skipBlanksCommentsAndNewlines() throws(ConfigTOML.SyntaxError) {
        while true {
            skipBlanks()
            if peek() == UInt8(ascii: "#") { skipComment() }
            guard try newline() else { return }
        }
    }

    // MARK: - Errors

    /// The current line and 0-based byte offset in it.
    private func position() -> (line: Int, offset: Int) {
        (line, index - lineStart)
    }

    private func error(_ message: String) -> ConfigTOML.SyntaxError {
        error(message, at: position())
    }

    /// An error at `position`; the column counts Unicode scalars, from 1.
    private func error(_ message: String, at position: (line: Int, offset: Int)) -> ConfigTOML.SyntaxError {
        let startOfLine = lineOffset(of: position.line)
        let prefix = bytes[startOfLine..<min(bytes.count, startOfLine + position.offset)]
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return ConfigTOML.SyntaxError(line: position.line, column: column, message: message)
    }

    /// Offset of the first byte of 1-based `line` (the current line, or an earlier one).
    private func lineOffset(of line: Int) -> Int {
        if line == self.line { return lineStart }
        var current = 1
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while current < line, let newline = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) {
            offset = newline + 1
            current += 1
        }
        return offset
    }

    // MARK: - Byte classes

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// `A-Z a-z 0-9 - _`: the bytes of a bare key.
    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// The bytes a boolean, number, date or time is made of.
    private static func isBareValueByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ":")
    }
}

/// The exact shapes of TOML 1.0's bare values: booleans, integers, floats, dates and times.
enum TOMLValueShape {
    /// Whether `token` is one bare TOML value and nothing else.
    static func isValid(_ token: ArraySlice<UInt8>) -> Bool {
        let text = Array(token)
        if text == Array("true".utf8) || text == Array("false".utf8) { return true }
        return isNumber(text) || isDateOrTime(text)
    }

    /// `YYYY-MM-DD`.
    static func isDate(_ token: ArraySlice<UInt8>) -> Bool {
        var reader = Reader(bytes: Array(token))
        return reader.date() && reader.atEnd
    }

    private static func isNumber(_ text: [UInt8]) -> Bool {
        var reader = Reader(bytes: text)
        let signed = reader.take("+") || reader.take("-")
        if reader.take("inf") || reader.take("nan") { return reader.atEnd }
        if !signed, reader.take("0x") { return reader.digits(hexadecimal: true) && reader.atEnd }
        if !signed, reader.take("0o") { return reader.digits(matching: { $0 >= 0x30 && $0 <= 0x37 }) && reader.atEnd }
        if !signed, reader.take("0b") { return reader.digits(matching: { $0 == 0x30 || $0 == 0x31 }) && reader.atEnd }
        // An integer part without leading zeros, then an optional fraction and exponent.
        if reader.take("0") {
            if let next = reader.peek, next >= 0x30 && next <= 0x39 || next == UInt8(ascii: "_") { return false }
        } else if !reader.digits() {
            return false
        }
        if reader.take("."), !reader.digits() { return false }
        if reader.take("e") || reader.take("E") {
            _ = reader.take("+") || reader.take("-")
            if !reader.digits() { return false }
        }
        return reader.atEnd
    }

    /// A local date, a local time, or a date-time with an optional offset.
    private static func isDateOrTime(_ text: [UInt8]) -> Bool {
        var reader = Reader(bytes: text)
        if reader.time() { return reader.atEnd }
        reader = Reader(bytes: text)
        guard reader.date() else { return false }
        if reader.atEnd { return true }
        guard reader.take("T") || reader.take("t") || reader.take(" "), reader.time() else { return false }
        if reader.take("Z") || reader.take("z") || reader.atEnd { return reader.atEnd }
        guard reader.take("+") || reader.take("-") else { return false }
        return reader.fixedDigits(2) && reader.take(":") && reader.fixedDigits(2) && reader.atEnd
    }

    /// Reads a token byte by byte.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// Consumes `literal` if the token continues with it.
        mutating func take(_ literal: String) -> Bool {
            let utf8 = Array(literal.utf8)
            guard bytes[index...].starts(with: utf8) else { return false }
            index += utf8.count
            return true
        }

        /// Digits with single underscores between them (`1_000`), at least one.
        mutating func digits(hexadecimal: Bool = false) -> Bool {
            digits(matching: { byte in
                (byte >= 0x30 && byte <= 0x39)
                    || hexadecimal && ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
            })
        }

        mutating func digits(matching isDigit: (UInt8) -> Bool) -> Bool {
            guard let first = peek, isDigit(first) else { return false }
            index += 1
            while let byte = peek {
                if isDigit(byte) {
                    index += 1
                } else if byte == UInt8(ascii: "_"), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                    index += 2
                } else {
                    break
                }
            }
            return true
        }

        /// Exactly `count` decimal digits.
        mutating func fixedDigits(_ count: Int) -> Bool {
            guard index + count <= bytes.count,
                  bytes[index..<index + count].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            index += count
            return true
        }

        /// `YYYY-MM-DD`.
        mutating func date() -> Bool {
            fixedDigits(4) && take("-") && fixedDigits(2) && take("-") && fixedDigits(2)
        }

        /// `HH:MM:SS` with optional fractional seconds.
        mutating func time() -> Bool {
            guard fixedDigits(2), take(":"), fixedDigits(2), take(":"), fixedDigits(2) else { return false }
            guard take(".") else { return true }
            let start = index
            while let byte = peek, byte >= 0x30 && byte <= 0x39 { index += 1 }
            return index > start
        }
    }
}
