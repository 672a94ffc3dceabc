/// f-strings: literal text, `{{`/`}}` escapes and replacement fields `{expr=!r:spec}`, whose
/// expressions are lexed and parsed in place so their positions are the real ones.
extension Parser {
    static let maxFormatSpecNesting = 2

    func parseFString(_ string: StringToken, token: Token) throws -> [FStringPart] {
        try parseFStringParts(string.bodyStart..<string.bodyEnd, raw: string.isRaw, token: token, specLevel: 0)
    }

    /// Python 3.11 reports f-string errors at the end of the string token.
    func fStringError(_ message: String, token: Token) -> SyntaxError {
        SyntaxError(
            message, line: token.endLine, column: token.endColumn, lineText: source.lineText(token.endLine))
    }

    func parseFStringParts(_ range: Range<Int>, raw: Bool, token: Token, specLevel: Int) throws -> [FStringPart] {
        let scalars = source.scalars
        var parts: [FStringPart] = []
        var literal: [Unicode.Scalar] = []
        func flush() throws {
            guard !literal.isEmpty else { return }
            let text =
                raw
                ? String(String.UnicodeScalarView(literal))
                : try decodeStringEscapes(literal) { fStringError($0, token: token) }
            parts.append(.literal(text))
            literal = []
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            let next = index + 1 < range.upperBound ? scalars[index + 1] : nil
            if scalar == "{" && next == "{" || scalar == "}" && next == "}" {
                literal.append(scalar)
                index += 2
            } else if scalar == "{" {
                try flush()
                let (field, after) = try parseField(
                    from: index + 1, end: range.upperBound, raw: raw, token: token, specLevel: specLevel)
                parts.append(field)
                index = after
            } else if scalar == "}" {
                throw fStringError("f-string: single '}' is not allowed", token: token)
            } else if scalar == "\\" && !raw, let next {
                literal += [scalar, next]
                index += 2
            } else {
                literal.append(scalar)
                index += 1
            }
        }
        try flush()
        return parts
    }

    /// Parses one replacement field starting after its `{`; returns it and the index after its `}`.
    func parseField(from start: Int, end: Int, raw: Bool, token: Token, specLevel: Int) throws -> (FStringPart, Int) {
        if specLevel >= Parser.maxFormatSpecNesting {
            throw fStringError("f-string: expressions nested too deeply", token: token)
        }
        let scalars = source.scalars
        var index = start
        var depth = 0
        var quote: Unicode.Scalar?
        scan: while index < end {
            let scalar = scalars[index]
            let next = index + 1 < end ? scalars[index + 1] : nil
            if let open = quote {
                if scalar == open { quote = nil }
                index += 1
                continue
            }
            switch scalar {
            case "'", "\"":
                quote = scalar
            case "\\":
                throw fStringError("f-string expression part cannot include a backslash", token: token)
            case "#":
                throw fStringError("f-string expression part cannot include '#'", token: token)
            case "(", "[", "{":
                depth += 1
            case ")", "]", "}":
                if depth == 0 {
                    if scalar == "}" { break scan }
                    throw fStringError("f-string: unmatched '\(scalar)'", token: token)
                }
                depth -= 1
            case "!", "=", "<", ">":
                if next == "=" {
                    index += 1
                } else if depth == 0 && scalar != "<" && scalar != ">" {
                    break scan
                }
            case ":":
                if depth == 0 { break scan }
            default:
                break
            }
            index += 1
        }
        guard index < end else { throw fStringError("f-string: expecting '}'", token: token) }
        if scalars[start..<index].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw fStringError("f-string: empty expression not allowed", token: token)
        }
        let expr = try parseFieldExpression(start..<index, token: token)
        var selfDocumenting: String?
        if scalars[index] == "=" {
            index += 1
            while index < end, scalars[index] == " " { index += 1 }
            selfDocumenting = String(String.UnicodeScalarView(scalars[start..<index]))
        }
        var conversion: Character?
        if index < end && scalars[index] == "!" {
            guard index + 1 < end, ["s", "r", "a"].contains(scalars[index + 1]) else {
                throw fStringError(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'", token: token)
            }
            conversion = Character(scalars[index + 1])
            index += 2
        }
        var spec: [FStringPart] = []
        if index < end && scalars[index] == ":" {
            let specStart = index + 1
            var nestedDepth = 0
            index = specStart
            while index < end {
                if scalars[index] == "{" { nestedDepth += 1 }
                if scalars[index] == "}" {
                    if nestedDepth == 0 { break }
                    nestedDepth -= 1
                }
                index += 1
            }
            spec = try parseFStringParts(specStart..<index, raw: raw, token: token, specLevel: specLevel + 1)
        }
        guard index < end && scalars[index] == "}" else {
            throw fStringError("f-string: expecting '}'", token: token)
        }
        // Like CPython, `{x=}` without conversion or spec shows the repr.
        if selfDocumenting != nil && conversion == nil && spec.isEmpty { conversion = "r" }
        return (.field(expr, conversion: conversion, spec: spec, selfDocumenting: selfDocumenting), index + 1)
    }

    /// Lexes and parses a field's expression where it stands in the source.
    func parseFieldExpression(_ range: Range<Int>, token: Token) throws -> Expr {
        do {
            var lexer = Lexer(source: source, range: range)
            let parser = Parser(tokens: try lexer.tokenize(), source: source, nesting: nesting + 1)
            let expr = try parser.parseStarExpressions()
            guard parser.current.kind == .endOfFile else {
                throw parser.missingComma(after: expr) ?? parser.invalidSyntax()
            }
            ends.merge(parser.ends) { first, _ in first }
            return expr
        } catch let error as SyntaxError {
            // Python 3.11 shows the field's expression in parentheses, positions relative to it.
            let fieldStart = source.position(range.lowerBound)
            let text = String(String.UnicodeScalarView(source.scalars[range]))
            guard error.line == fieldStart.line, !text.contains("\n") else {
                throw fStringError("f-string: \(error.message)", token: token)
            }
            let shift = 1 - fieldStart.column
            throw SyntaxError(
                "f-string: \(error.message)", line: token.line, column: error.column + shift,
                endColumn: error.endColumn.map { $0 + shift }, lineText: "(\(text))")
        }
    }
}
