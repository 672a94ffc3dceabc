/// Python's `collections`: OrderedDict, defaultdict and Counter (dicts with a flavour),
/// namedtuple and deque.
enum CollectionsModule {
    /// The module; `type(x)` of a flavoured dict is then its class here (`<class
    /// 'collections.OrderedDict'>`, `type(d) is OrderedDict`).
    static func make(_ interp: Interpreter) -> Value {
        var m = [String: Value]()
        m["OrderedDict"] = .object(
            TypeObject("OrderedDict", qualifiedName: "collections.OrderedDict") { args, interp in
                try fill(DictStorage(flavor: .ordered), args, interp)
            })
        m["defaultdict"] = .object(
            TypeObject("defaultdict", qualifiedName: "collections.defaultdict") { args, interp in
                let factory = args.positional.first ?? .none
                if case .object(let o) = factory, !interp.isNone(factory),
                    !(o is TypeObject || o is UserClass || o is UserFunction || o is BuiltinFunction || o is BoundMethod
                        || o is PartialObject)
                {
                    throw PyException.type("first argument must be callable or None")
                }
                return try fill(
                    DictStorage(flavor: .defaultDict(factory)),
                    Arguments(Array(args.positional.dropFirst()), keywords: args.keywords), interp)
            })
        m["Counter"] = .object(
            TypeObject("Counter", qualifiedName: "collections.Counter") { args, interp in
                let d = DictStorage(flavor: .counter)
                _ = try interp.counterUpdate(d, args, sign: 1)
                return .dict(d)
            })
        m["namedtuple"] = .object(BuiltinFunction("namedtuple") { args, interp in try namedtuple(args, interp) })
        m["deque"] = .object(
            TypeObject("deque", qualifiedName: "collections.deque") { args, interp in
                let maxlen = try args.value(1, "maxlen").flatMap {
                    interp.isNone($0) ? nil : try interp.intValue($0, "deque", "maxlen")
                }
                if let maxlen, maxlen < 0 { throw PyException.value("maxlen must be non-negative") }
                let d = DequeObject(maxlen: maxlen)
                for v in try args.value(0, "iterable").map(interp.iterate) ?? [] { d.append(v) }
                return .object(d)
            })
        for name in ["OrderedDict", "defaultdict", "Counter"] {
            if case .object(let type as TypeObject)? = m[name] { interp.typesByName[name] = type }
        }
        return .object(ModuleObject(name: "collections", members: m))
    }

    private static func fill(_ d: DictStorage, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard let update = try interp.builtinMethod(.dict(d), "update") else { return .dict(d) }
        _ = try interp.call(update, args)
        return .dict(d)
    }

    /// A Counter's items by count, highest first (ties in insertion order).
    static func mostCommon(_ d: DictStorage) -> [(Value, Value)] {
        let items = d.items
        return items.indices.sorted { a, b in
            let x = number(items[a].1)
            let y = number(items[b].1)
            return x != y ? x > y : a < b
        }.map { items[$0] }
    }

    private static func number(_ v: Value) -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }

    private static func namedtuple(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard case .string(let name)? = args.value(0, "typename") else {
            throw PyException.type("namedtuple() missing required argument 'typename'")
        }
        let spec = args.value(1, "field_names") ?? .none
        let fields: [String]
        if case .string(let s) = spec {
            fields = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        } else {
            fields = try interp.iterate(spec).map { v in
                guard case .string(let s) = v else { throw PyException.type("Type names and field names must be strings") }
                return s
            }
        }
        let defaults = try args.keyword("defaults").map { interp.isNone($0) ? [] : try interp.iterate($0) } ?? []
        return .object(NamedTupleType(name: name, fields: fields, defaults: defaults))
    }
}

extension Interpreter {
    /// `Counter.update` (sign 1) and `Counter.subtract` (sign -1): counts of an iterable's
    /// items, or the values of a mapping, added to the counts.
    func counterUpdate(_ d: DictStorage, _ args: Arguments, sign: Int) throws -> Value {
        func add(_ key: Value, _ amount: Value) throws {
            let current = try d.get(key) ?? .int(0)
            try d.set(key, try binary(sign > 0 ? .add : .sub, current, amount))
        }
        if case .dict(let other)? = args.positional.first {
            for (k, v) in other.items { try add(k, v) }
        } else if let source = args.positional.first {
            for item in try iterate(source) { try add(item, .int(1)) }
        }
        for (k, v) in args.keywords { try add(.string(k), v) }
        return .none
    }

    /// The methods only OrderedDict and Counter have.
    func collectionsDictMethod(_ d: DictStorage, _ name: String, _ method: (@escaping (Arguments) throws -> Value) -> Value)
        -> Value?
    {
        switch (d.flavor, name) {
        case (.ordered, "move_to_end"):
            return method { args in
                let key = args.value(0, "key") ?? .none
                let last = try args.value(1, "last").map(self.truthy) ?? true
                if !(try d.moveToEnd(key, last: last)) { throw PyException(instance: ExceptionInstance(.keyError, [key])) }
                return .none
            }
        case (.counter, "most_common"):
            return method { args in
                var items = CollectionsModule.mostCommon(d)
                if let n = args.value(0, "n"), !self.isNone(n) {
                    items = Array(items.prefix(max(0, try self.intValue(n, "most_common", "n"))))
                }
                return .list(ListStorage(items.map { .tuple([$0.0, $0.1]) }))
            }
        case (.counter, "elements"):
            return method { _ in
                var out = [Value]()
                for (k, v) in d.items { if case .int(let n) = v, n > 0 { out += repeatElement(k, count: n) } }
                return .object(ArrayIterator(out, typeName: "itertools.chain"))
            }
        case (.counter, "subtract"):
            return method { args in try self.counterUpdate(d, args, sign: -1) }
        case (.counter, "total"):
            return method { _ in try d.items.reduce(Value.int(0)) { try self.binary(.add, $0, $1.1) } }
        case (.defaultDict, "default_factory"):
            if case .defaultDict(let factory) = d.flavor { return factory }
            return nil
        default: return nil
        }
    }
}

/// A class made by `namedtuple(name, fields)`.
final class NamedTupleType: PyObject {
    let name: String
    let fields: [String]
    let defaults: [Value]

    init(name: String, fields: [String], defaults: [Value]) {
        self.name = name
        self.fields = fields
        self.defaults = defaults
    }

    var typeName: String { "type" }
    func repr() -> String { "<class '__main__.\(name)'>" }

    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        if args.positional.count > fields.count {
            throw PyException.type(
                "\(name).__new__() takes \(fields.count + 1) positional arguments but \(args.positional.count + 1) were given")
        }
        var values: [Value?] = args.positional + Array(repeating: nil, count: fields.count - args.positional.count)
        for (k, v) in args.keywords {
            guard let i = fields.firstIndex(of: k) else {
                throw PyException.type("\(name).__new__() got an unexpected keyword argument '\(k)'")
            }
            if values[i] != nil { throw PyException.type("\(name).__new__() got multiple values for argument '\(k)'") }
            values[i] = v
        }
        let firstDefault = fields.count - defaults.count
        for i in values.indices where values[i] == nil && i >= firstDefault { values[i] = defaults[i - firstDefault] }
        let missing = values.indices.filter { values[$0] == nil }.map { "'\(fields[$0])'" }
        if !missing.isEmpty {
            let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
            throw PyException.type(
                "\(name).__new__() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
            )
        }
        return .object(NamedTupleValue(type: self, items: values.map { $0! }))
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "__name__", "__qualname__": return .string(name)
        case "_fields": return .tuple(fields.map(Value.string))
        case "_make":
            return .object(
                BuiltinFunction("_make") { args, interp in
                    try self.call(Arguments(try interp.iterate(args.positional.first ?? .none)), interp) ?? .none
                })
        default: return nil
        }
    }
}

/// An instance of a namedtuple class: a tuple whose items also have names.
final class NamedTupleValue: PyObject {
    let type: NamedTupleType
    let items: [Value]

    init(type: NamedTupleType, items: [Value]) {
        self.type = type
        self.items = items
    }

    var typeName: String { type.name }
    func pythonType(_ interp: Interpreter) -> Value? { .object(type) }
    func repr() -> String {
        "\(type.name)(" + zip(type.fields, items).map { "\($0)=\(Formatting.repr($1))" }.joined(separator: ", ") + ")"
    }
    func isInstance(of className: String) -> Bool { className == "tuple" }
    func iterate(_ interp: Interpreter) throws -> [Value]? { items }
    func length(_ interp: Interpreter) throws -> Int? { items.count }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? { try interp.subscriptValue(.tuple(items), key) }
    func equals(_ other: Value) -> Bool? {
        switch other {
        case .object(let o as NamedTupleValue): return Interpreter.equalItems(items, o.items)
        case .tuple(let t): return Interpreter.equalItems(items, t)
        default: return false
        }
    }
    func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        let mine = Value.tuple(items)
        let theirs: Value
        switch other {
        case .object(let o as NamedTupleValue): theirs = .tuple(o.items)
        case .tuple: theirs = other
        default: return nil
        }
        return reflected ? try interp.compare(op, theirs, mine) : try interp.compare(op, mine, theirs)
    }
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        reflected ? try interp.binary(op, other, .tuple(items)) : try interp.binary(op, .tuple(items), other)
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        if let i = type.fields.firstIndex(of: n) { return items[i] }
        switch n {
        case "__class__": return .object(type)
        case "_fields": return .tuple(type.fields.map(Value.string))
        case "_asdict":
            return .object(
                BuiltinFunction("_asdict") { _, _ in
                    let d = DictStorage()
                    for (k, v) in zip(self.type.fields, self.items) { try d.set(.string(k), v) }
                    return .dict(d)
                })
        case "_replace":
            return .object(
                BuiltinFunction("_replace") { args, _ in
                    var values = self.items
                    for (k, v) in args.keywords {
                        guard let i = self.type.fields.firstIndex(of: k) else {
                            throw PyException.value("Got unexpected field names: ['\(k)']")
                        }
                        values[i] = v
                    }
                    return .object(NamedTupleValue(type: self.type, items: values))
                })
        default: return try interp.builtinMethod(.tuple(items), n)
        }
    }
}

/// `collections.deque`: a double-ended queue, optionally bounded.
final class DequeObject: PyObject {
    var items: [Value] = []
    let maxlen: Int?

    init(maxlen: Int?) { self.maxlen = maxlen }

    var typeName: String { "deque" }
    func repr() -> String {
        let body = "[" + items.map(Formatting.repr).joined(separator: ", ") + "]"
        return maxlen.map { "deque(\(body), maxlen=\($0))" } ?? "deque(\(body))"
    }

    func append(_ v: Value) {
        items.append(v)
        if let maxlen, items.count > maxlen { items.removeFirst(items.count - maxlen) }
    }

    func appendLeft(_ v: Value) {
        items.insert(v, at: 0)
        if let maxlen, items.count > maxlen { items.removeLast(items.count - maxlen) }
    }

    func iterate(_ interp: Interpreter) throws -> [Value]? { items }
    func length(_ interp: Interpreter) throws -> Int? { items.count }
    func truthValue(_ interp: Interpreter) throws -> Bool? { !items.isEmpty }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? {
        if case .object(is SliceObject) = key { throw PyException.type("sequence index must be integer, not 'slice'") }
        let i = try interp.indexValue(key, "deque")
        let n = i < 0 ? i + items.count : i
        guard n >= 0 && n < items.count else { throw PyException.index("deque index out of range") }
        return items[n]
    }
    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool {
        let i = try interp.indexValue(key, "deque")
        let n = i < 0 ? i + items.count : i
        guard n >= 0 && n < items.count else { throw PyException.index("deque index out of range") }
        items[n] = value
        return true
    }
    func equals(_ other: Value) -> Bool? {
        guard case .object(let o as DequeObject) = other else { return false }
        return Interpreter.equalItems(items, o.items)
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        func method(_ body: @escaping (Arguments, Interpreter) throws -> Value) -> Value { .object(BuiltinFunction(n, body)) }
        switch n {
        case "maxlen": return maxlen.map(Value.int) ?? Value.none
        case "append":
            return method { args, _ in
                self.append(args.positional.first ?? .none)
                return .none
            }
        case "appendleft":
            return method { args, _ in
                self.appendLeft(args.positional.first ?? .none)
                return .none
            }
        case "extend":
            return method { args, interp in
                for v in try interp.iterate(args.positional.first ?? .none) { self.append(v) }
                return .none
            }
        case "extendleft":
            return method { args, interp in
                for v in try interp.iterate(args.positional.first ?? .none) { self.appendLeft(v) }
                return .none
            }
        case "pop":
            return method { _, _ in
                guard let v = self.items.popLast() else { throw PyException.index("pop from an empty deque") }
                return v
            }
        case "popleft":
            return method { _, _ in
                guard !self.items.isEmpty else { throw PyException.index("pop from an empty deque") }
                return self.items.removeFirst()
            }
        case "clear":
            return method { _, _ in
                self.items.removeAll()
                return .none
            }
        case "rotate":
            return method { args, interp in
                let k = try interp.intValue(args.positional.first ?? .int(1), "rotate", "n")
                guard !self.items.isEmpty else { return .none }
                let shift = ((k % self.items.count) + self.items.count) % self.items.count
                self.items = Array(self.items[(self.items.count - shift)...] + self.items[..<(self.items.count - shift)])
                return .none
            }
        case "count":
            return method { args, interp in
                .int(self.items.filter { interp.equal($0, args.positional.first ?? .none) }.count)
            }
        default: return nil
        }
    }
}
