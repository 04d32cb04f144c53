import Testing
import NewsModel

/// Feed text can never drive the terminal: every hostile fixture from the reliability issue.
@Suite struct TextSanitizerTests {
    static let ESC = "\u{1B}"

    @Test(arguments: [
        ("title \u{1B}]0;pwned\u{07}end", "title end"),                 // OSC window title, BEL-terminated
        ("a\u{1B}]0;pwned\u{1B}\\b", "ab"),                              // OSC, ST-terminated
        ("clear\u{1B}[2Jed", "cleared"),                                 // CSI erase display
        ("\u{1B}[1;31mred\u{1B}[0m", "red"),                             // SGR colours
        ("copy\u{1B}]52;c;cm0gLXJmIH4=\u{07}!", "copy!"),                // OSC 52 clipboard write
        ("dcs\u{1B}P1$r0m\u{1B}\\x", "dcsx"),                            // DCS
        ("lone \u{1B}", "lone "),                                        // a lone ESC at the end
        ("c1\u{9B}2Jcsi", "c1csi"),                                      // C1 CSI
        ("c1\u{9D}0;t\u{9C}osc", "c1osc"),                               // C1 OSC with C1 ST
        ("safe\rEVIL", "safe\nEVIL"),                                    // a bare CR cannot overwrite the line
        ("bidi \u{202E}gnp.exe", "bidi gnp.exe"),                        // RIGHT-TO-LEFT OVERRIDE
        ("iso\u{2066}late\u{2069}", "isolate"),                          // bidi isolates
        ("tab\there", "tab here"),                                       // tabs expand to a space
        ("page\u{0C}break\u{0B}vt", "page break vt"),                     // so do form feeds and vertical tabs
        ("bell\u{07}\u{08}\u{7F}", "bell"),                              // BEL, BS, DEL
        ("fam👨\u{200D}👩", "fam👨👩"),                                   // ZWJ removed
        ("日本語 ニュース", "日本語 ニュース"),                               // ordinary text untouched
    ])
    func hostileTextIsCleaned(input: String, expected: String) {
        let cleaned = TextSanitizer.clean(input)
        #expect(cleaned == expected)
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!cleaned.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    }

    @Test func oneLineModeFoldsNewlines() {
        #expect(TextSanitizer.clean("a\nb\r\nc", keepNewlines: false) == "a b c")
    }

    @Test func cleaningIsIdempotent() {
        let nasty = "x\u{1B}[31m\u{1B}]0;t\u{07}\u{202E}y\u{9B}1mz\r\n"
        let once = TextSanitizer.clean(nasty)
        #expect(TextSanitizer.clean(once) == once)
    }
}
