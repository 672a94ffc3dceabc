/// Parses a script into a `Module`, throwing the `SyntaxError` Python 3.11 would raise.
package func parseModule(source: String, filename: String) throws -> Module {
    try RunWatchdog.current?.reserve(SourceText.estimatedBytes(of: source))
    let text = SourceText(source)
    if let nul = text.scalars.firstIndex(of: "\u{0}") {
        let position = text.position(nul)
        let line = String(text.lineText(position.line).unicodeScalars.prefix(position.column))
        throw SyntaxError(
            "source code cannot contain null bytes", line: position.line, column: -1, lineText: line)
    }
    var lexer = Lexer(source: text)
    let parser = Parser(tokens: try lexer.tokenize(), source: text)
    let body: [Stmt]
    do {
        body = try parser.parseFile()
    } catch let error as SyntaxError {
        if let unclosed = lexer.unclosedBracket,
            parser.furthest >= parser.tokens.count - 1 || error.message == Parser.missingCommaMessage
        {
            throw unclosed
        }
        throw error
    }
    if let unclosed = lexer.unclosedBracket { throw unclosed }
    return Module(body: body, sourceLines: text.lines)
}

/// A recursive-descent parser over the token list. Every node records where it ends in a side
/// table so errors can underline whole expressions the way Python does.
final class Parser {
    /// Nesting allowed for expressions (brackets, calls, conditionals) before giving up, like CPython.
    static let maxNesting = 200
    /// How deep statements and expressions may nest in one another, counting each `elif` as nested
    /// in its `if` and each operand of a long operator chain as nested in the next operation:
    /// CPython's compiler gives up past 3000 levels (its recursion limit times 3), and so walking,
    /// running and freeing a parsed tree can never overflow the stack.
    static let maxCompileDepth = 3000
    /// CPython 3.11's parser stack (`MAXSTACK`), in rule levels.
    static let maxParserStack = 6000
    static let missingCommaMessage = "invalid syntax. Perhaps you forgot a comma?"

    let tokens: [Token]
    let source: SourceText
    var position = 0
    /// The furthest token the parser has looked at.
    var furthest = 0
    var nesting = 0
    /// How many statements enclose the one being parsed, itself included (an `elif` counts as
    /// nested in the branch before it).
    var statementDepth = 1
    var functionDepth = 0
    var loopDepth = 0
    /// `yield`s parsed so far in the innermost function (statements and generators are marked from it).
    var yields = 0
    var ends: [ObjectIdentifier: (end: SourcePosition, depth: Int)] = [:]

    init(tokens: [Token], source: SourceText, nesting: Int = 0) {
        self.tokens = tokens
        self.source = source
        self.nesting = nesting
    }

    // MARK: Token access

    var current: Token { peek(0) }

    func peek(_ offset: Int) -> Token {
        let index = min(position + offset, tokens.count - 1)
        furthest = max(furthest, index)
        return tokens[index]
    }

    var previousEnd: SourcePosition {
        guard position > 0 else { return current.start }
        let token = tokens[position - 1]
        return SourcePosition(line: token.endLine, column: token.endColumn)
    }

    func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    func atOp(_ text: String) -> Bool { current.isOp(text) }
    func atKeyword(_ text: String) -> Bool { current.isKeyword(text) }

    func acceptOp(_ text: String) -> Bool {
        guard atOp(text) else { return false }
        advance()
        return true
    }

    func acceptKeyword(_ text: String) -> Bool {
        guard atKeyword(text) else { return false }
        advance()
        return true
    }

    func expectOp(_ text: String) throws {
        guard acceptOp(text) else { throw invalidSyntax() }
    }

    func expectName() throws -> String {
        guard case .name(let name) = current.kind else { throw invalidSyntax() }
        advance()
        return name
    }

    /// `:` ending a compound statement header; Python says "expected ':'" when the line ends.
    func expectColon() throws {
        if acceptOp(":") { return }
        if current.kind == .newline { throw error("expected ':'", at: current) }
        throw invalidSyntax()
    }

    // MARK: Errors

    func error(_ message: String, kind: SyntaxError.Kind = .syntax, at token: Token) -> SyntaxError {
        SyntaxError(
            message, kind: kind, line: token.line, column: token.column, lineText: source.lineText(token.line))
    }

    /// An error underlining from `start` to the end of `expr` (or to `end`).
    func error(_ message: String, from start: SourcePosition, to end: SourcePosition) -> SyntaxError {
        let text = source.lineText(start.line)
        let endColumn = end.line == start.line ? end.column : text.unicodeScalars.count
        return SyntaxError(message, line: start.line, column: start.column, endColumn: endColumn, lineText: text)
    }

    func error(_ message: String, spanning expr: Expr) -> SyntaxError {
        error(message, from: expr.position, to: end(of: expr))
    }

    /// Python's fallback error at the token where parsing stopped.
    func invalidSyntax() -> SyntaxError {
        switch current.kind {
        case .indent: return error("unexpected indent", kind: .indentation, at: current)
        case .dedent: return error("unexpected unindent", kind: .indentation, at: current)
        default:
            let token = current
            let endColumn = token.endLine == token.line ? token.endColumn : nil
            return SyntaxError(
                "invalid syntax", line: token.line, column: token.column, endColumn: endColumn,
                lineText: source.lineText(token.line))
        }
    }

    // MARK: Node construction

    func end(of expr: Expr) -> SourcePosition { ends[ObjectIdentifier(expr)]?.end ?? expr.position }

    func treeDepth(of expr: Expr) -> Int { ends[ObjectIdentifier(expr)]?.depth ?? 1 }

    /// Builds an expression that ends at the last consumed token.
    func node(_ kind: ExprKind, _ start: SourcePosition, children: [Expr] = []) throws -> Expr {
        let expr = Expr(kind, start)
        let depth = 1 + (children.map(treeDepth).max() ?? 0)
        try checkCompileDepth(statementDepth + depth)
        ends[ObjectIdentifier(expr)] = (previousEnd, depth)
        return expr
    }

    /// Throws CPython's error for a tree nested deeper than its compiler allows.
    func checkCompileDepth(_ depth: Int) throws {
        if depth > Parser.maxCompileDepth {
            throw PyException(.recursionError, "maximum recursion depth exceeded during compilation")
        }
    }

    /// Throws CPython 3.11's bare `MemoryError` for a chain of `length` prefix operators (`-`, `+`,
    /// `~`, `not`) that would overflow its parser's stack of 6000 rule levels: each operator takes
    /// one, the statement around the expression about 32 and each enclosing statement 6 (exact for
    /// an assignment or expression statement; inside brackets CPython gives up a little sooner).
    /// Shorter chains past the compile depth are `RecursionError`s when their nodes are built.
    func checkPrefixChain(_ length: Int) throws {
        if length + 32 + 6 * (statementDepth - 1) >= Parser.maxParserStack { throw PyException(.memoryError, "") }
    }

    /// Runs one level of nested parsing, refusing to go deeper than CPython would.
    func nested<T>(_ body: () throws -> T) throws -> T {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maxNesting { throw error("too many nested parentheses", at: current) }
        return try body()
    }
}
