import Testing
import TerminalUI
@testable import ReaderUI

@Suite struct ThemePaletteTests {
    @Test(arguments: [
        ("#000000", 16), ("#ffffff", 231), ("#ff0000", 196), ("#00ff00", 46), ("#0000ff", 21),
        ("#5fafff", 75), ("#d7af87", 180), ("#808080", 244), ("#eeeeee", 255), ("#080808", 232),
        ("#5f87af", 67), ("#282828", 235), ("#fabd2f", 214), ("#268bd2", 32),
        ("#dc322f", 160), ("#2aa198", 37), ("#b58900", 136),
    ])
    func hexMapsToTheNearestXterm256Colour(hex: String, index: Int) throws {
        let color = try #require(ThemeNames.color(named: hex))
        guard case let .rgb(r, g, b) = color else { Issue.record("\(hex) parsed as \(color)"); return }
        #expect(XtermPalette.nearestIndex(to: .init(red: Int(r), green: Int(g), blue: Int(b))) == UInt8(index))
    }

    @Test func everyPaletteEntryMapsToItself() {
        for index in 16...255 {
            let rgb = XtermPalette.rgb(ofIndex: UInt8(index))
            let nearest = XtermPalette.nearestIndex(to: rgb)
            #expect(XtermPalette.rgb(ofIndex: nearest) == rgb, "\(index) → \(nearest)")
        }
    }

    @Test(arguments: [
        // (r, g, b), nearest of 16, nearest of 8
        ((0x00, 0x00, 0x00), 0, 0), ((0xff, 0xff, 0xff), 15, 7), ((0x80, 0x80, 0x80), 8, 7),
        ((0x50, 0x50, 0x50), 8, 0), ((0x30, 0x30, 0x30), 0, 0), ((0x07, 0x36, 0x42), 0, 0), ((0xd0, 0xd0, 0xd0), 7, 7), ((0xcd, 0x00, 0x00), 1, 1),
        ((0xff, 0x5f, 0x5f), 9, 1), ((0x26, 0x8b, 0xd2), 4, 4), ((0x2a, 0xa1, 0x98), 6, 6),
        ((0xb5, 0x89, 0x00), 3, 3), ((0xfa, 0xbd, 0x2f), 11, 3), ((0x87, 0xd7, 0x87), 10, 2),
        ((0xd3, 0x36, 0x82), 5, 5), ((0xeb, 0xdb, 0xb2), 7, 7), ((0x00, 0x5f, 0x87), 4, 4),
    ])
    func basicColoursFollowHueAndLightness(rgb: (Int, Int, Int), of16: Int, of8: Int) {
        let color = XtermPalette.RGB(red: rgb.0, green: rgb.1, blue: rgb.2)
        #expect(XtermPalette.basicIndex(for: color, brights: true) == UInt8(of16))
        #expect(XtermPalette.basicIndex(for: color, brights: false) == UInt8(of8))
    }
}

@Suite struct ThemeAdaptationTests {
    /// Every colour a theme uses.
    func colors(of theme: Theme) -> [Color] {
        ThemeRole.allCases.flatMap { [theme.style($0).foreground, theme.style($0).background] }
    }

    @Test func at256ColoursOnlyHexColoursChange() throws {
        let theme = try Theme.parse(toml: """
            [roles.normal]
            fg = "#ff0000"
            bg = 17
            [roles.link]
            fg = "cyan"
            """, name: "t")
        let adapted = theme.adapted(toColorCount: 256)
        #expect(adapted.style(.normal) == Style(foreground: .indexed(196), background: .indexed(17)))
        #expect(adapted.style(.link).foreground == .indexed(6))
        #expect(theme.adapted(toColorCount: 1 << 24) == theme, "direct colour keeps RGB")
        #expect(Theme.builtinDefault.adapted(toColorCount: 256) == Theme.builtinDefault)
    }

    @Test(arguments: [8, 16])
    func basicTerminalsGetOnlyBasicColours(count: Int) throws {
        for name in try shippedThemeNames() {
            let theme = try Theme.parse(toml: try shippedThemeSource(name), name: name).adapted(toColorCount: count)
            for color in colors(of: theme) {
                if case .indexed(let index) = color { #expect(Int(index) < count, "\(name): \(color)") }
                if case .rgb = color { Issue.record("\(name): \(color) left at \(count) colours") }
            }
            for (a, b) in mustDiffer {
                #expect(theme.style(a) != theme.style(b), "\(name) at \(count): \(a) looks like \(b)")
            }
        }
    }

    @Test func at8ColoursBrightColoursLoseTheirBrightness() throws {
        let theme = try Theme.parse(toml: "[roles.normal]\nfg = \"bright-red\"\nbg = \"black\"\n", name: "t")
        #expect(theme.adapted(toColorCount: 8).style(.normal) == Style(foreground: .indexed(1), background: .indexed(0)))
        #expect(theme.adapted(toColorCount: 16).style(.normal) == Style(foreground: .indexed(9), background: .indexed(0)))
    }

    @Test func aBackgroundThatMergesIntoNormalsBecomesReverseVideo() {
        // Status bar 236 (dark grey) becomes black at 8 colours: the bar would vanish.
        let adapted = Theme.builtinDefault.adapted(toColorCount: 8)
        #expect(adapted.style(.status).attributes.contains(.reverse))
        #expect(adapted.style(.status).background == .default)
        // The selected headline's blue survives, with readable text on it.
        let selected = adapted.style(.headlineSelected)
        #expect(selected.background == .indexed(4))
        #expect(selected.foreground == .indexed(7))
        #expect(!selected.attributes.contains(.reverse))
    }

    @Test func unreadableTextOnItsBackgroundTurnsBlackOrWhite() throws {
        // Pale yellow on olive are both yellow at 16 colours: the text turns black.
        let adapted = Theme.builtinDefault.adapted(toColorCount: 16)
        #expect(adapted.style(.highlightAnchor) == Style(foreground: .indexed(0), background: .indexed(3)))
    }

    @Test func darkTextOnItsDarkBackgroundTakesItsBrightTwin() throws {
        // Solarized: body text on base03, links in Solarized blue.
        let theme = try Theme.parse(toml: """
            [roles.normal]
            fg = "#839496"
            bg = "#002b36"
            [roles.link]
            fg = "#268bd2"
            """, name: "t")
        let at16 = theme.adapted(toColorCount: 16)
        #expect(at16.style(.normal) == Style(foreground: .indexed(7), background: .indexed(0)))
        #expect(at16.style(.link).foreground == .indexed(12), "blue on black is too dark: bright blue")
        #expect(theme.adapted(toColorCount: 8).style(.link).foreground == .indexed(7), "no bright blue at 8: white")
    }

    @Test func darkGreyTextOnTheTerminalsBackgroundDoesNotTurnBlack() throws {
        let theme = try Theme.parse(toml: "[roles.headlineMeta]\nfg = 238\n", name: "t")
        #expect(theme.adapted(toColorCount: 16).style(.headlineMeta).foreground == .indexed(8))
        #expect(theme.adapted(toColorCount: 8).style(.headlineMeta).foreground == .default)
        let black = try Theme.parse(toml: "[roles.headlineMeta]\nfg = \"black\"\nbg = 7\n", name: "t")
        #expect(black.adapted(toColorCount: 8).style(.headlineMeta).foreground == .indexed(0))
    }

    @Test(arguments: [0, 1, 2])
    func monochromeHasNoColourAndKeepsSelectionsVisible(count: Int) throws {
        for name in try shippedThemeNames() {
            let original = try Theme.parse(toml: try shippedThemeSource(name), name: name)
            let theme = original.adapted(toColorCount: count)
            #expect(colors(of: theme).allSatisfy { $0 == .default }, "\(name)")
            for (a, b) in mustDiffer {
                #expect(theme.style(a) != theme.style(b), "\(name) in monochrome: \(a) looks like \(b)")
            }
            for role in ThemeRole.allCases {
                #expect(theme.style(role).attributes.isSuperset(of: original.style(role).attributes.subtracting(.reverse)),
                        "\(name): \(role) keeps its attributes")
            }
            #expect(theme.style(.selection) != theme.style(.normal))
        }
    }

    @Test func monochromeReversesRolesWithTheirOwnBackground() {
        let mono = Theme.builtinDefault.adapted(toColorCount: 0)
        #expect(mono.style(.headlineSelected) == Style(attributes: [.bold, .reverse]))
        #expect(mono.style(.status) == Style(attributes: .reverse))
        #expect(mono.style(.statusKey) == Style(attributes: [.bold, .reverse]))
        #expect(mono.style(.link) == Style(attributes: .underline))
        #expect(mono.style(.headlineUnread) == Style(attributes: .bold))
        #expect(mono.style(.headlineRead) == .plain)
        // Anchor and selection both had backgrounds; the anchor gets an underline to differ.
        #expect(mono.style(.selection) == Style(attributes: .reverse))
        #expect(mono.style(.highlightAnchor) == Style(attributes: [.reverse, .underline]))
    }

    @Test func noColorTurnsColoursOff() {
        #expect(ColorSupport.colorCount(terminalColors: 256, environment: ["NO_COLOR": "1"]) == 0)
        #expect(ColorSupport.colorCount(terminalColors: 256, environment: ["NO_COLOR": ""]) == 256)
        #expect(ColorSupport.colorCount(terminalColors: 8, environment: [:]) == 8)
        #expect(ColorSupport.colorCount(terminalColors: -1, environment: [:]) == 0)
    }
}
