/// A builtin type (`int`, `float`, `str`, `torch.Tensor`, ...): printable, comparable by identity,
/// usable with `isinstance`, and callable as its constructor. Immutable once made, so the builtin
/// types can be shared by every interpreter.
package final class TypeObject: PyObject, Sendable {
    /// A constructor or class-level function: stateless, so it can live in a shared type.
    package typealias Body = @Sendable (Arguments, Interpreter) throws -> Value

    let name: String
    let qualifiedName: String
    let construct: Body?
    /// Class attributes (e.g. `object.__setattr__`), each a builtin function of that name.
    let members: [String: Body]

    package init(_ name: String, qualifiedName: String? = nil, members: [String: Body] = [:], construct: Body? = nil) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.members = members
        self.construct = construct
    }

    package var typeName: String { "type" }
    package func repr() -> String { "<class '\(qualifiedName)'>" }

    package func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        guard let construct else { throw PyException.type("cannot create '\(qualifiedName)' instances") }
        return try construct(args, interp)
    }

    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "__name__", "__qualname__": return .string(name)
        case "__module__":
            // `torch.nn.parameter.Parameter` lives in `torch.nn.parameter`; `int` in `builtins`.
            guard let dot = qualifiedName.lastIndex(of: ".") else { return .string("builtins") }
            return .string(String(qualifiedName[..<dot]))
        default: break
        }
        return members[n].map { .object(BuiltinFunction(n, $0)) }
    }

    /// Whether `v` is an instance of this type (bool counts as int, like Python).
    func matches(_ v: Value) -> Bool {
        let actual = Formatting.typeName(v)
        if actual == name { return true }
        if name == "int", case .bool = v { return true }
        if name == "object" { return true }
        if name == "dict", case .dict = v { return true }
        if case .object(let o) = v { return o.isInstance(of: name) }
        return false
    }
}
