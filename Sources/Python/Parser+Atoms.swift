/// Atoms: names, literals, parenthesized forms, displays and comprehensions.
extension Parser {
    func parseAtom() throws -> Expr {
        let token = current
        let start = token.start
        switch token.kind {
        case .name(let name):
            advance()
            return try node(.name(name), start)
        case .int(let value):
            advance()
            return try node(.intLiteral(value), start)
        case .float(let value):
            advance()
            return try node(.floatLiteral(value), start)
        case .string:
            return try parseStrings()
        case .keyword("True"), .keyword("False"):
            advance()
            return try node(.boolLiteral(token.isKeyword("True")), start)
        case .keyword("None"):
            advance()
            return try node(.noneLiteral, start)
        case .op("..."):
            advance()
            return try node(.ellipsis, start)
        case .op("("):
            advance()
            return try parseParenthesized(start)
        case .op("["):
            advance()
            return try parseListDisplay(start)
        case .op("{"):
            advance()
            return try parseBraceDisplay(start)
        case .op("*"):
            throw error("cannot use starred expression here", at: token)
        default:
            throw invalidSyntax()
        }
    }

    /// Adjacent string literals, concatenated; any f-string among them makes the result an f-string.
    func parseStrings() throws -> Expr {
        let start = current.start
        var parts: [FStringPart] = []
        var isFormatted = false
        while case .string(let string) = current.kind {
            let token = current
            advance()
            if string.isFormatted {
                isFormatted = true
                parts += try parseFString(string, token: token)
            } else {
                parts.append(.literal(string.value))
            }
        }
        let merged = mergeLiterals(parts)
        if !isFormatted {
            var text = ""
            for case .literal(let piece) in merged { text += piece }
            return try node(.stringLiteral(text), start)
        }
        return try node(.fString(merged), start, children: merged.flatMap(\.expressions))
    }

    /// Joins runs of literal parts (dropping empty ones) in linear time: a million adjacent
    /// literals must not copy the growing text a million times.
    func mergeLiterals(_ parts: [FStringPart]) -> [FStringPart] {
        var merged: [FStringPart] = []
        var literal = ""
        for part in parts {
            if case .literal(let text) = part {
                literal += text
                continue
            }
            if !literal.isEmpty { merged.append(.literal(literal)) }
            literal = ""
            merged.append(part)
        }
        if !literal.isEmpty { merged.append(.literal(literal)) }
        return merged
    }

    /// After `(`: a parenthesized expression, a tuple, or a generator expression.
    func parseParenthesized(_ start: SourcePosition) throws -> Expr {
        if acceptOp(")") { return try node(.tuple([]), start) }
        let first = try parseStarOrTest(allowingNamed: true)
        if atKeyword("for") {
            let generator = try parseComprehensionTail(first, start: start) { .generator($0, $1) }
            try expectOp(")")
            return generator
        }
        if acceptOp(")") {
            if case .starred = first.kind { throw error("cannot use starred expression here", spanning: first) }
            return first
        }
        var items = [first]
        while acceptOp(",") {
            if atOp(")") { break }
            items.append(try parseStarOrTest(allowingNamed: true))
        }
        try expectClosing(")", after: items.last)
        return try node(.tuple(items), start, children: items)
    }

    /// After `[`: a list display or a list comprehension.
    func parseListDisplay(_ start: SourcePosition) throws -> Expr {
        if acceptOp("]") { return try node(.list([]), start) }
        let first = try parseStarOrTest(allowingNamed: true)
        if atKeyword("for") {
            let comprehension = try parseComprehensionTail(first, start: start) { .listComprehension($0, $1) }
            try expectOp("]")
            return comprehension
        }
        var items = [first]
        while acceptOp(",") {
            if atOp("]") { break }
            items.append(try parseStarOrTest(allowingNamed: true))
        }
        try expectClosing("]", after: items.last)
        return try node(.list(items), start, children: items)
    }

    /// After `{`: a dict or set display, or a dict comprehension. A set comprehension
    /// `{x for ...}` becomes the equivalent `set(x for ...)`.
    func parseBraceDisplay(_ start: SourcePosition) throws -> Expr {
        if acceptOp("}") { return try node(.dict([]), start) }
        if atOp("**") { throw error("GradScope does not support '**' in dict displays", at: current) }
        let first = try parseStarOrTest(allowingNamed: true)
        if acceptOp(":") {
            let value = try parseTest()
            if atKeyword("for") {
                let comprehension = try parseComprehensionTail(value, start: start) {
                    .dictComprehension(key: first, value: $0, $1)
                }
                try expectOp("}")
                return comprehension
            }
            var entries = [(key: first, value: value)]
            while acceptOp(",") {
                if atOp("}") { break }
                if atOp("**") { throw error("GradScope does not support '**' in dict displays", at: current) }
                let key = try parseTest()
                if !acceptOp(":") {
                    if atOp(",") || atOp("}") { throw error("':' expected after dictionary key", spanning: key) }
                    throw invalidSyntax()
                }
                entries.append((key, try parseTest()))
            }
            try expectClosing("}", after: entries.last?.value)
            return try node(.dict(entries), start, children: entries.flatMap { [$0.key, $0.value] })
        }
        if atKeyword("for") {
            let generator = try parseComprehensionTail(first, start: start) { .generator($0, $1) }
            try expectOp("}")
            let function = Expr(.name("set"), start)
            return try node(.call(function, [.positional(generator)]), start, children: [generator])
        }
        var items = [first]
        while acceptOp(",") {
            if atOp("}") { break }
            items.append(try parseStarOrTest(allowingNamed: true))
        }
        try expectClosing("}", after: items.last)
        return try node(.set(items), start, children: items)
    }

    /// The `for ... in ... if ...` clauses after a comprehension's element.
    func parseComprehensionTail(
        _ element: Expr, start: SourcePosition, make: (Expr, [Comprehension]) -> ExprKind
    ) throws -> Expr {
        var clauses: [Comprehension] = []
        var children = [element]
        while acceptKeyword("for") {
            let target = try parseTargetList()
            try validateTarget(target, deleting: false)
            guard acceptKeyword("in") else { throw invalidSyntax() }
            let iterable = try parseOr()
            var conditions: [Expr] = []
            while acceptKeyword("if") { conditions.append(try parseOr()) }
            clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
            children += [target, iterable] + conditions
        }
        return try node(make(element, clauses), start, children: children)
    }
}

extension FStringPart {
    /// The expressions of a replacement field, including those nested in its format spec.
    var expressions: [Expr] {
        switch self {
        case .literal: return []
        case .field(let expr, _, let spec, _): return [expr] + spec.flatMap(\.expressions)
        }
    }
}
