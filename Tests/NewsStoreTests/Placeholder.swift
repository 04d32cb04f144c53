import Testing
@testable import NewsStore

@Test func NewsStorePlaceholder() { #expect(Bool(true)) }
