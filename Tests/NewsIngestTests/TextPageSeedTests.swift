import Foundation
import NewsModel
import Testing
@testable import NewsIngest

/// The shared seed page (`Fixtures/pages/seed-t4k3.txt`, a copy of
/// `/work/shared/seeds/000_592e6f81161ab51e.txt`) read with its exact expectations.
@Suite struct TextPageSeedTests {
    let article: Article

    init() throws {
        article = try TextPageParser.parse(try PageFixtures.page("seed-t4k3.txt"), name: "seed-t4k3.txt")
    }

    @Test func header() {
        #expect(article.source == "T4K3.news")
        #expect(article.title == "Russia seeks veto in Ukraine security guarantees")
        #expect(article.summary == "Lavrov says Moscow must be involved with China in any guarantees for Ukraine, "
                + "risking a veto over Kyiv\u{2019}s defense.")
        #expect(article.guid == TextPageParser.guid(site: "T4K3.news", title: article.title))
        #expect(article.guid?.hasPrefix("page:") == true)
    }

    @Test func alternateTitles() {
        #expect(article.alternateTitles == [
            "Lavrov says any guarantee for Ukraine must include Moscow and China, threatening a veto over future defense of Kyiv",
            "Russia demands veto in Ukraine security guarantees",
        ])
    }

    @Test func takeawaysWithAttributions() {
        let takeaways = article.highlights.filter { $0.kind == .takeaway }
        #expect(takeaways.map(\.text) == [
            "We cannot agree with the fact that it is now proposed to resolve collective security issues without the Russian Federation",
            "This will not work",
            "the first time we had ever heard the Russians agree to that",
            "involving China is a WTF moment",
        ])
        #expect(takeaways.map(\.attribution) == [
            "Lavrov on Russia's role in guarantees",
            "Lavrov dismissing Europe\u{2019}s approach",
            "Steve Witkoff on a potential breakthrough",
            "EU diplomat\u{2019}s reaction to China's role",
        ])
    }

    @Test func takeawaysAreQuoteBlocksAnchoredInPlace() throws {
        for takeaway in article.highlights where takeaway.kind == .takeaway {
            let anchor = try #require(takeaway.anchor)
            guard case .quote(let spans, let attribution) = article.body[anchor.block] else {
                Issue.record("takeaway anchor \(anchor) is not a quote block")
                continue
            }
            #expect(spans.map(\.text).joined() == takeaway.text)
            #expect(attribution == takeaway.attribution)
            #expect(HighlightExtractor.text(at: anchor, in: article.body) == takeaway.text)
        }
        // The quotes stand after the two opening paragraphs, before the analysis.
        let kinds = article.body.map { block -> String in
            switch block {
            case .paragraph: return "p"
            case .quote: return "q"
            case .heading: return "h"
            default: return "?"
            }
        }
        #expect(kinds == ["p", "p", "q", "q", "q", "q", "p", "p", "h", "p", "p"])
    }

    @Test func highlightBulletsFollowTakeawaysAndAnchorToTheQuotes() throws {
        #expect(article.highlights.map(\.position) == Array(0..<8))
        let bullets = article.highlights.filter { $0.kind == .highlight }
        #expect(bullets.count == 4)
        let takeaways = article.highlights.filter { $0.kind == .takeaway }
        for (bullet, takeaway) in zip(bullets, takeaways) {
            #expect(bullet.text == takeaway.text)
            #expect(bullet.anchor == takeaway.anchor)
            #expect(bullet.attribution == nil)
        }
    }

    @Test func bodyParagraphsHeadingAndClosingLine() {
        let texts = article.body.map(\.plainText)
        #expect(texts.first?.hasPrefix("Russia has said it will only back security guarantees") == true)
        #expect(texts.contains { $0.hasPrefix("US officials have tried to frame recent talks") })
        #expect(texts.contains { $0.hasPrefix("Russia\u{2019}s insistence on veto power signals") })
        #expect(texts.contains { $0.hasPrefix("China\u{2019}s involvement highlights a broader geostrategic shift") })
        #expect(article.body.contains(.heading(level: 2, text: "High stakes over security guarantees")))
        let heading = article.body.firstIndex(of: .heading(level: 2, text: "High stakes over security guarantees"))
        if let heading {
            #expect(article.body[heading + 1].plainText.hasPrefix("The demand for a Russian veto"))
        }
        #expect(article.body.last == .paragraph([Span(
            "The next moves will reveal how far diplomacy can bend without breaking Ukraine\u{2019}s security")]))
        #expect(!texts.contains { $0.contains("Enjoyed this") })
        #expect(!texts.contains { $0 == "Key Takeaways" || $0 == "Highlights" || $0 == "Related News" })
        #expect(!texts.contains { $0.hasPrefix("Lavrov says any guarantee") })
    }

    @Test func relatedTitles() {
        #expect(article.related.map(\.title) == [
            "Russia demands veto on Ukraine security guarantees",
            "Starmer and Trump clash on Ukraine NATO membership",
            "Ukraine security talks risk uncertain path",
            "Alaska summit updates",
            "Nordic Baltic bloc backs Ukraine sovereignty after Alaska talks",
            "Ukraine security guarantees discussed in Washington",
            "Ukraine seeks security guarantees at Alaska summit with Trump and Putin",
            "Putin Trump Alaska Summit and Ukraine security",
        ])
        #expect(article.related.allSatisfy { $0.kind == .explicit && $0.articleID == nil && $0.url == nil })
    }

    /// The seed lists itself under its alternate headline; the store must skip that as self.
    @Test func firstRelatedTitleIsTheSeedsOwnAlternateHeadline() {
        let first = TitleMatch.key(article.related[0].title)
        #expect(first == TitleMatch.key(article.alternateTitles[1]))
        #expect(first != TitleMatch.key(article.title))
    }

    @Test func sameInputGivesSameArticle() throws {
        let again = try TextPageParser.parse(try PageFixtures.page("seed-t4k3.txt"), name: "other-name.txt")
        #expect(again == article)
    }
}
