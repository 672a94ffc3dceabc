/// Builtins of the object model and the iterator protocol: `super`, `property`, `classmethod`,
/// `staticmethod`, `issubclass`, `hash`, `vars`, `iter`, `next`, `NotImplemented`.
extension Interpreter {
    func installObjectBuiltins() {
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            builtins[name] = .object(BuiltinFunction(name, body))
        }
        add("staticmethod") { args, _ in .object(StaticMethod(try single(args, "staticmethod"))) }
        add("classmethod") { args, _ in .object(ClassMethod(try single(args, "classmethod"))) }
        add("property") { args, _ in
            try args.check("property", maxPositional: 4, allowed: ["fget", "fset", "fdel", "doc"])
            return .object(
                PropertyObject(
                    getter: args.value(0, "fget") ?? .none, setter: args.value(1, "fset") ?? .none,
                    deleter: args.value(2, "fdel") ?? .none))
        }
        add("super") { args, interp in try interp.makeSuper(args) }
        // `vars(obj)`: a script object's own attributes, in the order they were set, as a new dict
        // (CPython returns the live `__dict__`, which the sandbox does not hand out). Without an
        // argument it would be `locals()`, which scripts cannot reach.
        add("vars") { args, _ in
            guard args.keywords.isEmpty, args.positional.count == 1 else {
                throw PyException(
                    .runtimeError,
                    "'vars' without an argument is not available in GradScope scripts: they cannot touch the interpreter itself")
            }
            guard case .object(let instance as Instance) = args.positional[0] else {
                throw PyException.type("vars() argument must have __dict__ attribute")
            }
            let dict = DictStorage()
            for (name, value) in instance.attributes { try dict.set(.string(name), value) }
            return .dict(dict)
        }
        add("issubclass") { args, interp in
            guard args.positional.count == 2 else {
                throw PyException.type("issubclass expected 2 arguments, got \(args.positional.count)")
            }
            return .bool(try interp.isSubclass(args.positional[0], args.positional[1]))
        }
        add("hash") { args, interp in
            let v = try single(args, "hash")
            if case .object(let i as Instance) = v { return .int(try i.customHash() ?? i.identity) }
            // Numbers and tuples of them (named ones too) hash as in CPython; the rest by seed or identity.
            let tuple: Value = if case .object(let t as NamedTupleValue) = v { .tuple(t.items) } else { v }
            return .int(try StableHash.of(tuple) ?? HashKey(v).hashValue)
        }
        add("iter") { args, interp in .object(try interp.makeIterator(try single(args, "iter"))) }
        add("next") { args, interp in
            guard let first = args.positional.first, args.positional.count <= 2 else {
                throw PyException.type("next expected at least 1 argument, got 0")
            }
            let fallback = args.positional.count == 2 ? args.positional[1] : nil
            switch first {
            case .object(let iterator as PyIterator):
                if let v = try iterator.next(interp) { return v }
                if let fallback { return fallback }
                throw interp.stopIteration(iterator)
            case .object(let i as Instance):
                if let nextMethod = i.cls.lookup("__next__") {
                    do {
                        return try interp.call(nextMethod, Arguments([first]))
                    } catch let e as PyException where e.instance.cls.isSubclass(of: .stopIteration) && fallback != nil {
                        return fallback!
                    }
                }
            default: break
            }
            throw PyException.type("'\(Formatting.typeName(first))' object is not an iterator")
        }
        builtins["NotImplemented"] = .object(NotImplementedObject.shared)
        // Scripts run as with a plain `python`, never `python -O`.
        builtins["__debug__"] = .bool(true)
    }

    /// `super()` in a method (the defining class and the first argument) or `super(cls, obj)`.
    private func makeSuper(_ args: Arguments) throws -> Value {
        if args.positional.count == 2 {
            guard case .object(let cls as UserClass) = args.positional[0] else {
                throw PyException.type("super() argument 1 must be a type, not \(Formatting.typeName(args.positional[0]))")
            }
            return try boundSuper(cls, args.positional[1])
        }
        guard args.positional.isEmpty else { throw PyException.type("super() takes 0 or 2 arguments") }
        guard let frame = frames.last(where: { $0.callee != nil }), let callee = frame.callee, let scope = frame.scope,
            let cls = callee.definingClass
        else {
            throw PyException.runtime("super(): __class__ cell not found")
        }
        guard let first = callee.parameters.first, let receiver = scope.variables[first.name] else {
            throw PyException.runtime("super(): no arguments")
        }
        return try boundSuper(cls, receiver)
    }

    /// `super(cls, receiver)`, refused as CPython refuses it when `receiver` is neither an
    /// instance nor a subclass of `cls` (an instance whose `__class__` was reassigned since).
    private func boundSuper(_ cls: UserClass, _ receiver: Value) throws -> Value {
        let related: Bool
        if case .object(let c as UserClass) = receiver {
            related = c.isSubclass(of: cls)
        } else {
            related = try isInstance(receiver, .object(cls))
        }
        guard related else { throw PyException.type("super(type, obj): obj must be an instance or subtype of type") }
        return .object(SuperObject(start: cls, receiver: receiver))
    }

    func isSubclass(_ v: Value, _ cls: Value) throws -> Bool {
        if case .tuple(let options) = cls { return try options.contains { try isSubclass(v, $0) } }
        switch (v, cls) {
        case (.object(let a as UserClass), .object(let b as UserClass)): return a.isSubclass(of: b)
        case (.object(let a as ExceptionClass), .object(let b as ExceptionClass)): return a.isSubclass(of: b)
        case (.object(let a as UserClass), .object(let b as ExceptionClass)): return a.exceptionBase?.isSubclass(of: b) ?? false
        case (.object(let a as TypeObject), .object(let b as TypeObject)):
            return a === b || b.name == "object" || (a.name == "bool" && b.name == "int")
        case (.object(is UserClass), .object(let b as TypeObject)), (.object(is ExceptionClass), .object(let b as TypeObject)):
            return b.name == "object"
        case (.object(let o), _) where o is UserClass || o is TypeObject || o is ExceptionClass:
            if case .object(let c) = cls, c is UserClass || c is TypeObject || c is ExceptionClass { return false }
            throw PyException.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        default:
            throw PyException.type("issubclass() arg 1 must be a class")
        }
    }
}
