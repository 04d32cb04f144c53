/// An error in a file the user wrote (theme, config), located by line and column when known.
public protocol LocatedError: Error, CustomStringConvertible {
    /// 1-based line of the problem, when known.
    var line: Int? { get }
    /// 1-based column of the problem, when known.
    var column: Int? { get }
    /// What is wrong, for the user.
    var message: String { get }
}

extension LocatedError {
    /// `line 3, column 9: …`, `line 12: …`, or the bare message when the line is unknown.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "line \(line), column \(column): \(message)"
        case let (line?, nil): "line \(line): \(message)"
        default: message
        }
    }
}
