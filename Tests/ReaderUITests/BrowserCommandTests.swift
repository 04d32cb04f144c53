import Testing
@testable import ReaderUI

/// Links open through an argument vector: the URL is one argument, verbatim, and only safe schemes open.
@Suite struct BrowserCommandTests {
    static let hostile = [
        "https://example.com/$(touch /tmp/pwned)",
        "https://example.com/`id`",
        "https://example.com/a;rm -rf ~",
        "https://example.com/\"quoted\"'single'",
        "https://example.com/with space&x=1|y",
        "mailto:someone@example.com?subject=$(id)",
    ]

    @Test(arguments: hostile)
    func theURLIsOneArgumentVerbatim(url: String) throws {
        let argv = try BrowserCommand.argv(for: url, template: ["firefox", "--new-tab", "%u"], environmentBrowser: nil)
        #expect(argv == ["firefox", "--new-tab", url])
        let appended = try BrowserCommand.argv(for: url, template: nil, environmentBrowser: "w3m -N")
        #expect(appended == ["w3m", "-N", url])
        let fallback = try BrowserCommand.argv(for: url, template: nil, environmentBrowser: nil)
        #expect(fallback == ["xdg-open", url])
    }

    @Test(arguments: ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>", "ssh://host", "/relative", ""])
    func otherSchemesAreRefused(url: String) {
        #expect(throws: BrowserCommand.Refusal.self) {
            try BrowserCommand.argv(for: url, template: nil, environmentBrowser: nil)
        }
    }

    @Test func controlCharactersInAURLAreRefused() {
        #expect(throws: BrowserCommand.Refusal.malformed) {
            try BrowserCommand.argv(for: "https://example.com/\nrm -rf ~", template: nil, environmentBrowser: nil)
        }
        #expect(throws: BrowserCommand.Refusal.malformed) {
            try BrowserCommand.argv(for: "https://example.com/\u{1B}]0;pwned\u{07}", template: nil, environmentBrowser: nil)
        }
    }

    @Test func schemesAreCaseInsensitive() throws {
        #expect(BrowserCommand.scheme(of: "HTTPS://EXAMPLE.COM") == "https")
        #expect(try BrowserCommand.argv(for: "HTTPS://EXAMPLE.COM", template: ["b"], environmentBrowser: nil) == ["b", "HTTPS://EXAMPLE.COM"])
    }
}
