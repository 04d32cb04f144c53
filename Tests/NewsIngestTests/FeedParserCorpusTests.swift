import Foundation
import Testing
@testable import NewsIngest

/// The parser over the real-world corpus in `shared/corpus` (skipped when it is absent).
@Suite struct FeedParserCorpusTests {
    struct Expected {
        var file: String
        var bozo: Bool
        var feedTitle: String?
        var titles: [String?]
    }

    /// The corpus files with their expected JSON, or nil when `shared/` is not there.
    static func corpus() throws -> (feeds: URL, expected: [Expected])? {
        guard let shared = FeedFixtures.sharedDirectory else { return nil }
        let feeds = shared.appendingPathComponent("corpus/feeds")
        let expectedDirectory = shared.appendingPathComponent("corpus/expected")
        var expected: [Expected] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: feeds.path).sorted() {
            let url = expectedDirectory.appendingPathComponent(name + ".json")
            guard let data = try? Data(contentsOf: url),
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let entries = object["entries"] as? [[String: Any]] ?? []
            expected.append(Expected(
                file: name, bozo: object["bozo"] as? Bool ?? false,
                feedTitle: (object["feed"] as? [String: Any])?["title"] as? String,
                titles: entries.map { $0["title"] as? String }))
        }
        return (feeds, expected)
    }

    /// The scorer's text normalisation: whitespace runs to one space, trimmed, NFC; "" is nil.
    static func normalised(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = HTMLText.collapseWhitespace(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    @Test func everyFileParsesOrFailsClearlyAndTitlesAgree() throws {
        guard let (feeds, expected) = try Self.corpus() else {
            print("FeedParserCorpusTests: no shared/corpus beside the repository or at /work/shared; skipped")
            return
        }
        #expect(expected.count > 200)
        var agreed = 0
        var total = 0
        var unexpectedErrors: [String] = []
        for item in expected {
            let data = try Data(contentsOf: feeds.appendingPathComponent(item.file))
            let started = ContinuousClock.now
            let feed: ParsedFeed?
            do {
                feed = try FeedParser.parse(data)
            } catch {
                switch error {
                case .empty, .notAFeed, .malformed:
                    feed = nil
                    if !item.bozo, !item.titles.isEmpty { unexpectedErrors.append("\(item.file): \(error)") }
                case .tooLarge, .tooDeep, .tooManyEntries:
                    unexpectedErrors.append("\(item.file): \(error)")
                    feed = nil
                }
            }
            #expect(ContinuousClock.now - started < .seconds(5), "\(item.file) is slow")
            guard !item.bozo else { continue }
            total += 1 + item.titles.count
            if Self.normalised(feed?.title) == Self.normalised(item.feedTitle) { agreed += 1 }
            let actual = feed?.entries.map(\.title) ?? []
            if actual.count == item.titles.count {
                for (a, e) in zip(actual, item.titles) where Self.normalised(a) == Self.normalised(e) {
                    agreed += 1
                }
            }
        }
        #expect(unexpectedErrors.isEmpty, "\(unexpectedErrors)")
        let rate = Double(agreed) / Double(max(total, 1))
        #expect(rate >= 0.98, "title agreement \(rate) on clean files")
    }
}
