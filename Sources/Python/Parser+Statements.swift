/// Statements: simple statements on a line, compound statements with their blocks.
extension Parser {
    func parseFile() throws -> [Stmt] {
        var body: [Stmt] = []
        while current.kind != .endOfFile {
            if current.kind == .newline {
                advance()
                continue
            }
            body += try parseStatement()
            if body.count & 1023 == 1023 { try RunWatchdog.poll() }
        }
        return body
    }

    func parseStatement() throws -> [Stmt] {
        let before = yields
        let statements = try parseStatementUnmarked()
        if yields != before { for s in statements { s.containsYield = true } }
        return statements
    }

    private func parseStatementUnmarked() throws -> [Stmt] {
        let token = current
        if case .keyword(let word) = token.kind {
            switch word {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "def": return [try parseFunction(decorators: [], start: token.start)]
            case "class": return [try parseClass(decorators: [], start: token.start)]
            default: break
            }
        }
        if atOp("@") { return [try parseDecorated()] }
        return try parseSimpleStatements()
    }

    /// `a; b; c NEWLINE`
    func parseSimpleStatements() throws -> [Stmt] {
        var statements = [try parseSimpleStatement()]
        while acceptOp(";") {
            if current.kind == .newline { break }
            statements.append(try parseSimpleStatement())
        }
        guard current.kind == .newline else { throw invalidSyntax() }
        advance()
        return statements
    }

    /// The block after a compound statement's `:` — an indented suite or statements on the same line.
    func parseBlock(after header: String, line: Int) throws -> [Stmt] {
        statementDepth += 1
        defer { statementDepth -= 1 }
        guard current.kind == .newline else { return try parseSimpleStatements() }
        advance()
        guard current.kind == .indent else {
            throw error("expected an indented block after \(header) on line \(line)", kind: .indentation, at: current)
        }
        advance()
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .endOfFile {
            body += try parseStatement()
        }
        advance()
        return body
    }

    // MARK: Compound statements

    /// `if`, then its `elif` branches in a loop (each an `if` in the `else` of the branch before),
    /// so a long chain needs no recursion.
    func parseIf() throws -> Stmt {
        let outerDepth = statementDepth
        defer { statementDepth = outerDepth }
        var branches: [(start: SourcePosition, condition: Expr, body: [Stmt])] = []
        repeat {
            if !branches.isEmpty { statementDepth += 1 }
            let token = current
            advance()
            let condition = try parseNamedExpression()
            try expectColon()
            let keyword = branches.isEmpty ? "if" : "elif"
            branches.append((token.start, condition, try parseBlock(after: "'\(keyword)' statement", line: token.line)))
            if branches.count & 1023 == 0 { try RunWatchdog.poll() }
        } while atKeyword("elif")
        var orElse = atKeyword("else") ? try parseElse() : []
        for branch in branches.reversed() {
            orElse = [Stmt(.if(condition: branch.condition, body: branch.body, orElse: orElse), branch.start)]
        }
        return orElse[0]
    }

    func parseElse() throws -> [Stmt] {
        let line = current.line
        advance()
        try expectColon()
        return try parseBlock(after: "'else' statement", line: line)
    }

    func parseWhile() throws -> Stmt {
        let token = current
        advance()
        let condition = try parseNamedExpression()
        try expectColon()
        loopDepth += 1
        let body = try parseBlock(after: "'while' statement", line: token.line)
        loopDepth -= 1
        let orElse = atKeyword("else") ? try parseElse() : []
        return Stmt(.while(condition: condition, body: body, orElse: orElse), token.start)
    }

    func parseFor() throws -> Stmt {
        let token = current
        advance()
        let target = try parseTargetList()
        try validateTarget(target, deleting: false)
        guard acceptKeyword("in") else { throw invalidSyntax() }
        let iterable = try parseStarExpressions()
        try expectColon()
        loopDepth += 1
        let body = try parseBlock(after: "'for' statement", line: token.line)
        loopDepth -= 1
        let orElse = atKeyword("else") ? try parseElse() : []
        return Stmt(.for(target: target, iterable: iterable, body: body, orElse: orElse), token.start)
    }

    func parseTry() throws -> Stmt {
        let token = current
        advance()
        try expectColon()
        let body = try parseBlock(after: "'try' statement", line: token.line)
        var handlers: [ExceptHandler] = []
        while atKeyword("except") {
            let handlerToken = current
            if let last = handlers.last, last.type == nil {
                throw error("default 'except:' must be last", at: tokens[position])
            }
            advance()
            var type: Expr?
            var name: String?
            if !atOp(":") {
                type = try parseTest()
                if atOp(",") {
                    throw error(
                        "multiple exception types must be parenthesized", spanning: type ?? Expr(.noneLiteral, handlerToken.start)
                    )
                }
                if acceptKeyword("as") { name = try expectName() }
            }
            try expectColon()
            let handlerBody = try parseBlock(after: "'except' statement", line: handlerToken.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, position: handlerToken.start))
        }
        var orElse: [Stmt] = []
        if !handlers.isEmpty && atKeyword("else") { orElse = try parseElse() }
        var finally: [Stmt] = []
        if atKeyword("finally") {
            let line = current.line
            advance()
            try expectColon()
            finally = try parseBlock(after: "'finally' statement", line: line)
        }
        if handlers.isEmpty && finally.isEmpty {
            throw error("expected 'except' or 'finally' block", at: current)
        }
        return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finally: finally), token.start)
    }

    func parseWith() throws -> Stmt {
        let token = current
        advance()
        var items: [WithItem]
        if atOp("("), let parenthesized = try? parseParenthesizedWithItems() {
            items = parenthesized
        } else {
            items = [try parseWithItem()]
            while acceptOp(",") { items.append(try parseWithItem()) }
        }
        try expectColon()
        let body = try parseBlock(after: "'with' statement", line: token.line)
        return Stmt(.with(items, body: body), token.start)
    }

    /// `with (a as b, c as d):` — backtracks when the parenthesis is part of an expression.
    func parseParenthesizedWithItems() throws -> [WithItem] {
        let saved = position
        do {
            advance()
            var items = [try parseWithItem()]
            while acceptOp(",") {
                if atOp(")") { break }
                items.append(try parseWithItem())
            }
            try expectOp(")")
            guard atOp(":") else { throw invalidSyntax() }
            return items
        } catch {
            position = saved
            throw error
        }
    }

    func parseWithItem() throws -> WithItem {
        let context = try parseTest()
        guard acceptKeyword("as") else { return WithItem(context: context, target: nil) }
        let target = try parseTarget()
        try validateTarget(target, deleting: false)
        return WithItem(context: context, target: target)
    }

    func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        let start = current.start
        while acceptOp("@") {
            decorators.append(try parseNamedExpression())
            guard current.kind == .newline else { throw invalidSyntax() }
            advance()
        }
        if atKeyword("def") { return try parseFunction(decorators: decorators, start: start) }
        if atKeyword("class") { return try parseClass(decorators: decorators, start: start) }
        throw invalidSyntax()
    }

    func parseFunction(decorators: [Expr], start: SourcePosition) throws -> Stmt {
        let line = current.line
        advance()
        let name = try expectName()
        try expectOp("(")
        let parameters = try parseParameters(closing: ")")
        if acceptOp("->") { _ = try parseTest() }
        try expectColon()
        let savedLoops = loopDepth
        let savedYields = yields
        loopDepth = 0
        yields = 0
        functionDepth += 1
        defer {
            functionDepth -= 1
            loopDepth = savedLoops
            yields = savedYields
        }
        let body = try parseBlock(after: "function definition", line: line)
        let definition = FunctionDefinition(
            name: name, parameters: parameters, body: body, decorators: decorators,
            isGenerator: yields > 0)
        return Stmt(.functionDef(definition), start)
    }

    func parseClass(decorators: [Expr], start: SourcePosition) throws -> Stmt {
        let line = current.line
        advance()
        let name = try expectName()
        var bases: [Expr] = []
        if acceptOp("(") {
            for argument in try parseArguments() {
                guard case .positional(let base) = argument else {
                    throw error("GradScope supports only positional base classes", at: tokens[position - 1])
                }
                bases.append(base)
            }
        }
        try expectColon()
        let savedLoops = loopDepth
        let savedFunctions = functionDepth
        loopDepth = 0
        functionDepth = 0
        defer {
            loopDepth = savedLoops
            functionDepth = savedFunctions
        }
        let body = try parseBlock(after: "class definition", line: line)
        return Stmt(.classDef(ClassDefinition(name: name, bases: bases, body: body, decorators: decorators)), start)
    }

    /// Parameters of a `def` (closing `)`, annotations allowed) or a `lambda` (closing `:`).
    func parseParameters(closing: String) throws -> [Parameter] {
        var parameters: [Parameter] = []
        var seenDefault = false
        var keywordOnly = false
        let annotations = closing == ")"
        while !atOp(closing) {
            if acceptOp("/") {
            } else if acceptOp("**") {
                let name = try expectName()
                if annotations && acceptOp(":") { _ = try parseTest() }
                parameters.append(Parameter(name: name, defaultValue: nil, kind: .varKeywords))
                _ = acceptOp(",")
                guard atOp(closing) else { throw invalidSyntax() }
                break
            } else if acceptOp("*") {
                keywordOnly = true
                if case .name(let name) = current.kind {
                    advance()
                    if annotations && acceptOp(":") { _ = try parseTest() }
                    parameters.append(Parameter(name: name, defaultValue: nil, kind: .varArgs))
                } else if !atOp(",") {
                    throw error("named arguments must follow bare *", at: tokens[position - 1])
                }
            } else {
                let token = current
                let name = try expectName()
                if annotations && acceptOp(":") { _ = try parseTest() }
                var defaultValue: Expr?
                if acceptOp("=") {
                    defaultValue = try parseTest()
                    seenDefault = true
                } else if seenDefault && !keywordOnly {
                    throw error("non-default argument follows default argument", at: token)
                }
                parameters.append(
                    Parameter(name: name, defaultValue: defaultValue, kind: keywordOnly ? .keywordOnly : .normal))
            }
            if !acceptOp(",") { break }
        }
        if closing == ")" { try expectOp(")") } else if !atOp(":") { throw invalidSyntax() }
        return parameters
    }
}
