/// Simple statements: expressions, assignments, imports and the one-keyword statements.
extension Parser {
    static let augmentedOperators: [String: BinaryOperator] = [
        "+=": .add, "-=": .sub, "*=": .mul, "/=": .div, "//=": .floorDiv, "%=": .mod, "**=": .pow,
        "@=": .matMul, "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor, "<<=": .shiftLeft, ">>=": .shiftRight
    ]

    func parseSimpleStatement() throws -> Stmt {
        let token = current
        let start = token.start
        if case .keyword(let word) = token.kind {
            switch word {
            case "pass", "break", "continue":
                advance()
                if word == "break" && loopDepth == 0 {
                    throw error("'break' outside loop", from: start, to: previousEnd)
                }
                if word == "continue" && loopDepth == 0 {
                    throw error("'continue' not properly in loop", from: start, to: previousEnd)
                }
                return Stmt(word == "pass" ? .pass : word == "break" ? .break : .continue, start)
            case "return":
                advance()
                let value = atStatementEnd ? nil : try parseStarExpressions()
                if functionDepth == 0 { throw error("'return' outside function", from: start, to: previousEnd) }
                return Stmt(.return(value), start)
            case "raise":
                advance()
                guard !atStatementEnd else { return Stmt(.raise(nil, cause: nil), start) }
                let exception = try parseTest()
                let cause = acceptKeyword("from") ? try parseTest() : nil
                return Stmt(.raise(exception, cause: cause), start)
            case "assert":
                advance()
                let condition = try parseTest()
                let message = acceptOp(",") ? try parseTest() : nil
                return Stmt(.assert(condition, message: message), start)
            case "del":
                advance()
                var targets = [try parseTarget()]
                while acceptOp(",") && !atStatementEnd { targets.append(try parseTarget()) }
                for target in targets { try validateTarget(target, deleting: true) }
                return Stmt(.delete(targets), start)
            case "global", "nonlocal":
                advance()
                var names = [try expectName()]
                while acceptOp(",") { names.append(try expectName()) }
                if word == "nonlocal" && functionDepth == 0 {
                    throw error("nonlocal declaration not allowed at module level", from: start, to: previousEnd)
                }
                return Stmt(word == "global" ? .global(names) : .nonlocal(names), start)
            case "import":
                advance()
                var names = [try parseImportName(dotted: true)]
                while acceptOp(",") { names.append(try parseImportName(dotted: true)) }
                return Stmt(.import(names), start)
            case "from":
                return try parseFromImport()
            default:
                break
            }
        }
        return try parseExpressionStatement()
    }

    var atStatementEnd: Bool { current.kind == .newline || atOp(";") || current.kind == .endOfFile }

    func parseDottedName() throws -> String {
        var name = try expectName()
        while acceptOp(".") { name += "." + (try expectName()) }
        return name
    }

    func parseImportName(dotted: Bool) throws -> ImportName {
        let name = dotted ? try parseDottedName() : try expectName()
        let alias = acceptKeyword("as") ? try expectName() : nil
        return ImportName(name: name, alias: alias)
    }

    func parseFromImport() throws -> Stmt {
        let start = current.start
        advance()
        var module = ""
        while atOp(".") || atOp("...") {
            module += atOp(".") ? "." : "..."
            advance()
        }
        if !atKeyword("import") { module += try parseDottedName() }
        guard acceptKeyword("import") else { throw invalidSyntax() }
        var names: [ImportName] = []
        if acceptOp("*") {
            names = [ImportName(name: "*", alias: nil)]
        } else if acceptOp("(") {
            repeat {
                if atOp(")") { break }
                names.append(try parseImportName(dotted: false))
            } while acceptOp(",")
            try expectOp(")")
            if names.isEmpty { throw invalidSyntax() }
        } else {
            names = [try parseImportName(dotted: false)]
            while acceptOp(",") { names.append(try parseImportName(dotted: false)) }
        }
        return Stmt(.importFrom(module: module, names: names), start)
    }

    /// `yield`, `yield value`, `yield from iterable`.
    func parseYield() throws -> Expr {
        let token = current
        advance()
        if functionDepth == 0 { throw error("'yield' outside function", from: token.start, to: previousEnd) }
        yields += 1
        if acceptKeyword("from") {
            let iterable = try parseTest()
            return try node(.yieldFrom(iterable), token.start, children: [iterable])
        }
        if atStatementEnd || atOp(")") { return try node(.yield(nil), token.start) }
        let value = try parseStarExpressions()
        return try node(.yield(value), token.start, children: [value])
    }

    /// An assignment's right-hand side: expressions or a `yield`.
    func parseAssignedValue() throws -> Expr {
        atKeyword("yield") ? try parseYield() : try parseStarExpressions()
    }

    func parseExpressionStatement() throws -> Stmt {
        let start = current.start
        let first = try parseAssignedValue()
        if case .op(let op) = current.kind, let binary = Parser.augmentedOperators[op] {
            switch first.kind {
            case .name, .attribute, .subscript:
                break
            default:
                throw error("'\(expressionName(first))' is an illegal expression for augmented assignment", spanning: first)
            }
            advance()
            let value = try parseStarExpressions()
            return Stmt(.augmentedAssign(target: first, op: binary, value: value), start)
        }
        if acceptOp(":") {
            switch first.kind {
            case .name, .attribute, .subscript:
                break
            case .tuple:
                throw error("only single target (not tuple) can be annotated", spanning: first)
            case .list:
                throw error("only single target (not list) can be annotated", spanning: first)
            default:
                throw error("illegal target for annotation", spanning: first)
            }
            let annotation = try parseTest()
            let value = acceptOp("=") ? try parseStarExpressions() : nil
            return Stmt(.annotatedAssign(target: first, annotation: annotation, value: value), start)
        }
        guard atOp("=") else { return Stmt(.expression(first), start) }
        var targets = [first]
        var value = first
        while acceptOp("=") {
            value = try parseAssignedValue()
            targets.append(value)
        }
        targets.removeLast()
        if targets.count == 1, let bad = invalidTarget(first, deleting: false), bad === first {
            switch first.kind {
            case .list, .tuple, .boolLiteral, .noneLiteral:
                break
            default:
                throw error(
                    "cannot assign to \(expressionName(first)) here. Maybe you meant '==' instead of '='?",
                    spanning: first)
            }
        }
        for target in targets { try validateTarget(target, deleting: false) }
        return Stmt(.assign(targets: targets, value: value), start)
    }

    // MARK: Targets

    /// A `for`/`with`/`del` target list: like an expression list but without comparisons, so
    /// `for x in y` stops before `in`.
    func parseTargetList() throws -> Expr {
        let start = current.start
        let first = try parseTarget()
        guard atOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if atKeyword("in") || atOp("=") || atStatementEnd { break }
            items.append(try parseTarget())
        }
        return try node(.tuple(items), start, children: items)
    }

    func parseTarget() throws -> Expr {
        let start = current.start
        if acceptOp("*") {
            let inner = try parseBitwiseOr()
            return try node(.starred(inner), start, children: [inner])
        }
        return try parseBitwiseOr()
    }

    func validateTarget(_ target: Expr, deleting: Bool) throws {
        guard let bad = invalidTarget(target, deleting: deleting) else { return }
        let verb = deleting ? "delete" : "assign to"
        throw error("cannot \(verb) \(expressionName(bad))", spanning: bad)
    }

    /// The first sub-expression of a target that cannot be assigned to (or deleted).
    func invalidTarget(_ target: Expr, deleting: Bool) -> Expr? {
        switch target.kind {
        case .name, .attribute, .subscript:
            return nil
        case .tuple(let items), .list(let items):
            for item in items {
                if let bad = invalidTarget(item, deleting: deleting) { return bad }
            }
            return nil
        case .starred(let inner):
            return deleting ? target : invalidTarget(inner, deleting: deleting)
        default:
            return target
        }
    }

    /// What Python calls an expression in "cannot assign to ..." messages.
    func expressionName(_ expr: Expr) -> String {
        switch expr.kind {
        case .name: return "name"
        case .intLiteral, .floatLiteral, .stringLiteral: return "literal"
        case .fString: return "f-string expression"
        case .boolLiteral(let value): return value ? "True" : "False"
        case .noneLiteral: return "None"
        case .ellipsis: return "ellipsis"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .unary, .binary, .boolean: return "expression"
        case .compare: return "comparison"
        case .call: return "function call"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .slice: return "slice"
        case .conditional: return "conditional expression"
        case .lambda: return "lambda"
        case .listComprehension: return "list comprehension"
        case .dictComprehension: return "dict comprehension"
        case .generator: return "generator expression"
        case .starred: return "starred"
        case .yield, .yieldFrom: return "yield expression"
        case .namedExpression: return "named expression"
        }
    }
}
