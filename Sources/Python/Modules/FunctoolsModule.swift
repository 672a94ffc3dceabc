/// Python's `functools`: reduce, partial, wraps, lru_cache and cache.
enum FunctoolsModule {
    static func make() -> Value {
        var m = [String: Value]()
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        add("reduce") { args, interp in
            guard args.positional.count >= 2 else {
                throw PyException.type("reduce expected at least 2 arguments, got \(args.positional.count)")
            }
            let items = try interp.makeIterator(args.positional[1])
            var total: Value
            if args.positional.count > 2 {
                total = args.positional[2]
            } else if let first = try items.next(interp) {
                total = first
            } else {
                throw PyException.type("reduce() of empty iterable with no initial value")
            }
            while let v = try items.next(interp) { total = try interp.call(args.positional[0], Arguments([total, v])) }
            return total
        }
        add("partial") { args, _ in
            guard let function = args.positional.first else {
                throw PyException.type("type 'partial' takes at least one argument")
            }
            return .object(
                PartialObject(
                    function: function, arguments: Arguments(Array(args.positional.dropFirst()), keywords: args.keywords)))
        }
        add("wraps") { args, _ in
            let wrapped = args.value(0, "wrapped") ?? .none
            return .object(
                BuiltinFunction("wraps") { inner, interp in
                    let wrapper = inner.positional.first ?? .none
                    if case .object(let f as UserFunction) = wrapper,
                        case .string(let name)? = try? interp.attribute(of: wrapped, "__name__")
                    {
                        f.reportedName = name
                        f.wrapped = wrapped
                    }
                    return wrapper
                })
        }
        add("lru_cache") { args, interp in
            if let function = args.positional.first, !interp.isNone(function), !(function.isInt) {
                return .object(CachedFunction(function))
            }
            return .object(BuiltinFunction("lru_cache") { inner, _ in .object(CachedFunction(inner.positional.first ?? .none)) })
        }
        add("cache") { args, _ in .object(CachedFunction(args.positional.first ?? .none)) }
        return .object(ModuleObject(name: "functools", members: m))
    }
}

private extension Value {
    var isInt: Bool {
        if case .int = self { return true }
        return false
    }
}

/// `functools.partial(f, *args, **kwargs)`.
final class PartialObject: PyObject {
    let function: Value
    let arguments: Arguments

    init(function: Value, arguments: Arguments) {
        self.function = function
        self.arguments = arguments
    }

    var typeName: String { "functools.partial" }
    func repr() -> String {
        let parts =
            [Formatting.repr(function)] + arguments.positional.map(Formatting.repr)
            + arguments.keywords.map { "\($0.name)=\(Formatting.repr($0.value))" }
        return "functools.partial(\(parts.joined(separator: ", ")))"
    }

    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        var merged = arguments
        merged.positional += args.positional
        for (name, value) in args.keywords {
            merged.keywords.removeAll { $0.name == name }
            merged.keywords.append((name, value))
        }
        return try interp.call(function, merged)
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "func": return function
        case "args": return .tuple(arguments.positional)
        case "keywords":
            let d = DictStorage()
            for (k, v) in arguments.keywords { try d.set(.string(k), v) }
            return .dict(d)
        default: return nil
        }
    }
}

/// `functools.lru_cache` / `functools.cache`: results memoised by their (hashable) arguments.
final class CachedFunction: PyObject {
    let function: Value
    private var results: [HashKey: Value] = [:]
    private var hits = 0, misses = 0

    init(_ function: Value) { self.function = function }

    var typeName: String { "functools._lru_cache_wrapper" }
    func repr() -> String { Formatting.repr(function) }

    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        var parts = args.positional
        for (name, value) in args.keywords { parts += [.string(name), value] }
        let key = try HashKey(.tuple(parts))
        if let v = results[key] {
            hits += 1
            return v
        }
        misses += 1
        let v = try interp.call(function, args)
        results[key] = v
        return v
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "__wrapped__": return function
        case "__name__", "__qualname__": return try interp.attribute(of: function, n)
        case "cache_clear":
            return .object(
                BuiltinFunction("cache_clear") { _, _ in
                    self.results = [:]
                    self.hits = 0
                    self.misses = 0
                    return .none
                })
        case "cache_info":
            return .object(
                BuiltinFunction("cache_info") { _, _ in
                    .string("CacheInfo(hits=\(self.hits), misses=\(self.misses), maxsize=None, currsize=\(self.results.count))")
                })
        default: return nil
        }
    }
}
