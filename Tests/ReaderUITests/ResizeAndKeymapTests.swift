import Foundation
import NewsModel
import TerminalUI
import Testing
@testable import ReaderUI

/// Resizing keeps the reading position; the keymap follows newsboat and lists every binding.
@Suite struct ResizeAndKeymapTests {
    @Test func resizeKeepsTheParagraphBeingRead() throws {
        var state = Fixtures.loadedState(width: 120, height: 40)
        press(&state, .enter)
        send(&state, .articleLoaded(Fixtures.longArticle(id: 101), bookmarks: []))
        for _ in 0..<50 { press(&state, .char("j")) }
        let before = try #require(state.reader)
        let topLine = before.layout.lines[before.topLine]
        guard case .body(let paragraph) = before.layout.blocks[topLine.block].part else {
            Issue.record("top line is not in the body")
            return
        }
        for (width, height) in [(60, 20), (200, 60), (45, 30), (120, 40)] {
            send(&state, .resize(width: width, height: height))
            let after = try #require(state.reader)
            #expect(after.layout.width == PaneLayout(state).articleTextWidth)
            let line = after.layout.lines[after.topLine]
            #expect(after.layout.blocks[line.block].part == .body(paragraph), "still paragraph \(paragraph) at \(width)x\(height)")
            // The line shown first holds the text the old first line started with.
            #expect(line.start <= topLine.start && topLine.start < max(line.end, line.start + 1))
        }
        #expect(state.reader?.topLine == before.topLine, "back at the first size, back on the same line")
    }

    @Test func resizeKeepsTheSelectedHeadlineVisible() {
        var state = Fixtures.loadedState(width: 120, height: 40)
        press(&state, keys(String(repeating: "j", count: 30)))
        send(&state, .resize(width: 80, height: 10))
        let cursor = state.headlines.cursor
        #expect(cursor.selected == 30)
        #expect(cursor.visibleRange.contains(30))
        #expect(cursor.height == PaneLayout(state, focus: .headlines).headlineRows)
    }

    @Test func newsboatKeysMeanWhatTheyMeanInNewsboat() {
        let keymap = Keymap.default
        let list = KeyContext.normal(.headlines)
        #expect(keymap.action(for: .char("j"), in: list) == .moveDown)
        #expect(keymap.action(for: .down, in: list) == .moveDown)
        #expect(keymap.action(for: .char("k"), in: list) == .moveUp)
        #expect(keymap.action(for: .up, in: list) == .moveUp)
        #expect(keymap.action(for: .enter, in: list) == .open)
        #expect(keymap.action(for: .char("q"), in: list) == .quit)
        #expect(keymap.action(for: .char("n"), in: list) == .nextUnread)
        #expect(keymap.action(for: .char("N"), in: list) == .prevUnread)
        #expect(keymap.action(for: .char("/"), in: list) == .startSearch)
        #expect(keymap.action(for: .char("o"), in: list) == .openInBrowser)
        #expect(keymap.action(for: .char("?"), in: list) == .showHelp)
        #expect(keymap.action(for: .char(" "), in: .normal(.article)) == .pageDown)
    }

    @Test func leftAndRightMeanBackAndForwardOnlyInTheArticle() {
        let keymap = Keymap.default
        #expect(keymap.action(for: .left, in: .normal(.article)) == .back)
        #expect(keymap.action(for: .char("l"), in: .normal(.article)) == .forward)
        #expect(keymap.action(for: .left, in: .normal(.headlines)) == .focusPrevious)
        #expect(keymap.action(for: .right, in: .normal(.headlines)) == .open)
        #expect(keymap.action(for: .right, in: .normal(.feeds)) == .open)
        #expect(keymap.action(for: .backspace, in: .normal(.headlines)) == .back)
    }

    @Test func qClosesOverlaysAndPromptsTakeText() {
        let keymap = Keymap.default
        for kind in OverlayKind.allCases {
            #expect(keymap.action(for: .char("q"), in: .overlay(kind)) == .cancel)
        }
        #expect(keymap.action(for: .char("q"), in: .prompt) == .input("q"))
        #expect(keymap.action(for: .char("日"), in: .prompt) == .input("日"))
        #expect(keymap.action(for: .enter, in: .prompt) == .submit)
        #expect(keymap.action(for: .escape, in: .prompt) == .cancel)
        #expect(keymap.action(for: .char("j"), in: .visual) == .extendSelection(.sentence, forward: true))
    }

    @Test func configBindingsApplyWhereTheActionLives() {
        let (keymap, errors) = Keymap.default.applying([
            "C-n": "next-unread", "x": "bookmark", "y": "nextLink", "j": "none", "F13x": "quit", "z": "launchRockets",
        ])
        #expect(errors.count == 2)
        #expect(errors.contains { $0.contains("F13x") })
        #expect(errors.contains { $0.contains("launchRockets") })
        #expect(keymap.action(for: .ctrl("n"), in: .normal(.headlines)) == .nextUnread)
        #expect(keymap.action(for: .char("x"), in: .normal(.sidebar)) == .bookmark)
        #expect(keymap.action(for: .char("x"), in: .visual) == .bookmark)
        #expect(keymap.action(for: .char("y"), in: .normal(.article)) == .nextLink, "camelCase names work too")
        #expect(keymap.action(for: .char("j"), in: .normal(.headlines)) == nil)
        #expect(keymap.action(for: .down, in: .normal(.headlines)) == .moveDown)
        #expect(keymap.action(for: .char("j"), in: .prompt) == .input("j"), "prompts keep their keys")
    }

    @Test func helpListsEveryBinding() {
        var (keymap, _) = Keymap.default.applying(["C-n": "next-unread"])
        keymap.bind(.function(5), to: .refreshAll, in: .main)
        let help = keymap.help
        for binding in keymap.bindings {
            let name = KeySpec.describe(binding.key)
            #expect(help.contains { row in
                row.section == binding.scope.title && row.keys.split(separator: " ").contains(Substring(name))
            }, "\(name) in \(binding.scope) is listed")
        }
        // And the help overlay shows them all when scrolled through.
        let lines = HelpScreen.lines(keymap, width: 80)
        #expect(lines.filter { !$0.keys.isEmpty }.count == help.count)
    }

    @Test func helpScrollsAndClosesWithQuestionMark() {
        var state = Fixtures.loadedState(width: 80, height: 24)
        press(&state, .char("?"))
        press(&state, .char("G"))
        guard case .help(let top) = state.overlay else {
            Issue.record("help not open")
            return
        }
        #expect(top == HelpScreen.maxTop(state))
        #expect(top > 0)
        let grid = render(state, theme: .builtinDefault)
        #expect(grid.lines()[22].contains("Cancel") || grid.lines().contains { $0.contains("Delete the last character") })
        press(&state, .char("?"))
        #expect(state.overlay == nil)
    }
}

/// The one-pane layout and settings from the configuration.
@Suite struct SmallTerminalAndConfigTests {
    @Test func qInTheArticleOfAOnePaneTerminalGoesBackToTheList() {
        var state = Fixtures.readingState(width: 40, height: 12)
        #expect(PaneLayout(state).mode == .one)
        #expect(press(&state, .char("q")).isEmpty)
        #expect(state.focus == .headlines)
        #expect(press(&state, .char("q")) == [.quit])
    }

    @Test func theSidebarFloatsOverTheArticleOnMediumTerminals() {
        var state = Fixtures.readingState(width: 80, height: 24)
        let before = state.reader?.layout.width
        #expect(PaneLayout(state).sidebar.isEmpty)
        press(&state, .char("i"))
        let panes = PaneLayout(state)
        #expect(panes.sidebarFloats)
        #expect(!panes.sidebar.isEmpty && panes.sidebar.maxX == panes.article.maxX)
        #expect(state.reader?.layout.width == before, "the article keeps its width under the sidebar")
        press(&state, .char("i"))
        #expect(PaneLayout(state).sidebar.isEmpty)
    }

    @Test func configSetsBindingsThemeAndWidths() {
        var state = AppState(width: 120, height: 40, themeNames: ["default", "gruvbox"])
        var config = Config()
        config.theme = "gruvbox"
        config.bindings = ["J": "next-unread", "Q": "no-such-action"]
        config.headlinesWidth = 44
        config.sidebarWidth = 26
        let errors = state.apply(config)
        #expect(errors == ["unknown action \"no-such-action\" for key \"Q\""])
        #expect(state.themeName == "gruvbox")
        #expect(state.keymap.action(for: .char("J"), in: .normal(.headlines)) == .nextUnread)
        let panes = PaneLayout(state)
        #expect(panes.headlines.width == 44)
        #expect(panes.sidebar.width == 26)
    }

    @Test func aFailureForgetsBookmarksNotSaved() {
        var state = Fixtures.readingState()
        press(&state, .tab, .char("j"), .char("b"))
        #expect(state.reader?.bookmarks.count == 2)
        send(&state, .failed("disk full"))
        #expect(state.reader?.bookmarks.map(\.id) == [BookmarkID(7)])
        #expect(state.message == .error("disk full"))
    }
}
