/// Why a file could not be read as a text news page. Every message names the file.
public enum TextPageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file has no bytes, or only whitespace.
    case empty(name: String)
    /// The file holds NUL bytes or too much invalid UTF-8 to be text.
    case binary(name: String, reason: String)
    /// The file is text but not in the page format (markup, JSON, no site/title/summary lines).
    case notANewsPage(name: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let name):
            return "\(name): the file is empty"
        case .binary(let name, let reason):
            return "\(name): not a text file (\(reason))"
        case .notANewsPage(let name, let reason):
            return "\(name): not a news page (\(reason))"
        }
    }
}
