/// Expressions, by Python's precedence from lambda and conditional down to atoms.
extension Parser {
    static let binaryPrecedence: [String: (BinaryOperator, Int)] = [
        "|": (.bitOr, 1), "^": (.bitXor, 2), "&": (.bitAnd, 3), "<<": (.shiftLeft, 4), ">>": (.shiftRight, 4),
        "+": (.add, 5), "-": (.sub, 5), "*": (.mul, 6), "/": (.div, 6), "//": (.floorDiv, 6), "%": (.mod, 6),
        "@": (.matMul, 6)
    ]
    static let comparisons: [String: CompareOperator] = [
        "==": .eq, "!=": .ne, "<": .lt, "<=": .le, ">": .gt, ">=": .ge
    ]

    /// `a, *b, c` (a tuple when there is a comma) — expression statements, `return`, values.
    func parseStarExpressions() throws -> Expr {
        let start = current.start
        let first = try parseStarOrTest()
        guard atOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if atStatementEnd || atOp("=") || atOp(")") || atOp(":") || current.kind.isAugmentedAssign { break }
            items.append(try parseStarOrTest())
        }
        return try node(.tuple(items), start, children: items)
    }

    func parseStarOrTest(allowingNamed: Bool = false) throws -> Expr {
        let start = current.start
        guard acceptOp("*") else { return try allowingNamed ? parseNamedExpression() : parseTest() }
        let inner = try parseBitwiseOr()
        return try node(.starred(inner), start, children: [inner])
    }

    /// An expression that may be `name := value` (`if`/`while` conditions, decorators, display
    /// items, positional arguments).
    func parseNamedExpression() throws -> Expr {
        guard case .name(let name) = current.kind, peek(1).isOp(":=") else {
            let value = try parseTest()
            if atOp(":=") { throw error("cannot use assignment expressions with \(expressionName(value))", spanning: value) }
            return value
        }
        let start = current.start
        advance()
        advance()
        let value = try parseTest()
        return try node(.namedExpression(name, value), start, children: [value])
    }

    /// A full expression: lambda or conditional.
    func parseTest() throws -> Expr {
        try nested {
            if atKeyword("lambda") { return try parseLambda() }
            let body = try parseOr()
            guard atKeyword("if") else { return body }
            advance()
            let condition = try parseOr()
            guard acceptKeyword("else") else {
                throw error("expected 'else' after 'if' expression", from: body.position, to: end(of: condition))
            }
            let orElse = try parseTest()
            return try node(
                .conditional(condition: condition, body: body, orElse: orElse), body.position,
                children: [condition, body, orElse])
        }
    }

    func parseLambda() throws -> Expr {
        let start = current.start
        advance()
        let parameters = try parseParameters(closing: ":")
        try expectOp(":")
        let body = try parseTest()
        return try node(.lambda(parameters, body), start, children: [body])
    }

    func parseOr() throws -> Expr { try parseBoolean("or", .or, operand: parseAnd) }

    func parseAnd() throws -> Expr { try parseBoolean("and", .and, operand: parseNot) }

    func parseBoolean(_ word: String, _ op: BoolOperator, operand: () throws -> Expr) throws -> Expr {
        let first = try operand()
        guard atKeyword(word) else { return first }
        var values = [first]
        while acceptKeyword(word) { values.append(try operand()) }
        return try node(.boolean(op, values), first.position, children: values)
    }

    /// `not not ... x`: the chain of `not`s read in a loop, so its length costs no stack.
    func parseNot() throws -> Expr {
        var starts: [SourcePosition] = []
        while atKeyword("not") {
            starts.append(current.start)
            advance()
            try checkPrefixChain(starts.count)
        }
        var expr = try parseComparison()
        for start in starts.reversed() { expr = try node(.unary(.not, expr), start, children: [expr]) }
        return expr
    }

    func parseComparison() throws -> Expr {
        let first = try parseBitwiseOr()
        var pairs: [(CompareOperator, Expr)] = []
        while let op = comparisonOperator() {
            pairs.append((op, try parseBitwiseOr()))
        }
        if pairs.isEmpty { return first }
        return try node(.compare(first, pairs), first.position, children: [first] + pairs.map(\.1))
    }

    /// Consumes a comparison operator if one is next.
    func comparisonOperator() -> CompareOperator? {
        switch current.kind {
        case .op(let text):
            guard let op = Parser.comparisons[text] else { return nil }
            advance()
            return op
        case .keyword("in"):
            advance()
            return .in
        case .keyword("not") where peek(1).isKeyword("in"):
            advance()
            advance()
            return .notIn
        case .keyword("is"):
            advance()
            return acceptKeyword("not") ? .isNot : .is
        default:
            return nil
        }
    }

    func parseBitwiseOr() throws -> Expr { try parseBinary(minimum: 1) }

    /// Precedence climbing over the left-associative binary operators.
    func parseBinary(minimum: Int) throws -> Expr {
        var left = try parseUnary()
        while case .op(let text) = current.kind, let (op, precedence) = Parser.binaryPrecedence[text],
            precedence >= minimum
        {
            advance()
            let right = try parseBinary(minimum: precedence + 1)
            left = try node(.binary(op, left, right), left.position, children: [left, right])
        }
        return left
    }

    /// `- ~ + x`: the chain of prefix operators read in a loop, so its length costs no stack.
    func parseUnary() throws -> Expr {
        var operators: [(op: UnaryOperator, start: SourcePosition)] = []
        while let op = unaryOperator() {
            operators.append((op, current.start))
            advance()
            try checkPrefixChain(operators.count)
        }
        var expr = try parsePower()
        for (op, start) in operators.reversed() { expr = try node(.unary(op, expr), start, children: [expr]) }
        return expr
    }

    /// The prefix operator at the current token, if any.
    private func unaryOperator() -> UnaryOperator? {
        switch current.kind {
        case .op("-"): .neg
        case .op("+"): .pos
        case .op("~"): .invert
        default: nil
        }
    }

    /// `a ** b`: binds tighter than a unary operator on its left, right-associative.
    func parsePower() throws -> Expr {
        let base = try parsePrimary()
        guard acceptOp("**") else { return base }
        let exponent = try nested { try parseUnary() }
        return try node(.binary(.pow, base, exponent), base.position, children: [base, exponent])
    }

    /// An atom followed by calls, attributes and subscripts.
    func parsePrimary() throws -> Expr {
        var expr = try parseAtom()
        while true {
            if acceptOp(".") {
                let name = try expectName()
                expr = try node(.attribute(expr, name), expr.position, children: [expr])
            } else if acceptOp("(") {
                let arguments = try parseArguments()
                expr = try node(.call(expr, arguments), expr.position, children: [expr] + arguments.map(\.value))
            } else if acceptOp("[") {
                let index = try parseSubscriptIndex()
                try expectClosing("]", after: index)
                expr = try node(.subscript(expr, index), expr.position, children: [expr, index])
            } else {
                return expr
            }
        }
    }

    /// Call arguments after `(`, through the closing `)`.
    func parseArguments() throws -> [CallArgument] {
        var arguments: [CallArgument] = []
        var seenKeyword = false
        var seenKeywordUnpack = false
        while !atOp(")") {
            if acceptOp("*") {
                arguments.append(.unpack(try parseTest()))
            } else if acceptOp("**") {
                arguments.append(.unpackKeywords(try parseTest()))
                seenKeywordUnpack = true
            } else if case .name(let name) = current.kind, peek(1).isOp("=") {
                advance()
                advance()
                arguments.append(.keyword(name, try parseTest()))
                seenKeyword = true
            } else {
                let value = try parseNamedExpression()
                if atKeyword("for") {
                    let generator = try parseComprehensionTail(value, start: value.position) { .generator($0, $1) }
                    if !arguments.isEmpty || !atOp(")") {
                        throw error("Generator expression must be parenthesized", spanning: generator)
                    }
                    arguments.append(.positional(generator))
                    break
                }
                if seenKeywordUnpack {
                    throw error("positional argument follows keyword argument unpacking", at: current)
                }
                if seenKeyword { throw error("positional argument follows keyword argument", at: current) }
                arguments.append(.positional(value))
            }
            if !acceptOp(",") {
                if !atOp(")"), let last = arguments.last?.value, let comma = missingComma(after: last) {
                    throw comma
                }
                break
            }
        }
        try expectOp(")")
        return arguments
    }

    /// The index inside `[...]`: one item, or a tuple of items (slices allowed).
    func parseSubscriptIndex() throws -> Expr {
        let start = current.start
        let first = try parseSubscriptItem()
        guard atOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if atOp("]") { break }
            items.append(try parseSubscriptItem())
        }
        return try node(.tuple(items), start, children: items)
    }

    func parseSubscriptItem() throws -> Expr {
        let start = current.start
        let lower = atOp(":") ? nil : try parseStarOrTest()
        if let lower, !atOp(":") { return lower }
        advance()
        let upper = atOp(":") || atOp(",") || atOp("]") ? nil : try parseTest()
        var step: Expr?
        if acceptOp(":") && !atOp(",") && !atOp("]") { step = try parseTest() }
        let parts = [lower, upper, step].compactMap { $0 }
        return try node(.slice(lower, upper, step), start, children: parts)
    }

    /// Expects a closing bracket, explaining a missing comma when another expression follows.
    func expectClosing(_ closing: String, after last: Expr?) throws {
        if acceptOp(closing) { return }
        if let last, let comma = missingComma(after: last) { throw comma }
        throw invalidSyntax()
    }

    /// "Perhaps you forgot a comma?" when an expression directly follows `previous` inside brackets.
    func missingComma(after previous: Expr) -> SyntaxError? {
        switch current.kind {
        case .name, .int, .float, .op("("), .op("["), .op("{"), .op("..."), .keyword("True"), .keyword("False"),
            .keyword("None"), .keyword("lambda"), .keyword("not"):
            break
        case .string:
            if case .name = previous.kind { return nil }
        default:
            return nil
        }
        let saved = position
        defer { position = saved }
        guard let next = try? parseTest() else { return nil }
        return error(Parser.missingCommaMessage, from: previous.position, to: end(of: next))
    }
}

extension CallArgument {
    var value: Expr {
        switch self {
        case .positional(let expr), .keyword(_, let expr), .unpack(let expr), .unpackKeywords(let expr): return expr
        }
    }
}

extension TokenKind {
    var isAugmentedAssign: Bool {
        if case .op(let text) = self { return Parser.augmentedOperators[text] != nil }
        return false
    }
}
