import Testing
import NewsModel

/// `TextSanitizer.cleanURL`: the one rule for URLs from feeds, pages and subscription lists.
@Suite struct TextSanitizerURLTests {
    @Test(arguments: [
        ("https://example.com/a?b=c#d", "https://example.com/a?b=c#d"),          // untouched
        ("https://example.com/日本", "https://example.com/日本"),                  // non-ASCII kept
        ("  https://example.com/\n", "https://example.com/"),                     // ends trimmed
        ("https://exa\tmple.com/a\r\nb", "https://example.com/ab"),               // tabs, newlines go
        ("https://example.com/\u{1B}]0;pwned\u{07}x", "https://example.com/%1B]0;pwned%07x"),
        ("https://example.com/\u{1B}[2J", "https://example.com/%1B[2J"),
        ("https://example.com/\u{9B}2J", "https://example.com/%C2%9B2J"),         // C1 CSI
        ("https://example.com/a\u{7F}", "https://example.com/a%7F"),              // DEL
        ("https://example.com/\u{202E}gpj.exe", "https://example.com/%E2%80%AEgpj.exe"), // RLO
        ("https://example.com/a b", "https://example.com/a b"),                   // inner space kept
        ("\u{1B}", ""),
    ])
    func controlCharactersArePercentEncoded(input: String, expected: String) {
        let cleaned = TextSanitizer.cleanURL(input)
        #expect(cleaned == expected)
        #expect(TextSanitizer.clean(cleaned) == cleaned, "clean changes \(cleaned.debugDescription)")
        #expect(TextSanitizer.cleanURL(cleaned) == cleaned, "not idempotent")
    }
}
