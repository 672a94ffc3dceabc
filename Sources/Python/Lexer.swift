/// Turns a script into tokens following Python's tokenizer: INDENT/DEDENT from leading
/// whitespace (tabs to multiples of 8, checked for consistency), NEWLINE only at the end of a
/// logical line, implicit joining inside brackets and `\` continuation, comments dropped.
struct Lexer {
    /// CPython's limit on open brackets.
    static let maxBracketDepth = 200
    /// CPython's limit on indentation levels.
    static let maxIndentDepth = 100

    let source: SourceText
    /// `source.scalars`, held directly: every `peek` reads it.
    let scalars: [Unicode.Scalar]
    var index: Int
    let end: Int
    /// Lexing the expression of an f-string field: no NEWLINE, INDENT or DEDENT tokens.
    let isExpression: Bool
    var tokens: [Token] = []
    var brackets: [(scalar: Unicode.Scalar, index: Int)] = []
    var indents: [(column: Int, alternate: Int)] = [(0, 0)]
    var atLineStart = true
    var lineHasTokens = false
    /// A bracket still open at end of file. CPython reports it only when parsing fails after
    /// reading up to the end, so the lexer keeps going and leaves the decision to the parser.
    var unclosedBracket: SyntaxError?

    init(source: SourceText, range: Range<Int>? = nil) {
        self.source = source
        scalars = source.scalars
        index = range?.lowerBound ?? 0
        end = range?.upperBound ?? source.scalars.count
        isExpression = range != nil
        atLineStart = !isExpression
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < end ? scalars[index + offset] : nil
    }

    /// Tokenizes the whole range; the last token is `.endOfFile`.
    mutating func tokenize() throws -> [Token] {
        while true {
            if tokens.count & 4095 == 4095 { try RunWatchdog.poll() }
            if tokens.count + 128 >= tokens.capacity { try growTokens() }
            if atLineStart && brackets.isEmpty && !isExpression {
                try readIndentation()
            }
            skipBlanks()
            guard let scalar = peek() else { break }
            switch scalar {
            case "#":
                while let next = peek(), next != "\n" { index += 1 }
            case "\n":
                if brackets.isEmpty && lineHasTokens && !isExpression {
                    add(.newline, from: index, to: index + 1)
                    lineHasTokens = false
                }
                index += 1
                // A line break inside brackets joins lines: the next line's indentation is not read.
                atLineStart = brackets.isEmpty
            case "\\":
                if peek(1) == "\n" {
                    index += 2
                    if peek() == nil { throw source.error("unexpected EOF while parsing", at: index - 1) }
                } else if peek(1) == nil {
                    throw source.error("unexpected EOF while parsing", at: index + 1)
                } else {
                    throw source.error(
                        "unexpected character after line continuation character", at: index + 1)
                }
            default:
                try readToken(scalar)
            }
        }
        try finish()
        return tokens
    }

    /// Doubles the room for tokens, counting the new array against the memory limit first:
    /// growing copies the array, so the old and the new one are alive at once.
    mutating func growTokens() throws {
        let capacity = max(tokens.capacity * 2, 1024)
        try RunWatchdog.current?.reserve(capacity * MemoryLayout<Token>.stride)
        tokens.reserveCapacity(capacity)
    }

    mutating func add(_ kind: TokenKind, from start: Int, to stop: Int) {
        let first = source.position(start)
        let last = source.position(stop)
        tokens.append(
            Token(kind: kind, line: first.line, column: first.column, endLine: last.line, endColumn: last.column))
        if kind != .newline { lineHasTokens = true }
    }

    /// A token at end of file: Python reports errors there on the last line without a caret.
    mutating func addAtEnd(_ kind: TokenKind) {
        let line = source.lastLine
        tokens.append(Token(kind: kind, line: line, column: -1, endLine: line, endColumn: -1))
    }

    mutating func skipBlanks() {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\u{0C}" { index += 1 }
    }

    mutating func readIndentation() throws {
        var column = 0
        var alternate = 0
        let lineStart = index
        while let scalar = peek() {
            if scalar == " " {
                column += 1
                alternate += 1
            } else if scalar == "\t" {
                column = (column / 8 + 1) * 8
                alternate += 1
            } else if scalar == "\u{0C}" {
                column = 0
                alternate = 0
            } else {
                break
            }
            index += 1
        }
        atLineStart = false
        // Blank and comment-only lines do not affect indentation.
        if peek() == nil || peek() == "#" || peek() == "\n" { return }
        let tabError = source.error(
            "inconsistent use of tabs and spaces in indentation", kind: .tab, at: lineStart)
        let top = indents[indents.count - 1]
        if column == top.column {
            if alternate != top.alternate { throw tabError }
        } else if column > top.column {
            if alternate <= top.alternate { throw tabError }
            if indents.count > Lexer.maxIndentDepth {
                throw source.error("too many levels of indentation", kind: .indentation, at: lineStart)
            }
            indents.append((column, alternate))
            let position = source.position(index)
            // Python puts "unexpected indent" one column left of the first character.
            tokens.append(
                Token(
                    kind: .indent, line: position.line, column: position.column - 1, endLine: position.line,
                    endColumn: position.column))
        } else {
            while indents.count > 1 && column < indents[indents.count - 1].column {
                indents.removeLast()
                add(.dedent, from: index, to: index)
            }
            let outer = indents[indents.count - 1]
            if column != outer.column {
                let line = source.position(index).line
                let text = source.lineText(line)
                throw SyntaxError(
                    "unindent does not match any outer indentation level", kind: .indentation, line: line,
                    column: text.unicodeScalars.count, lineText: text)
            }
            if alternate != outer.alternate { throw tabError }
        }
    }

    mutating func readToken(_ scalar: Unicode.Scalar) throws {
        let start = index
        if isIdentifierStart(scalar) {
            var isASCII = true
            while let next = peek(), isIdentifierContinue(next) {
                isASCII = isASCII && next.isASCII
                index += 1
            }
            let word = isASCII ? asciiText(start..<index) : String(String.UnicodeScalarView(scalars[start..<index]))
            if let quote = peek(), quote == "'" || quote == "\"", isStringPrefix(word) {
                try readString(prefixStart: start)
            } else {
                add(pythonKeywords.contains(word) ? .keyword(word) : .name(word), from: start, to: index)
            }
            return
        }
        if scalar.properties.numericType == .decimal && scalar.isASCII
            || scalar == "." && peek(1).map(isDigit) == true
        {
            try readNumber()
            return
        }
        if scalar == "'" || scalar == "\"" {
            try readString(prefixStart: start)
            return
        }
        // The tables read once: in the unoptimised build every global access runs its initialiser check.
        let (operators, starts) = (pythonOperators, pythonOperatorStarts)
        var candidate = 0
        while candidate < starts.count {
            candidate += 1
            guard starts[candidate - 1] == scalar else { continue }
            let op = operators[candidate - 1]
            guard matches(op) else { continue }
            index += op.unicodeScalars.count
            try trackBracket(op, at: start)
            add(.op(op), from: start, to: index)
            return
        }
        if scalar == "!" || scalar == "$" || scalar == "?" || scalar == "`" {
            throw source.error("invalid syntax", at: start)
        }
        if isPrintable(scalar) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw source.error("invalid character '\(Character(scalar))' (U+\(code))", at: start)
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        throw source.error(
            "invalid non-printable character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)",
            at: start)
    }

    func matches(_ op: String) -> Bool {
        var offset = 0
        for scalar in op.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    mutating func trackBracket(_ op: String, at start: Int) throws {
        guard op.unicodeScalars.count == 1, let scalar = op.unicodeScalars.first else { return }
        switch scalar {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth {
                throw source.error("too many nested parentheses", at: start)
            }
            brackets.append((scalar, start))
        case ")", "]", "}":
            guard let open = brackets.popLast() else {
                throw source.error("unmatched '\(scalar)'", at: start)
            }
            let expected: Unicode.Scalar = open.scalar == "(" ? ")" : open.scalar == "[" ? "]" : "}"
            if scalar != expected {
                let openPosition = source.position(open.index)
                let closePosition = source.position(start)
                var message = "closing parenthesis '\(scalar)' does not match opening parenthesis '\(open.scalar)'"
                if openPosition.line != closePosition.line {
                    message += " on line \(openPosition.line)"
                }
                throw source.error(message, at: start)
            }
        default:
            break
        }
    }

    mutating func finish() throws {
        if let open = brackets.last {
            let unclosed = source.error("'\(open.scalar)' was never closed", at: open.index)
            if isExpression { throw unclosed }
            unclosedBracket = unclosed
            addAtEnd(.endOfFile)
            return
        }
        if isExpression {
            add(.endOfFile, from: end, to: end)
            return
        }
        if lineHasTokens {
            add(.newline, from: index, to: index)
        }
        for _ in 1..<indents.count { addAtEnd(.dedent) }
        addAtEnd(.endOfFile)
    }

    func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// Whether an identifier can start with `scalar` (`_` or XID_Start; ASCII letters without
    /// asking the Unicode tables).
    func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == "_" || (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        return scalar.properties.isXIDStart
    }

    /// Whether an identifier can go on with `scalar` (`_` or XID_Continue).
    func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isIdentifierStart(scalar) || isDigit(scalar) : scalar.properties.isXIDContinue
    }

    /// The text of `range`, all of whose scalars are ASCII, decoded from bytes in one call.
    func asciiText(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for i in range { bytes.append(UInt8(scalars[i].value)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
            .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
