import Foundation
import NewsIngest
import NewsModel
import Testing

/// Terms and weights of real texts (English, accented Latin, Cyrillic, CJK, numbers), pinned by
/// golden files that the Character-based implementation wrote before terms were read as bytes.
@Suite struct RelatedTermsFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/related-terms")
    static let names = ["english", "accented", "cyrillic", "cjk", "numbers"]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
    }

    /// The article a fixture stands for: its first line is the title, the second the summary,
    /// the others paragraphs, each cut into spans of 23 scalars (so words run across spans).
    static func article(_ text: String) -> Article {
        let lines = text.split(separator: "\n").map(String.init)
        let body = lines.dropFirst(2).map { line -> Block in
            let scalars = Array(line.unicodeScalars)
            let spans = stride(from: 0, to: scalars.count, by: 23).map { start in
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[start..<min(start + 23, scalars.count)])
                return Span(String(text), link: start % 2 == 0 ? nil : "https://example.com/")
            }
            return .paragraph(spans)
        }
        return Article(source: "S", title: lines.first ?? "", summary: lines.dropFirst().first, body: body)
    }

    /// The same fixtures, 300 times over, as the body of one article: a long input.
    static func longArticle() throws -> Article {
        let texts = try names.map(text)
        let body = (0..<300).flatMap { _ in texts.map { Block.paragraph([Span($0)]) } }
        return Article(source: "S", title: "Long", alternateTitles: ["A long one", "Long"],
                       summary: texts[0], body: body)
    }

    /// `name.terms`: one term a line, in order.
    static func goldenTerms(_ name: String) throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent("\(name).terms"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    /// `name.weights`: a term and its weight a line, tab-separated.
    static func goldenWeights(_ name: String) throws -> [String: Double] {
        let lines = try String(contentsOf: directory.appendingPathComponent("\(name).weights"), encoding: .utf8)
            .split(separator: "\n")
        var weights: [String: Double] = [:]
        for line in lines {
            let fields = line.split(separator: "\t")
            try #require(fields.count == 2, "\(name).weights: \(line)")
            weights[String(fields[0])] = Double(fields[1])
        }
        return weights
    }

    @Test(arguments: names) func termsAreThoseOfTheGolden(name: String) throws {
        let golden = try Self.goldenTerms(name)
        #expect(!golden.isEmpty)
        #expect(RelatedTerms.terms(of: try Self.text(name)) == golden)
    }

    @Test(arguments: names) func weightsAreThoseOfTheGolden(name: String) throws {
        let golden = try Self.goldenWeights(name)
        #expect(!golden.isEmpty)
        #expect(RelatedTerms.weights(of: Self.article(try Self.text(name))) == golden)
    }

    /// A long text gives the terms of its parts, and only the top of a long body counts.
    @Test func longInput() throws {
        let texts = try Self.names.map(Self.text)
        let long = Array(repeating: texts.joined(separator: "\n"), count: 300).joined(separator: "\n")
        let parts = try Self.names.flatMap(Self.goldenTerms)
        #expect(RelatedTerms.terms(of: long) == Array(Array(repeating: parts, count: 300).joined()))
        #expect(RelatedTerms.weights(of: try Self.longArticle()) == (try Self.goldenWeights("long")))
    }

    /// Two spellings that are one `String` (a CJK compatibility ideograph and its unified form)
    /// are one term: counted once across titles, per occurrence in the body.
    @Test func canonicallyEquivalentTermsAreOne() {
        let article = Article(source: "S", title: "\u{F900} news", alternateTitles: ["\u{8C48} news"],
                              body: [.paragraph([Span("\u{F900} and \u{8C48}")])])
        let weights = RelatedTerms.weights(of: article)
        #expect(weights["\u{8C48}"] == RelatedTerms.titleWeight + 2 * RelatedTerms.bodyWeight)
        #expect(weights["news"] == RelatedTerms.titleWeight)
        #expect(weights.count == 2)
    }
}
