import Testing
@Test func GraphModelTestsPlaceholder() { #expect(Bool(true)) }
