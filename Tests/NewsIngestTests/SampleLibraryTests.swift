import Foundation
import NewsModel
import Testing
@testable import NewsIngest

/// The bundled pages: they parse, they are marked as samples, and their related titles resolve
/// to exactly one other page by `TitleMatch.key`, except the deliberately unresolved ones.
@Suite struct SampleLibraryTests {
    /// Related titles that name no page on purpose (they must show as unresolved).
    static let deliberatelyUnresolved: Set<String> = [
        "Port Veldra mayor announces re-election bid",
        "Commuter rail fares frozen for winter",
        "Council budget talks stall over road tax",
        "Steelworks museum opens new wing",
        "Lantern festival ticket prices announced",
        "Millbrook Vale reservoir plan delayed again",
        "Orchard growers face labour shortage",
        "星見市長、来月欧州を訪問",
        "Hoshimi tea ceremony tour sold out",
        "Fireworks ban considered for festival night",
    ]

    let articles: [Article]

    init() throws {
        articles = try SampleLibrary.pages.map { try TextPageParser.parse(Data($0.text.utf8), name: $0.name) }
    }

    /// Pages other than `index` whose title or an alternate title has the key of `title`.
    private func matches(_ title: String, excluding index: Int) -> [Int] {
        let key = TitleMatch.key(title)
        return articles.indices.filter { other in
            other != index && ([articles[other].title] + articles[other].alternateTitles).contains { TitleMatch.key($0) == key }
        }
    }

    @Test func everyPageParsesAndArticlesMatch() {
        #expect(SampleLibrary.pages.count >= 10)
        #expect(SampleLibrary.articles() == articles)
        #expect(Set(SampleLibrary.pages.map(\.name)).count == SampleLibrary.pages.count)
        #expect(Set(articles.compactMap(\.guid)).count == articles.count)
    }

    @Test func firstPageIsTheSeedVerbatim() throws {
        let seed = try #require(String(data: try PageFixtures.page("seed-t4k3.txt"), encoding: .utf8))
        #expect(SampleLibrary.pages[0].text == seed)
        #expect(articles[0].source == "T4K3.news")
    }

    @Test func samplePagesAreMarkedAsSamples() {
        for article in articles.dropFirst() {
            #expect(article.source.hasSuffix("(sample)"), "\(article.title)")
        }
    }

    @Test func everyPageButOneHasExplicitHighlights() throws {
        let own: Set<HighlightKind> = [.takeaway, .highlight]
        let found = articles.filter { !$0.highlights.contains { own.contains($0.kind) } }
        #expect(found.map(\.title) == ["Harbor Bridge reopens for walkers ahead of lantern festival"])
        // That page shows highlights found in its body instead: the baker's words first.
        let quote = try #require(found.first?.highlights.first)
        #expect(quote.kind == .quote)
        #expect(quote.attribution == "Dara Quinn")
        #expect(quote.text.hasPrefix("Walking across this morning"))
    }

    @Test func formatCoverage() throws {
        func article(_ prefix: String) throws -> Article {
            try #require(articles.first { $0.title.hasPrefix(prefix) })
        }
        let cjk = try article("星見市")
        #expect(cjk.alternateTitles == ["Hoshimi and Port Veldra sign sister city pact"])
        #expect(cjk.highlights.filter { $0.kind == .takeaway }.map(\.attribution) == ["星見市の高峰市長、署名式で", "灯籠職人組合の代表"])
        #expect(cjk.body.contains(.heading(level: 2, text: "交流の次の一歩")))

        let emoji = try article("\u{1F4A7}")
        #expect(emoji.title == "\u{1F4A7} Farmers in Millbrook Vale switch to drip irrigation")

        let noTakeaways = try article("Engineers trace")
        #expect(!noTakeaways.highlights.isEmpty)
        #expect(noTakeaways.highlights.allSatisfy { $0.kind == .highlight })

        let noRelated = try article("Rain returns")
        #expect(noRelated.related.isEmpty)
        #expect(noRelated.highlights.count == 4)

        let repeated = try article("Harbor Bridge repair plan")
        #expect(repeated.highlights.filter { $0.kind == .highlight }.count == 4)
        #expect(repeated.highlights.filter { $0.kind == .takeaway }.count == 2)

        let festival = try article("Harbor lantern festival")
        #expect(festival.alternateTitles.first == "港の灯籠祭り、フェリーターミナルに会場を移す")
        // A bullet anchored through case folding ("Ferries" in the bullet, "ferries" in the body).
        let bullet = try #require(festival.highlights.first { $0.text.hasPrefix("Ferries will run") })
        let anchor = try #require(bullet.anchor)
        #expect(HighlightExtractor.text(at: anchor, in: festival.body) == "ferries will run every fifteen minutes on festival nights")
    }

    @Test func relatedTitlesResolveToExactlyOneOtherPage() {
        for (index, article) in articles.enumerated().dropFirst() {
            for link in article.related {
                let found = matches(link.title, excluding: index)
                if Self.deliberatelyUnresolved.contains(link.title) {
                    #expect(found.isEmpty, "\(link.title) should stay unresolved but matches \(found)")
                } else {
                    #expect(found.count == 1, "\(link.title) in \(article.title) matches \(found.count) pages")
                }
                #expect(!([article.title] + article.alternateTitles).contains { TitleMatch.key($0) == TitleMatch.key(link.title) })
            }
        }
        let listed = Set(articles.flatMap { $0.related.map(\.title) })
        #expect(Self.deliberatelyUnresolved.isSubset(of: listed))
    }

    @Test func someRelatedTitlesDifferInWordingFromTheirTarget() {
        var differing = 0
        for (index, article) in articles.enumerated().dropFirst() {
            for link in article.related {
                guard let target = matches(link.title, excluding: index).first else { continue }
                if !([articles[target].title] + articles[target].alternateTitles).contains(link.title) { differing += 1 }
            }
        }
        #expect(differing >= 6)
    }

    @Test func everySamplePageIsLinkedFromAnother() {
        for index in articles.indices.dropFirst() {
            let linked = articles.enumerated().contains { other, article in
                other != index && article.related.contains { matches($0.title, excluding: other).contains(index) }
            }
            #expect(linked, "\(articles[index].title) is not linked from any page")
        }
    }

    /// The seed's first related title is its own alternate headline: the store must skip it as
    /// self. None of the seed's related titles names a sample page.
    @Test func seedRelatedTitles() {
        let seed = articles[0]
        for link in seed.related { #expect(matches(link.title, excluding: 0).isEmpty) }
        #expect(TitleMatch.key(seed.related[0].title) == TitleMatch.key(seed.alternateTitles[1]))
    }

    @Test func extractionAnchorsHoldOnEveryPage() {
        for article in articles {
            let highlights = HighlightExtractor.extract(from: article.body, explicit: article.highlights)
            for highlight in highlights {
                guard let anchor = highlight.anchor else { continue }
                let text = HighlightExtractor.text(at: anchor, in: article.body)
                if highlight.kind == .highlight {
                    #expect(text.map(Prose.comparable) == Prose.comparable(highlight.text))
                } else {
                    #expect(text == highlight.text, "\(article.title): \(highlight.text)")
                }
            }
        }
        let walkers = articles.first { $0.title.hasPrefix("Harbor Bridge reopens") }
        let extracted = walkers.map { HighlightExtractor.extract(from: $0.body, explicit: $0.highlights) } ?? []
        #expect(extracted.contains { $0.kind == .quote && $0.attribution == "Dara Quinn" })
        #expect(extracted.contains { $0.kind == .quote && $0.attribution == "the city engineer" })
    }
}
