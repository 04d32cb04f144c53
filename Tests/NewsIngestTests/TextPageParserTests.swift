import Foundation
import NewsModel
import Testing
@testable import NewsIngest

/// Text pages other than the seed: line endings, encodings, missing and repeated sections,
/// non-Latin text, messy whitespace, and files that are not pages at all.
@Suite struct TextPageParserTests {
    private func parse(_ name: String) throws -> Article {
        try TextPageParser.parse(try PageFixtures.page(name), name: name)
    }

    private func seedText() throws -> String {
        try #require(String(data: try PageFixtures.page("seed-t4k3.txt"), encoding: .utf8))
    }

    // MARK: Line endings and encodings

    @Test(arguments: ["\r\n", "\r", "\u{2028}"])
    func lineEndingsDoNotChangeTheArticle(ending: String) throws {
        let text = try seedText()
        let expected = try TextPageParser.parse(Data(text.utf8), name: "lf")
        let converted = text.replacingOccurrences(of: "\n", with: ending)
        #expect(try TextPageParser.parse(Data(converted.utf8), name: "converted") == expected)
    }

    @Test func byteOrderMarksAreDropped() throws {
        let text = try seedText()
        let expected = try TextPageParser.parse(Data(text.utf8), name: "plain")
        let utf8BOM = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        #expect(try TextPageParser.parse(utf8BOM, name: "bom") == expected)
        let utf16 = try #require(text.data(using: .utf16)) // starts with a BOM
        #expect(try TextPageParser.parse(utf16, name: "utf16") == expected)
    }

    @Test func aFewInvalidBytesBecomeReplacementCharacters() throws {
        var bytes = Array("Sample Wire (sample)\nA title with a bad byte \u{0}here\nSummary line.\n\nBody text.".utf8)
        let nul = try #require(bytes.firstIndex(of: 0))
        bytes[nul] = 0xFF
        let article = try TextPageParser.parse(Data(bytes), name: "one-bad-byte.txt")
        #expect(article.title == "A title with a bad byte \u{FFFD}here")
    }

    @Test func controlCharactersAndEscapesAreCleaned() throws {
        let text = "Sample Wire (sample)\nTitle \u{1B}[31mred\u{1B}[0m text\nSummary\u{7} line.\n\nBody.\n"
        let article = try TextPageParser.parse(Data(text.utf8), name: "escapes.txt")
        #expect(article.title == "Title red text")
        #expect(article.summary == "Summary line.")
    }

    // MARK: Errors

    @Test func emptyFiles() {
        #expect(throws: TextPageError.empty(name: "empty.txt")) {
            try TextPageParser.parse(Data(), name: "empty.txt")
        }
        #expect(throws: TextPageError.empty(name: "blank.txt")) {
            try TextPageParser.parse(Data(" \n\t\r\n\n".utf8), name: "blank.txt")
        }
    }

    @Test func binaryFiles() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48])
        let error = try #require(throws: TextPageError.self) { try TextPageParser.parse(png, name: "logo.png") }
        guard case .binary = error else { Issue.record("expected .binary, got \(error)"); return }
        #expect(error.description.hasPrefix("logo.png: "))

        // No NULs, but mostly invalid UTF-8 (Latin-1 bytes of a long text).
        let latin1 = Data((0..<400).map { UInt8(0xC0 + $0 % 0x3F) ^ 0x20 })
        let error2 = try #require(throws: TextPageError.self) { try TextPageParser.parse(latin1, name: "noise.bin") }
        guard case .binary(let name, _) = error2 else { Issue.record("expected .binary, got \(error2)"); return }
        #expect(name == "noise.bin")
    }

    @Test(arguments: [
        ("feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title></channel></rss>\n", "XML"),
        ("page.html", "\n<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>\n", "HTML"),
        ("feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\"}\n", "JSON"),
        ("list.json", "[1, 2, 3]\n", "JSON"),
        ("two-lines.txt", "Sample Wire (sample)\nOnly a title\n", "summary"),
        ("prose.txt", "This first line is a long sentence of prose that cannot be the name of any site at all.\nSecond.\nThird.\n", "site"),
        ("markers.txt", "Sample Wire (sample)\nA title\nRelated News\nSomething\n", "summary"),
    ])
    func notANewsPage(name: String, text: String, reasonMentions: String) throws {
        let error = try #require(throws: TextPageError.self) { try TextPageParser.parse(Data(text.utf8), name: name) }
        guard case .notANewsPage(let errorName, let reason) = error else {
            Issue.record("expected .notANewsPage, got \(error)")
            return
        }
        #expect(errorName == name)
        #expect(reason.contains(reasonMentions))
        #expect(error.description.hasPrefix("\(name): not a news page"))
    }

    // MARK: Sections

    @Test func noTakeawaysNoHighlightsNoRelated() throws {
        let article = try parse("no-takeaways-no-related.txt")
        #expect(article.title == "Valley orchard reports its best apple harvest in a decade")
        #expect(article.alternateTitles.isEmpty)
        #expect(article.related.isEmpty)
        #expect(article.body.count == 3)
        #expect(article.body.allSatisfy { if case .paragraph = $0 { true } else { false } })
        // Without takeaways or highlights of its own, the page's are found in its body, as a feed
        // article's are: the quotation with its speaker first, each anchored on its own text.
        let quote = try #require(article.highlights.first)
        #expect(quote.kind == .quote)
        #expect(quote.text == "It has been a remarkable year for the whole valley")
        #expect(quote.attribution == "Orla Penn")
        #expect(!article.highlights.contains { $0.kind == .takeaway || $0.kind == .highlight })
        for highlight in article.highlights {
            let anchor = try #require(highlight.anchor, "\(highlight.text) has no anchor")
            let scalars = Array(article.body[anchor.block].plainText.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[anchor.start..<anchor.end])) == highlight.text)
        }
    }

    @Test func aPageWithItsOwnHighlightsGetsNoneFound() throws {
        // The seed has quotations in its body too; only its own takeaways and bullets are kept.
        let article = try TextPageParser.parse(Data(try seedText().utf8), name: "seed.txt")
        #expect(article.highlights.map(\.kind) == [.takeaway, .takeaway, .takeaway, .takeaway,
                                                    .highlight, .highlight, .highlight, .highlight])
    }

    @Test func repeatedSectionsAccumulate() throws {
        let article = try parse("repeated-sections.txt")
        #expect(article.alternateTitles.isEmpty)
        let takeaways = article.highlights.filter { $0.kind == .takeaway }
        #expect(takeaways.map(\.text) == ["We missed the noise and the lights", "Parking will be a headache"])
        #expect(takeaways.map(\.attribution) == ["A stallholder on the return", "A resident of Old Quay"])
        #expect(article.highlights.filter { $0.kind == .highlight }.map(\.text) == [
            "Market opens every Friday and Saturday", "Forty stalls have signed up", "Two streets will close to traffic",
        ])
        #expect(article.highlights.map(\.kind) == [.takeaway, .takeaway, .highlight, .highlight, .highlight])
        // Bullets whose text is not in the body stay unanchored.
        #expect(article.highlights.filter { $0.kind == .highlight }.allSatisfy { $0.anchor == nil })
        #expect(article.body.contains(.heading(level: 2, text: "What changed")))
        #expect(article.related.map(\.title) == [
            "Old Quay council debates street closures", "Old Quay night market draws record crowds",
        ])
    }

    @Test func trailingSpacesTabsAndCurlyQuotes() throws {
        let article = try parse("messy-whitespace.txt")
        #expect(article.source == "Sample Wire (sample)")
        #expect(article.title == "Quarry town votes to reopen its railway station")
        #expect(article.summary == "Voters in the fictional town of Greystone backed a plan to reopen the station.")
        #expect(article.alternateTitles == ["Greystone backs railway revival"])
        let takeaways = article.highlights.filter { $0.kind == .takeaway }
        #expect(takeaways.map(\.text) == [
            "We have waited long enough", "It is a good day for the valley.", "Trains bring people, and people bring business",
        ])
        #expect(takeaways.map(\.attribution) == ["Mayor Tilda Marsh on the vote", "A commuter at the old station", nil])
        let bullets = article.highlights.filter { $0.kind == .highlight }
        #expect(bullets.map(\.text) == ["We have waited long enough", "Trains bring people, and people bring business"])
        #expect(bullets.map(\.anchor) == [takeaways[0].anchor, takeaways[2].anchor])
        #expect(!article.body.map(\.plainText).contains("Share this article"))
        #expect(article.related.map(\.title) == [
            "Greystone station plan goes to council", "\u{201C}Greystone\u{2019}s railway\u{201D}: a history",
        ])
    }

    @Test func cyrillicPage() throws {
        let article = try parse("cyrillic.txt")
        #expect(article.title == "Вымышленск открыл новый мост через реку Тихая")
        #expect(article.alternateTitles == ["Вымышленск соединил два берега реки Тихая"])
        let takeaway = try #require(article.highlights.first)
        #expect(takeaway.kind == .takeaway)
        #expect(takeaway.text == "Мост изменит жизнь города")
        #expect(takeaway.attribution == "Мэр Вымышленска о значении моста")
        #expect(article.body.contains(.heading(level: 2, text: "Что дальше")))
        let bullets = article.highlights.filter { $0.kind == .highlight }
        #expect(bullets.count == 2)
        #expect(bullets[0].anchor == takeaway.anchor)
        #expect(bullets[1].anchor == nil)
        #expect(article.related.map(\.title) == ["Вымышленск готовится к открытию моста"])
    }

    @Test func arabicPage() throws {
        let article = try parse("arabic.txt")
        #expect(article.source == "صحيفة النموذج (sample)")
        #expect(article.title == "مدينة الخيال تفتتح مكتبة عامة جديدة")
        #expect(article.alternateTitles == ["مكتبة جديدة في مدينة الخيال"])
        #expect(article.highlights.map(\.text) == ["المكتبة مفتوحة للجميع"])
        #expect(article.highlights.map(\.attribution) == ["رئيس البلدية عن المكتبة الجديدة"])
        // A question ends a sentence: it is a paragraph, not an attribution or heading.
        #expect(article.body.last == .paragraph([Span("هل تكفي مكتبة واحدة لمدينة كاملة؟")]))
        #expect(article.related.count == 1)
    }

    @Test func headingNeedsBodyTextAfterIt() throws {
        let text = """
            Sample Wire (sample)
            A title
            A summary.

            First paragraph of the story, long enough and ending with a period.
            A short line before a marker
            Highlights
            - one
            A short line before another short line
            Heading before a bullet
            - a list item
            Heading before a paragraph
            The paragraph.
            """
        let article = try TextPageParser.parse(Data(text.utf8), name: "headings.txt")
        #expect(article.body == [
            .paragraph([Span("First paragraph of the story, long enough and ending with a period.")]),
            .paragraph([Span("A short line before a marker")]),
            .paragraph([Span("A short line before another short line")]),
            .heading(level: 2, text: "Heading before a bullet"),
            .listItem([Span("a list item")], depth: 0, number: nil),
            .heading(level: 2, text: "Heading before a paragraph"),
            .paragraph([Span("The paragraph.")]),
        ])
        #expect(article.highlights.map(\.text) == ["one"])
    }

    @Test func alternateEqualToTheTitleIsDropped() throws {
        let text = "Site (sample)\nBridge closes for repairs\nSummary.\n\nBRIDGE CLOSES ON REPAIRS\nBridge shut for repairs\n"
            + "Bridge shut for repairs\nBody.\n"
        let article = try TextPageParser.parse(Data(text.utf8), name: "dup.txt")
        #expect(article.alternateTitles == ["Bridge shut for repairs"])
        #expect(article.body == [.paragraph([Span("Body.")])])
    }

    @Test func guidDependsOnSiteAndNormalisedTitle() {
        let a = TextPageParser.guid(site: "T4K3.news", title: "Russia seeks veto in Ukraine security guarantees")
        #expect(a == TextPageParser.guid(site: "t4k3.news", title: "Russia seeks veto on Ukraine security guarantees"))
        #expect(a != TextPageParser.guid(site: "Other (sample)", title: "Russia seeks veto in Ukraine security guarantees"))
        #expect(a.count == "page:".count + 16)
    }
}
