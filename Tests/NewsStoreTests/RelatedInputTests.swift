import NewsModel
import Testing
@testable import NewsStore

/// The body links a related-story update looks up.
@Suite struct RelatedInputTests {
    private static func article(url: String?, links: [[String?]]) -> Article {
        Article(source: "S", url: url, title: "T", body: links.map { paragraph in
            .paragraph(paragraph.map { Span("text", link: $0) })
        } + [.heading(level: 2, text: "no links"), .quote([Span("q", link: "https://q.example/")], attribution: nil)])
    }

    @Test func linksAreDistinctInOrderWithoutTheOwnPage() {
        let article = Self.article(url: "https://own.example/", links: [
            ["https://a.example/", nil, "https://own.example/", "https://b.example/"],
            ["https://a.example/", "https://c.example/"],
        ])
        #expect(RelatedInput.links(of: article)
                == ["https://a.example/", "https://b.example/", "https://c.example/", "https://q.example/"])
    }

    /// Past a dozen links the distinct ones are kept with a set: the result is the same.
    @Test func manyLinksWithRepeatsKeepTheFirstOfEach() {
        let urls = (0..<40).map { "https://example.com/\($0 % 25)" }
        let article = Self.article(url: "https://example.com/7", links: [urls, urls.reversed()])
        var expected = (0..<25).map { "https://example.com/\($0)" }
        expected.removeAll { $0 == "https://example.com/7" }
        #expect(RelatedInput.links(of: article) == expected + ["https://q.example/"])
    }
}
