import Foundation
import NewsModel

/// Deterministic synthetic news for the scale, relatedness and frame workloads: articles made
/// straight as values (no feed parsing), with "heliotrope" in about 2% of bodies and 0.5% of
/// titles like the corpus generator. Each article belongs to one of `stories` stories, named by
/// two invented words in its title and body, so related-story code has real relations to find.
struct SyntheticNews {
    /// SplitMix64: small, fast, and the same sequence everywhere.
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }

    static let words = """
        the of and to in is that for it as was with be by on not he this are or his from at which \
        but have an they you were her she there been one all we their has would when if so no out \
        kernel compiler latency throughput cache terminal feed reader parser socket buffer thread \
        memory allocator database index query journal schema migration release version patch review \
        benchmark profile unicode render layout window column cursor scroll keyboard network protocol \
        request response header timeout retry mirror archive editor garden river mountain harbor \
        village market weather season autumn winter summer spring morning evening coffee letter \
        history museum library author chapter novel poem essay interview policy election budget \
        council court science physics biology chemistry galaxy planet orbit telescope satellite \
        ocean climate forest energy battery solar wind engine vehicle bicycle railway station quiet \
        sudden bright narrow distant careful simple complex ancient modern rapid gentle curious
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    mutating func words(_ range: ClosedRange<Int>) -> String {
        (0..<int(range)).map { _ in Self.words[int(0...(Self.words.count - 1))] }.joined(separator: " ")
    }

    mutating func title() -> String {
        var title = words(4...11)
        title = title.prefix(1).uppercased() + title.dropFirst()
        if chance(0.005) { title += " heliotrope" }
        return title
    }

    /// A body of 3–8 blocks, about 2–4 KB of text, sometimes with a link or a heading.
    mutating func body() -> [Block] {
        var blocks: [Block] = []
        for index in 0..<int(3...8) {
            if index > 0, chance(0.15) {
                blocks.append(.heading(level: 2, text: words(3...7).capitalized))
                continue
            }
            let text = words(40...90)
            var spans = [Span(text.prefix(1).uppercased() + text.dropFirst() + ".")]
            if chance(0.3) { spans.append(Span(" " + words(1...3), link: "https://example.org/\(next() % 100_000)")) }
            blocks.append(.paragraph(spans))
        }
        if chance(0.02), case .paragraph(var spans) = blocks[0] {
            spans.insert(Span("The heliotrope "), at: 0)
            blocks[0] = .paragraph(spans)
        }
        return blocks
    }

    /// Stories the articles are drawn from.
    static let stories = 20_000

    /// The two words that name story `story` ("Kalomi Ventorqui").
    static func storyName(_ story: Int) -> String {
        let syllables = ["ka", "lo", "mi", "ra", "ven", "tor", "qui", "zan", "bel", "dor", "fi", "gus"]
        func word(_ n: Int) -> String {
            var n = n, word = ""
            for _ in 0..<3 {
                word += syllables[n % syllables.count]
                n /= syllables.count
            }
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        return word(story) + " " + word(story &* 7 &+ 1_000)
    }

    /// Article `index` of feed `feed`, `index` steps of ten minutes before `newest`.
    mutating func article(feed: Int, index: Int, newest: Date) -> Article {
        let story = Self.storyName(int(0...(Self.stories - 1)))
        var body = body()
        body.insert(.paragraph([Span("\(story) \(words(20...40)).")]), at: min(1, body.count))
        return Article(source: "Synthetic \(feed)", url: "https://site\(feed).example.org/item-\(index).html",
                       guid: "synthetic:\(feed):\(index)", title: title() + " — " + story, summary: words(15...30),
                       author: words(2...2).capitalized,
                       published: newest.addingTimeInterval(-Double(index) * 600 - Double(feed)),
                       body: body)
    }
}
