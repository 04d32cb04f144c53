import Testing
import TerminalUI
@testable import ReaderUI

@Suite struct ThemeParseTests {
    @Test func readsColoursInEveryForm() throws {
        let theme = try Theme.parse(toml: """
            [palette]
            accent = "#5fafff"
            [roles.normal]
            fg = "bright-white"
            bg = 234
            [roles.link]
            fg = "accent"
            bg = "default"
            attrs = ["underline", "bold"]
            [roles]
            quote = { fg = "#D7AF87", attrs = ["italic"] }
            """, name: "test")
        #expect(theme.name == "test")
        #expect(theme.style(.normal) == Style(foreground: .indexed(15), background: .indexed(234)))
        #expect(theme.style(.link) == Style(foreground: .rgb(0x5f, 0xaf, 0xff), background: .default,
                                            attributes: [.underline, .bold]))
        #expect(theme.style(.quote) == Style(foreground: .rgb(0xd7, 0xaf, 0x87), background: .indexed(234),
                                             attributes: [.italic]))
    }

    @Test func leftOutFieldsAndRolesComeFromTheParent() throws {
        let theme = try Theme.parse(toml: """
            [roles.normal]
            fg = 252
            bg = 235
            [roles.articleBody]
            fg = 250
            [roles.quote]
            attrs = ["italic"]
            [roles.status]
            bg = 238
            """, name: "partial")
        let body = Style(foreground: .indexed(250), background: .indexed(235))
        #expect(theme.style(.articleBody) == body)
        #expect(theme.style(.quote) == Style(foreground: .indexed(250), background: .indexed(235), attributes: [.italic]))
        #expect(theme.style(.attribution) == theme.style(.quote), "attribution inherits quote")
        #expect(theme.style(.articleHeading) == body, "heading → articleTitle → articleBody")
        #expect(theme.style(.error) == Style(foreground: .indexed(252), background: .indexed(238)),
                "error → message → status → normal")
        #expect(theme.style(.paneBorder) == theme.style(.normal))
    }

    @Test func aLeftOutSelectionRoleIsItsParentReversed() throws {
        let theme = try Theme.parse(toml: """
            [roles.headlineUnread]
            fg = 231
            attrs = ["bold"]
            [roles.link]
            fg = 75
            attrs = ["underline"]
            """, name: "sparse")
        #expect(theme.style(.headlineSelected) == Style(foreground: .indexed(231), attributes: [.bold, .reverse]))
        #expect(theme.style(.linkSelected) == Style(foreground: .indexed(75), attributes: [.underline, .reverse]))
        // relatedSelected's parent is linkSelected, already a selection: not reversed twice.
        #expect(theme.style(.relatedSelected) == theme.style(.linkSelected))
        #expect(theme.style(.selection) == Style(attributes: [.reverse]))
    }

    @Test func anEmptyFileIsTheTerminalsDefaults() throws {
        let theme = try Theme.parse(toml: "# nothing\n", name: "empty")
        #expect(theme.style(.normal) == .plain)
        #expect(theme.style(.headlineUnread) == .plain)
        #expect(theme.style(.headlineSelected) == Style(attributes: .reverse))
    }

    @Test func aSyntaxErrorNamesItsLineAndColumn() {
        let error = #expect(throws: ThemeError.self) {
            try Theme.parse(toml: "[roles.normal]\nfg = 15\nbg = \n", name: "broken")
        }
        #expect(error?.line == 3)
        #expect(error?.column != nil)
        #expect(error?.description.hasPrefix("line 3, column") == true)
    }

    @Test(arguments: [
        ("[roles.normal]\nfg = 15\n\n[roles.headlineUnred]\nfg = 1\n", 4, "unknown role \"headlineUnred\" (did you mean \"headlineUnread\"?)"),
        ("[roles]\nnormal = { fg = 15 }\nlink = { fg = \"purpel\" }\n", 3, "unknown colour \"purpel\""),
        ("[roles.link]\n# a comment\nfg = \"bright-bleu\"\n", 3, "unknown colour \"bright-bleu\" (did you mean \"bright-blue\"?)"),
        ("[roles.link]\nfg = 75\nbg = 300\n", 3, "colour index 300 is out of range 0–255"),
        ("[roles.link]\nfg = \"#12345\"\n", 2, "unknown colour \"#12345\""),
        ("[roles.link]\nfg = 1.5\n", 2, "not a number"),
        ("[roles.link]\nfg = 75\nattrs = [\"bold\", \"blink\"]\n", 3, "unknown attribute \"blink\""),
        ("[roles.link]\nfg = 75\ncolour = 3\n", 3, "unknown field \"colour\" in [roles.link]"),
        ("name = \"x\"\n[roles.link]\nfg = 75\n", 1, "unknown table or key \"name\""),
        ("[palette]\nink = \"inky\"\n[roles.link]\nfg = \"ink\"\n", 2, "unknown colour \"inky\""),
        ("[roles]\n\"head line\" = { fg = 1 }\n", 2, "unknown role \"head line\""),
    ])
    func aWrongNameNamesItsLine(source: String, line: Int, message: String) {
        let error = #expect(throws: ThemeError.self) { try Theme.parse(toml: source, name: "bad") }
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")")
    }

    @Test func severalProblemsReportTheFirstInTheFile() {
        let source = """
            [roles.status]
            fg = "nope"
            [roles.articleBody]
            fg = "nope-either"
            """
        let error = #expect(throws: ThemeError.self) { try Theme.parse(toml: source, name: "bad") }
        #expect(error?.line == 2, "status sorts after articleBody in TOMLKit, but comes first in the file")
    }

    @Test func paletteNamesMayReuseBasicNames() throws {
        let theme = try Theme.parse(toml: """
            [palette]
            blue = "#268bd2"
            [roles.link]
            fg = "blue"
            [roles.related]
            fg = "bright-blue"
            """, name: "solar")
        #expect(theme.style(.link).foreground == .rgb(0x26, 0x8b, 0xd2))
        #expect(theme.style(.related).foreground == .indexed(12))
    }

    @Test func themesCompareByTheirResolvedStyles() throws {
        let explicit = try Theme.parse(toml: "[roles.normal]\nfg = 7\n[roles.paneBorder]\nfg = 7\n", name: "a")
        let inherited = try Theme.parse(toml: "[roles.normal]\nfg = 7\n", name: "a")
        #expect(explicit == inherited)
        let other = try Theme.parse(toml: "[roles.normal]\nfg = 7\n[roles.paneBorder]\nfg = 8\n", name: "a")
        #expect(explicit != other)
    }
}

@Suite struct ThemeLineIndexTests {
    @Test func findsKeysUnderHeadersDottedQuotedAndInline() {
        let index = TOMLLineIndex(source: """
            top = 1
            [a.b]
            c = 2
            "d.e" = 3
            f.g = { h = 4 }
            s = \"\"\"
            x = 5
            \"\"\"
            arr = [
              "y = 6",
            ]
            z = 7
            [ 'q r' . s ]
            t = 8
            """)
        #expect(index.line(of: ["top"]) == 1)
        #expect(index.line(of: ["a", "b"]) == 2)
        #expect(index.line(of: ["a", "b", "c"]) == 3)
        #expect(index.line(of: ["a", "b", "d.e"]) == 4)
        #expect(index.line(of: ["a", "b", "f", "g"]) == 5)
        #expect(index.line(of: ["a", "b", "f", "g", "h"]) == 5, "inside an inline table: its line")
        #expect(index.line(of: ["a", "b", "x"]) == 2, "inside a multi-line string: not a key; falls back to [a.b]")
        #expect(index.line(of: ["a", "b", "z"]) == 12)
        #expect(index.line(of: ["q r", "s", "t"]) == 14)
        #expect(index.line(of: ["nowhere"]) == nil)
    }

    @Test func countsWindowsLineEndings() {
        let index = TOMLLineIndex(source: "a = 1\r\nb = 2\r\n[c]\r\nd = 3\r\n")
        #expect(index.line(of: ["c", "d"]) == 4)
    }
}
