import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// Blocks and a width in, wrapped lines with link numbers and anchor maps out.
@Suite struct ArticleLayoutTests {
    @Test func linksAreNumberedAfterTheirTextInReadingOrder() {
        let layout = ArticleLayout(article: Fixtures.article, width: 200)
        let body0 = layout.blocks[layout.bodyBlocks[0]]
        #expect(body0.text == "Negotiators left Geneva on Monday without a deal. Officials[1] said talks would resume. Markets fell sharply after the news.")
        #expect(layout.blocks[layout.bodyBlocks[4]].text == "Cars and car parts[2]")
        #expect(layout.targets.map(\.kind) == [
            .link(url: "https://example.com/officials", number: 1),
            .link(url: "https://example.com/parts", number: 2),
            .related(0, ArticleID(102)), .related(2, ArticleID(103)), .related(3, ArticleID(104)),
            .related(4, ArticleID(105)),
        ])
    }

    @Test func plainAndDisplayOffsetsConvertBothWays() {
        let layout = ArticleLayout(article: Fixtures.article, width: 200)
        // "Officials" is plain 50..<59; its number [1] is display 59..<62.
        #expect(layout.displayOffset(body: 0, plain: 50, isEnd: false) == 50)
        #expect(layout.displayOffset(body: 0, plain: 59, isEnd: true) == 59)
        #expect(layout.displayOffset(body: 0, plain: 59, isEnd: false) == 62)
        #expect(layout.displayOffset(body: 0, plain: 121, isEnd: true) == 124)
        for plain in 0...121 {
            let display = layout.displayOffset(body: 0, plain: plain, isEnd: false)
            #expect(layout.plainOffset(body: 0, display: display) == plain)
        }
    }

    @Test func wrappedLinesFitTheWidthAtEveryWidth() {
        // Width 1 is left out: a wide glyph cannot fit and takes a line of its own (see `wrapLines`).
        for width in [0, 2, 5, 9, 10, 17, 40, 77, 100] {
            let layout = ArticleLayout(article: Fixtures.article, width: width)
            for line in layout.lines {
                #expect(DisplayWidth.of(line.prefix) + DisplayWidth.of(line.text) <= max(width, 0),
                        "\(line.prefix)\(line.text) fits \(width)")
            }
            if width == 0 { #expect(layout.lines.isEmpty) }
        }
    }

    @Test func cjkWrapsBetweenCharacters() {
        let layout = ArticleLayout(article: Fixtures.article, width: 20)
        let block = layout.bodyBlocks[5]
        let texts = layout.lines.filter { $0.block == block && !$0.isBlank }.map(\.text)
        #expect(texts.first == "日本の代表団は協議の")
        #expect(texts.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func anchorsMapToTheLinesTheyCoverAtAnyWidth() throws {
        let anchor = try #require(Fixtures.article.highlights[1].anchor)  // "Markets fell sharply…"
        for width in [20, 33, 60, 200] {
            let layout = ArticleLayout(article: Fixtures.article, width: width)
            let lines = try #require(layout.lines(of: anchor))
            let shown = lines.map { layout.lines[$0].text }.joined(separator: " ")
            #expect(shown.contains("Markets"), "width \(width)")
            #expect(shown.contains("news."), "width \(width)")
        }
    }

    @Test func reflowKeepsTheTextAtTheTopOfTheView() throws {
        let article = Fixtures.longArticle(id: 1)
        let wide = ArticleLayout(article: article, width: 90)
        for line in stride(from: 0, to: wide.lines.count, by: 7) {
            let position = wide.position(ofLine: line)
            for width in [25, 40, 61] {
                let narrow = ArticleLayout(article: article, width: width)
                let moved = narrow.reflow(position, from: wide)
                #expect(moved.block == position.block)
                let old = wide.lines[line], new = narrow.lines[narrow.line(at: moved)]
                if !old.isBlank {
                    #expect(new.start <= old.start && old.start < new.end)
                }
            }
        }
    }

    @Test func relatedStoriesAreGroupedAndOnlyResolvedOnesSelectable() {
        let layout = ArticleLayout(article: Fixtures.article, width: 60)
        let headings = layout.blocks.compactMap { block -> String? in
            if case .relatedHeading = block.part { return block.text } else { return nil }
        }
        #expect(headings == ["Related", "More on this story", "Similar stories"])
        let unresolved = layout.blocks.first { $0.part == .related(1) }
        #expect(unresolved?.runs.first?.role == .relatedUnresolved)
        #expect(unresolved?.runs.first?.target == nil)
        let sameStory = layout.blocks.first { $0.part == .related(2) }
        #expect(sameStory?.firstPrefix.hasPrefix("日本経済ニュース") == true)
    }

    @Test func quotesCarryTheirAttribution() {
        let layout = ArticleLayout(article: Fixtures.article, width: 60)
        let quote = layout.bodyBlocks[2]
        let lines = layout.lines.filter { $0.block == quote && !$0.isBlank }
        #expect(lines.map { $0.prefix + $0.text } == [
            "  │ Tariffs will rise by ten percent on the first of the",
            "  │ month.",
            "  │ — Trade ministry",
        ])
    }

    @Test func theSummaryIsSkippedWhenTheBodyRepeatsIt() {
        var article = Fixtures.article
        article.summary = "Negotiators left Geneva on Monday without a deal."
        let layout = ArticleLayout(article: article, width: 60)
        #expect(!layout.blocks.contains { $0.part == .summary })
    }

    @Test func sentencesSplitSimply() {
        let text = "Mr. Smith went to Washington. He said “no.” Then he left! 日本語の文。次の文。Done"
        let sentences = Sentences.ranges(in: text).map { range -> String in
            let scalars = Array(text.unicodeScalars)[range]
            return String(String.UnicodeScalarView(scalars))
        }
        #expect(sentences == ["Mr. Smith went to Washington.", "He said “no.”", "Then he left!", "日本語の文。", "次の文。", "Done"])
    }
}
