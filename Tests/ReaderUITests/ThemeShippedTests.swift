import Foundation
import Testing
import TOMLKit
import TerminalUI
@testable import ReaderUI

/// The repository's `Themes/` folder, found from this file's path.
let shippedThemesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes")

/// The text of shipped theme `name`.
func shippedThemeSource(_ name: String) throws -> String {
    try String(contentsOf: shippedThemesDirectory.appendingPathComponent(name + ".toml"), encoding: .utf8)
}

/// The names of every shipped theme, from the folder's contents.
func shippedThemeNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: shippedThemesDirectory.path)
        .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
}

/// Pairs of roles every shipped theme must draw differently, at any colour count.
let mustDiffer: [(ThemeRole, ThemeRole)] = [
    (.headlineUnread, .headlineRead), (.headlineSelected, .headlineUnread), (.headlineSelected, .headlineRead),
    (.feedNameSelected, .feedName), (.sidebarItemSelected, .sidebarItem),
    (.link, .articleBody), (.linkSelected, .link), (.relatedSelected, .related),
    (.selection, .articleBody), (.highlightAnchor, .articleBody), (.highlightAnchor, .selection),
    (.quote, .articleBody), (.status, .normal), (.error, .message),
]

@Suite struct ThemeShippedTests {
    @Test func theFiveThemesAreShipped() throws {
        let names = try shippedThemeNames()
        for required in ["default", "light", "solarized-dark", "gruvbox", "mono"] {
            #expect(names.contains(required), "Themes/\(required).toml")
        }
    }

    @Test func everyShippedThemeParsesAndKeepsThingsApart() throws {
        for name in try shippedThemeNames() {
            let theme = try Theme.parse(toml: try shippedThemeSource(name), name: name)
            #expect(theme.name == name)
            for (a, b) in mustDiffer {
                #expect(theme.style(a) != theme.style(b), "\(name): \(a) looks like \(b)")
            }
        }
    }

    @Test func builtinDefaultIsDefaultToml() throws {
        let parsed = try Theme.parse(toml: try shippedThemeSource("default"), name: "default")
        for role in ThemeRole.allCases {
            #expect(parsed.style(role) == Theme.builtinDefault.style(role), "\(role)")
        }
        #expect(parsed == Theme.builtinDefault)
    }

    @Test func defaultTomlSetsEveryRoleWithEveryField() throws {
        let document = try TOMLTable(string: try shippedThemeSource("default"))
        let roles = try #require(document["roles"]?.table)
        #expect(Set(roles.keys) == Set(ThemeRole.allCases.map(\.rawValue)))
        for key in roles.keys {
            #expect(roles[key]?.table.map { Set($0.keys) } == ["fg", "bg", "attrs"], "\(key)")
        }
    }

    @Test func errorsAreRedAndSelectionsHaveTheirOwnBackground() throws {
        for name in try shippedThemeNames() where name != "mono" {
            let theme = try Theme.parse(toml: try shippedThemeSource(name), name: name).adapted(toColorCount: 256)
            guard case .indexed(let index) = theme.style(.error).foreground else {
                Issue.record("\(name): error has no colour")
                continue
            }
            let rgb = XtermPalette.rgb(ofIndex: index)
            #expect(rgb.red > 150 && rgb.red > rgb.green + 60 && rgb.red > rgb.blue + 60, "\(name): error is \(rgb)")
            for role in ThemeRole.allCases where role.isSelection {
                #expect(theme.style(role).background != theme.style(.normal).background, "\(name): \(role)")
            }
        }
    }

    @Test func monoUsesNoColour() throws {
        let theme = try Theme.parse(toml: try shippedThemeSource("mono"), name: "mono")
        for role in ThemeRole.allCases {
            #expect(theme.style(role).foreground == .default && theme.style(role).background == .default, "\(role)")
        }
        #expect(theme.adapted(toColorCount: 0) == theme, "already attributes only: nothing to adapt")
    }
}
