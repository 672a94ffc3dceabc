import Testing

@testable import Python

/// Renders tokens compactly: names bare, ops quoted, layout tokens in capitals.
private func lex(_ text: String) throws -> [String] {
    var lexer = Lexer(source: SourceText(text))
    return try lexer.tokenize().map { token in
        switch token.kind {
        case .name(let name): return name
        case .keyword(let word): return word
        case .int(let value): return "\(value)"
        case .float(let value): return "\(value)f"
        case .string(let string): return string.isFormatted ? "F" : "'\(string.value)'"
        case .op(let text): return "`\(text)`"
        case .newline: return "NL"
        case .indent: return "IN"
        case .dedent: return "DE"
        case .endOfFile: return "EOF"
        }
    }
}

/// The lexer's error, including an unclosed bracket (which it reports without throwing).
private func lexError(_ text: String) -> SyntaxError? {
    var lexer = Lexer(source: SourceText(text))
    do {
        _ = try lexer.tokenize()
        return lexer.unclosedBracket
    } catch let error as SyntaxError {
        return error
    } catch {
        return nil
    }
}

@Test func indentationProducesIndentAndDedent() throws {
    let tokens = try lex("if a:\n    b\n    if c:\n\n        d\n  # comment\ne\n")
    #expect(
        tokens == [
            "if", "a", "`:`", "NL", "IN", "b", "NL", "if", "c", "`:`", "NL", "IN", "d", "NL", "DE", "DE", "e", "NL",
            "EOF"
        ])
}

@Test func dedentsAtEndOfFileWithoutTrailingNewline() throws {
    #expect(try lex("def f():\n\treturn 1") == ["def", "f", "`(`", "`)`", "`:`", "NL", "IN", "return", "1", "NL", "DE", "EOF"])
}

@Test func bracketsJoinLinesAndBackslashContinues() throws {
    #expect(
        try lex("x = (1,\n  2)\ny = 1 + \\\n  2\n") == [
            "x", "`=`", "`(`", "1", "`,`", "2", "`)`", "NL", "y", "`=`", "1", "`+`", "2", "NL", "EOF"
        ])
}

@Test func numbers() throws {
    #expect(
        try lex("1_000 0x1F 0b101 0o17 1e-5 3. .5 2.5E3 0 00") == [
            "1000", "31", "5", "15", "1e-05f", "3.0f", "0.5f", "2500.0f", "0", "0", "NL", "EOF"
        ])
}

@Test func stringsAndEscapes() throws {
    #expect(
        try lex(#"'a\n' "b\t\\" 'it\'s' "\x41\u20AC" r'\n' '''tri"ple''' b'\101'"#) == [
            "'a\n'", "'b\t\\'", "'it's'", "'A€'", "'\\n'", "'tri\"ple'", "'A'", "NL", "EOF"
        ])
    #expect(try lex("f'{x}' rf'{y}\\n'") == ["F", "F", "NL", "EOF"])
}

@Test func operatorsTakeTheLongestMatch() throws {
    #expect(
        try lex("a **= b // c -> ... != <<") == [
            "a", "`**=`", "b", "`//`", "c", "`->`", "`...`", "`!=`", "`<<`", "NL", "EOF"
        ])
}

@Test func crlfBomAndEmptySource() throws {
    #expect(try lex("\u{FEFF}if a:\r\n  b\r\n") == ["if", "a", "`:`", "NL", "IN", "b", "NL", "DE", "EOF"])
    #expect(try lex("") == ["EOF"])
    #expect(try lex("\n\n# only a comment") == ["EOF"])
}

@Test func identifiersOfAsciiAndOtherLetters() throws {
    #expect(try lex("_a1 = λx + café_2 + Zz9") == ["_a1", "`=`", "λx", "`+`", "café_2", "`+`", "Zz9", "NL", "EOF"])
    #expect(try lex("r2 = f1") == ["r2", "`=`", "f1", "NL", "EOF"])
}

@Test func sourceLinesKeepNonAsciiTextAndNormaliseLineBreaks() {
    let text = SourceText("\u{FEFF}a = 'é'\r\nb = 2\rc = '日本'\n\nd\n")
    #expect(text.lines == ["a = 'é'", "b = 2", "c = '日本'", "", "d"])
    #expect(text.lineStarts == [0, 8, 14, 23, 24, 26])
    #expect(SourceText("").lines == [""])
    #expect(SourceText("x").lines == ["x"])
    #expect(SourceText("x\n\n").lines == ["x", ""])
}

@Test func positionsAreLineAndColumn() throws {
    var lexer = Lexer(source: SourceText("x = 1\n  \ny  =  'é' + z\n"))
    let tokens = try lexer.tokenize()
    let z = try #require(tokens.first { $0.kind == .name("z") })
    #expect(z.line == 3 && z.column == 12)
}

@Test func lexerErrors() {
    #expect(lexError("x = 1\n    y = 2\n") == nil) // an unexpected indent is the parser's error
    #expect(lexError("if x:\n        a\n    b\n")?.message == "unindent does not match any outer indentation level")
    #expect(lexError("if x:\n\tpass\n        y\n")?.kind == .tab)
    #expect(lexError("s = 'abc\n")?.message == "unterminated string literal (detected at line 1)")
    #expect(lexError("s = '''abc\n\n")?.message == "unterminated triple-quoted string literal (detected at line 2)")
    #expect(lexError("x = (1,\n2\n")?.message == "'(' was never closed")
    #expect(lexError("x = 1)")?.message == "unmatched ')'")
    #expect(lexError("x = (1]")?.message == "closing parenthesis ']' does not match opening parenthesis '('")
    #expect(lexError("x = 1abc")?.message == "invalid decimal literal")
    #expect(lexError("x = 09")?.message.hasPrefix("leading zeros") == true)
    #expect(lexError("x = 0x")?.message == "invalid hexadecimal literal")
    #expect(lexError("x = €")?.message == "invalid character '€' (U+20AC)")
    #expect(lexError("x = \u{1}")?.message == "invalid non-printable character U+0001")
    #expect(lexError(String(repeating: "(", count: 201))?.message == "too many nested parentheses")
    #expect(lexError(String(repeating: "(", count: 201))?.column == 200)
}
