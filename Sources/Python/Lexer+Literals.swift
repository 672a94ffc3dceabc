/// Number and string literals.
extension Lexer {
    func isStringPrefix(_ word: String) -> Bool {
        ["r", "u", "f", "b", "br", "rb", "fr", "rf"].contains(word.lowercased())
    }

    func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isXIDContinue
    }

    /// Reads digits of the given kind with single underscores between them.
    mutating func readDigits(_ isValid: (Unicode.Scalar) -> Bool, kind: String) throws {
        while let scalar = peek() {
            if isValid(scalar) {
                index += 1
            } else if scalar == "_" {
                guard let next = peek(1), isValid(next) else {
                    throw source.error("invalid \(kind) literal", at: index)
                }
                index += 1
            } else {
                break
            }
        }
    }

    mutating func readNumber() throws {
        let start = index
        if peek() == "0", let marker = peek(1), "xXoObB".unicodeScalars.contains(marker) {
            let (radix, kind): (Int, String) =
                marker == "x" || marker == "X"
                ? (16, "hexadecimal")
                : marker == "o" || marker == "O" ? (8, "octal") : (2, "binary")
            index += 2
            if peek() == "_" { index += 1 }
            let isValid: (Unicode.Scalar) -> Bool = { Int(String($0), radix: radix) != nil }
            guard let first = peek(), isValid(first) else {
                throw source.error("invalid \(kind) literal", at: index - 1)
            }
            try readDigits(isValid, kind: kind)
            if let next = peek(), isIdentifierScalar(next) {
                throw source.error("invalid \(kind) literal", at: start)
            }
            let digits = String(String.UnicodeScalarView(scalars[(start + 2)..<index])).replacingUnderscores()
            guard let value = Int(digits, radix: radix) else {
                throw source.error("integer literal too large for GradScope", at: start)
            }
            add(.int(value), from: start, to: index)
            return
        }
        var isFloat = false
        try readDigits(isDigit, kind: "decimal")
        if peek() == "." {
            isFloat = true
            index += 1
            if let next = peek(), isDigit(next) { try readDigits(isDigit, kind: "decimal") }
        }
        if let e = peek(), e == "e" || e == "E" {
            var offset = 1
            if peek(1) == "+" || peek(1) == "-" { offset = 2 }
            if let digit = peek(offset), isDigit(digit) {
                isFloat = true
                index += offset
                try readDigits(isDigit, kind: "decimal")
            } else {
                throw source.error("invalid decimal literal", at: start)
            }
        }
        if let next = peek(), next == "j" || next == "J" {
            throw source.error("complex literals are not supported by GradScope", at: start)
        }
        if let next = peek(), isIdentifierScalar(next) {
            throw source.error("invalid decimal literal", at: start)
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index])).replacingUnderscores()
        if isFloat {
            add(.float(Double(text) ?? Double(text + "0") ?? 0), from: start, to: index)
            return
        }
        if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
            throw source.error(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                at: start)
        }
        guard let value = Int(text) else {
            throw source.error("integer literal too large for GradScope", at: start)
        }
        add(.int(value), from: start, to: index)
    }

    mutating func readString(prefixStart: Int) throws {
        let prefix = String(String.UnicodeScalarView(scalars[prefixStart..<index])).lowercased()
        guard let quote = peek() else { return }
        let isTriple = peek(1) == quote && peek(2) == quote
        let quoteLength = isTriple ? 3 : 1
        index += quoteLength
        let bodyStart = index
        while true {
            guard let scalar = peek() else {
                let startLine = source.position(prefixStart)
                let detected = source.position(max(prefixStart, end - 1)).line
                let kind = isTriple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                throw SyntaxError(
                    "\(kind) (detected at line \(detected))", line: startLine.line, column: startLine.column,
                    endColumn: startLine.column, lineText: source.lineText(startLine.line))
            }
            if scalar == "\n" && !isTriple {
                let line = source.position(index).line
                let startLine = source.position(prefixStart)
                throw SyntaxError(
                    "unterminated string literal (detected at line \(line))", line: startLine.line,
                    column: startLine.column, endColumn: startLine.column, lineText: source.lineText(line))
            }
            if scalar == "\\" {
                index += peek(1) == nil ? 1 : 2
                continue
            }
            if scalar == quote && (!isTriple || (peek(1) == quote && peek(2) == quote)) { break }
            index += 1
        }
        let bodyEnd = index
        index += quoteLength
        let isRaw = prefix.contains("r")
        let isFormatted = prefix.contains("f")
        let body = Array(scalars[bodyStart..<bodyEnd])
        var value = ""
        if !isFormatted {
            value = isRaw ? String(String.UnicodeScalarView(body)) : try decodeEscapes(body, at: prefixStart)
        }
        add(
            .string(
                StringToken(
                    value: value, isFormatted: isFormatted, isRaw: isRaw, bodyStart: bodyStart, bodyEnd: bodyEnd)),
            from: prefixStart, to: index)
    }

    /// Processes backslash escapes in a non-raw string body.
    func decodeEscapes(_ body: [Unicode.Scalar], at tokenStart: Int) throws -> String {
        try decodeStringEscapes(body) { message in source.error(message, at: tokenStart) }
    }
}

extension String {
    func replacingUnderscores() -> String { filter { $0 != "_" } }
}

/// Processes backslash escapes (`\n`, `\x41`, `\u20AC`, octal, line continuation...); an
/// unknown escape keeps its backslash, as Python does.
func decodeStringEscapes(
    _ body: [Unicode.Scalar], makeError: (String) -> SyntaxError
) throws -> String {
    var out = String.UnicodeScalarView()
    var position = 0
    while position < body.count {
        let scalar = body[position]
        guard scalar == "\\", position + 1 < body.count else {
            out.append(scalar)
            position += 1
            continue
        }
        let next = body[position + 1]
        position += 2
        switch next {
        case "\n": break
        case "\\": out.append("\\")
        case "'": out.append("'")
        case "\"": out.append("\"")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "v": out.append("\u{0B}")
        case "0"..."7":
            var value = next.value - 48
            var count = 1
            while count < 3, position < body.count, ("0"..."7").contains(body[position]) {
                value = value * 8 + body[position].value - 48
                position += 1
                count += 1
            }
            out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        case "x", "u", "U":
            let length = next == "x" ? 2 : next == "u" ? 4 : 8
            let digits = body[position..<min(body.count, position + length)]
            let text = String(String.UnicodeScalarView(digits))
            guard digits.count == length, text.allSatisfy(\.isHexDigit), let value = UInt32(text, radix: 16),
                let decoded = Unicode.Scalar(value)
            else {
                let name = next == "x" ? "\\xXX" : next == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
                throw makeError(
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \(position - 2)-\(position - 1 + digits.count): truncated \(name) escape"
                )
            }
            out.append(decoded)
            position += length
        default:
            out.append("\\")
            out.append(next)
        }
    }
    return String(out)
}
