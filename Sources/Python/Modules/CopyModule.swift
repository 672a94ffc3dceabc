/// Python's `copy`: `copy` (shallow) and `deepcopy`, for builtin containers, script objects
/// (through `__copy__` / `__deepcopy__` when their class defines them) and host objects that
/// define those methods (tensors); functions, classes and modules are copied as themselves.
enum CopyModule {
    static func make() -> Value {
        var m = [String: Value]()
        m["copy"] = .object(
            BuiltinFunction("copy") { args, interp in try shallowCopy(args.value(0, "x") ?? .none, interp) })
        m["deepcopy"] = .object(
            BuiltinFunction("deepcopy") { args, interp in
                var copier = DeepCopier(interp: interp)
                return try copier.copy(args.value(0, "x") ?? .none)
            })
        m["Error"] = .object(ExceptionClass.exception)
        return .object(ModuleObject(name: "copy", members: m))
    }

    static func shallowCopy(_ value: Value, _ interp: Interpreter) throws -> Value {
        switch value {
        case .none, .bool, .int, .float, .string, .tuple: return value
        case .list(let l):
            try interp.reserveBytes(l.items.count * MemoryLayout<Value>.stride)
            return .list(ListStorage(l.items))
        case .dict(let d):
            let copy = DictStorage(flavor: d.flavor)
            for (k, v) in d.items { try copy.set(k, v) }
            return .dict(copy)
        case .object(let s as SetObject): return .object(try SetObject(copying: s, frozen: s.frozen))
        case .object(let i as Instance):
            if let special = try i.callSpecial("__copy__", [], interp) { return special }
            let copy = Instance(cls: i.cls, interpreter: interp)
            copy.attributes = i.attributes
            copy.exceptionArgs = i.exceptionArgs
            return .object(copy)
        case .object(let o):
            if isAtomic(o) { return value }
            if let method = try interp.attribute(of: value, "__copy__") { return try interp.call(method, Arguments()) }
            throw PyException.type("cannot pickle '\(o.typeName)' object")
        }
    }

    /// Objects that copying returns unchanged, as CPython's `copy` treats them.
    static func isAtomic(_ object: PyObject) -> Bool {
        object is UserFunction || object is BuiltinFunction || object is UserClass || object is TypeObject
            || object is ExceptionClass || object is ModuleObject || object is RangeObject || object is TypingAlias
            || object is EllipsisObject || object is NotImplementedObject
    }
}

/// One `copy.deepcopy` call: every mutable object is copied once, so shared references and
/// cycles keep their shape in the copy.
private struct DeepCopier {
    let interp: Interpreter
    var memo: [ObjectIdentifier: Value] = [:]

    init(interp: Interpreter) { self.interp = interp }

    mutating func copy(_ value: Value) throws -> Value {
        try interp.checkTime()
        switch value {
        case .none, .bool, .int, .float, .string: return value
        case .tuple(let items): return .tuple(try items.map { try copy($0) })
        case .list(let l):
            if let done = memo[ObjectIdentifier(l)] { return done }
            try interp.reserveBytes(l.items.count * MemoryLayout<Value>.stride)
            let result = ListStorage([])
            memo[ObjectIdentifier(l)] = .list(result)
            for item in l.items { result.items.append(try copy(item)) }
            return .list(result)
        case .dict(let d):
            if let done = memo[ObjectIdentifier(d)] { return done }
            let result = DictStorage(flavor: d.flavor)
            memo[ObjectIdentifier(d)] = .dict(result)
            for (k, v) in d.items { try result.set(try copy(k), try copy(v)) }
            return .dict(result)
        case .object(let o):
            if CopyModule.isAtomic(o) { return value }
            if let done = memo[ObjectIdentifier(o)] { return done }
            let result = try copyObject(o, value)
            memo[ObjectIdentifier(o)] = result
            return result
        }
    }

    private mutating func copyObject(_ object: PyObject, _ value: Value) throws -> Value {
        switch object {
        case let s as SetObject:
            return .object(try SetObject(try s.items.map { try copy($0) }, frozen: s.frozen))
        case let i as Instance:
            if let special = try i.callSpecial("__deepcopy__", [.dict(DictStorage())], interp) { return special }
            let result = Instance(cls: i.cls, interpreter: interp)
            memo[ObjectIdentifier(i)] = .object(result)
            for (name, attribute) in i.attributes { result.attributes[name] = try copy(attribute) }
            result.exceptionArgs = try i.exceptionArgs.map { try $0.map { try copy($0) } }
            return .object(result)
        default:
            if let method = try interp.attribute(of: value, "__deepcopy__") {
                return try interp.call(method, Arguments([.dict(DictStorage())]))
            }
            throw PyException.type("cannot pickle '\(object.typeName)' object")
        }
    }
}
