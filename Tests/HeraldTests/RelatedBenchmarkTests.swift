import Foundation
import NewsIngest
import NewsModel
import NewsStore
import Testing

/// Timing of relatedness at scale: `HERALD_RELATED_BENCH=<articles>` (e.g. 100000) stores that
/// many synthetic articles with their related stories, then times 1,000 more. Off by default.
@Suite struct RelatedBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HERALD_RELATED_BENCH"] != nil))
    func thousandNewArticlesIntoALargeStore() throws {
        let size = Int(ProcessInfo.processInfo.environment["HERALD_RELATED_BENCH"] ?? "") ?? 100_000
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("related-bench-\(UUID()).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try NewsStore.open(path: path)
        var generator = SyntheticNews(seed: 42)
        let feeds = try (0..<100).map { try store.upsertFeed(Feed(url: "bench:\($0)", kind: .web, title: "Source \($0)")) }
        var upsertTime = 0.0, relatedTime = 0.0
        var stored = 0
        while stored < size {
            let batch = min(1_000, size - stored)
            let articles = (0..<batch).map { _ in generator.article() }
            var start = Date()
            let summary = try store.upsertArticles(articles, feed: feeds[(stored / 1_000) % feeds.count])
            upsertTime += Date().timeIntervalSince(start)
            start = Date()
            try store.updateRelated(for: summary.ids, scoring: RelatedScorer())
            relatedTime += Date().timeIntervalSince(start)
            stored += batch
        }
        print("stored \(stored): upsert \(String(format: "%.1f", upsertTime)) s, related \(String(format: "%.1f", relatedTime)) s")
        let articles = (0..<1_000).map { _ in generator.article() }
        let summary = try store.upsertArticles(articles, feed: feeds[0])
        let start = Date()
        let result = try store.updateRelated(for: summary.ids, scoring: RelatedScorer())
        let elapsed = Date().timeIntervalSince(start)
        print("1,000 new articles into \(stored): \(String(format: "%.3f", elapsed)) s; \(result)")
        let again = Date()
        _ = try store.updateRelated(for: summary.ids, scoring: RelatedScorer())
        print("again (unchanged): \(String(format: "%.3f", Date().timeIntervalSince(again))) s")
        print("store: \(try store.statistics())")
        #expect(result.computed == 1_000)
    }
}

extension RelatedBenchmarkTests {
    /// Relatedness next to storing, on a folder of feed files (`HERALD_RELATED_FEEDS=<folder>`,
    /// e.g. the benchmark corpus c200: 200 feeds of 50 items), one feed at a time as a refresh
    /// stores them. Off by default.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HERALD_RELATED_FEEDS"] != nil))
    func relatednessNextToStoringFeeds() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HERALD_RELATED_FEEDS"] ?? "")
        let store = try NewsStore.inMemory()
        var upsertTime = 0.0, relatedTime = 0.0, articles = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let parsed = try FeedParser.parse(try Data(contentsOf: folder.appendingPathComponent(file)))
            let items = parsed.entries.map { entry in
                Article(source: parsed.title ?? file, url: entry.link, guid: entry.id, title: entry.title ?? "",
                        summary: entry.summary.map { HTMLBlocks.blocks(fromHTML: $0, baseURL: nil).plainText },
                        published: entry.published,
                        body: HTMLBlocks.blocks(fromHTML: entry.contentHTML ?? "", baseURL: nil))
            }
            let feed = try store.upsertFeed(Feed(url: "bench:\(file)", kind: .web, title: parsed.title ?? file))
            var start = Date()
            let summary = try store.upsertArticles(items, feed: feed)
            upsertTime += Date().timeIntervalSince(start)
            start = Date()
            try store.updateRelated(for: summary.ids, scoring: RelatedScorer())
            relatedTime += Date().timeIntervalSince(start)
            articles += items.count
        }
        print("\(articles) articles: upsert \(String(format: "%.2f", upsertTime)) s, related \(String(format: "%.2f", relatedTime)) s")
        #expect(articles > 0)
    }
}

/// Deterministic synthetic news: each article is about one of many topics, each topic with its
/// own words, written in a common vocabulary with Zipf-like frequencies.
struct SyntheticNews {
    private var state: UInt64
    private let common: [String]
    private let topics: [[String]]
    private var count = 0

    init(seed: UInt64, commonWords: Int = 5_000, topicCount: Int = 3_000, wordsPerTopic: Int = 15) {
        state = seed
        func word(_ n: Int, _ prefix: String) -> String {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            var n = n, out = prefix
            repeat { out.append(letters[n % 26]); n /= 26 } while n > 0
            return out
        }
        common = (0..<commonWords).map { word($0, "w") }
        topics = (0..<topicCount).map { topic in (0..<wordsPerTopic).map { word(topic * wordsPerTopic + $0, "t") } }
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func uniform(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A common word, low indexes much more often (roughly Zipf).
    private mutating func commonWord() -> String {
        let u = Double(next() % 1_000_000) / 1_000_000
        return common[min(common.count - 1, Int(pow(Double(common.count), u)) - 1)]
    }

    private mutating func sentence(_ topic: [String], words: Int) -> String {
        (0..<words).map { _ in uniform(5) == 0 ? topic[uniform(topic.count)] : commonWord() }.joined(separator: " ")
    }

    mutating func article() -> Article {
        count += 1
        let topic = topics[uniform(topics.count)]
        let body = (0..<6).map { _ in Block.paragraph([Span(sentence(topic, words: 50))]) }
        return Article(source: "", url: "https://bench.example/\(count)", guid: "a\(count)",
                       title: sentence(topic, words: 8), summary: sentence(topic, words: 25),
                       published: Date(timeIntervalSince1970: 1_700_000_000 + Double(count) * 60), body: body)
    }
}
