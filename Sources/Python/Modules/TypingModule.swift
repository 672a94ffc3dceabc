/// Python's `typing`: the names annotations use (`List[int]`, `Optional[Tensor]`,
/// `Callable[[int], int]`, `TypeVar("T")`, ...), subscriptable and printable as CPython's, and
/// `cast`, `overload`, `TYPE_CHECKING`. Annotations are not checked, as in CPython.
enum TypingModule {
    static let aliases = [
        "Any", "List", "Dict", "Tuple", "Set", "FrozenSet", "Optional", "Union", "Callable", "Iterable",
        "Iterator", "Sequence", "MutableSequence", "Mapping", "MutableMapping", "Type", "Literal", "Final",
        "ClassVar", "Generator", "Deque", "DefaultDict", "OrderedDict", "Counter", "NoReturn", "Annotated",
        "Collection", "Container", "Hashable", "Sized", "Reversible", "AbstractSet", "SupportsInt",
        "SupportsFloat", "Text", "AnyStr", "Awaitable", "Coroutine", "AsyncIterator", "Pattern", "Match"
    ]

    static func make() -> Value {
        var m = [String: Value]()
        for name in aliases { m[name] = .object(TypingAlias("typing.\(name)")) }
        m["TYPE_CHECKING"] = .bool(false)
        m["TypeVar"] = .object(
            BuiltinFunction("TypeVar") { args, _ in
                guard case .string(let name)? = args.positional.first else {
                    throw PyException.type("TypeVar() missing required argument: 'name'")
                }
                return .object(TypingAlias("~\(name)"))
            })
        m["cast"] = .object(BuiltinFunction("cast") { args, _ in args.value(1, "val") ?? .none })
        for name in ["overload", "no_type_check", "final", "runtime_checkable"] {
            m[name] = .object(BuiltinFunction(name) { args, _ in args.positional.first ?? .none })
        }
        return .object(ModuleObject(name: "typing", members: m))
    }
}

/// A `typing` name or a subscript of one: `typing.List`, `typing.Dict[str, int]`, `~T`.
final class TypingAlias: PyObject {
    let text: String

    init(_ text: String) { self.text = text }

    var typeName: String { "_GenericAlias" }
    func repr() -> String { text }

    func item(_ key: Value, _ interp: Interpreter) throws -> Value? {
        let parameters: [Value]
        if case .tuple(let items) = key { parameters = items } else { parameters = [key] }
        return .object(TypingAlias("\(text)[\(parameters.map(Self.describe).joined(separator: ", "))]"))
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard case .bitOr = op else { return nil }
        let parts = [text, Self.describe(other)]
        return .object(TypingAlias("typing.Union[\((reflected ? parts.reversed() : parts).joined(separator: ", "))]"))
    }

    /// A type parameter as CPython's typing prints it: classes by name, `None` as `None`.
    private static func describe(_ value: Value) -> String {
        switch value {
        case .none: return "None"
        case .list(let l): return "[\(l.items.map(describe).joined(separator: ", "))]"
        case .object(let o as TypingAlias): return o.text
        case .object(let o):
            let repr = o.repr()
            guard repr.hasPrefix("<class '") && repr.hasSuffix("'>") else { return repr }
            return String(repr.dropFirst(8).dropLast(2))
        default: return Formatting.repr(value)
        }
    }
}
