import Testing
@Test func GraphRenderTestsPlaceholder() { #expect(Bool(true)) }
