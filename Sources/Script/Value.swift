import Autograd

/// A Python value in the interpreter.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list(ListStorage)
    case tuple([Value])
    case dict(DictStorage)
    case tensor(Tensor)
    /// Everything else: functions, classes, instances, modules, grad_fn nodes, dtypes, ...
    case object(PyObject)
}

/// A Python list: a mutable array with reference semantics.
public final class ListStorage {
    public var items: [Value]
    public init(_ items: [Value]) { self.items = items }
}

/// A Python dict: insertion-ordered, keyed by hashable Python values.
public final class DictStorage {
    public private(set) var keys: [Value] = []
    private var values: [HashKey: Value] = [:]

    public init() {}

    public var count: Int { keys.count }

    public func get(_ key: Value) throws -> Value? { values[try HashKey(key)] }

    public func set(_ key: Value, _ value: Value) throws {
        let k = try HashKey(key)
        if values[k] == nil { keys.append(key) }
        values[k] = value
    }

    public func remove(_ key: Value) throws -> Bool {
        let k = try HashKey(key)
        guard values.removeValue(forKey: k) != nil else { return false }
        keys.removeAll { (try? HashKey($0)) == k }
        return true
    }

    public var items: [(Value, Value)] { keys.compactMap { k in (try? HashKey(k)).flatMap { values[$0] }.map { (k, $0) } } }
}

/// The hashable projection of a Python value used as a dict key or set member.
struct HashKey: Hashable {
    private enum Repr: Hashable {
        case none, number(Double), string(String), tuple([HashKey]), identity(ObjectIdentifier)
    }
    private let repr: Repr

    init(_ v: Value) throws {
        switch v {
        case .none: repr = .none
        case .bool(let b): repr = .number(b ? 1 : 0)
        case .int(let i): repr = .number(Double(i))
        case .float(let d): repr = .number(d)
        case .string(let s): repr = .string(s)
        case .tuple(let items): repr = .tuple(try items.map(HashKey.init))
        case .tensor(let t): repr = .identity(ObjectIdentifier(t))
        case .object(let o): repr = .identity(ObjectIdentifier(o))
        case .list: throw PyException.type("unhashable type: 'list'")
        case .dict: throw PyException.type("unhashable type: 'dict'")
        }
    }
}

/// A Python object the interpreter can ask for attributes, calls, items and iteration.
/// Every hook has a default that raises Python's usual error.
public protocol PyObject: AnyObject {
    /// `type(x).__name__`.
    var typeName: String { get }
    /// `repr(x)`.
    func repr() -> String
    /// `str(x)`; defaults to repr.
    func str() -> String
    /// Attribute read; nil means "no such attribute".
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value?
    /// Attribute write; false means "cannot set".
    func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool
    /// `x(...)`; nil means "not callable".
    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value?
    /// `iter(x)` as a list of values; nil means "not iterable".
    func iterate(_ interp: Interpreter) throws -> [Value]?
    /// `x[key]`; nil means "not subscriptable".
    func item(_ key: Value, _ interp: Interpreter) throws -> Value?
    /// `x == other`; nil defers to identity.
    func equals(_ other: Value) -> Bool?
    /// Whether `isinstance(x, cls)` holds for a builtin class name (e.g. "tuple").
    func isInstance(of className: String) -> Bool
}

public extension PyObject {
    func str() -> String { repr() }
    func repr() -> String { "<\(typeName) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>" }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? { nil }
    func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool { false }
    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { nil }
    func iterate(_ interp: Interpreter) throws -> [Value]? { nil }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? { nil }
    func equals(_ other: Value) -> Bool? { nil }
    func isInstance(of className: String) -> Bool { false }
}

/// The positional and keyword arguments of a call.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    public var count: Int { positional.count + keywords.count }

    /// The argument at position `index` or passed by `name`, if given.
    public func value(_ index: Int, _ name: String) -> Value? {
        if index >= 0 && index < positional.count { return positional[index] }
        return keywords.first { $0.name == name }?.value
    }

    public func keyword(_ name: String) -> Value? { keywords.first { $0.name == name }?.value }

    /// Raises Python's TypeError for unexpected keywords or too many positionals.
    public func check(_ function: String, maxPositional: Int, allowed: [String]) throws {
        if positional.count > maxPositional {
            throw PyException.type("\(function)() takes \(maxPositional) positional argument\(maxPositional == 1 ? "" : "s") but \(positional.count) were given")
        }
        for (name, _) in keywords where !allowed.contains(name) {
            throw PyException.type("\(function)() got an unexpected keyword argument '\(name)'")
        }
    }
}
