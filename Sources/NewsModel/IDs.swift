/// Row identity of a feed in the store.
public struct FeedID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = value }
    public static func < (a: FeedID, b: FeedID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// Row identity of an article in the store; stable across re-imports of the same item.
public struct ArticleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = value }
    public static func < (a: ArticleID, b: ArticleID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// Row identity of a highlight in the store.
public struct HighlightID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = value }
    public static func < (a: HighlightID, b: HighlightID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}

/// Row identity of a bookmark in the store.
public struct BookmarkID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = value }
    public static func < (a: BookmarkID, b: BookmarkID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }
}
