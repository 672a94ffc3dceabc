/// A class defined by the script.
package final class UserClass: PyObject {
    package let name: String
    /// The module that defined it: `__main__` for the script, else a standard module written in
    /// Python (`re`, `argparse`, ...); a string `__module__` in the class body overrides it, as in
    /// CPython (the prelude's `UnpicklingError` says it is `_pickle`'s).
    let module: String
    let bases: [Value]
    var attributes: [String: Value]
    /// The method resolution order: this class, then its script-defined ancestors (C3).
    private(set) var mro: [UserClass] = []
    /// For an exception class (one derived from a builtin exception class): that builtin class.
    let exceptionBase: ExceptionClass?
    /// An object the host keeps with the class (the torch bindings keep a custom Function's
    /// recorded class there, so its nodes share one kind).
    package var hostData: AnyObject?

    init(name: String, module: String = "__main__", bases: [Value], attributes: [String: Value]) throws {
        self.name = name
        if case .string(let declared)? = attributes["__module__"] { self.module = declared } else { self.module = module }
        self.bases = bases
        self.attributes = attributes
        exceptionBase =
            bases.lazy.compactMap { base -> ExceptionClass? in
                switch base {
                case .object(let c as ExceptionClass): return c
                case .object(let c as UserClass): return c.exceptionBase
                default: return nil
                }
            }.first
        guard let order = Self.linearize(self) else {
            let names = bases.map(Self.baseName).joined(separator: ", ")
            throw PyException.type("Cannot create a consistent method resolution order (MRO) for bases \(names)")
        }
        mro = order
    }

    private static func baseName(_ v: Value) -> String {
        if case .object(let c as UserClass) = v { return c.name }
        return Formatting.repr(v)
    }

    /// C3 linearisation over the script-defined bases; nil when no consistent order exists.
    private static func linearize(_ cls: UserClass) -> [UserClass]? {
        let direct = cls.bases.compactMap { v -> UserClass? in
            if case .object(let b as UserClass) = v { return b }
            return nil
        }
        var sequences = direct.map(\.mro) + [direct]
        var result = [cls]
        while true {
            sequences.removeAll { $0.isEmpty }
            guard !sequences.isEmpty else { return result }
            let head = sequences.lazy.map { $0[0] }.first { candidate in
                !sequences.contains { $0.dropFirst().contains { $0 === candidate } }
            }
            guard let head else { return nil }
            result.append(head)
            sequences = sequences.map { $0[0] === head ? Array($0.dropFirst()) : $0 }
        }
    }

    package var typeName: String { "type" }
    package func repr() -> String { "<class '\(module).\(name)'>" }

    /// The name a traceback gives instances of this class: `module.Name`, or just `Name` for the
    /// script's own classes, as CPython prints them.
    var tracebackName: String { module == "__main__" ? name : "\(module).\(name)" }

    /// Looks an attribute up along the method resolution order.
    package func lookup(_ n: String) -> Value? {
        var i = 0
        while i < mro.count {
            if let v = mro[i].attributes[n] { return v }
            i += 1
        }
        return nil
    }

    /// Looks an attribute up in the classes after `cls` in this class's MRO (what `super()` sees).
    func lookup(_ n: String, after cls: UserClass) -> Value? {
        guard let i = mro.firstIndex(where: { $0 === cls }) else { return nil }
        for c in mro[(i + 1)...] { if let v = c.attributes[n] { return v } }
        return nil
    }

    /// Whether this class derives from a builtin base object (e.g. torch.autograd.Function).
    package func derives(from base: AnyObject) -> Bool {
        for b in bases {
            if case .object(let o) = b {
                if o === base { return true }
                if let u = o as? UserClass, u.derives(from: base) { return true }
            }
        }
        return false
    }

    func isSubclass(of other: UserClass) -> Bool { mro.contains { $0 === other } }

    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "__name__", "__qualname__": return .string(name)
        case "__module__": return .string(module)
        case "__annotations__":
            // Since Python 3.10 a class without annotations of its own gets an empty dict, not
            // its base class's.
            if let own = attributes["__annotations__"] { return own }
            let empty = Value.dict(DictStorage())
            attributes["__annotations__"] = empty
            return empty
        default: break
        }
        if let hook = interp.classAttributeHook, let v = try hook(self, n) { return v }
        if n == "__new__", lookup(n) == nil { return .object(UserClass.objectNew) }
        guard let v = lookup(n) else { return nil }
        switch v {
        case .object(let d as Instance) where d.cls.lookup("__get__") != nil:
            return try d.callSpecial("__get__", [.none, .object(self)], interp)
        case .object(let s as StaticMethod): return s.function
        case .object(let c as ClassMethod): return .object(BoundMethod(receiver: .object(self), function: c.function))
        default: return v
        }
    }

    package func setAttribute(_ n: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        attributes[n] = value
        return true
    }

    package func deleteAttribute(_ n: String, _ interp: Interpreter) throws -> Bool {
        attributes.removeValue(forKey: n) != nil
    }

    /// `object.__new__(cls)` as a script-defined class inherits it: an instance of `cls` whose
    /// `__init__` has not run (`Distribution.expand` fills one in).
    static var objectNew: BuiltinFunction {
        BuiltinFunction("__new__") { args, interp in
            guard case .object(let cls as UserClass)? = args.positional.first else {
                throw PyException.type("object.__new__(X): X is not a type object")
            }
            let instance = Instance(cls: cls, interpreter: interp)
            if cls.exceptionBase != nil { instance.exceptionArgs = Array(args.positional.dropFirst()) }
            return .object(instance)
        }
    }

    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        if let construct = interp.hostSubclassConstructor, let made = try construct(self, args, interp) { return made }
        let instance = Instance(cls: self, interpreter: interp)
        if exceptionBase != nil {
            // `BaseException.__new__` keeps the arguments, whatever `__init__` then does.
            if let keyword = args.keywords.first, lookup("__init__") == nil {
                throw PyException.type("\(name)() takes no keyword arguments (got '\(keyword.name)')")
            }
            instance.exceptionArgs = args.positional
        }
        if let initializer = lookup("__init__") {
            var a = args
            a.positional.insert(.object(instance), at: 0)
            let result = try interp.call(initializer, a)
            guard case .none = result else {
                throw PyException.type("__init__() should return None, not '\(Formatting.typeName(result))'")
            }
        } else if args.count > 0 && exceptionBase == nil {
            throw PyException.type("\(name)() takes no arguments")
        }
        return .object(instance)
    }
}

/// An instance of a script-defined class: attributes in its own dictionary, behaviour from its
/// class's special methods (`__getattr__`, `__setattr__`, `__len__`, `__iter__`, `__eq__`, ...).
package final class Instance: PyObject {
    /// The instance's class; assigning `__class__` replaces it, as in CPython.
    private(set) var cls: UserClass
    var attributes = AttributeTable()

    /// Whether `name` is stored on the instance itself (CPython's `name in obj.__dict__`, which
    /// scripts cannot ask: `__dict__` is refused).
    package func hasOwnAttribute(_ name: String) -> Bool { attributes[name] != nil }
    /// For an instance of an exception class: its `args`.
    var exceptionArgs: [Value]?
    /// Runs the class's special methods (`__repr__`, `__eq__`, ...) for the protocol hooks
    /// that do not receive the interpreter.
    private weak var interpreter: Interpreter?

    deinit { IterativeTeardown.release(&attributes) }

    init(cls: UserClass, interpreter: Interpreter?) {
        self.cls = cls
        self.interpreter = interpreter
    }

    package var typeName: String { cls.name }

    /// Calls the special method `name` if the class defines it; nil otherwise.
    func callSpecial(_ name: String, _ args: [Value], _ interp: Interpreter) throws -> Value? {
        guard let f = cls.lookup(name) else { return nil }
        return try interp.call(f, Arguments([.object(self)] + args))
    }

    /// `__repr__`/`__str__` results; a method that fails or returns a non-str falls back to the
    /// default form (these hooks cannot raise).
    private func special(_ name: String) -> String? {
        guard let interp = interpreter, case .string(let s)? = try? callSpecial(name, [], interp) else { return nil }
        return s
    }

    /// `object.__repr__(self)`.
    var defaultRepr: String {
        "<\(cls.module).\(cls.name) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }

    package func repr() -> String {
        special("__repr__") ?? exceptionArgs.map { ExceptionInstance.defaultRepr(cls.name, $0) } ?? defaultRepr
    }
    package func str() -> String {
        if let s = special("__str__") { return s }
        if let args = exceptionArgs, let base = cls.exceptionBase, cls.lookup("__str__") == nil {
            return ExceptionInstance.defaultStr(base, args)
        }
        return repr()
    }

    // MARK: Attributes

    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        if n == "__class__" { return .object(cls) }
        if n == "__new__", cls.lookup(n) == nil { return .object(UserClass.objectNew) }
        let classValue = cls.lookup(n)
        if case .object(let p as PropertyObject)? = classValue { return try p.get(.object(self), interp) }
        if n == "args", classValue == nil, let args = exceptionArgs { return .tuple(args) }
        if let v = try dataDescriptorValue(classValue, interp) { return v }
        if let v = attributes[n] { return v }
        if let v = classValue { return try descriptorValue(v, interp) ?? bind(v) }
        if let getattr = cls.lookup("__getattr__") {
            return try interp.call(getattr, Arguments([.object(self), .string(n)]))
        }
        return nil
    }

    /// `object.__getattribute__(self, n)`: the lookup without `__getattr__`.
    package func genericAttribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        let classValue = cls.lookup(n)
        if case .object(let p as PropertyObject)? = classValue { return try p.get(.object(self), interp) }
        if let v = try dataDescriptorValue(classValue, interp) { return v }
        if let v = attributes[n] { return v }
        guard let v = classValue else { return nil }
        return try descriptorValue(v, interp) ?? bind(v)
    }

    /// A class attribute that is an object of a class defining `__get__` (a descriptor), read
    /// through this instance: `__get__(self, cls)`; nil for other values.
    private func descriptorValue(_ v: Value, _ interp: Interpreter) throws -> Value? {
        guard case .object(let d as Instance) = v, d.cls.lookup("__get__") != nil else { return nil }
        return try d.callSpecial("__get__", [.object(self), .object(cls)], interp)
    }

    /// `descriptorValue` for a data descriptor (one that also defines `__set__` or `__delete__`),
    /// which takes precedence over the instance's own attributes.
    private func dataDescriptorValue(_ v: Value?, _ interp: Interpreter) throws -> Value? {
        guard case .object(let d as Instance)? = v, d.cls.lookup("__set__") != nil || d.cls.lookup("__delete__") != nil
        else { return nil }
        return try descriptorValue(.object(d), interp)
    }

    /// A class attribute as seen through this instance: functions become bound methods.
    private func bind(_ v: Value) -> Value {
        switch v {
        case .object(let s as StaticMethod): return s.function
        case .object(let c as ClassMethod): return .object(BoundMethod(receiver: .object(cls), function: c.function))
        case .object(let f) where f is UserFunction || f is BuiltinFunction:
            return .object(BoundMethod(receiver: .object(self), function: v))
        default: return v
        }
    }

    package func setAttribute(_ n: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        if let f = cls.lookup("__setattr__") {
            _ = try interp.call(f, Arguments([.object(self), .string(n), value]))
        } else {
            try setDirect(n, value, interp)
        }
        return true
    }

    /// `object.__setattr__(self, n, value)`: properties' setters, else the instance dictionary.
    package func setDirect(_ n: String, _ value: Value, _ interp: Interpreter) throws {
        if n == "__class__" {
            guard case .object(let newClass as UserClass) = value else {
                throw PyException.type("__class__ must be set to a class, not '\(Formatting.typeName(value))' object")
            }
            cls = newClass
            return
        }
        if case .object(let p as PropertyObject)? = cls.lookup(n) {
            return try p.set(.object(self), value, owner: cls.name, interp)
        }
        if case .object(let d as Instance)? = cls.lookup(n), d.cls.lookup("__set__") != nil {
            _ = try d.callSpecial("__set__", [.object(self), value], interp)
            return
        }
        if n == "args", exceptionArgs != nil {
            exceptionArgs = try interp.iterate(value)
            return
        }
        attributes[n] = value
    }

    package func deleteAttribute(_ n: String, _ interp: Interpreter) throws -> Bool {
        if let f = cls.lookup("__delattr__") {
            _ = try interp.call(f, Arguments([.object(self), .string(n)]))
            return true
        }
        return try deleteDirect(n, interp)
    }

    /// `object.__delattr__(self, n)`; false when there is no such attribute.
    func deleteDirect(_ n: String, _ interp: Interpreter) throws -> Bool {
        if case .object(let p as PropertyObject)? = cls.lookup(n) {
            try p.delete(.object(self), owner: cls.name, interp)
            return true
        }
        return attributes.removeValue(forKey: n) != nil
    }

    // MARK: Protocols

    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        guard let f = cls.lookup("__call__") else { return nil }
        var a = args
        a.positional.insert(.object(self), at: 0)
        return try interp.call(f, a)
    }

    package func item(_ key: Value, _ interp: Interpreter) throws -> Value? { try callSpecial("__getitem__", [key], interp) }

    package func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool {
        try callSpecial("__setitem__", [key, value], interp) != nil
    }

    package func deleteItem(_ key: Value, _ interp: Interpreter) throws -> Bool {
        try callSpecial("__delitem__", [key], interp) != nil
    }

    package func length(_ interp: Interpreter) throws -> Int? {
        guard let n = try callSpecial("__len__", [], interp) else {
            throw PyException.type("object of type '\(cls.name)' has no len()")
        }
        guard case .int(let count) = n else {
            throw PyException.type("'\(Formatting.typeName(n))' object cannot be interpreted as an integer")
        }
        if count < 0 { throw PyException.value("__len__() should return >= 0") }
        return count
    }

    package func truthValue(_ interp: Interpreter) throws -> Bool? {
        if let r = try callSpecial("__bool__", [], interp) {
            guard case .bool(let b) = r else {
                throw PyException.type("__bool__ should return bool, returned \(Formatting.typeName(r))")
            }
            return b
        }
        if cls.lookup("__len__") != nil { return try length(interp) != 0 }
        return nil
    }

    package func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? {
        try callSpecial("__contains__", [item], interp).map(interp.truthy)
    }

    package func isIterable(_ interp: Interpreter) -> Bool {
        cls.lookup("__iter__") != nil || cls.lookup("__getitem__") != nil
    }

    package func iterate(_ interp: Interpreter) throws -> [Value]? {
        guard isIterable(interp) else { return nil }
        return try interp.drain(interp.makeIterator(.object(self)))
    }

    package func unaryOperation(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? {
        switch op {
        case .neg: return try callSpecial("__neg__", [], interp)
        case .pos: return try callSpecial("__pos__", [], interp)
        case .invert: return try callSpecial("__invert__", [], interp)
        case .not: return nil
        }
    }

    package func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        let name = "__i" + Interpreter.specialNames(op).normal.dropFirst(2)
        guard let v = try callSpecial(name, [other], interp), !v.isNotImplemented else { return nil }
        return v
    }

    package func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        let names: [CompareOperator: (String, String)] = [
            .eq: ("__eq__", "__eq__"), .ne: ("__ne__", "__ne__"), .lt: ("__lt__", "__gt__"),
            .le: ("__le__", "__ge__"), .gt: ("__gt__", "__lt__"), .ge: ("__ge__", "__le__")
        ]
        guard let pair = names[op] else { return nil }
        if let v = try callSpecial(reflected ? pair.1 : pair.0, [other], interp), !v.isNotImplemented { return v }
        if op == .ne, cls.lookup("__ne__") == nil, let v = try callSpecial("__eq__", [other], interp), !v.isNotImplemented {
            return .bool(!(try interp.truthy(v)))
        }
        return nil
    }

    package func equals(_ other: Value) -> Bool? {
        guard let interp = interpreter, let r = try? callSpecial("__eq__", [other], interp), !r.isNotImplemented else {
            return nil
        }
        return (try? interp.truthy(r)) ?? false
    }

    /// `hash(self)` when the class defines `__hash__`; nil for identity hashing. A class that
    /// defines `__eq__` without `__hash__` (or sets `__hash__ = None`) is unhashable.
    func customHash() throws -> Int? {
        let unhashable = PyException.type("unhashable type: '\(cls.name)'")
        guard let f = cls.lookup("__hash__") else {
            if cls.lookup("__eq__") != nil { throw unhashable }
            return nil
        }
        if case .none = f { throw unhashable }
        guard let interp = interpreter else { return nil }
        let h = try interp.call(f, Arguments([.object(self)]))
        guard case .int(let n) = h else { throw PyException.type("__hash__ method should return an integer") }
        return n
    }

    package func absoluteValue(_ interp: Interpreter) throws -> Value? { try callSpecial("__abs__", [], interp) }

    package func numberConversion(_ interp: Interpreter) throws -> Value? {
        if let v = try callSpecial("__int__", [], interp) ?? callSpecial("__float__", [], interp) { return v }
        return try numberValue(interp)
    }

    package func numberValue(_ interp: Interpreter) throws -> Value? { try callSpecial("__index__", [], interp) }

    package func realValue(_ interp: Interpreter) throws -> Double? {
        try callSpecial("__float__", [], interp).map(interp.toDouble)
    }

    package func format(_ spec: String, _ interp: Interpreter) throws -> String? {
        guard let v = try callSpecial("__format__", [.string(spec)], interp) else { return nil }
        guard case .string(let s) = v else {
            throw PyException.type("__format__ must return a str, not \(Formatting.typeName(v))")
        }
        return s
    }
}
