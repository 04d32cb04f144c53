// Properties every fuzz target checks on what a parser returns. A violation traps with a message
// naming the field, so libFuzzer saves the input as a crash reproducer.

import NewsModel

/// Whether `scalar` is a C0 or C1 control character (ESC and DEL included) other than `\n`:
/// the characters that could drive a terminal if they reached the screen.
func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A: return false
    case 0x00..<0x20, 0x7F..<0xA0: return true
    default: return false
    }
}

/// Traps if `text` holds a terminal control character; `field` names where it came from.
func expectClean(_ text: String?, _ field: @autoclosure () -> String) {
    guard let text, let bad = text.unicodeScalars.first(where: isTerminalControl) else { return }
    fatalError("\(field()) holds control character U+\(hex(bad.value)): \(text.debugDescription)")
}

/// Traps unless `condition` holds; the message says which property of the output broke.
func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// Checks that every text field of the blocks is clean.
///
/// Link and image URLs are checked too: their control characters are percent-encoded
/// (`TextSanitizer.cleanURL`; FuzzRegressionHTMLTests.linkURLsKeepControlCharacters).
let checkURLs = true

func expectClean(_ blocks: [Block], _ field: String) {
    for (index, block) in blocks.enumerated() {
        let name = "\(field)[\(index)]"
        switch block {
        case .paragraph(let spans), .quote(let spans, _), .listItem(let spans, _, _):
            for span in spans {
                expectClean(span.text, "\(name) span text")
                if checkURLs { expectClean(span.link, "\(name) span link") }
            }
            if case .quote(_, let attribution) = block { expectClean(attribution, "\(name) attribution") }
        case .heading(_, let text), .preformatted(let text):
            expectClean(text, "\(name) text")
        case .image(let alt, let url):
            expectClean(alt, "\(name) alt")
            if checkURLs { expectClean(url, "\(name) url") }
        case .table(let rows):
            for row in rows { for cell in row { expectClean(cell, "\(name) cell") } }
        case .rule:
            break
        }
    }
}

/// Checks an article: clean text everywhere, and highlight anchors that point inside the body.
func expectValid(_ article: Article) {
    expectClean(article.source, "source")
    expectClean(article.url, "url")
    expectClean(article.guid, "guid")
    expectClean(article.title, "title")
    for title in article.alternateTitles { expectClean(title, "alternate title") }
    expectClean(article.summary, "summary")
    expectClean(article.author, "author")
    expectClean(article.body, "body")
    for (index, highlight) in article.highlights.enumerated() {
        expectClean(highlight.text, "highlight[\(index)] text")
        expectClean(highlight.attribution, "highlight[\(index)] attribution")
        guard let anchor = highlight.anchor else { continue }
        expect(article.body.indices.contains(anchor.block),
               "highlight[\(index)] anchored to block \(anchor.block) of \(article.body.count)")
        let length = article.body[anchor.block].plainText.unicodeScalars.count
        expect(0 <= anchor.start && anchor.start <= anchor.end && anchor.end <= length,
               "highlight[\(index)] anchor \(anchor.start)..<\(anchor.end) outside 0..<\(length)")
    }
    for (index, link) in article.related.enumerated() {
        expectClean(link.title, "related[\(index)] title")
        if checkURLs { expectClean(link.url, "related[\(index)] url") }
    }
}

/// Traps unless an error has a message and its position lies inside `text` (lines and columns
/// count from 1; an error may sit on a last line that has no newline).
func expectErrorLine(_ line: Int?, _ column: Int?, in text: String, _ message: String) {
    expect(!message.isEmpty, "empty error message")
    guard let line else { return }
    let lines = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    expect(line >= 1 && line <= lines, "error on line \(line) of \(lines): \(message)")
    if let column { expect(column >= 1, "error in column \(column): \(message)") }
}
