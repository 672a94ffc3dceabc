extension Interpreter {
    package func lookup(_ name: String, _ scope: Scope) throws -> Value {
        if let v = scope.lookup(name) { return v }
        if let v = globals.variables[name] { return v }
        if let v = builtins[name] { return v }
        throw PyException.name("name '\(name)' is not defined")
    }

    package func evaluate(_ e: Expr, _ scope: Scope) throws -> Value {
        switch e.kind {
        case .name(let n): return try lookup(n, scope)
        case .intLiteral(let i): return .int(i)
        case .floatLiteral(let d): return .float(d)
        case .stringLiteral(let s): return .string(s)
        case .fString(let parts): return .string(try formatParts(parts, scope))
        case .boolLiteral(let b): return .bool(b)
        case .noneLiteral: return .none
        case .ellipsis: return .object(EllipsisObject.shared)
        case .list(let items): return .list(ListStorage(try evaluateDisplay(items, scope)))
        case .tuple(let items): return .tuple(try evaluateDisplay(items, scope))
        case .set(let items):
            let values = try evaluateDisplay(items, scope)
            guard items.count > 2 && items.allSatisfy(\.isConstant) else { return .object(try SetObject(values)) }
            // CPython compiles a display of three or more constants to a frozenset constant (built
            // from the items, then rebuilt from its own order when constants are merged), which
            // the new set copies.
            let constant = try SetObject(try SetObject(values, frozen: true).items, frozen: true)
            return .object(try SetObject(copying: constant, frozen: false))
        case .dict(let pairs):
            let d = DictStorage()
            for p in pairs { try d.set(try evaluate(p.key, scope), try evaluate(p.value, scope)) }
            return .dict(d)
        case .unary(let op, let operand): return try unary(op, try evaluate(operand, scope))
        case .binary(let op, let l, let r):
            return try binary(op, try evaluate(l, scope), try evaluate(r, scope))
        case .boolean(let op, let operands):
            var last: Value = .none
            for operand in operands {
                last = try evaluate(operand, scope)
                let t = try truthy(last)
                if op == .and && !t { return last }
                if op == .or && t { return last }
            }
            return last
        case .compare(let first, let rest):
            var left = try evaluate(first, scope)
            var result: Value = .bool(true)
            for (op, rightExpr) in rest {
                let right = try evaluate(rightExpr, scope)
                result = try compare(op, left, right)
                // A lone rich comparison (elementwise on tensors) returns its object as is.
                if case .object = result { if rest.count == 1 { return result } }
                if !(try truthy(result)) { return result }
                left = right
            }
            return result
        case .call(let calleeExpr, let argExprs):
            let callee = try evaluate(calleeExpr, scope)
            return try call(callee, try evaluateArguments(argExprs, scope))
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, scope)
            guard let v = try attribute(of: object, name) else { throw noAttribute(object, name) }
            return v
        case .subscript(let objectExpr, let indexExpr):
            return try subscriptValue(try evaluate(objectExpr, scope), try evaluateIndex(indexExpr, scope))
        case .slice:
            return try evaluateIndex(e, scope)
        case .namedExpression(let name, let valueExpr):
            let value = try evaluate(valueExpr, scope)
            scope.namedExpressionTarget.assign(name, value)
            if frames[frames.count - 1].isScript { observer?.bound(name: name, to: value) }
            return value
        case .conditional(let condition, let body, let orElse):
            return try evaluate(try truthy(evaluate(condition, scope)) ? body : orElse, scope)
        case .lambda(let params, let body):
            return .object(try makeFunction("<lambda>", params, body: [], lambda: body, scope))
        case .generator(let element, let clauses):
            return .object(
                try ComprehensionIterator(
                    element: element, clauses: clauses, scope: comprehensionScope(scope), outer: scope, self))
        case .yield, .yieldFrom:
            throw PyException.runtime(
                "GradScope supports 'yield' only as a statement, as the value of an assignment, or as 'yield from'")
        case .listComprehension(let element, let clauses):
            var out = [Value]()
            try comprehend(clauses[...], comprehensionScope(scope), outer: scope) { s in out.append(try evaluate(element, s)) }
            return .list(ListStorage(out))
        case .dictComprehension(let key, let value, let clauses):
            let d = DictStorage()
            try comprehend(clauses[...], comprehensionScope(scope), outer: scope) { s in
                try d.set(try evaluate(key, s), try evaluate(value, s))
            }
            return .dict(d)
        case .starred:
            throw PyException(.runtimeError, "can't use starred expression here")
        }
    }

    private func evaluateDisplay(_ items: [Expr], _ scope: Scope) throws -> [Value] {
        var out = [Value]()
        out.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                out.append(contentsOf: try iterate(try evaluate(inner, scope)))
            } else {
                out.append(try evaluate(item, scope))
            }
        }
        return out
    }

    func evaluateArguments(_ argExprs: [CallArgument], _ scope: Scope) throws -> Arguments {
        var args = Arguments()
        args.positional.reserveCapacity(argExprs.count)
        for a in argExprs {
            switch a {
            case .positional(let e): args.positional.append(try evaluate(e, scope))
            case .keyword(let name, let e): args.keywords.append((name, try evaluate(e, scope)))
            case .unpack(let e): args.positional.append(contentsOf: try iterate(try evaluate(e, scope)))
            case .unpackKeywords(let e):
                guard case .dict(let d) = try evaluate(e, scope) else {
                    throw PyException.type("argument after ** must be a mapping")
                }
                for (k, v) in d.items {
                    guard case .string(let name) = k else { throw PyException.type("keywords must be strings") }
                    args.keywords.append((name, v))
                }
            }
        }
        return args
    }

    /// Evaluates a subscript index: slices become SliceObjects, tuples stay tuples.
    func evaluateIndex(_ e: Expr, _ scope: Scope) throws -> Value {
        switch e.kind {
        case .slice(let lower, let upper, let step):
            return .object(
                SliceObject(
                    start: try lower.map { try evaluate($0, scope) } ?? .none,
                    stop: try upper.map { try evaluate($0, scope) } ?? .none,
                    step: try step.map { try evaluate($0, scope) } ?? .none))
        case .tuple(let items):
            return .tuple(try items.map { try evaluateIndex($0, scope) })
        default:
            return try evaluate(e, scope)
        }
    }

    /// A comprehension's own scope inside `scope` (which it sees unless it is a class body).
    private func comprehensionScope(_ scope: Scope) -> Scope {
        Scope(enclosing: scope === globals ? nil : scope.enclosingForNested, comprehensionOf: scope)
    }

    /// Runs `body` for each combination of the clauses' items; the first clause's iterable is
    /// evaluated in `outer`, the scope around the comprehension, as Python does.
    private func comprehend(
        _ clauses: ArraySlice<Comprehension>, _ scope: Scope, outer: Scope? = nil,
        _ body: (Scope) throws -> Void
    ) throws {
        guard let clause = clauses.first else { return try body(scope) }
        for item in try iterate(try evaluate(clause.iterable, outer ?? scope)) {
            try checkTime()
            try assign(clause.target, item, scope)
            var keep = true
            for c in clause.conditions where !(try truthy(evaluate(c, scope))) {
                keep = false
                break
            }
            if keep { try comprehend(clauses.dropFirst(), scope, body) }
        }
    }

    func formatParts(_ parts: [FStringPart], _ scope: Scope) throws -> String {
        var out = LimitedText(self)
        for part in parts {
            switch part {
            case .literal(let s): try out.append(s)
            case .field(let e, let conversion, let specParts, let selfDoc):
                let v = try evaluate(e, scope)
                let spec = try formatParts(specParts, scope)
                if let selfDoc { try out.append(selfDoc) }
                switch conversion {
                case "r": try out.append(try format(.string(reprText(v)), spec: spec))
                case "s": try out.append(try format(.string(strText(v)), spec: spec))
                default:
                    try out.append(selfDoc != nil && spec.isEmpty ? try reprText(v) : try format(v, spec: spec))
                }
            }
        }
        return out.text
    }

    /// `format(value, spec)` for Python values and objects that define their own `__format__`;
    /// the result's size is counted in the run's memory account before it is built.
    package func format(_ v: Value, spec: String) throws -> String {
        if spec.isEmpty {
            if case .object(let o) = v, let text = try o.format(spec, self) { return text }
            return try strText(v)
        }
        switch v {
        case .int(let i): return try PythonFormat.format(.int(i), spec: spec, reserving: reserveBytes)
        case .float(let d): return try PythonFormat.format(.float(d), spec: spec, reserving: reserveBytes)
        case .bool(let b): return try PythonFormat.format(.bool(b), spec: spec, reserving: reserveBytes)
        case .string(let s): return try PythonFormat.format(.string(s), spec: spec, reserving: reserveBytes)
        case .object(let o):
            if let text = try o.format(spec, self) { return text }
            fallthrough
        default:
            throw PyException.type("unsupported format string passed to \(Formatting.typeName(v)).__format__")
        }
    }

    func noAttribute(_ object: Value, _ name: String) -> PyException {
        if case .object(let m as any ModuleLike) = object {
            return PyException.attribute("module '\(m.name)' has no attribute '\(name)'")
        }
        if case .object(let c as UserClass) = object {
            return PyException.attribute("type object '\(c.name)' has no attribute '\(name)'")
        }
        return PyException.attribute("'\(Formatting.typeName(object))' object has no attribute '\(name)'")
    }
}

/// `start:stop:step` as a value.
package final class SliceObject: PyObject {
    package let start: Value, stop: Value, step: Value
    init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    package var typeName: String { "slice" }
    package func repr() -> String { "slice(\(Formatting.repr(start)), \(Formatting.repr(stop)), \(Formatting.repr(step)))" }
    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "start": return start
        case "stop": return stop
        case "step": return step
        default: return nil
        }
    }
}

/// `...`
package final class EllipsisObject: PyObject, Sendable {
    static let shared = EllipsisObject()
    package var typeName: String { "ellipsis" }
    package func repr() -> String { "Ellipsis" }
}
