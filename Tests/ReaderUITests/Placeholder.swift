import Testing
@testable import ReaderUI

@Test func ReaderUIPlaceholder() { #expect(Bool(true)) }
