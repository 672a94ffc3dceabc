/// A function implemented in Swift (builtins, torch functions, bound methods of builtin types).
public final class BuiltinFunction: PyObject {
    public let name: String
    let body: (Arguments, Interpreter) throws -> Value

    public init(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.body = body
    }

    public var typeName: String { "builtin_function_or_method" }
    public func repr() -> String { "<built-in function \(name)>" }
    public func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { try body(args, interp) }
    public func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        n == "__name__" ? .string(name) : nil
    }
}

/// A `def` or `lambda` with its defaults and defining scope.
public final class UserFunction: PyObject {
    public let name: String
    let parameters: [Parameter]
    let defaults: [String: Value]
    let body: [Stmt]
    /// For a lambda: the expression whose value is returned.
    let lambdaBody: Expr?
    let closure: Scope?
    let globals: Scope
    /// Names the body declares `global`.
    let globalNames: Set<String>
    let nonlocalNames: Set<String>

    init(name: String, parameters: [Parameter], defaults: [String: Value], body: [Stmt], lambdaBody: Expr?,
         closure: Scope?, globals: Scope) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.lambdaBody = lambdaBody
        self.closure = closure
        self.globals = globals
        var g = Set<String>(), n = Set<String>()
        UserFunction.collectDeclarations(body, &g, &n)
        globalNames = g
        nonlocalNames = n
    }

    public var typeName: String { "function" }
    public func repr() -> String { "<function \(name) at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>" }
    public func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { try interp.callUser(self, args) }
    public func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        n == "__name__" ? .string(name) : nil
    }

    private static func collectDeclarations(_ body: [Stmt], _ g: inout Set<String>, _ n: inout Set<String>) {
        var stack = body
        while let s = stack.popLast() {
            switch s.kind {
            case .global(let names): g.formUnion(names)
            case .nonlocal(let names): n.formUnion(names)
            case .if(_, let b, let e), .for(_, _, let b, let e), .while(_, let b, let e):
                stack.append(contentsOf: b)
                stack.append(contentsOf: e)
            case .with(_, let b): stack.append(contentsOf: b)
            case .try(let b, let handlers, let e, let f):
                stack.append(contentsOf: b)
                stack.append(contentsOf: e)
                stack.append(contentsOf: f)
                for h in handlers { stack.append(contentsOf: h.body) }
            default: break
            }
        }
    }
}

/// A function bound to its receiver (`obj.method`).
public final class BoundMethod: PyObject {
    let receiver: Value
    package let function: Value

    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }

    public var typeName: String { "method" }
    public func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        var a = args
        a.positional.insert(receiver, at: 0)
        return try interp.call(function, a)
    }
}

/// `@staticmethod`: a function stored on a class and not bound to instances.
public final class StaticMethod: PyObject {
    package let function: Value
    init(_ function: Value) { self.function = function }
    public var typeName: String { "staticmethod" }
    public func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { try interp.call(function, args) }
}

/// A class defined by the script.
public final class UserClass: PyObject {
    public let name: String
    let bases: [Value]
    var attributes: [String: Value]

    init(name: String, bases: [Value], attributes: [String: Value]) {
        self.name = name
        self.bases = bases
        self.attributes = attributes
    }

    public var typeName: String { "type" }
    public func repr() -> String { "<class '__main__.\(name)'>" }

    /// Looks an attribute up on this class and its bases (depth-first, left to right).
    package func lookup(_ n: String) -> Value? {
        if let v = attributes[n] { return v }
        for case .object(let b as UserClass) in bases {
            if let v = b.lookup(n) { return v }
        }
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

    func isSubclass(of other: UserClass) -> Bool { self === other || derives(from: other) }

    public func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        if n == "__name__" { return .string(name) }
        if let hook = interp.classAttributeHook, let v = try hook(self, n) { return v }
        guard let v = lookup(n) else { return nil }
        if case .object(let s as StaticMethod) = v { return s.function }
        return v
    }

    public func setAttribute(_ n: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        attributes[n] = value
        return true
    }

    public func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        let instance = Instance(cls: self, interpreter: interp)
        if let initializer = lookup("__init__") {
            var a = args
            a.positional.insert(.object(instance), at: 0)
            _ = try interp.call(initializer, a)
        } else if args.count > 0 {
            throw PyException.type("\(name)() takes no arguments")
        }
        return .object(instance)
    }
}

/// An instance of a script-defined class.
public final class Instance: PyObject {
    let cls: UserClass
    var attributes: [String: Value] = [:]
    /// Runs the class's special methods (`__repr__`, `__eq__`, ...) for the protocol hooks
    /// that do not receive the interpreter.
    private weak var interpreter: Interpreter?

    init(cls: UserClass, interpreter: Interpreter?) {
        self.cls = cls
        self.interpreter = interpreter
    }

    public var typeName: String { cls.name }

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

    public func repr() -> String {
        special("__repr__") ?? "<__main__.\(cls.name) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }
    public func str() -> String { special("__str__") ?? repr() }

    public func item(_ key: Value, _ interp: Interpreter) throws -> Value? { try callSpecial("__getitem__", [key], interp) }

    public func equals(_ other: Value) -> Bool? {
        guard let interp = interpreter, let r = try? callSpecial("__eq__", [other], interp) else { return nil }
        return (try? interp.truthy(r)) ?? false
    }

    public func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        if let v = attributes[n] { return v }
        if n == "__class__" { return .object(cls) }
        guard let v = cls.lookup(n) else { return nil }
        switch v {
        case .object(let s as StaticMethod): return s.function
        case .object(let f) where f is UserFunction || f is BuiltinFunction:
            return .object(BoundMethod(receiver: .object(self), function: v))
        default: return v
        }
    }

    public func setAttribute(_ n: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        attributes[n] = value
        return true
    }

    public func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        guard let f = cls.lookup("__call__") else { return nil }
        var a = args
        a.positional.insert(.object(self), at: 0)
        return try interp.call(f, a)
    }
}

/// A module object (`torch`, `torch.nn.functional`, `math`).
public final class ModuleObject: PyObject {
    public let name: String
    var members: [String: Value]

    package init(name: String, members: [String: Value]) {
        self.name = name
        self.members = members
    }

    public var typeName: String { "module" }
    public func repr() -> String { "<module '\(name)'>" }
    public func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        n == "__name__" ? .string(name) : members[n]
    }
}
