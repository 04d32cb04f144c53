import Testing
@testable import NewsIngest

@Test func NewsIngestPlaceholder() { #expect(Bool(true)) }
