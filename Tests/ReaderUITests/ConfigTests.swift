import Testing
@testable import ReaderUI

@Suite struct ConfigTests {
    @Test func readsEverySetting() throws {
        let config = try Config.parse(toml: """
            # Herald settings
            theme = "gruvbox"
            browser = ["firefox", "--new-tab", "%u"]

            [layout]
            headlines_width = 40
            sidebar_width = 32

            [keys]
            "C-d" = "page-down"
            J = "next-unread"
            Space = "page-down"
            "S-Tab" = "focus-previous"
            """)
        #expect(config == Config(
            theme: "gruvbox",
            bindings: ["C-d": "page-down", "J": "next-unread", "Space": "page-down", "S-Tab": "focus-previous"],
            browser: ["firefox", "--new-tab", "%u"],
            headlinesWidth: 40, sidebarWidth: 32))
        #expect(config.warnings.isEmpty)
    }

    @Test func anEmptyFileIsTheDefault() throws {
        #expect(try Config.parse(toml: "") == .default)
        #expect(try Config.parse(toml: "# only a comment\n\n") == .default)
    }

    @Test func aSyntaxErrorNamesItsLine() {
        let error = #expect(throws: ConfigError.self) {
            try Config.parse(toml: "theme = \"mono\"\n\n[layout]\nheadlines_width = = 3\n")
        }
        #expect(error?.line == 4)
        #expect(error?.description.hasPrefix("line 4") == true, "\(error?.description ?? "")")
    }

    @Test func aDuplicateKeyIsASyntaxError() {
        let error = #expect(throws: ConfigError.self) {
            try Config.parse(toml: "theme = \"mono\"\ntheme = \"light\"\n")
        }
        #expect(error?.line == 2)
    }

    @Test func unknownSettingsAreWarnedWithTheirLineAndTheRestIsKept() throws {
        let config = try Config.parse(toml: """
            theme = "light"
            colour = "blue"

            [layout]
            headline_width = 40
            sidebar_width = 30

            [window]
            x = 1
            """)
        #expect(config.theme == "light")
        #expect(config.sidebarWidth == 30)
        #expect(config.headlinesWidth == nil)
        #expect(config.warnings == [
            "line 2: unknown setting \"colour\" (known: theme, browser, [layout], [keys]); ignored",
            "line 5: unknown setting \"headline_width\" in [layout] (did you mean \"headlines_width\"?); ignored",
            "line 8: unknown setting \"window\" (known: theme, browser, [layout], [keys]); ignored",
        ])
    }

    @Test func unusableValuesAreWarnedAndIgnored() throws {
        let config = try Config.parse(toml: """
            theme = 3
            browser = []
            [layout]
            headlines_width = 4
            sidebar_width = "wide"
            [keys]
            j = "down"
            "C-" = "page-down"
            k = 5
            """)
        #expect(config.theme == nil && config.browser == nil)
        #expect(config.headlinesWidth == nil && config.sidebarWidth == nil)
        #expect(config.bindings == ["j": "down"])
        #expect(config.warnings.map { $0.prefix(7) } == ["line 1:", "line 2:", "line 4:", "line 5:", "line 8:", "line 9:"])
        #expect(config.warnings[2].contains("from 10 to 500, not 4"))
        #expect(config.warnings[4].contains("\"C-\" is not a key"))
    }

    @Test func aThemeNameCannotBeAPath() throws {
        let config = try Config.parse(toml: "theme = \"../../etc/x\"\n")
        #expect(config.theme == nil)
        #expect(config.warnings.count == 1)
    }

    @Test func browserAsAStringIsSplitIntoWordsWithoutAShell() throws {
        #expect(try Config.parse(toml: "browser = \"firefox --new-tab %u\"").browser == ["firefox", "--new-tab", "%u"])
        #expect(try Config.parse(toml: #"browser = "'/opt/My Browser/run' --x=\"a b\" $HOME;rm""#).browser
                == ["/opt/My Browser/run", "--x=a b", "$HOME;rm"])
        #expect(try Config.parse(toml: "browser = \"lynx\"").browser == ["lynx"])
        let unclosed = try Config.parse(toml: "browser = \"open 'x\"")
        #expect(unclosed.browser == nil)
        #expect(unclosed.warnings == ["line 1: browser has an unclosed quote; ignored"])
    }

    @Test func browserAsAnArrayIsTakenAsIs() throws {
        #expect(try Config.parse(toml: #"browser = ["my browser", "a b", "%u"]"#).browser == ["my browser", "a b", "%u"])
        let mixed = try Config.parse(toml: "browser = [\n  \"firefox\",\n  3,\n]\n")
        #expect(mixed.browser == nil)
        #expect(mixed.warnings.first?.hasPrefix("line 1:") == true)
    }

    @Test func wordsHandleQuotesEscapesAndBlanks() {
        #expect(Config.words("  a   b\tc ") == ["a", "b", "c"])
        #expect(Config.words(#"a\ b "c\"d" 'e\f' """#) == ["a b", "c\"d", "e\\f", ""])
        #expect(Config.words("") == [])
        #expect(Config.words("\"open") == nil)
    }

    @Test func theURLReplacesPercentUOrIsAppended() {
        let url = "https://example.org/a?b=1&c=%20"
        #expect(Config.browserCommand(["firefox", "--new-tab", "%u"], url: url) == ["firefox", "--new-tab", url])
        #expect(Config.browserCommand(["w3m"], url: url) == ["w3m", url])
        #expect(Config.browserCommand(["x", "--url=%u"], url: url) == ["x", "--url=" + url])
    }

    @Test func theConfigFileFollowsXDG() {
        #expect(Config.filePath(environment: ["XDG_CONFIG_HOME": "/x/cfg/", "HOME": "/h"]) == "/x/cfg/herald/config.toml")
        #expect(Config.filePath(environment: ["HOME": "/h"]) == "/h/.config/herald/config.toml")
        #expect(Config.filePath(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/h"]) == "/h/.config/herald/config.toml")
        #expect(Config.filePath(environment: [:]) == nil)
    }
}
