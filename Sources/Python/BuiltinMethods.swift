extension Interpreter {
    /// Methods of str, list and dict values (`s.format`, `l.append`, `d.items`, ...).
    func builtinMethod(_ object: Value, _ name: String) throws -> Value? {
        func method(_ body: @escaping (Arguments) throws -> Value) -> Value {
            .object(BuiltinFunction(name) { args, _ in try body(args) })
        }
        if let dunder = containerDunder(object, name, method) { return dunder }
        switch object {
        case .string(let s): return stringMethod(s, name, method)
        case .list(let l): return listMethod(l, name, method)
        case .dict(let d): return dictMethod(d, name, method)
        case .tuple(let t):
            switch name {
            case "count": return method { args in .int(t.filter { self.equal($0, args.positional.first ?? .none) }.count) }
            case "index":
                return method { args in
                    guard let i = t.firstIndex(where: { self.equal($0, args.positional.first ?? .none) }) else {
                        throw PyException.value("tuple.index(x): x not in tuple")
                    }
                    return .int(i)
                }
            default: return nil
            }
        case .float(let d):
            switch name {
            case "is_integer": return method { _ in .bool(d == d.rounded()) }
            case "real": return object
            default: return nil
            }
        case .int:
            return name == "real" ? object : nil
        default: return nil
        }
    }

    /// `__getitem__`, `__setitem__`, `__contains__` and `__len__` of str, tuple, list and dict, as
    /// bound methods (`d.__setitem__` passed as a callback).
    private func containerDunder(
        _ object: Value, _ name: String, _ method: (@escaping (Arguments) throws -> Value) -> Value
    ) -> Value? {
        switch object {
        case .string, .tuple, .list, .dict: break
        default: return nil
        }
        func arguments(_ args: Arguments, _ count: Int) throws -> [Value] {
            guard args.positional.count == count, args.keywords.isEmpty else {
                throw PyException.type("expected \(count) argument\(count == 1 ? "" : "s"), got \(args.positional.count)")
            }
            return args.positional
        }
        switch name {
        case "__getitem__": return method { args in try self.subscriptValue(object, arguments(args, 1)[0]) }
        case "__contains__": return method { args in .bool(try self.contains(object, arguments(args, 1)[0])) }
        case "__len__":
            return method { args in
                _ = try arguments(args, 0)
                return .int(try self.length(object))
            }
        case "__setitem__":
            switch object {
            case .list, .dict:
                return method { args in
                    let kv = try arguments(args, 2)
                    try self.setItem(object, kv[0], kv[1])
                    return .none
                }
            default: return nil
            }
        default: return nil
        }
    }

    private func listMethod(_ l: ListStorage, _ name: String, _ method: (@escaping (Arguments) throws -> Value) -> Value)
        -> Value?
    {
        switch name {
        case "append":
            return method { args in
                l.items.append(args.positional.first ?? .none)
                return .none
            }
        case "extend":
            return method { args in
                let added = try self.iterate(args.positional.first ?? .none)
                try self.reserveBytes((l.items.count + added.count) * MemoryLayout<Value>.stride)
                l.items.append(contentsOf: added)
                return .none
            }
        case "insert":
            return method { args in
                guard args.positional.count == 2 else { throw PyException.type("insert expected 2 arguments") }
                let i = try self.integerArgument(args.positional[0])
                let n = i < 0 ? max(0, i + l.items.count) : min(i, l.items.count)
                l.items.insert(args.positional[1], at: n)
                return .none
            }
        case "pop":
            return method { args in
                guard !l.items.isEmpty else { throw PyException.index("pop from empty list") }
                let i = try args.positional.first.map { try self.integerArgument($0) } ?? -1
                let n = i < 0 ? i + l.items.count : i
                guard n >= 0 && n < l.items.count else { throw PyException.index("pop index out of range") }
                return l.items.remove(at: n)
            }
        case "index":
            return method { args in
                guard let i = l.items.firstIndex(where: { self.equal($0, args.positional.first ?? .none) }) else {
                    throw PyException.value("\(Formatting.repr(args.positional.first ?? .none)) is not in list")
                }
                return .int(i)
            }
        case "remove":
            return method { args in
                guard let i = l.items.firstIndex(where: { self.equal($0, args.positional.first ?? .none) }) else {
                    throw PyException.value("list.remove(x): x not in list")
                }
                l.items.remove(at: i)
                return .none
            }
        case "count": return method { args in .int(l.items.filter { self.equal($0, args.positional.first ?? .none) }.count) }
        case "reverse":
            return method { _ in
                l.items.reverse()
                return .none
            }
        case "clear":
            return method { _ in
                l.items.removeAll()
                return .none
            }
        case "copy": return method { _ in .list(ListStorage(l.items)) }
        case "sort":
            return method { args in
                let sorted = try self.call(self.builtins["sorted"]!, Arguments([.list(l)], keywords: args.keywords))
                if case .list(let s) = sorted { l.items = s.items }
                return .none
            }
        default: return nil
        }
    }

    private func dictMethod(_ d: DictStorage, _ name: String, _ method: (@escaping (Arguments) throws -> Value) -> Value)
        -> Value?
    {
        switch name {
        case "get":
            return method { args in
                try d.get(args.positional.first ?? .none) ?? (args.positional.count > 1 ? args.positional[1] : .none)
            }
        case "keys": return method { _ in .object(DictView(d, .keys)) }
        case "values": return method { _ in .object(DictView(d, .values)) }
        case "items": return method { _ in .object(DictView(d, .items)) }
        case "update":
            return method { args in
                if case .counter = d.flavor { return try self.counterUpdate(d, args, sign: 1) }
                if case .dict(let other)? = args.positional.first {
                    for (k, v) in other.items { try d.set(k, v) }
                } else if let pairs = args.positional.first {
                    for pair in try self.iterate(pairs) {
                        let kv = try self.iterate(pair)
                        guard kv.count == 2 else {
                            throw PyException.value("dictionary update sequence element has length \(kv.count); 2 is required")
                        }
                        try d.set(kv[0], kv[1])
                    }
                }
                for (k, v) in args.keywords { try d.set(.string(k), v) }
                return .none
            }
        case "popitem":
            return method { args in
                let last = try args.value(0, "last").map(self.truthy) ?? true
                guard let key = last ? d.keys.last : d.keys.first, let v = try d.get(key) else {
                    throw PyException(
                        instance: ExceptionInstance(
                            .keyError,
                            [.string(d.flavor.typeName == "dict" ? "popitem(): dictionary is empty" : "dictionary is empty")]))
                }
                _ = try d.remove(key)
                return .tuple([key, v])
            }
        case "pop":
            return method { args in
                let key = args.positional.first ?? .none
                if let v = try d.get(key) {
                    _ = try d.remove(key)
                    return v
                }
                if args.positional.count > 1 { return args.positional[1] }
                throw PyException(instance: ExceptionInstance(.keyError, [key]))
            }
        case "copy":
            return method { _ in
                let c = DictStorage(flavor: d.flavor)
                for (k, v) in d.items { try c.set(k, v) }
                return .dict(c)
            }
        case "clear":
            return method { _ in
                for k in d.keys { _ = try d.remove(k) }
                return .none
            }
        case "setdefault":
            return method { args in
                let key = args.positional.first ?? .none
                if let v = try d.get(key) { return v }
                let v = args.positional.count > 1 ? args.positional[1] : .none
                try d.set(key, v)
                return v
            }
        default: return collectionsDictMethod(d, name, method)
        }
    }

    /// `"...".format(*args, **kwargs)`, the text between fields copied in runs.
    func strFormat(_ template: String, _ args: Arguments) throws -> String {
        var out = LimitedText(self)
        var autoIndex = 0
        var chars = template[...]
        while let brace = chars.firstIndex(ofASCII: UInt8(ascii: "{"), or: UInt8(ascii: "}")) {
            try out.append(chars[..<brace])
            chars = chars[brace...]
            let c = chars.removeFirst()
            if c == "}" {
                guard chars.first == "}" else { throw PyException.value("Single '}' encountered in format string") }
                chars.removeFirst()
                try out.append("}")
                continue
            }
            if chars.first == "{" {
                chars.removeFirst()
                try out.append("{")
                continue
            }
            var field = ""
            var depth = 1
            while let n = chars.popFirst() {
                if n == "{" {
                    depth += 1
                } else if n == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                field.append(n)
            }
            guard depth == 0 else { throw PyException.value("expected '}' before end of string") }
            var spec = ""
            var conversion: Character? = nil
            if let colon = field.firstIndex(of: ":") {
                spec = String(field[field.index(after: colon)...])
                field = String(field[..<colon])
            }
            if let bang = field.firstIndex(of: "!") {
                conversion = field[field.index(after: bang)...].first
                field = String(field[..<bang])
            }
            let name = field.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
            var value: Value
            if name.isEmpty {
                guard autoIndex < args.positional.count else {
                    throw PyException.index("Replacement index \(autoIndex) out of range for positional args tuple")
                }
                value = args.positional[autoIndex]
                autoIndex += 1
            } else if let i = Int(name) {
                guard i < args.positional.count else {
                    throw PyException.index("Replacement index \(i) out of range for positional args tuple")
                }
                value = args.positional[i]
            } else {
                guard let v = args.keyword(name) else {
                    throw PyException(instance: ExceptionInstance(.keyError, [.string(name)]))
                }
                value = v
            }
            if field.contains(".") {
                for attr in field.split(separator: ".").dropFirst() {
                    guard let v = try attribute(of: value, String(attr)) else { throw noAttribute(value, String(attr)) }
                    value = v
                }
            }
            switch conversion {
            case "r": try out.append(try format(.string(reprText(value)), spec: spec))
            case "s": try out.append(try format(.string(strText(value)), spec: spec))
            default: try out.append(try format(value, spec: spec))
            }
        }
        try out.append(chars)
        return out.text
    }
}
