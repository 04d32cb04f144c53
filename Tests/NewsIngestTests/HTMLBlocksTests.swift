import Foundation
import NewsModel
import Testing
@testable import NewsIngest

/// HTML fragments to blocks, one table row per behaviour.
@Suite struct HTMLBlocksTests {
    static let base = URL(string: "https://example.com/news/feed.xml")

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var html: String
        var expected: [Block]
        var testDescription: String { name }
    }

    static func p(_ spans: Span...) -> Block { .paragraph(spans) }
    static func p(_ text: String) -> Block { .paragraph([Span(text)]) }
    static func li(_ text: String, _ depth: Int, _ number: Int? = nil) -> Block {
        .listItem([Span(text)], depth: depth, number: number)
    }

    static let cases: [Case] = [
        Case(name: "links resolved, spaces outside links",
             html: #"<p>See <a href="/news/1">the story</a> and <a href="https://x.org/a?b=1&amp;c=2">this</a>.</p>"#,
             expected: [p(Span("See "), Span("the story", link: "https://example.com/news/1"), Span(" and "),
                          Span("this", link: "https://x.org/a?b=1&c=2"), Span("."))]),
        Case(name: "relative links against the base directory",
             html: ##"<p><a href="2.html">next</a> <a href="#top">top</a></p>"##,
             expected: [p(Span("next", link: "https://example.com/news/2.html"), Span(" "),
                          Span("top", link: "https://example.com/news/feed.xml#top"))]),
        Case(name: "unsafe link schemes dropped, text kept",
             html: #"<p><a href="javascript:alert(1)">click</a> <a href=" JaVa&#9;Script:x">x</a> "#
                 + #"<a href="data:text/html,hi">d</a> <a href="mailto:a@b.example">mail</a></p>"#,
             expected: [p(Span("click x d "), Span("mail", link: "mailto:a@b.example"))]),
        Case(name: "emphasis runs",
             html: "<p>A <em>very</em> <strong>big</strong> day, <i>truly</i></p>",
             expected: [p(Span("A "), Span("very big", emphasis: true), Span(" day, "), Span("truly", emphasis: true))]),
        Case(name: "emphasised link",
             html: #"<p>Read <b><a href="https://a.example/">the report</a></b></p>"#,
             expected: [p(Span("Read "), Span("the report", link: "https://a.example/", emphasis: true))]),
        Case(name: "headings",
             html: "<h1>Title</h1><h3>Sub <em>head</em></h3><h6>Small</h6>",
             expected: [.heading(level: 1, text: "Title"), .heading(level: 3, text: "Sub head"),
                        .heading(level: 6, text: "Small")]),
        Case(name: "unordered and ordered lists with start and value",
             html: #"<ul><li>One</li><li>Two</li></ul><ol start="3"><li>Three</li><li value="7">Seven</li><li>Eight</li></ol>"#,
             expected: [li("One", 0), li("Two", 0), li("Three", 0, 3), li("Seven", 0, 7), li("Eight", 0, 8)]),
        Case(name: "nested lists",
             html: "<ul><li>Fruit<ul><li>Apple</li><li>Pear<ol><li>Conference</li><li>Comice</li></ol></li></ul></li>"
                 + "<li>Veg</li></ul>",
             expected: [li("Fruit", 0), li("Apple", 1), li("Pear", 1), li("Conference", 2, 1), li("Comice", 2, 2),
                        li("Veg", 0)]),
        Case(name: "list item with paragraphs and a link",
             html: #"<ol><li><p>First <a href="/a">A</a></p></li></ol>"#,
             expected: [.listItem([Span("First "), Span("A", link: "https://example.com/a")], depth: 0, number: 1)]),
        Case(name: "blockquote with cite",
             html: "<blockquote><p>We will rebuild.</p><p>Every stone.</p><cite>Mayor Ada Stone</cite></blockquote>",
             expected: [.quote([Span("We will rebuild.\nEvery stone.")], attribution: "Mayor Ada Stone")]),
        Case(name: "blockquote with footer and dash",
             html: "<blockquote><p>Text here</p><footer>\u{2014} <cite>Name Person</cite></footer></blockquote>",
             expected: [.quote([Span("Text here")], attribution: "Name Person")]),
        Case(name: "blockquote with a dash line after a break",
             html: "<blockquote>Stay calm and <em>carry on</em>.<br>\u{2014} Old poster</blockquote>",
             expected: [.quote([Span("Stay calm and "), Span("carry on", emphasis: true), Span(".")],
                               attribution: "Old poster")]),
        Case(name: "blockquote without attribution",
             html: "<blockquote><p>Just words</p></blockquote>",
             expected: [.quote([Span("Just words")], attribution: nil)]),
        Case(name: "figure with blockquote and figcaption",
             html: "<figure><blockquote><p>Quoted.</p></blockquote><figcaption>\u{2014} Someone Else</figcaption></figure>",
             expected: [.quote([Span("Quoted.")], attribution: "Someone Else")]),
        Case(name: "pre keeps lines and indentation, decodes entities",
             html: "<pre>\nif a &lt; b {\n\treturn\n}\n\n</pre><p>after</p>",
             expected: [.preformatted("if a < b {\n        return\n}"), p("after")]),
        Case(name: "images, tracking pixels and data URLs",
             html: #"<p>Intro</p><img src="/img/a.jpg" alt="A  bridge"><img src="https://feeds.feedburner.com/~r/x/~4/abc" "#
                 + #"height="1" width="1"><img src="https://pixel.wp.com/g.gif?x=1" alt="">"#
                 + #"<img src="https://feeds.feedburner.com/~r/foo/~4/xyz"><img src="data:image/gif;base64,R0lG" alt="">"#
                 + #"<img src="https://cdn.example/spacer.gif" width="600" height="2">"#,
             expected: [p("Intro"), .image(alt: "A bridge", url: "https://example.com/img/a.jpg")]),
        Case(name: "lazy image uses data-src",
             html: #"<img src="data:image/gif;base64,R0lG" data-src="https://cdn.example/big.jpg" alt="Big">"#,
             expected: [.image(alt: "Big", url: "https://cdn.example/big.jpg")]),
        Case(name: "image inside a paragraph splits it; emoji images stay inline",
             html: #"<p>Great <img class="wp-smiley" src="https://s.w.org/s.png" alt="🙂"> news <img src="x.jpg" "#
                 + #"alt="X" width="600"> after</p>"#,
             expected: [p("Great 🙂 news"), .image(alt: "X", url: "https://example.com/news/x.jpg"), p("after")]),
        Case(name: "data table",
             html: "<table><thead><tr><th>City</th><th>Rain (mm)</th></tr></thead><tbody><tr><td>Port Veldra</td>"
                 + "<td>12</td></tr><tr><td><b>Millbrook</b><br>Vale</td><td> 3 </td></tr><tr><td></td><td></td></tr>"
                 + "</tbody></table>",
             expected: [.table([["City", "Rain (mm)"], ["Port Veldra", "12"], ["Millbrook Vale", "3"]])]),
        Case(name: "one-column table is layout",
             html: "<table><tr><td><p>Only one column</p><p>Second</p></td></tr></table>",
             expected: [p("Only one column"), p("Second")]),
        Case(name: "nested table is layout",
             html: "<table><tr><td>Left</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>",
             expected: [p("Left"), .table([["a", "b"]])]),
        Case(name: "rule",
             html: "<p>a</p><hr><p>b</p>",
             expected: [p("a"), .rule, p("b")]),
        Case(name: "script, style and friends dropped",
             html: "<p>Hi<script>alert('x')</script> there</p><style>p { color: red }</style><noscript>No JS</noscript>"
                 + #"<iframe src="https://x.example">frame</iframe><form><input value="v">Form text</form>"#
                 + "<template><p>T</p></template><!-- comment -->",
             expected: [p("Hi there")]),
        Case(name: "entities",
             html: "<p>Caf&eacute; &amp; bar &mdash; &#8220;quoted&#8221; &#x1F600; &nbsp;end</p>",
             expected: [p("Caf\u{E9} & bar \u{2014} \u{201C}quoted\u{201D} \u{1F600} end")]),
        Case(name: "whitespace collapses, br is a line break, br br a paragraph break",
             html: "<p>\n  Line   one<br>Line\ttwo <br/> <br/>New\n para </p>",
             expected: [p("Line one\nLine two"), p("New para")]),
        Case(name: "bare text at top level and inside divs",
             html: "Intro text <b>bold</b><p>Para</p>tail<div>In <span>div</span><div>inner</div>after</div>",
             expected: [p(Span("Intro text "), Span("bold", emphasis: true)), p("Para"), p("tail"), p("In div"),
                        p("inner"), p("after")]),
        Case(name: "inline q gets curly quotes",
             html: "<p>She said <q>no</q>.</p>",
             expected: [p("She said \u{201C}no\u{201D}.")]),
        Case(name: "definition list",
             html: "<dl><dt>Term</dt><dd>Definition</dd></dl>",
             expected: [p(Span("Term", emphasis: true)), p("Definition")]),
        Case(name: "broken markup recovers",
             html: "<div><p>Unclosed <b>bold</p><p>Next <a href='/x'>link</div> tail",
             expected: [p(Span("Unclosed "), Span("bold", emphasis: true)),
                        p(Span("Next "), Span("link", link: "https://example.com/x")), p("tail")]),
        Case(name: "unterminated attribute does not crash",
             html: #"<p>Before <a href="/x>text</p><p>more</p>"#,
             expected: [p("Before")]),
        // libxml2 drops the control characters themselves; the printable rest stays as text.
        Case(name: "control characters never pass",
             html: "<p>Red \u{1B}[31malert\u{1B}[0m and \u{7}bell\u{9B}</p>",
             expected: [p("Red [31malert[0m and bell")]),
        Case(name: "full document with head",
             html: "<!DOCTYPE html><html><head><title>Page title</title><meta charset=\"iso-8859-1\"></head>"
                 + "<body><article><h2>Story</h2><p>Body \u{00E9}t\u{00E9}</p></article></body></html>",
             expected: [.heading(level: 2, text: "Story"), p("Body \u{00E9}t\u{00E9}")]),
        Case(name: "CJK text",
             html: "<p>星見市の<a href=\"/a\">灯籠祭り</a>は十月に開かれる。</p>",
             expected: [p(Span("星見市の"), Span("灯籠祭り", link: "https://example.com/a"), Span("は十月に開かれる。"))]),
        Case(name: "empty paragraphs and breaks only", html: "<p></p><p> &nbsp; </p><br><br><div></div>", expected: []),
        Case(name: "empty input", html: "", expected: []),
        Case(name: "whitespace input", html: " \n\t ", expected: []),
        Case(name: "plain text splits on blank lines",
             html: "First line\nsame para\n\n\nSecond &amp; last &bogus; A&B",
             expected: [p("First line same para"), p("Second & last &bogus; A&B")]),
    ]

    @Test(arguments: cases)
    func blocks(_ testCase: Case) {
        let blocks = HTMLBlocks.blocks(fromHTML: testCase.html, baseURL: Self.base)
        #expect(blocks == testCase.expected)
    }

    @Test func trackersAreFoundWhateverTheHostSpelling() {
        #expect(HTMLBlocks.isTracker("https://PIXEL.WP.COM/g.gif?x=1"))
        #expect(HTMLBlocks.isTracker("https://www.facebook.com/tr?id=1&ev=PageView"))
        #expect(!HTMLBlocks.isTracker("https://www.facebook.com/photos/cat.jpg"))
        #expect(HTMLBlocks.isTracker("http://feeds.feedburner.com/~r/site/~4/abc"))
        #expect(!HTMLBlocks.isTracker("http://feeds.feedburner.com/site.xml"))
        // Ports, users and escapes take the full URL parser.
        #expect(HTMLBlocks.isTracker("https://pixel.wp.com:443/g.gif"))
        #expect(HTMLBlocks.isTracker("https://reader@stats.wordpress.com/g.gif"))
        #expect(!HTMLBlocks.isTracker("https://cdn.example.org/pixel.wp.com/g.gif"))
    }

    /// Whitespace runs collapse wherever they fall in the text (the fast path reads eight bytes
    /// at a time, so each run is tried at every offset around a word boundary). A form feed is
    /// whitespace too, though libxml2 drops it ("a\fb" read "ab").
    @Test func whitespaceRunsCollapseAtEveryOffset() {
        for offset in 0..<20 {
            let lead = String(repeating: "x", count: offset)
            for gap in ["  ", "\t", "\n", " \u{00A0}", "\u{00A0}", " \r\n ", "\t \t", "\u{0C}", " \u{0C}\n"] {
                let html = "<p>\(lead)a\(gap)b word\(gap)c end</p>"
                #expect(HTMLBlocks.blocks(fromHTML: html, baseURL: nil) == [.paragraph([Span("\(lead)a b word c end")])],
                        "offset \(offset), gap \(gap.debugDescription)")
            }
        }
    }

    @Test func linksInReadingOrder() {
        let html = #"<p><a href="/1">one</a> <em><a href="/2">two</a></em></p><ul><li><a href="/3">three</a></li></ul>"#
            + #"<blockquote><a href="/4">four</a></blockquote>"#
        let links = HTMLBlocks.blocks(fromHTML: html, baseURL: Self.base).flatMap(\.links)
        #expect(links.map(\.text) == ["one", "two", "three", "four"])
        #expect(links.compactMap(\.link) == (1...4).map { "https://example.com/\($0)" })
    }

    @Test func noBaseURLKeepsRelativeLinks() {
        let blocks = HTMLBlocks.blocks(fromHTML: #"<p><a href="/a b">x</a> <a href="https://y.example/">y</a></p>"#,
                                       baseURL: nil)
        #expect(blocks.flatMap(\.links).map(\.link) == ["/a%20b", "https://y.example/"])
    }

    @Test(arguments: [300, 5000, 100_000])
    func deepNestingKeepsItsText(depth: Int) {
        let html = String(repeating: "<div><b>", count: depth) + "deep text" + String(repeating: "</b></div>", count: depth)
        let blocks = HTMLBlocks.blocks(fromHTML: html, baseURL: nil)
        #expect(blocks.map(\.plainText).joined().contains("deep text"))
    }

    @Test func fixtureArticle() throws {
        let blocks = HTMLBlocks.blocks(fromHTML: try PageFixtures.html("article.html"), baseURL: Self.base)
        #expect(blocks.first == .heading(level: 1, text: "Harbor Bridge to close for repairs"))
        #expect(blocks.contains { if case .quote(_, "Mayor Ines Calloway") = $0 { true } else { false } })
        #expect(blocks.contains(.image(alt: "The Harbor Bridge at dusk", url: "https://example.com/img/bridge.jpg")))
        #expect(!blocks.contains { if case .image(_, let url) = $0 { url?.contains("feedburner") == true } else { false } })
        #expect(!blocks.map(\.plainText).joined().contains("trackPageview"))
        #expect(blocks.contains(.table([["Crossing", "Minutes"], ["Ferry", "25"], ["Ring road", "40"]])))
        #expect(blocks.flatMap(\.links).map(\.link) == [
            "https://example.com/news/ferries", "https://council.example/minutes?id=7&part=2",
        ])
    }
}
