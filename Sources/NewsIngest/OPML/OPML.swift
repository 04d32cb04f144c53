import Foundation
import NewsModel

/// OPML subscription lists: reading (`OPML+Read.swift`) and writing (`OPML+Write.swift`).
///
/// Tags travel two ways, and reading accepts both: as folders (an outline without `xmlUrl`
/// whose children are feeds; nested folders give a feed every folder title on its path) and as
/// the OPML 2.0 `category` attribute (comma-separated; `/a/b` gives the tag `a/b`). Writing uses
/// both: a feed is listed under each of its tags' folders and carries all its tags, in order,
/// in `category`, so export → import gives back the same titles, URLs and tags.
public enum OPML {}

/// A subscription list read from OPML.
public struct OPMLDocument: Hashable, Sendable {
    /// The list's own title (`<head><title>`), if any.
    public var title: String?
    /// Feeds in document order, each once (a URL listed under several folders is merged).
    public var feeds: [Feed]

    public init(title: String? = nil, feeds: [Feed]) {
        self.title = title
        self.feeds = feeds
    }
}

/// Why a file could not be read as OPML.
public enum OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not well-formed XML.
    case malformed(line: Int, message: String)
    /// Well-formed XML whose root element is not `<opml>`.
    case notOPML(root: String)

    public var description: String {
        switch self {
        case .malformed(let line, let message): return "not well-formed XML (line \(line): \(message))"
        case .notOPML(let root): return "not an OPML file (the root element is <\(root)>, not <opml>)"
        }
    }
}
