extension Interpreter {
    /// Installs Python's builtins (the supported subset) and the refusals of the sandbox.
    func installBuiltins() {
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            builtins[name] = .object(BuiltinFunction(name, body))
        }
        for cls in ExceptionClass.builtins { builtins[cls.name] = .object(cls) }
        for alias in ["IOError", "EnvironmentError"] { builtins[alias] = .object(ExceptionClass.osError) }
        for (name, type) in BuiltinTypes.all { builtins[name] = .object(type) }

        add("print") { args, interp in
            try args.check("print", maxPositional: .max, allowed: ["sep", "end", "flush", "file"])
            let sep = try args.keyword("sep").map(interp.optionalString) ?? " "
            let end = try args.keyword("end").map(interp.optionalString) ?? "\n"
            let parts = args.positional.map(Formatting.str)
            try ReprGuard.take()
            // The line is new memory the size of its parts, and the output stream copies it once more.
            try interp.reserveMemory([parts.reduce(0) { $0 + $1.utf8.count + 1 } + 1], itemSize: 2)
            let text = parts.joined(separator: sep ?? " ") + (end ?? "\n")
            switch args.keyword("file") {
            case nil, .none?: interp.writeOutput(text)
            case .object(let stream as TextStream)?: stream.write(text, interp)
            case let file?:
                guard let write = try interp.attribute(of: file, "write") else {
                    throw PyException.attribute("'\(Formatting.typeName(file))' object has no attribute 'write'")
                }
                _ = try interp.call(write, Arguments([.string(text)]))
            }
            return .none
        }
        installObjectBuiltins()
        add("len") { args, interp in
            guard args.positional.count == 1 else {
                throw PyException.type("len() takes exactly one argument (\(args.positional.count) given)")
            }
            return .int(try interp.length(args.positional[0]))
        }
        add("repr") { args, interp in .string(try interp.reprText(try single(args, "repr"))) }
        add("abs") { args, interp in
            let v = try single(args, "abs")
            switch v {
            case .int(let i):
                if i == .min { throw PyException(.overflowError, "integer result too large for GradScope's 64-bit ints") }
                return .int(abs(i))
            case .float(let d): return .float(abs(d))
            case .bool(let b): return .int(b ? 1 : 0)
            case .object(let o): if let result = try o.absoluteValue(interp) { return result }
            default: break
            }
            throw PyException.type("bad operand type for abs(): '\(Formatting.typeName(v))'")
        }
        add("min") { args, interp in try interp.extreme(args, "min", .lt) }
        add("max") { args, interp in try interp.extreme(args, "max", .gt) }
        add("sum") { args, interp in
            var total = args.value(1, "start") ?? .int(0)
            for item in try interp.iterate(args.positional.first ?? .list(ListStorage([]))) {
                total = try interp.binary(.add, total, item)
            }
            return total
        }
        add("round") { args, interp in
            let v = args.value(0, "number") ?? .none
            let digits = try args.value(1, "ndigits").flatMap {
                interp.isNone($0) ? nil : try interp.intValue($0, "round", "ndigits")
            }
            if case .int = v, digits == nil { return v }
            switch try PythonFormat.round(try interp.toDouble(v), digits: digits) {
            case .int(let i): return .int(i)
            case .float(let d): return .float(d)
            case .bool(let b): return .bool(b)
            case .string(let s): return .string(s)
            }
        }
        add("isinstance") { args, interp in
            guard args.positional.count == 2 else {
                throw PyException.type("isinstance expected 2 arguments, got \(args.positional.count)")
            }
            return .bool(try interp.isInstance(args.positional[0], args.positional[1]))
        }
        add("enumerate") { args, interp in
            var index = try args.value(1, "start").map { try interp.integerArgument($0) } ?? 0
            let items = try interp.makeIterator(args.value(0, "iterable") ?? .none)
            return .object(
                LazyIterator("enumerate") { interp in
                    guard let v = try items.next(interp) else { return nil }
                    let (next, overflow) = index.addingReportingOverflow(1)
                    if overflow { throw PyException(.overflowError, "enumerate index too large for GradScope's 64-bit ints") }
                    defer { index = next }
                    return .tuple([.int(index), v])
                })
        }
        add("zip") { args, interp in
            let iterators = try args.positional.map { try interp.makeIterator($0) }
            return .object(
                LazyIterator("zip") { interp in
                    guard !iterators.isEmpty else { return nil }
                    var items = [Value]()
                    for it in iterators {
                        guard let v = try it.next(interp) else { return nil }
                        items.append(v)
                    }
                    return .tuple(items)
                })
        }
        add("sorted") { args, interp in
            var items = try interp.iterate(try single(args, "sorted", allowed: ["key", "reverse"]))
            let key = args.keyword("key")
            let keys = try items.map { v in try key.map { try interp.call($0, Arguments([v])) } ?? v }
            var order = Array(items.indices)
            var failure: Error?
            order.sort { a, b in
                do { return try interp.truthy(interp.compare(.lt, keys[a], keys[b])) } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            items = order.map { items[$0] }
            if let r = args.keyword("reverse"), try interp.truthy(r) { items.reverse() }
            return .list(ListStorage(items))
        }
        add("reversed") { args, interp in
            let v = try single(args, "reversed")
            if case .object(let i as Instance) = v, let f = i.cls.lookup("__reversed__") {
                return try interp.call(f, Arguments([v]))
            }
            return .object(
                ArrayIterator(
                    try interp.iterate(v).reversed(),
                    typeName: Formatting.typeName(v) == "list" ? "list_reverseiterator" : "reversed"))
        }
        add("any") { args, interp in
            let items = try interp.makeIterator(try single(args, "any"))
            while let v = try items.next(interp) { if try interp.truthy(v) { return .bool(true) } }
            return .bool(false)
        }
        add("all") { args, interp in
            let items = try interp.makeIterator(try single(args, "all"))
            while let v = try items.next(interp) { if !(try interp.truthy(v)) { return .bool(false) } }
            return .bool(true)
        }
        add("map") { args, interp in
            guard args.positional.count >= 2 else { throw PyException.type("map() must have at least two arguments.") }
            let iterators = try args.positional.dropFirst().map { try interp.makeIterator($0) }
            return .object(
                LazyIterator("map") { interp in
                    var items = [Value]()
                    for it in iterators {
                        guard let v = try it.next(interp) else { return nil }
                        items.append(v)
                    }
                    return try interp.call(args.positional[0], Arguments(items))
                })
        }
        add("filter") { args, interp in
            guard args.positional.count == 2 else {
                throw PyException.type("filter expected 2 arguments, got \(args.positional.count)")
            }
            let f = args.positional[0]
            let items = try interp.makeIterator(args.positional[1])
            return .object(
                LazyIterator("filter") { interp in
                    while let v = try items.next(interp) {
                        if case .none = f {
                            if try interp.truthy(v) { return v }
                        } else if try interp.truthy(interp.call(f, Arguments([v]))) {
                            return v
                        }
                    }
                    return nil
                })
        }
        add("hasattr") { args, interp in
            guard args.positional.count == 2, case .string(let n) = args.positional[1] else {
                throw PyException.type("hasattr expected 2 arguments")
            }
            do {
                return .bool(try interp.attribute(of: args.positional[0], n) != nil)
            } catch let e as PyException where e.instance.cls.isSubclass(of: .attributeError) {
                return .bool(false)
            }
        }
        add("delattr") { args, interp in
            guard args.positional.count == 2, case .string(let n) = args.positional[1] else {
                throw PyException.type("delattr expected 2 arguments")
            }
            try interp.deleteAttribute(args.positional[0], n)
            return .none
        }
        add("getattr") { args, interp in
            guard args.positional.count >= 2, case .string(let n) = args.positional[1] else {
                throw PyException.type("getattr expected at least 2 arguments")
            }
            guard args.positional.count > 2 else {
                if let v = try interp.attribute(of: args.positional[0], n) { return v }
                throw interp.noAttribute(args.positional[0], n)
            }
            do {
                if let v = try interp.attribute(of: args.positional[0], n) { return v }
            } catch let e as PyException where e.instance.cls.isSubclass(of: .attributeError) {}
            return args.positional[2]
        }
        add("setattr") { args, interp in
            guard args.positional.count == 3, case .string(let n) = args.positional[1] else {
                throw PyException.type("setattr expected 3 arguments")
            }
            try interp.setAttribute(args.positional[0], n, args.positional[2])
            return .none
        }
        add("callable") { args, _ in
            guard case .object(let o) = try single(args, "callable") else { return .bool(false) }
            if let instance = o as? Instance { return .bool(instance.cls.lookup("__call__") != nil) }
            return .bool(
                o is BuiltinFunction || o is UserFunction || o is BoundMethod || o is UserClass || o is TypeObject
                    || o is ExceptionClass || o is StaticMethod)
        }
        add("id") { args, _ in
            switch try single(args, "id") {
            case .object(let o): return .int(o.identity)
            case .list(let l): return .int(ObjectIdentifier(l).hashValue)
            case .dict(let d): return .int(ObjectIdentifier(d).hashValue)
            default: return .int(0)
            }
        }
        add("format") { args, interp in
            let spec = try args.value(1, "format_spec").map(interp.optionalString) ?? ""
            return .string(try interp.format(args.value(0, "value") ?? .none, spec: spec ?? ""))
        }
        add("divmod") { args, interp in
            guard args.positional.count == 2 else {
                throw PyException.type("divmod expected 2 arguments, got \(args.positional.count)")
            }
            return .tuple([
                try interp.binary(.floorDiv, args.positional[0], args.positional[1]),
                try interp.binary(.mod, args.positional[0], args.positional[1])
            ])
        }
        add("ord") { args, _ in
            guard args.positional.count == 1, args.keywords.isEmpty else {
                throw PyException.type("ord() takes exactly one argument (\(args.positional.count) given)")
            }
            guard case .string(let s) = args.positional[0] else {
                throw PyException.type(
                    "ord() expected string of length 1, but \(Formatting.typeName(args.positional[0])) found")
            }
            let scalars = s.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else {
                throw PyException.type("ord() expected a character, but string of length \(scalars.count) found")
            }
            return .int(Int(scalar.value))
        }
        add("chr") { args, interp in
            guard args.positional.count == 1, args.keywords.isEmpty else {
                throw PyException.type("chr() takes exactly one argument (\(args.positional.count) given)")
            }
            let code = try interp.integerArgument(args.positional[0])
            guard (0..<0x110000).contains(code) else { throw PyException.value("chr() arg not in range(0x110000)") }
            guard let scalar = Unicode.Scalar(UInt32(code)) else {
                throw PyException.value("chr() arg is a surrogate code point, which GradScope's strings cannot hold")
            }
            return .string(String(Character(scalar)))
        }
        add("pow") { args, interp in
            guard args.positional.count == 2 else {
                throw PyException.type("pow expected 2 arguments, got \(args.positional.count)")
            }
            return try interp.binary(.pow, args.positional[0], args.positional[1])
        }
        for refused in [
            "open", "eval", "exec", "compile", "__import__", "input", "globals", "locals", "breakpoint", "exit", "quit",
            "memoryview", "help", "dir"
        ] {
            add(refused) { _, _ in
                throw PyException(
                    .runtimeError,
                    "'\(refused)' is not available in GradScope scripts: they cannot touch files, the network, the environment or the interpreter itself"
                )
            }
        }
    }

    package func optionalString(_ v: Value) throws -> String? {
        switch v {
        case .none: return nil
        case .string(let s): return s
        default: throw PyException.type("expected a str, got \(Formatting.typeName(v))")
        }
    }

    func length(_ v: Value) throws -> Int {
        switch v {
        case .string(let s): return s.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .object(let o):
            if let n = try o.length(self) { return n }
            if let items = try o.iterate(self) { return items.count }
        default: break
        }
        throw PyException.type("object of type '\(Formatting.typeName(v))' has no len()")
    }

    fileprivate func extreme(_ args: Arguments, _ name: String, _ op: CompareOperator) throws -> Value {
        let items = args.positional.count == 1 ? try iterate(args.positional[0]) : args.positional
        if items.isEmpty {
            if let d = args.keyword("default") { return d }
            throw PyException.value("\(name)() arg is an empty sequence")
        }
        let key = args.keyword("key")
        var best = items[0]
        var bestKey = try key.map { try call($0, Arguments([best])) } ?? best
        for item in items.dropFirst() {
            let k = try key.map { try call($0, Arguments([item])) } ?? item
            if try truthy(compare(op, k, bestKey)) {
                best = item
                bestKey = k
            }
        }
        return best
    }

    func isInstance(_ v: Value, _ cls: Value) throws -> Bool {
        switch cls {
        case .tuple(let options): return try options.contains { try isInstance(v, $0) }
        case .object(let t as TypeObject): return t.matches(v)
        case .object(let c as UserClass):
            if case .object(let i as Instance) = v { return i.cls.isSubclass(of: c) }
            // A host object of a script class (a torch.Tensor subclass instance).
            if case .object(let o) = v, case .object(let own as UserClass)? = o.pythonType(self) { return own.isSubclass(of: c) }
            return false
        case .object(let c as ExceptionClass):
            if case .object(let e as ExceptionInstance) = v { return e.cls.isSubclass(of: c) }
            if case .object(let i as Instance) = v, let base = i.cls.exceptionBase { return base.isSubclass(of: c) }
            return false
        default:
            throw PyException.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }
}

func single(_ args: Arguments, _ name: String, allowed: [String] = []) throws -> Value {
    try args.check(name, maxPositional: 1, allowed: allowed)
    guard let v = args.positional.first else { throw PyException.type("\(name)() takes exactly one argument (0 given)") }
    return v
}
