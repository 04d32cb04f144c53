import Testing
@testable import TerminalUI

@Test func TerminalUIPlaceholder() { #expect(Bool(true)) }
