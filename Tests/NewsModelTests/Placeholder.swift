import Testing
@testable import NewsModel

@Test func NewsModelPlaceholder() { #expect(Bool(true)) }
