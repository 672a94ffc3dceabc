/// A function implemented in Swift (builtins, torch functions, bound methods of builtin types).
package final class BuiltinFunction: PyObject {
    package let name: String
    let body: (Arguments, Interpreter) throws -> Value

    package init(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.body = body
    }

    package var typeName: String { "builtin_function_or_method" }
    package func repr() -> String { "<built-in function \(name)>" }
    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { try body(args, interp) }
    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        n == "__name__" ? .string(name) : nil
    }
}

/// A `def` or `lambda` with its defaults and defining scope.
package final class UserFunction: PyObject {
    package let name: String
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
    /// The name of the `**` parameter, if there is one.
    let varKeywordsName: String?
    /// Whether the body yields: calling the function makes a generator.
    let isGenerator: Bool
    /// The qualified name of the function whose body defined this one (`outer` in `outer.<locals>.f`).
    let enclosingFunction: String?
    /// The name `functools.wraps` gave this function (`__name__`, `__qualname__`, its repr).
    var reportedName: String?
    /// What `functools.wraps` wrapped (`__wrapped__`).
    var wrapped: Value?
    /// The class whose body defined this function (what zero-argument `super()` starts from).
    weak var definingClass: UserClass?
    /// The source the function was defined in when not the script (a host library's module).
    let file: SourceFile?
    /// Whether the script defined it (false for a host library's Python code).
    var isScript: Bool { file == nil }

    init(
        name: String, parameters: [Parameter], defaults: [String: Value], body: [Stmt], lambdaBody: Expr?,
        closure: Scope?, globals: Scope, isGenerator: Bool, enclosingFunction: String? = nil, file: SourceFile? = nil
    ) {
        self.enclosingFunction = enclosingFunction
        self.file = file
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.lambdaBody = lambdaBody
        self.closure = closure
        self.globals = globals
        self.isGenerator = isGenerator
        varKeywordsName = parameters.first { $0.kind == .varKeywords }?.name
        var g = Set<String>()
        var n = Set<String>()
        UserFunction.collectDeclarations(body, &g, &n)
        globalNames = g
        nonlocalNames = n
    }

    package var typeName: String { "function" }
    package func repr() -> String {
        "<function \(qualifiedName) at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }
    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { try interp.callUser(self, args) }
    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "__name__": return .string(reportedName ?? name)
        case "__qualname__": return .string(qualifiedName)
        case "__wrapped__": return wrapped
        case "__module__": return .string("__main__")
        default: return nil
        }
    }

    /// Whether a parameter (not `*args` or `**kwargs`) is named `name`.
    func acceptsKeyword(_ name: String) -> Bool {
        var i = 0
        while i < parameters.count {
            let p = parameters[i]
            if p.name == name && (p.kind == .normal || p.kind == .keywordOnly) { return true }
            i += 1
        }
        return false
    }

    /// `C.f` for a method, `f` otherwise.
    var qualifiedName: String {
        if let reportedName { return reportedName }
        if let definingClass { return "\(definingClass.name).\(name)" }
        return enclosingFunction.map { "\($0).<locals>.\(name)" } ?? name
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
package final class BoundMethod: PyObject {
    let receiver: Value
    package let function: Value

    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }

    package var typeName: String { "method" }
    package func repr() -> String {
        let name: String
        switch function {
        case .object(let f as UserFunction): name = f.qualifiedName
        case .object(let f as BuiltinFunction): name = f.name
        default: name = "?"
        }
        return "<bound method \(name) of \(Formatting.repr(receiver))>"
    }
    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        var a = args
        a.positional.insert(receiver, at: 0)
        return try interp.call(function, a)
    }
}

/// A module object (`torch`, `torch.nn.functional`, `math`).
/// A Python module as scripts see it, however its members are provided: what `module 'NAME'
/// has no attribute` errors name.
package protocol ModuleLike: PyObject {
    var name: String { get }
}

package final class ModuleObject: PyObject, ModuleLike {
    package let name: String
    var members: [String: Value]

    package init(name: String, members: [String: Value]) {
        self.name = name
        self.members = members
    }

    package var typeName: String { "module" }
    package func repr() -> String { "<module '\(name)'>" }
    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        n == "__name__" ? .string(name) : members[n]
    }
    /// `module.name = value`, as a script may do (`sys.stderr = sys.stdout`); each run builds
    /// its own standard modules, so this touches no other run.
    package func setAttribute(_ n: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        guard n != "__name__" else { return false }
        members[n] = value
        return true
    }
}
