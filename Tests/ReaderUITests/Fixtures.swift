import Foundation
import NewsModel
import TerminalUI
@testable import ReaderUI

/// News values built in code for reducer and screen tests.
enum Fixtures {
    /// 2025-03-04 12:00 UTC: the clock of every fixture state.
    static let now = Date(timeIntervalSince1970: 1_741_089_600)

    static func ago(hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    static let feeds: [FeedSummary] = [
        FeedSummary(feed: Feed(id: FeedID(1), url: "https://t4k3.news/feed", title: "T4K3.news"), unread: 12, total: 340),
        FeedSummary(feed: Feed(id: FeedID(2), url: "https://nikkei.example/rss", title: "日本経済ニュース"), unread: 3, total: 50),
        FeedSummary(feed: Feed(id: FeedID(3), url: "https://emoji.example/feed", title: "Emoji Daily 🎉"), unread: 0, total: 20),
        FeedSummary(feed: Feed(id: FeedID(4), url: "https://long.example/feed",
                               title: "The Long Feed Name Weekly Review of Absolutely Everything"), unread: 5, total: 930),
    ]

    static let unreadTotal = 20

    /// Titles that exercise width: ASCII, CJK, emoji with a skin tone, and a long one.
    static let titles = [
        "Tariffs rise as talks stall in Geneva",
        "日本の経済成長が予想を上回る",
        "🎉 Emoji titles 👍🏽 must align",
        "A very long headline that will certainly need truncation in any reasonable pane width at all",
        "Central bank holds rates steady",
        "東京で新しい電車が開通",
        "Storm warning for the coast ⛈️",
        "Markets close higher",
    ]

    static let sources = ["T4K3.news", "日本経済ニュース", "Emoji Daily 🎉", "The Long Feed Name Weekly"]

    /// Headline `index` of the "All" scope: titles cycle, every third is read, every fifth starred.
    static func headline(_ index: Int) -> Headline {
        let feed = index % 4
        return Headline(id: ArticleID(Int64(101 + index)), feedID: FeedID(Int64(feed + 1)),
                        title: index < titles.count ? titles[index] : "Story number \(index + 1)",
                        source: sources[feed], date: ago(hours: Double(index) * 7 + 0.5),
                        isRead: index % 3 == 2, isStarred: index % 5 == 1,
                        url: "https://example.com/story/\(index + 1)")
    }

    /// Rows `offset..<offset+limit` of a scope of `total` headlines.
    static func page(offset: Int, limit: Int, total: Int) -> [Headline] {
        (offset..<min(total, offset + limit)).map(headline)
    }

    /// The article behind headline 0: every block kind, links, a takeaway, related stories.
    static let article = Article(
        id: ArticleID(101), feedID: FeedID(1), source: "T4K3.news", url: "https://t4k3.news/tariffs",
        title: "Tariffs rise as talks stall in Geneva", summary: "Negotiators left without a deal.",
        author: "Jane Doe", published: ago(hours: 0.5),
        body: [
            .paragraph([Span("Negotiators left Geneva on Monday without a deal. "),
                        Span("Officials", link: "https://example.com/officials"),
                        Span(" said talks would resume. Markets fell sharply after the news.")]),
            .heading(level: 2, text: "What happens next"),
            .quote([Span("Tariffs will rise by ten percent on the first of the month.")], attribution: "Trade ministry"),
            .listItem([Span("Steel and aluminium")], depth: 0, number: nil),
            .listItem([Span("Cars and "), Span("car parts", link: "https://example.com/parts")], depth: 0, number: nil),
            .paragraph([Span("日本の代表団は協議の継続を求めた。"), Span("Exporters warned of delays. "),
                        Span("Prices could rise.", emphasis: true)]),
            .paragraph([Span("Analysts expect a second round in April. Some think a deal is close. Others doubt it.")]),
        ],
        highlights: [
            Highlight(id: HighlightID(1), kind: .takeaway, text: "Tariffs will rise by ten percent on the first of the month.",
                      attribution: "Trade ministry", anchor: Anchor(block: 2, start: 0, end: 59), position: 0),
            Highlight(id: HighlightID(2), kind: .keySentence, text: "Markets fell sharply after the news.",
                      anchor: Anchor(block: 0, start: 85, end: 121), position: 1),
            Highlight(id: HighlightID(3), kind: .quote, text: "We will be back.", attribution: "Lead negotiator", position: 2),
        ],
        related: [
            RelatedLink(title: "Steel makers brace for tariffs", url: "https://t4k3.news/steel",
                        articleID: ArticleID(102), kind: .explicit),
            RelatedLink(title: "An older story that is not stored", url: "https://t4k3.news/old", kind: .explicit),
            RelatedLink(title: "Geneva talks end without agreement", articleID: ArticleID(103), kind: .sameStory,
                        score: 0.9, source: "日本経済ニュース"),
            RelatedLink(title: "Trade talks collapse", articleID: ArticleID(104), kind: .sameStory,
                        score: 0.8, source: "Emoji Daily 🎉"),
            RelatedLink(title: "Tariff history explained", articleID: ArticleID(105), kind: .similar, score: 0.5),
        ])

    /// A bookmark of the takeaway highlight.
    static let takeawayBookmark = Bookmark(
        id: BookmarkID(7), articleID: ArticleID(101), highlightID: HighlightID(1), kind: .takeaway,
        text: "Tariffs will rise by ten percent on the first of the month.", attribution: "Trade ministry",
        anchor: Anchor(block: 2, start: 0, end: 59), note: "check in April", tags: ["trade"],
        created: ago(hours: 30))

    /// A long article (for scrolling and resize tests): `count` paragraphs of several sentences.
    static func longArticle(id: Int64, paragraphs count: Int = 40) -> Article {
        let body = (0..<count).map { n in
            Block.paragraph([Span("Paragraph \(n) begins here. It has a second sentence that runs on for a while. "
                                  + "And a third one, to make the wrap interesting at every width.")])
        }
        return Article(id: ArticleID(id), feedID: FeedID(1), source: "T4K3.news", title: "Long read \(id)",
                       published: ago(hours: 5), body: body,
                       related: [RelatedLink(title: "Tariffs rise", articleID: ArticleID(101), kind: .explicit)])
    }

    /// A state of the given size with feeds and the first page of "All" (1,340 headlines).
    static func loadedState(width: Int = 120, height: Int = 40) -> AppState {
        var state = AppState(width: width, height: height, now: now, themeNames: ["default", "light", "mono"])
        _ = reduce(&state, .start)
        _ = reduce(&state, .feedsLoaded(feeds, unread: unreadTotal))
        _ = reduce(&state, .headlinesLoaded(.all, offset: 0, rows: page(offset: 0, limit: 200, total: 1340), total: 1340))
        return state
    }

    /// `loadedState` with the fixture article open and its takeaway bookmarked.
    static func readingState(width: Int = 120, height: Int = 40) -> AppState {
        var state = loadedState(width: width, height: height)
        _ = reduce(&state, .open)
        _ = reduce(&state, .articleLoaded(article, bookmarks: [takeawayBookmark]))
        return state
    }
}

/// Runs actions through `reduce`, collecting the effects.
@discardableResult
func send(_ state: inout AppState, _ actions: Action...) -> [Effect] {
    actions.flatMap { reduce(&state, $0) }
}

/// Presses keys through the state's keymap and `reduce`, collecting the effects.
@discardableResult
func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        if let action = state.keymap.action(for: key, in: state.keyContext) {
            effects += reduce(&state, action)
        }
    }
    return effects
}

/// Keys for the characters of `text`, for key scripts: `keys("jjl")`.
func keys(_ text: String) -> [Key] { text.map { Key.char($0) } }

@discardableResult
func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        if let action = state.keymap.action(for: key, in: state.keyContext) {
            effects += reduce(&state, action)
        }
    }
    return effects
}
