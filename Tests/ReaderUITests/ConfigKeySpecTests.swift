import Testing
import TerminalUI
@testable import ReaderUI

@Suite struct ConfigKeySpecTests {
    @Test(arguments: [
        ("j", Key.char("j")), ("G", .char("G")), ("/", .char("/")), ("-", .char("-")), ("é", .char("é")),
        ("C-d", .ctrl("d")), ("C-r", .ctrl("r")), ("S-Tab", .backTab), ("Enter", .enter), ("Esc", .escape),
        ("Tab", .tab), ("Backspace", .backspace), ("Delete", .delete), ("Space", .char(" ")),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end), ("F1", .function(1)), ("F12", .function(12)),
    ])
    func specsRoundTrip(spec: String, key: Key) {
        #expect(KeySpec.parse(spec) == key)
        #expect(KeySpec.describe(key) == spec)
    }

    @Test(arguments: [
        ("C-D", Key.ctrl("d")), ("space", .char(" ")), (" ", .char(" ")), ("enter", .enter), ("Return", .enter),
        ("ESCAPE", .escape), ("backtab", .backTab), ("pagedown", .pageDown), ("PageUp", .pageUp), ("pgdn", .pageDown),
        ("del", .delete), ("f5", .function(5)), ("C-i", .tab), ("C-m", .enter), ("C-h", .backspace), ("C-[", .escape),
    ])
    func aliasesAndCaseAreAccepted(spec: String, key: Key) {
        #expect(KeySpec.parse(spec) == key)
    }

    @Test(arguments: ["", "jj", "C-", "C-dd", "C-1", "F0", "F13", "F01", "F+1", "Ctrl-d", "\t", "PgDown", "S-x"])
    func nonsenseIsNoKey(spec: String) {
        #expect(KeySpec.parse(spec) == nil)
    }

    @Test func everyDescribedKeyParsesBack() {
        var keys: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right,
                           .home, .end, .pageUp, .pageDown, .char(" "), .char("?")]
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefgjklnopqrstuvwxyz".map { Key.ctrl($0) }
        for key in keys {
            #expect(KeySpec.parse(KeySpec.describe(key)) == key, "\(key)")
        }
    }
}
