import Foundation
import Testing
import NewsIngest
import NewsModel

/// Inputs the `html` fuzz target (`.fuzz/targets/html.swift`) found; see `.fuzz/README.md`.
@Suite struct FuzzRegressionHTMLTests {
    /// Text is cleaned, and so are link and image URLs: an ESC or C1 CSI sequence in an `href`
    /// or `src` of untrusted feed HTML used to reach the article, the store, and whatever shows
    /// the URL. Now its control characters are percent-encoded (`TextSanitizer.cleanURL`).
    @Test func linkURLsKeepControlCharacters() throws {
        let html = try FuzzFixture.text("html", "link-urls-with-escapes.html")
        let blocks = HTMLBlocks.blocks(fromHTML: html, baseURL: URL(string: "https://example.com/"))
        #expect(blocks.count == 2)
        #expect(blocks.first?.plainText == "Read this and that.")
        let links = blocks.flatMap(\.links).compactMap(\.link)
        #expect(links.count == 2)
        var urls = links
        if case .image(let alt, let url)? = blocks.last {
            #expect(alt == "A picture")
            urls += [url].compactMap { $0 }
        } else {
            Issue.record("the last block is not the image: \(String(describing: blocks.last))")
        }
        for text in blocks.map(\.plainText) {
            #expect(fuzzControlCharacters(in: text).isEmpty, "text \(text.debugDescription)")
        }
        for url in urls {
            #expect(fuzzControlCharacters(in: url).isEmpty, "URL \(url.debugDescription)")
            #expect(url.hasPrefix("https://example.com/"), "URL \(url.debugDescription)")
        }
    }
}
