import Foundation
import NewsModel

/// Bytes to clean lines: BOMs, invalid UTF-8, line endings, control characters, whitespace.
extension TextPageParser {
    /// Invalid UTF-8 sequences tolerated (each becomes U+FFFD): up to 1% of the bytes, and
    /// never fewer than this many.
    static let minimumInvalidSequencesTolerated = 4

    /// Decodes the file as UTF-8 (or UTF-16 when it starts with a UTF-16 BOM), dropping a BOM.
    static func decode(_ data: Data, name: String) throws(TextPageError) -> String {
        guard !data.isEmpty else { throw .empty(name: name) }
        let bytes = [UInt8](data)
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let decoded = String(data: data, encoding: .utf16) else {
                throw .binary(name: name, reason: "invalid UTF-16")
            }
            text = decoded
        } else {
            if let nul = bytes.firstIndex(of: 0) {
                throw .binary(name: name, reason: "NUL byte at offset \(nul)")
            }
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
            if let valid = String(validating: body, as: UTF8.self) {
                text = valid
            } else {
                let (decoded, invalid) = decodeReplacingInvalid(body)
                let tolerated = max(minimumInvalidSequencesTolerated, body.count / 100)
                guard invalid <= tolerated else {
                    throw .binary(name: name, reason: "\(invalid) invalid UTF-8 sequences in \(body.count) bytes")
                }
                text = decoded
            }
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw .empty(name: name)
        }
        return text
    }

    /// UTF-8 decoding where each invalid sequence becomes U+FFFD; returns the text and how
    /// many sequences were invalid.
    private static func decodeReplacingInvalid(_ bytes: ArraySlice<UInt8>) -> (String, Int) {
        var scalars = String.UnicodeScalarView()
        var invalid = 0
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error: invalid += 1; scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        return (String(scalars), invalid)
    }

    /// The text's lines (split at LF, CRLF, CR and other line separators), each cleaned with
    /// `TextSanitizer`, whitespace runs collapsed and ends trimmed. Blank lines are kept as "".
    static func cleanLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            Prose.collapseWhitespace(TextSanitizer.clean(String(line), keepNewlines: false))
        }
    }
}
