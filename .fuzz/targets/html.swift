// Fuzz target for `HTMLBlocks.blocks(fromHTML:baseURL:)`, and `HighlightExtractor` on the
// blocks it returns.
//
// Checks what HTMLBlocks documents: clean text everywhere, no `javascript:` / `vbscript:` /
// `data:` link, heading levels 1…6, tables of at least two columns, no tab left in
// preformatted text; and that every highlight found is the text at its anchor.

import Foundation
import NewsIngest
import NewsModel

let fuzzBaseURL = URL(string: "https://example.com/news/2024/story.html")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLBlocks(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let blocks = HTMLBlocks.blocks(fromHTML: html, baseURL: fuzzBaseURL)
    expectClean(blocks, "block")
    for (index, block) in blocks.enumerated() {
        for span in block.links {
            let scheme = span.link?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
            for banned in ["javascript:", "vbscript:", "data:"] {
                expect(!scheme.hasPrefix(banned), "block \(index) links to \(span.link ?? "")")
            }
        }
        switch block {
        case .heading(let level, _):
            expect((1...6).contains(level), "block \(index) is a heading of level \(level)")
        case .table(let rows):
            expect(rows.contains { $0.count >= 2 }, "block \(index) is a table of one column: \(rows)")
        case .preformatted(let text):
            expect(!text.contains("\t"), "block \(index) keeps a tab in preformatted text")
        case .listItem(_, let depth, _):
            expect(depth >= 0, "block \(index) is a list item of depth \(depth)")
        default:
            break
        }
    }

    let highlights = HighlightExtractor.extract(from: blocks, explicit: [])
    for highlight in highlights {
        guard let anchor = highlight.anchor else {
            fatalError("extracted highlight without an anchor: \(highlight.text.debugDescription)")
        }
        let text = HighlightExtractor.text(at: anchor, in: blocks)
        expect(text == highlight.text,
               "highlight \(highlight.text.debugDescription) is not the text at its anchor: "
                   + "\(text?.debugDescription ?? "nil")")
        expectClean(highlight.text, "highlight text")
        expectClean(highlight.attribution, "highlight attribution")
    }
    return 0
}
