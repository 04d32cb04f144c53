import Foundation
import Testing
@testable import NewsIngest

/// The contract's HTML-to-text rule and its "looks like HTML" test.
@Suite struct FeedParserHTMLTextTests {
    @Test func plainText() {
        let cases: [(String, String)] = [
            ("<p>Hello <b>world</b></p>", "Hello world"),
            ("one<br>two<br/>three", "one two three"),
            ("<div>block</div><div>next</div>", "block next"),
            ("in<span>line</span>", "inline"),
            ("a<script>var x = '<p>';</script>b<style>p { }</style>c<template><p>t</p></template>d", "abcd"),
            ("<SCRIPT type=text/javascript>x</SCRIPT>after", "after"),
            ("&lt;escaped&gt; &amp; &quot;quoted&quot; &#8217; &#x2014; &hellip;", "<escaped> & \"quoted\" \u{2019} \u{2014} \u{2026}"),
            ("legacy &copy 2024 &amp more", "legacy © 2024 & more"),
            ("unknown &bogus; stays", "unknown &bogus; stays"),
            ("x&nbsp;&nbsp;y\u{00A0}\u{2003}z", "x y z"),
            ("  lots \n\t of   space  ", "lots of space"),
            ("<!-- a comment -->text<!DOCTYPE html><?php x ?>", "text"),
            ("<a href=\"x?a=1&b=2\" title='1 > 0'>link</a>", "link"),
            ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
            ("unterminated <b", "unterminated <b"),
            ("e\u{0301}cole", "\u{00E9}cole"), // NFC
            ("&#0; &#xD800; &#x110000; &#150;", "\u{FFFD} \u{FFFD} \u{FFFD} \u{2013}"),
            ("<p>Caf&eacute;</p><ul><li>one</li><li>two</li></ul>", "Café one two"),
        ]
        for (html, text) in cases {
            #expect(HTMLText.plainText(html) == text, "\(html.debugDescription)")
        }
    }

    @Test func looksLikeHTML() {
        let cases: [(String, Bool)] = [
            ("<b>bold</b>", true),
            ("Fish &amp; Chips", true),
            ("&#8217;quoted", true),
            ("no markup at all", false),
            ("AT&T", false),                      // no reference
            ("<br> only an open tag", false),     // needs a closing tag or a reference
            ("<custom>x</custom>", false),        // not an HTML element
            ("a <3 b &amp; c", false),            // "<3" is not an element name
            ("&bogus; entity", false),            // unknown entity
            ("Tom &amp; <i>Jerry</i>", true),
            ("<P>upper</P>", true),
        ]
        for (text, expected) in cases {
            #expect(HTMLText.looksLikeHTML(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func entityTableIsComplete() {
        #expect(HTMLEntities.named.count == 2_125)
        #expect(HTMLEntities.value(forName: "amp") == "&")
        #expect(HTMLEntities.value(forName: "NotNestedGreaterGreater") == "\u{2AA2}\u{0338}")
        #expect(HTMLEntities.value(forName: "fjlig") == "fj")
        #expect(HTMLEntities.legacyWithoutSemicolon.contains("copy"))
        #expect(!HTMLEntities.legacyWithoutSemicolon.contains("hellip"))
    }

    @Test func whitespaceMatchesTheContract() {
        #expect(HTMLText.collapseWhitespace("a\u{2028}b\u{3000}c\u{200B}d") == "a b c\u{200B}d")
        #expect(HTMLText.collapseWhitespace("") == "")
        #expect(HTMLText.collapseWhitespace("plain") == "plain")
    }
}
