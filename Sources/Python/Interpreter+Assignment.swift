extension Interpreter {
    /// Binds `value` to an assignment target (name, attribute, subscript or unpacking pattern).
    func assign(_ target: Expr, _ value: Value, _ scope: Scope) throws {
        switch target.kind {
        case .name(let n):
            scope.assign(n, value)
            if frames[frames.count - 1].isScript { observer?.bound(name: n, to: value) }
        case .attribute(let objectExpr, let name):
            try setAttribute(try evaluate(objectExpr, scope), name, value)
        case .subscript(let objectExpr, let indexExpr):
            try setItem(try evaluate(objectExpr, scope), try evaluateIndex(indexExpr, scope), value)
        case .tuple(let targets), .list(let targets):
            try unpack(targets, value, scope)
        case .starred:
            throw PyException(.runtimeError, "starred assignment target must be in a list or tuple")
        default:
            throw PyException(.runtimeError, "cannot assign to expression")
        }
    }

    private func unpack(_ targets: [Expr], _ value: Value, _ scope: Scope) throws {
        let items: [Value]
        do {
            items = try iterate(value)
        } catch let e as PyException where e.instance.cls === ExceptionClass.typeError && !isIterable(value) {
            throw PyException.type("cannot unpack non-iterable \(Formatting.typeName(value)) object")
        }
        if let star = targets.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }) {
            let after = targets.count - star - 1
            guard items.count >= targets.count - 1 else {
                throw PyException.value(
                    "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
            }
            for i in 0..<star { try assign(targets[i], items[i], scope) }
            if case .starred(let inner) = targets[star].kind {
                try assign(inner, .list(ListStorage(Array(items[star..<(items.count - after)]))), scope)
            }
            for i in 0..<after { try assign(targets[star + 1 + i], items[items.count - after + i], scope) }
            return
        }
        if items.count > targets.count {
            throw PyException.value("too many values to unpack (expected \(targets.count))")
        }
        if items.count < targets.count {
            throw PyException.value("not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        for (t, v) in zip(targets, items) { try assign(t, v, scope) }
    }

    /// `target op= value`: in place for lists and objects that support it (tensors), rebinding otherwise.
    func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ scope: Scope) throws {
        switch target.kind {
        case .name(let n):
            let current = try lookup(n, scope)
            let result = try inPlace(op, current, try evaluate(valueExpr, scope))
            scope.assign(n, result)
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, scope)
            guard let current = try attribute(of: object, name) else { throw noAttribute(object, name) }
            try setAttribute(object, name, try inPlace(op, current, try evaluate(valueExpr, scope)))
        case .subscript(let objectExpr, let indexExpr):
            let object = try evaluate(objectExpr, scope)
            let key = try evaluateIndex(indexExpr, scope)
            let current = try subscriptValue(object, key)
            try setItem(object, key, try inPlace(op, current, try evaluate(valueExpr, scope)))
        default:
            throw PyException(.runtimeError, "illegal expression for augmented assignment")
        }
    }

    private func inPlace(_ op: BinaryOperator, _ current: Value, _ value: Value) throws -> Value {
        switch current {
        case .object(let o): if let result = try o.inPlaceOperation(op, value, self) { return result }
        case .list(let l) where op == .add:
            let added = try iterate(value)
            try reserveBytes((l.items.count + added.count) * MemoryLayout<Value>.stride)
            l.items.append(contentsOf: added)
            return current
        default: break
        }
        return try binary(op, current, value)
    }

    func setAttribute(_ object: Value, _ name: String, _ value: Value) throws {
        switch object {
        case .object(let o):
            if try o.setAttribute(name, value, self) { return }
            fallthrough
        default:
            throw PyException.attribute("'\(Formatting.typeName(object))' object has no attribute '\(name)'")
        }
    }

    func setItem(_ object: Value, _ key: Value, _ value: Value) throws {
        switch object {
        case .list(let l):
            if case .object(let s as SliceObject) = key { return try assignSlice(l, s, value) }
            let i = try indexValue(key, "list")
            let n = i < 0 ? i + l.items.count : i
            guard n >= 0 && n < l.items.count else { throw PyException.index("list assignment index out of range") }
            l.items[n] = value
        case .dict(let d): try d.set(key, value)
        case .object(let o):
            if try o.setItem(key, value, self) { return }
            fallthrough
        default:
            throw PyException.type("'\(Formatting.typeName(object))' object does not support item assignment")
        }
    }

    /// `l[a:b] = items` (any length) and `l[a:b:k] = items` (same length).
    private func assignSlice(_ l: ListStorage, _ s: SliceObject, _ value: Value) throws {
        let items = try iterate(value)
        let indices = try sliceIndices(s, count: l.items.count)
        if try isNone(s.step) || indexValue(s.step, "slice") == 1 {
            let count = l.items.count
            var start = isNone(s.start) ? 0 : try indexValue(s.start, "slice")
            if start < 0 { start += count }
            start = min(max(start, 0), count)
            let stop = max(start, indices.last.map { $0 + 1 } ?? start)
            l.items.replaceSubrange(start..<stop, with: items)
            return
        }
        guard items.count == indices.count else {
            throw PyException.value(
                "attempt to assign sequence of size \(items.count) to extended slice of size \(indices.count)")
        }
        for (i, v) in zip(indices, items) { l.items[i] = v }
    }

    func delete(_ target: Expr, _ scope: Scope) throws {
        switch target.kind {
        case .name(let n):
            if !scope.delete(n) { throw PyException.name("name '\(n)' is not defined") }
        case .subscript(let objectExpr, let indexExpr):
            let object = try evaluate(objectExpr, scope)
            let key = try evaluateIndex(indexExpr, scope)
            switch object {
            case .list(let l):
                if case .object(let s as SliceObject) = key {
                    let drop = Set(try sliceIndices(s, count: l.items.count))
                    l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                    return
                }
                let i = try indexValue(key, "list")
                let n = i < 0 ? i + l.items.count : i
                guard n >= 0 && n < l.items.count else { throw PyException.index("list assignment index out of range") }
                l.items.remove(at: n)
            case .dict(let d):
                if !(try d.remove(key)) { throw PyException(instance: ExceptionInstance(.keyError, [key])) }
            case .object(let o) where try o.deleteItem(key, self):
                return
            default:
                throw PyException.type("'\(Formatting.typeName(object))' object doesn't support item deletion")
            }
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, scope)
            try deleteAttribute(object, name)
        case .tuple(let items), .list(let items):
            for i in items { try delete(i, scope) }
        default:
            throw PyException(.runtimeError, "cannot delete expression")
        }
    }

    /// `del object.name`.
    func deleteAttribute(_ object: Value, _ name: String) throws {
        try checkAttributeName(name)
        if case .object(let o) = object, try o.deleteAttribute(name, self) { return }
        throw noAttribute(object, name)
    }

    /// Records `name: annotation` in a class body's `__annotations__`, creating the dict on the
    /// body's first annotation, as CPython does.
    func recordAnnotation(_ name: String, _ annotation: Value, in scope: Scope) throws {
        if case .dict(let annotations)? = scope.variables["__annotations__"] {
            try annotations.set(.string(name), annotation)
            return
        }
        let annotations = DictStorage()
        try annotations.set(.string(name), annotation)
        scope.variables["__annotations__"] = .dict(annotations)
    }

    /// Refuses the internal attributes the sandbox hides.
    func checkAttributeName(_ name: String) throws {
        if name.hasPrefix("__") && name.hasSuffix("__") && Interpreter.refusedDunders.contains(name) {
            throw PyException.attribute("GradScope scripts cannot access the internal attribute '\(name)'")
        }
    }

    /// Attribute lookup on any value; nil when it does not exist.
    func attribute(of object: Value, _ name: String) throws -> Value? {
        try checkAttributeName(name)
        let found: Value?
        switch object {
        case .object(let o): found = try o.attribute(name, self)
        default: found = try builtinMethod(object, name)
        }
        return try found ?? objectDunder(object, name)
    }

    /// `x.__format__`, `x.__repr__` and `x.__str__` for values whose type defines no own version.
    private func objectDunder(_ object: Value, _ name: String) throws -> Value? {
        switch name {
        case "__format__":
            return .object(
                BuiltinFunction(name) { args, interp in
                    guard case .string(let spec)? = args.positional.first else {
                        throw PyException.type(
                            "__format__() argument must be str, not \(Formatting.typeName(args.positional.first ?? .none))")
                    }
                    return .string(try interp.format(object, spec: spec))
                })
        case "__repr__": return .object(BuiltinFunction(name) { _, _ in .string(Formatting.repr(object)) })
        case "__str__": return .object(BuiltinFunction(name) { _, _ in .string(Formatting.str(object)) })
        default: return nil
        }
    }

    /// The double-underscore attributes scripts may not touch: CPython's doors into the
    /// interpreter itself (namespaces, class hierarchies, code and frames).
    static let refusedDunders: Set<String> = [
        "__dict__", "__bases__", "__base__", "__mro__", "__subclasses__", "__globals__", "__builtins__",
        "__code__", "__closure__", "__func__", "__self__", "__defaults__", "__kwdefaults__", "__reduce__",
        "__reduce_ex__", "__loader__", "__spec__", "__file__", "__path__", "__import__", "__traceback__",
        "__init_subclass__", "__subclasshook__", "__class_getitem__", "__slots__", "__weakref__"
    ]
}
