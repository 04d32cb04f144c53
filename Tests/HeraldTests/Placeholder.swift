import Testing
@testable import NewsModel

@Test func HeraldPlaceholder() { #expect(Bool(true)) }
