import Foundation
import Testing
@testable import NewsIngest

/// Fixture access and small helpers shared by the feed parser tests.
enum FeedFixtures {
    /// `Tests/NewsIngestTests/Fixtures/feeds`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/feeds")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func parse(_ name: String, limits: FeedLimits = .default) throws -> ParsedFeed {
        try FeedParser.parse(data(name), limits: limits)
    }

    /// Parses an inline document.
    static func parse(xml: String, limits: FeedLimits = .default) throws -> ParsedFeed {
        try FeedParser.parse(Data(xml.utf8), limits: limits)
    }

    /// `shared/` beside the repository (CI) or at `/work/shared`; nil when neither exists.
    static let sharedDirectory: URL? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [repo.deletingLastPathComponent().appendingPathComponent("shared"),
                          URL(fileURLWithPath: "/work/shared")]
        return candidates.first { url in
            FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus/feeds").path)
        }
    }()
}

/// A UTC date from its parts.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    var components = DateComponents()
    (components.year, components.month, components.day) = (year, month, day)
    (components.hour, components.minute, components.second) = (hour, minute, second)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar.date(from: components) ?? Date.distantPast
}
