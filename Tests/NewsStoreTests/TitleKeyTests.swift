import NewsModel
import Testing
@testable import NewsStore

@Suite struct TitleKeyTests {
    @Test(arguments: [
        ("Russia’s Veto, in Ukraine!", "russias veto ukraine"),
        ("Russia's veto in   Ukraine", "russias veto ukraine"),
        ("The U.S. and the Café Über-Stadt", "us cafe uber stadt"),
        ("“Quoted” headline — with a dash", "quoted headline dash"),
        ("ＦＵＬＬ　ｗｉｄｔｈ Ｔｉｔｌｅ", "full width title"),
        ("Putin, Trump: Alaska Summit (2025)", "putin trump alaska summit 2025"),
        ("日本語ニュース 速報", "日本語ニュース 速報"),
        ("Москва: Новости", "москва новости"),
        ("The of and to", ""),
        ("", ""),
    ])
    func keysFoldCaseMarksWidthQuotesPunctuationAndStopwords(title: String, key: String) {
        #expect(TitleKey.make(title) == key)
    }

    @Test func aKeyIsItsOwnKey() {
        for title in ["Russia’s Veto, in Ukraine!", "ＦＵＬＬ width", "Café Über-Stadt", "日本語 ニュース"] {
            let key = TitleKey.make(title)
            #expect(TitleKey.make(key) == key)
        }
    }
}

@Suite struct SearchTextTests {
    @Test func cjkCharactersAreFencedAndOtherTextIsNot() {
        #expect(SearchText.indexable("plain text") == "plain text")
        #expect(SearchText.indexable("日本a") == "\u{200B}日\u{200B}\u{200B}本\u{200B}a")
        // Other multi-byte text passes untouched: quotes, dashes, accents, Cyrillic, emoji.
        let other = "“Café” — Москва 👍🏽 ok"
        #expect(SearchText.indexable(other) == other)
        // Four-byte CJK (extension B) is fenced like the rest; emoji next to it is not.
        #expect(SearchText.indexable("“𠀋”👍語") == "“\u{200B}𠀋\u{200B}”👍\u{200B}語\u{200B}")
    }

    @Test func queriesAreQuotedTerms() {
        #expect(SearchText.matchExpression(for: "harbour railway") == "\"harbour\" \"railway\"")
        #expect(SearchText.matchExpression(for: "say \"hi\"") == "\"say\" \"\"\"hi\"\"\"")
        #expect(SearchText.matchExpression(for: "AND ( x") == "\"AND\" \"x\"")
        #expect(SearchText.matchExpression(for: "本語") == "\"\u{200B}本\u{200B}\u{200B}語\u{200B}\"")
        #expect(SearchText.matchExpression(for: "* ( ) \" -") == nil)
        #expect(SearchText.matchExpression(for: "   ") == nil)
    }

    /// The body's index text, made block by block, is the fenced `plainText` of the body:
    /// empty blocks (and tables that join to nothing) are skipped, others get a blank line.
    @Test func bodyTextIsTheFencedPlainText() {
        let blocks: [Block] = [
            .rule, .paragraph([]), .paragraph([Span(""), Span("")]),
            .heading(level: 1, text: "Harbor 港"), .paragraph([Span("A “bridge” "), Span("日本", link: "https://x/"), Span("語.")]),
            .table([]), .table([[]]), .table([[""]]), .table([["", ""]]), .table([[], []]),
            .table([["a", "港"], ["c"]]), .image(alt: "", url: "https://img/"), .image(alt: "alt 画", url: nil),
            .quote([Span("quoted\nlines")], attribution: "someone"), .listItem([Span("item")], depth: 1, number: 2),
            .preformatted("  code\n  港"), .rule,
        ]
        for end in blocks.indices {
            for start in 0...end {
                let slice = Array(blocks[start...end])
                #expect(SearchText.indexable(slice) == SearchText.indexable(slice.plainText), "\(slice)")
            }
        }
        #expect(SearchText.indexable([Block]()) == "")
    }

    @Test func snippetsLoseFencesAndLineBreaks() {
        #expect(SearchText.displaySnippet("\u{200B}日\u{200B}[\u{200B}本\u{200B}]\n\nnext  line") == "日[本] next line")
    }
}
