/// `@staticmethod`: a function stored on a class and not bound to instances.
package final class StaticMethod: PyObject {
    package let function: Value
    init(_ function: Value) { self.function = function }
    package var typeName: String { "staticmethod" }
    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { try interp.call(function, args) }
}

/// `@classmethod`: a function bound to the class (also when read through an instance).
final class ClassMethod: PyObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    var typeName: String { "classmethod" }
}

/// `property(fget, fset, fdel)` and the `@property` / `@x.setter` / `@x.deleter` decorators.
final class PropertyObject: PyObject {
    let getter: Value, setter: Value, deleter: Value

    init(getter: Value, setter: Value, deleter: Value) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
    }

    var typeName: String { "property" }

    /// The name errors use: the getter's `__name__`.
    private func name(_ interp: Interpreter) -> String {
        if case .object(let o) = getter, case .string(let n)? = try? o.attribute("__name__", interp) { return n }
        return "?"
    }

    func get(_ receiver: Value, _ interp: Interpreter) throws -> Value {
        if case .none = getter {
            throw PyException.attribute("property '\(name(interp))' of '\(Formatting.typeName(receiver))' object has no getter")
        }
        return try interp.call(getter, Arguments([receiver]))
    }

    func set(_ receiver: Value, _ value: Value, owner: String, _ interp: Interpreter) throws {
        if case .none = setter { throw PyException.attribute("property '\(name(interp))' of '\(owner)' object has no setter") }
        _ = try interp.call(setter, Arguments([receiver, value]))
    }

    func delete(_ receiver: Value, owner: String, _ interp: Interpreter) throws {
        if case .none = deleter { throw PyException.attribute("property '\(name(interp))' of '\(owner)' object has no deleter") }
        _ = try interp.call(deleter, Arguments([receiver]))
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        func copy(_ make: @escaping (Value) -> PropertyObject) -> Value {
            .object(BuiltinFunction(n) { args, _ in .object(make(args.positional.first ?? .none)) })
        }
        switch n {
        case "getter": return copy { PropertyObject(getter: $0, setter: self.setter, deleter: self.deleter) }
        case "setter": return copy { PropertyObject(getter: self.getter, setter: $0, deleter: self.deleter) }
        case "deleter": return copy { PropertyObject(getter: self.getter, setter: self.setter, deleter: $0) }
        case "fget": return getter
        case "fset": return setter
        case "fdel": return deleter
        default: return nil
        }
    }
}

/// `super()` / `super(Cls, obj)`: attribute lookup that starts after `start` in the receiver's MRO.
final class SuperObject: PyObject {
    let start: UserClass
    /// The instance (or, in a classmethod, the class) methods are bound to.
    let receiver: Value

    init(start: UserClass, receiver: Value) {
        self.start = start
        self.receiver = receiver
    }

    var typeName: String { "super" }
    func repr() -> String { "<super: <class '\(start.name)'>, <\(Formatting.typeName(receiver)) object>>" }

    private var receiverClass: UserClass? {
        switch receiver {
        case .object(let i as Instance): return i.cls
        case .object(let c as UserClass): return c
        default: return nil
        }
    }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        guard let cls = receiverClass else { return nil }
        if let v = cls.lookup(n, after: start) {
            switch v {
            case .object(let s as StaticMethod): return s.function
            case .object(let c as ClassMethod): return .object(BoundMethod(receiver: .object(cls), function: c.function))
            case .object(let p as PropertyObject):
                if case .object(is Instance) = receiver { return try p.get(receiver, interp) }
                return v
            case .object(let f) where f is UserFunction || f is BuiltinFunction:
                if case .object(is Instance) = receiver { return .object(BoundMethod(receiver: receiver, function: v)) }
                return v
            default: return v
            }
        }
        guard case .object(let instance as Instance) = receiver,
            let method = (instance.exceptionArgs != nil ? ExceptionMethods.method(n) : nil) ?? ObjectMethods.method(n)
        else { return nil }
        return .object(BoundMethod(receiver: receiver, function: .object(method)))
    }
}

/// The methods every script instance inherits from `object` (`object.__setattr__(self, n, v)`,
/// `super().__init__()`, ...).
enum ObjectMethods {
    static let names: Set<String> = [
        "__init__", "__setattr__", "__getattribute__", "__delattr__", "__repr__", "__str__", "__eq__", "__ne__", "__hash__"
    ]

    static func method(_ name: String) -> BuiltinFunction? { body(name).map { BuiltinFunction(name, $0) } }

    /// What `object.NAME(instance, ...)` does, for each of `names`.
    static func body(_ name: String) -> TypeObject.Body? {
        guard names.contains(name) else { return nil }
        return { args, interp in
            guard case .object(let instance as Instance)? = args.positional.first else {
                throw PyException.type(
                    "descriptor '\(name)' for 'object' objects doesn't apply to a '\(Formatting.typeName(args.positional.first ?? .none))' object"
                )
            }
            let rest = Array(args.positional.dropFirst())
            func string(_ i: Int) throws -> String {
                guard i < rest.count, case .string(let s) = rest[i] else {
                    throw PyException.type(
                        "attribute name must be string, not '\(Formatting.typeName(i < rest.count ? rest[i] : .none))'")
                }
                return s
            }
            switch name {
            case "__init__":
                if !rest.isEmpty || !args.keywords.isEmpty {
                    throw PyException.type(
                        "\(instance.cls.name).__init__() takes exactly one argument (the instance to initialize)")
                }
                return .none
            case "__setattr__":
                guard rest.count == 2 else { throw PyException.type("expected 2 arguments, got \(rest.count)") }
                try instance.setDirect(try string(0), rest[1], interp)
                return .none
            case "__getattribute__":
                let n = try string(0)
                guard let v = try instance.genericAttribute(n, interp) else { throw interp.noAttribute(.object(instance), n) }
                return v
            case "__delattr__":
                let n = try string(0)
                if !(try instance.deleteDirect(n, interp)) { throw interp.noAttribute(.object(instance), n) }
                return .none
            case "__repr__", "__str__": return .string(instance.defaultRepr)
            case "__hash__": return .int(instance.identity)
            case "__eq__", "__ne__":
                guard case .object(let other)? = rest.first, other === instance else {
                    return name == "__eq__" ? .object(NotImplementedObject.shared) : .bool(true)
                }
                return .bool(name == "__eq__")
            default: return .none
            }
        }
    }
}

/// `NotImplemented`: what a binary special method returns to let the other operand try.
final class NotImplementedObject: PyObject, Sendable {
    static let shared = NotImplementedObject()
    var typeName: String { "NotImplementedType" }
    func repr() -> String { "NotImplemented" }
}

extension Value {
    var isNotImplemented: Bool {
        if case .object(let o) = self { return o === NotImplementedObject.shared }
        return false
    }
}
