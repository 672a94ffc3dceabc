import Testing
@Test func ScriptTestsPlaceholder() { #expect(Bool(true)) }
