import Testing

@testable import Python

/// A script's loop statements: every `for`/`while`, its body's last line and its header text.
@Suite struct ScriptLoopsTests {
    func loops(_ source: String) throws -> [ScriptLoop] { try parseModule(source: source, filename: "t.py").loops }

    @Test func everyLoopWithItsBodysLastLineAndHeader() throws {
        let found = try loops(
            """
            for epoch in range(3):  # outer
                for x, y in zip(a,
                                b):
                    with ctx():
                        total = total + x
                else:
                    done = 1
            def f(n):
                while n < 3: n += 1  # count
                return n
            """)
        #expect(
            found == [
                ScriptLoop(line: 1, lastLine: 7, header: "for epoch in range(3)"),
                ScriptLoop(line: 2, lastLine: 5, header: "for x, y in zip(a, b)"),
                ScriptLoop(line: 9, lastLine: 9, header: "while n < 3")
            ])
    }

    @Test func theHeaderEndsAtItsOwnColonOutsideBracketsAndStrings() throws {
        #expect(try loops("for k in {'a': 1}: y = k\n").map(\.header) == ["for k in {'a': 1}"])
        #expect(try loops("for s in ['x:', \"y:\"]: print(s)\n").map(\.header) == ["for s in ['x:', \"y:\"]"])
        #expect(try loops("y = {'for ': 1}\n").isEmpty)
    }
}
