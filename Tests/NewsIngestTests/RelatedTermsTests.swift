import Foundation
import NewsIngest
import NewsModel
import Testing

/// Terms and weights: what relatedness compares.
@Suite struct RelatedTermsTests {
    @Test func foldsCaseDiacriticsAndPluralsAndDropsFunctionWords() {
        #expect(RelatedTerms.terms(of: "The Zürich Guarantees, and Kyiv's COMPANIES") ==
                ["zurich", "guarantee", "kyiv", "company"])
        #expect(RelatedTerms.terms(of: "Ｔｏｋｙｏ bus class crisis glass") == ["tokyo", "bus", "class", "crisis", "glass"])
    }

    @Test func apostrophesEndWordsAndOneLetterPiecesGo() {
        #expect(RelatedTerms.terms(of: "Russia’s veto, isn’t it? U.S. envoy") == ["russia", "veto", "envoy"])
    }

    /// Numbers are terms; punctuation separates; short words keep their plural.
    @Test func numbersAreTermsAndPunctuationSeparates() {
        #expect(RelatedTerms.terms(of: "MH370: search ends—after 1,046 days (2017)") ==
                ["mh370", "search", "ends", "046", "days", "2017"])
    }

    @Test func textWithoutSpacesGivesCharacterPairs() {
        #expect(RelatedTerms.terms(of: "灯籠祭り") == ["灯籠", "籠祭", "祭り"])
        #expect(RelatedTerms.terms(of: "港 and Hoshimi") == ["港", "hoshimi"])
        #expect(RelatedTerms.terms(of: "Москва новости") == ["москва", "новости"])
    }

    @Test func titleWordsCountOnceAcrossTitlesThenSummaryAndBodyPerOccurrence() {
        let article = Article(
            source: "S", title: "Harbor bridge closes", alternateTitles: ["Harbor bridge shut"],
            summary: "The bridge closes today.",
            body: [.paragraph([Span("Bridge closed. The bridge ferry.")]), .heading(level: 2, text: "Ferry")])
        let weights = RelatedTerms.weights(of: article)
        #expect(weights["harbor"] == RelatedTerms.titleWeight)
        #expect(weights["bridge"] == RelatedTerms.titleWeight + RelatedTerms.summaryWeight + 2 * RelatedTerms.bodyWeight)
        #expect(weights["close"] == RelatedTerms.titleWeight + RelatedTerms.summaryWeight, "closes")
        #expect(weights["closed"] == RelatedTerms.bodyWeight)
        #expect(weights["shut"] == RelatedTerms.titleWeight)
        #expect(weights["ferry"] == 2 * RelatedTerms.bodyWeight)
        #expect(weights["today"] == RelatedTerms.summaryWeight)
        #expect(weights["the"] == nil)
    }

    @Test func onlyTheTopOfALongBodyCounts() {
        let words = (0..<(RelatedTerms.bodyTermLimit + 50)).map { "w\($0)" }.joined(separator: " ")
        let weights = RelatedTerms.weights(of: Article(source: "S", title: "x", body: [.paragraph([Span(words)])]))
        #expect(weights.count == RelatedTerms.bodyTermLimit)
        #expect(weights["w0"] != nil && weights["w\(RelatedTerms.bodyTermLimit)"] == nil)
    }

    /// Words of Latin-1, Latin Extended-A and Cyrillic letters are folded letter by letter from a
    /// table: for every pair of those letters (and a few ASCII ones), the term must be what
    /// Foundation makes of the whole word.
    @Test func lettersFoldedOneByOneFoldAsTheWholeWord() {
        let blocks: [ClosedRange<UInt32>] = [0xC0...0x17F, 0x400...0x4FF]
        let letters = blocks.joined().compactMap(Unicode.Scalar.init).filter(\.properties.isAlphabetic)
            + Array("aZis9".unicodeScalars)
        var mismatches: [String] = []
        for first in letters {
            for second in letters {
                let word = "q" + String(first) + String(second)
                let expected = word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                                            locale: nil).lowercased()
                if RelatedTerms.terms(of: word) != [expected] { mismatches.append(word) }
            }
        }
        #expect(letters.count > 400)
        #expect(mismatches.isEmpty, "\(mismatches.count) words, such as \(mismatches.prefix(10))")
    }

    /// A word with a combining mark or a letter of another script is folded by Foundation whole.
    @Test func otherWordsAreFoldedWhole() {
        #expect(RelatedTerms.terms(of: "Cafe\u{301} Ελλάδα ＴＯＫＹＯ Straße") == ["cafe", "ελλαδα", "tokyo", "strasse"])
    }
}
