import Foundation
import NewsModel
import Testing
@testable import NewsIngest

/// Sentence splitting, quoted speech with speakers, key sentences and anchors.
@Suite struct HighlightExtractorTests {
    // MARK: Sentences

    private func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Prose.sentenceRanges(scalars).map { Prose.string(scalars[$0]) }
    }

    @Test func sentenceSplittingHandlesAbbreviationsDecimalsAndQuotes() {
        #expect(sentences("Mr. Smith met Dr. Jones at 3.5 p.m. today. They spoke about the U.S. Army. Then they left.")
                == ["Mr. Smith met Dr. Jones at 3.5 p.m. today.", "They spoke about the U.S. Army.", "Then they left."])
        #expect(sentences("He said \u{201C}We are done.\u{201D} The crowd cheered! Was it over? Yes.")
                == ["He said \u{201C}We are done.\u{201D}", "The crowd cheered!", "Was it over?", "Yes."])
        #expect(sentences("Some items, e.g. apples, are cheap. J. R. Hartley wrote it. Prices rose 2.4% in Jan. 2024 overall.")
                == ["Some items, e.g. apples, are cheap.", "J. R. Hartley wrote it.", "Prices rose 2.4% in Jan. 2024 overall."])
        #expect(sentences("\"It works.\" She nodded... and smiled. Done") == ["\"It works.\"", "She nodded... and smiled.", "Done"])
        #expect(sentences("星見市は祭りを開いた。多くの人が来た！本当？") == ["星見市は祭りを開いた。", "多くの人が来た！", "本当？"])
        #expect(sentences("   ") == [])
    }

    // MARK: Quoted speech

    struct SpeechCase: CustomTestStringConvertible, Sendable {
        var text: String
        var quote: String?
        var speaker: String?
        var testDescription: String { text }
    }

    static let speechCases: [SpeechCase] = [
        SpeechCase(text: "\"We will rebuild the bridge,\" said Mayor Ines Calloway.",
                   quote: "We will rebuild the bridge", speaker: "Mayor Ines Calloway"),
        SpeechCase(text: "\u{201C}This will not work,\u{201D} Lavrov said on Tuesday.",
                   quote: "This will not work", speaker: "Lavrov"),
        SpeechCase(text: "Sergei Lavrov said: \u{201C}We cannot agree with the fact.\u{201D}",
                   quote: "We cannot agree with the fact.", speaker: "Sergei Lavrov"),
        SpeechCase(text: "On Monday the minister said \"the plan is dead\" and left.",
                   quote: "the plan is dead", speaker: "the minister"),
        SpeechCase(text: "Calloway told reporters: \"The bridge is safe now.\"",
                   quote: "The bridge is safe now.", speaker: "Calloway"),
        SpeechCase(text: "\u{201C}He told me \u{2018}never again\u{2019} and I believed him,\u{201D} she said.",
                   quote: "He told me \u{2018}never again\u{2019} and I believed him", speaker: nil),
        SpeechCase(text: "\"We are ready. The trains will run on time. Nobody should worry,\" said the transport chief, who took office in May.",
                   quote: "We are ready. The trains will run on time. Nobody should worry", speaker: "the transport chief"),
        SpeechCase(text: "\"We don't agree with any of it,\" he said.", quote: "We don't agree with any of it", speaker: nil),
        SpeechCase(text: "\u{201C}It is a risk we cannot take,\u{201D} a senior EU diplomat said.",
                   quote: "It is a risk we cannot take", speaker: "a senior EU diplomat"),
        SpeechCase(text: "\"Nothing has changed for us,\" officials said.", quote: "Nothing has changed for us", speaker: "officials"),
        SpeechCase(text: "\"The vote was close,\" said Ursula von der Leyen, speaking in Brussels.",
                   quote: "The vote was close", speaker: "Ursula von der Leyen"),
        SpeechCase(text: "According to the harbour authority, the ferry will run every hour.",
                   quote: "the ferry will run every hour.", speaker: "the harbour authority"),
        SpeechCase(text: "The bridge will reopen in May, according to City Engineer Ada Stone.",
                   quote: "The bridge will reopen in May", speaker: "City Engineer Ada Stone"),
        // Not speech: a scare quote, a quote without a speech verb, an unclosed quote.
        SpeechCase(text: "Critics called it a \"WTF moment\" on Monday.", quote: nil, speaker: nil),
        SpeechCase(text: "The sign read \"Closed for repairs until further notice\" all week.", quote: nil, speaker: nil),
        SpeechCase(text: "\"This never closes, said nobody", quote: nil, speaker: nil),
    ]

    @Test(arguments: speechCases)
    func quotedSpeech(_ testCase: SpeechCase) throws {
        let scalars = Array(testCase.text.unicodeScalars)
        let found = HighlightExtractor.speech(in: scalars)
        guard let quote = testCase.quote else {
            #expect(found.isEmpty)
            return
        }
        let first = try #require(found.first)
        #expect(found.count == 1)
        #expect(Prose.string(scalars[first.range]) == quote)
        #expect(first.speaker == testCase.speaker)
    }

    // MARK: Extraction

    static let reportBody: [Block] = [
        .heading(level: 1, text: "Harbor Bridge closes for repairs"),
        .paragraph([Span("The Harbor Bridge in Port Veldra will close on Monday after inspectors found cracks in two "
                         + "support beams of the bridge. The closure could last six weeks, city engineers said.")]),
        .paragraph([Span("\u{201C}Safety comes first, even when it is inconvenient,\u{201D} said Mayor Ines Calloway. "
                         + "Ferry operators will add crossings while the bridge is closed.")]),
        .quote([Span("The bridge has carried this city for fifty years.")], attribution: "Chief Engineer Ada Stone"),
        .paragraph([Span("Subscribe to our bridge newsletter for daily bridge closure news about the bridge and the cracks. "
                         + "Share this bridge story with your friends who cross the bridge.")]),
        .paragraph([Span("Inspectors will return to the bridge next week to measure the cracks in the beams again.")]),
        .listItem([Span("Read more bridge news about the bridge closure on our bridge page today.")], depth: 0, number: nil),
        .paragraph([Span("Short one.")]),
    ]

    @Test func extractsQuotesSpeechAndKeySentencesWithVerifiedAnchors() throws {
        let highlights = HighlightExtractor.extract(from: Self.reportBody, explicit: [])
        #expect(highlights.map(\.position) == Array(highlights.indices))
        let quotes = highlights.filter { $0.kind == .quote }
        #expect(quotes.map(\.text) == [
            "The bridge has carried this city for fifty years.", "Safety comes first, even when it is inconvenient",
        ])
        #expect(quotes.map(\.attribution) == ["Chief Engineer Ada Stone", "Mayor Ines Calloway"])
        let keys = highlights.filter { $0.kind == .keySentence }
        #expect(!keys.isEmpty && keys.count <= 3)
        for highlight in highlights {
            let anchor = try #require(highlight.anchor)
            #expect(HighlightExtractor.text(at: anchor, in: Self.reportBody) == highlight.text)
        }
        // Key sentences are in reading order and never overlap a quote already taken.
        let keyAnchors = keys.compactMap(\.anchor)
        #expect(keyAnchors == keyAnchors.sorted { ($0.block, $0.start) < ($1.block, $1.start) })
        for key in keyAnchors {
            for quote in quotes.compactMap(\.anchor) where quote.block == key.block {
                #expect(key.end <= quote.start || key.start >= quote.end)
            }
        }
    }

    @Test func keySentencesNeverIncludeBoilerplate() {
        let highlights = HighlightExtractor.extract(from: Self.reportBody, explicit: [], maxKeySentences: 10)
        let keys = highlights.filter { $0.kind == .keySentence }.map(\.text)
        #expect(!keys.isEmpty)
        for key in keys {
            #expect(!Prose.isBoilerplateSentence(key), "boilerplate chosen: \(key)")
            #expect(!key.contains("Subscribe") && !key.contains("Share this") && !key.contains("Read more"))
            #expect(key != "Short one.")
        }
    }

    @Test(arguments: [
        "Subscribe now to get the full story about the harbor bridge repairs delivered daily.",
        "Click here to read the harbor bridge repair schedule for the coming weeks.",
        "We use cookies to improve your experience of our harbor bridge coverage and more.",
        "Copyright \u{00A9} 2025 Sample Gazette (sample). All rights reserved for this harbor bridge story.",
        "Advertisement: the harbor bridge repair company is hiring engineers right now.",
        "Sign up for alerts about the harbor bridge and the ferry timetable changes.",
    ])
    func boilerplateSentences(sentence: String) {
        #expect(Prose.isBoilerplateSentence(sentence))
        let body: [Block] = [.paragraph([Span(sentence + " " + sentence)])]
        #expect(HighlightExtractor.extract(from: body, explicit: []).isEmpty)
    }

    @Test func boilerplateCountsOnlyInsideOneSentence() throws {
        let text = "Our reporters SHARE THIS view of the bridge. It was read. More work is planned for spring."
        let scalars = Array(text.unicodeScalars)
        // "share this" (ASCII case folded) is a phrase; "read. More" is no "read more".
        let ranges = Prose.sentenceRanges(scalars)
        #expect(ranges.map { Prose.containsBoilerplate(scalars, in: $0) } == [true, false, false])
        // A phrase cut by the range's end does not count; one just inside it does.
        let share = try #require(Prose.firstIndex(of: Prose.folded("share this"), in: Prose.folded(text)))
        #expect(!Prose.containsBoilerplate(scalars, in: 0..<(share + 9)))
        #expect(Prose.containsBoilerplate(scalars, in: share..<(share + 10)))
        #expect(!Prose.containsBoilerplate(scalars, in: (share + 1)..<scalars.count))
        // Non-ASCII phrases ("\u{00A9}") match anywhere, even alone at a range's end.
        let copyright = Array("2025 \u{00A9}".unicodeScalars)
        #expect(Prose.containsBoilerplate(copyright, in: 0..<copyright.count))
        #expect(!Prose.containsBoilerplate(copyright, in: 0..<(copyright.count - 1)))
    }

    @Test func blockScalarsMatchPlainTextForEveryUTF8Width() {
        let block = Block.paragraph([Span("Café "), Span("данные", link: "https://example.org"), Span(" 数据 🌍 ok", emphasis: true)])
        #expect(Prose.scalars(of: block) == Array(block.plainText.unicodeScalars))
        // Runs of ASCII longer and shorter than eight bytes, around every width, in every kind of block.
        let mixed = "A long ASCII run, then é, then 数据 and 🌍🌍 again; twelve chars é1234567 end"
        let blocks: [Block] = [
            .heading(level: 2, text: mixed), .preformatted(mixed + "\n  code"), .image(alt: mixed, url: nil),
            .table([[mixed, "b"], ["ünïcode", "1234567890"]]), .rule, .listItem([Span(mixed), Span("é")], depth: 0, number: 1),
        ]
        for block in blocks {
            #expect(Prose.scalars(of: block) == Array(block.plainText.unicodeScalars))
        }
    }

    @Test func whitespaceAgreesWithUnicodeProperties() {
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Prose.isOtherWhitespace(scalar) != scalar.properties.isWhitespace {
                Issue.record("isOtherWhitespace(U+\(String(value, radix: 16))) is \(!scalar.properties.isWhitespace)")
                return
            }
        }
    }

    @Test func wordScalarTableAgreesWithUnicodeProperties() {
        for value in UInt32(0)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if Prose.isWordScalar(scalar) != expected {
                Issue.record("isWordScalar(U+\(String(value, radix: 16))) is \(!expected)")
                return
            }
        }
    }

    @Test func explicitHighlightsComeFirstAndAreNotRepeated() {
        let explicit = [
            Highlight(kind: .takeaway, text: "Safety comes first, even when it is inconvenient", attribution: "Calloway",
                      position: 7),
            Highlight(kind: .highlight, text: "the bridge has carried this city for fifty years", position: 9),
        ]
        let highlights = HighlightExtractor.extract(from: Self.reportBody, explicit: explicit)
        #expect(Array(highlights.prefix(2).map(\.text)) == explicit.map(\.text))
        #expect(highlights.map(\.position) == Array(highlights.indices))
        #expect(!highlights.dropFirst(2).contains { $0.kind == .quote })
    }

    @Test func maxKeySentencesIsHonoured() {
        for limit in 0...3 {
            let keys = HighlightExtractor.extract(from: Self.reportBody, explicit: [], maxKeySentences: limit)
                .filter { $0.kind == .keySentence }
            #expect(keys.count <= limit)
            if limit > 0 { #expect(!keys.isEmpty) }
        }
    }

    @Test func emptyBodyGivesExplicitOnly() {
        let explicit = [Highlight(kind: .passage, text: "kept", position: 3)]
        #expect(HighlightExtractor.extract(from: [], explicit: explicit) == [
            Highlight(kind: .passage, text: "kept", position: 0),
        ])
    }

    @Test func cjkKeySentencesAnchorCorrectly() throws {
        let body: [Block] = [
            .paragraph([Span("星見市の灯籠祭りは今年も港で開かれ、灯籠職人たちが百個の灯籠を港に並べた。"
                             + "灯籠祭りには港の外から多くの観光客が訪れ、港の店は夜遅くまで営業した。")]),
            .paragraph([Span("灯籠職人の一人は、祭りの灯籠作りに三か月かかったと話した。")]),
        ]
        let keys = HighlightExtractor.extract(from: body, explicit: []).filter { $0.kind == .keySentence }
        #expect(!keys.isEmpty)
        for key in keys {
            let anchor = try #require(key.anchor)
            #expect(HighlightExtractor.text(at: anchor, in: body) == key.text)
            #expect(key.text.hasSuffix("\u{3002}"))
        }
    }

    @Test func pageWithoutTakeawaysGetsItsQuote() throws {
        let article = try TextPageParser.parse(try PageFixtures.page("no-takeaways-no-related.txt"), name: "page")
        let highlights = HighlightExtractor.extract(from: article.body, explicit: article.highlights)
        let quote = try #require(highlights.first { $0.kind == .quote })
        #expect(quote.text == "It has been a remarkable year for the whole valley")
        #expect(quote.attribution == "Orla Penn")
        #expect(quote.anchor.flatMap { HighlightExtractor.text(at: $0, in: article.body) } == quote.text)
    }

    @Test func seedTakeawaysAreNotExtractedAgain() throws {
        let article = try TextPageParser.parse(try PageFixtures.page("seed-t4k3.txt"), name: "seed")
        let highlights = HighlightExtractor.extract(from: article.body, explicit: article.highlights, maxKeySentences: 2)
        #expect(Array(highlights.prefix(article.highlights.count)) == article.highlights)
        #expect(!highlights.dropFirst(article.highlights.count).contains { $0.kind == .quote })
        for highlight in highlights {
            guard let anchor = highlight.anchor else { continue }
            #expect(HighlightExtractor.text(at: anchor, in: article.body) == highlight.text)
        }
    }

    @Test func anchorsOutOfRangeGiveNoText() {
        let body: [Block] = [.paragraph([Span("abc")])]
        #expect(HighlightExtractor.text(at: Anchor(block: 1, start: 0, end: 1), in: body) == nil)
        #expect(HighlightExtractor.text(at: Anchor(block: 0, start: 2, end: 4), in: body) == nil)
        #expect(HighlightExtractor.text(at: Anchor(block: 0, start: 2, end: 1), in: body) == nil)
        #expect(HighlightExtractor.text(at: Anchor(block: 0, start: 1, end: 3), in: body) == "bc")
    }
}
