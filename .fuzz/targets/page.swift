// Fuzz target for `TextPageParser.parse(_:name:)` and, on the articles it returns,
// `HighlightExtractor.extract(from:explicit:)`.
//
// Checks: an error names the file; an article has clean text and in-range anchors; every
// highlight the extractor adds is anchored, and its text is exactly the text at its anchor.

import Foundation
import NewsIngest
import NewsModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let name = "fuzz.txt"
    let article: Article
    do {
        article = try TextPageParser.parse(bytes, name: name)
    } catch {
        expect(error.description.contains(name), "error does not name the file: \(error)")
        return 0
    }
    expectValid(article)

    let explicit = article.highlights
    var extracted = article
    extracted.highlights = HighlightExtractor.extract(from: article.body, explicit: explicit)
    expectValid(extracted)
    expect(extracted.highlights.prefix(explicit.count).map(\.text) == explicit.map(\.text),
           "the extractor changed the explicit highlights")
    for highlight in extracted.highlights.dropFirst(explicit.count) {
        guard let anchor = highlight.anchor else {
            fatalError("extracted highlight without an anchor: \(highlight.text.debugDescription)")
        }
        let text = HighlightExtractor.text(at: anchor, in: article.body)
        expect(text == highlight.text,
               "highlight \(highlight.text.debugDescription) is not the text at its anchor: "
                   + "\(text?.debugDescription ?? "nil")")
    }
    return 0
}
