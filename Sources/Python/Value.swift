/// A Python value in the interpreter.
package enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list(ListStorage)
    case tuple([Value])
    case dict(DictStorage)
    /// Everything else: functions, classes, instances, modules, and the host's objects (tensors, ...).
    case object(PyObject)
}

/// A Python list: a mutable array with reference semantics.
package final class ListStorage {
    package var items: [Value]
    package init(_ items: [Value]) { self.items = items }

    deinit { IterativeTeardown.release(&items) }
}

/// A Python dict: insertion-ordered, keyed by hashable Python values.
package final class DictStorage {
    package private(set) var keys: [Value] = []
    private var values: [HashKey: Value] = [:]
    /// Which dict type this is: a plain dict or one of `collections`' subclasses.
    package var flavor: DictFlavor = .plain

    package init() {}

    package init(flavor: DictFlavor) { self.flavor = flavor }

    /// `OrderedDict.move_to_end(key, last)`; false when the key is missing.
    func moveToEnd(_ key: Value, last: Bool) throws -> Bool {
        let k = try HashKey(key)
        guard values[k] != nil, let i = keys.firstIndex(where: { (try? HashKey($0)) == k }) else { return false }
        let moved = keys.remove(at: i)
        if last { keys.append(moved) } else { keys.insert(moved, at: 0) }
        return true
    }

    package var count: Int { keys.count }

    func removeAll() {
        keys = []
        values = [:]
    }

    package func get(_ key: Value) throws -> Value? { values[try HashKey(key)] }

    package func set(_ key: Value, _ value: Value) throws {
        let k = try HashKey(key)
        if values[k] == nil { keys.append(key) }
        values[k] = value
    }

    package func remove(_ key: Value) throws -> Bool {
        let k = try HashKey(key)
        guard values.removeValue(forKey: k) != nil else { return false }
        keys.removeAll { (try? HashKey($0)) == k }
        return true
    }

    package var items: [(Value, Value)] { keys.compactMap { k in (try? HashKey(k)).flatMap { values[$0] }.map { (k, $0) } } }
}

/// The dict types: `dict` and `collections`' `OrderedDict`, `defaultdict` and `Counter`.
package enum DictFlavor {
    case plain, ordered, counter
    /// A `defaultdict` and its default factory (None for no factory).
    case defaultDict(Value)

    var typeName: String {
        switch self {
        case .plain: return "dict"
        case .ordered: return "OrderedDict"
        case .counter: return "Counter"
        case .defaultDict: return "defaultdict"
        }
    }
}

/// The hashable projection of a Python value used as a dict key or set member.
struct HashKey: Hashable {
    private enum Repr: Hashable {
        case none, number(Double), string(String), tuple([HashKey]), identity(ObjectIdentifier)
        /// A script object whose class defines `__hash__` (and `__eq__`).
        case custom(CustomHashed)
    }

    /// A key hashed by its `__hash__` and compared by its `__eq__`.
    struct CustomHashed: Hashable {
        let hash: Int
        let instance: Instance
        static func == (a: CustomHashed, b: CustomHashed) -> Bool {
            a.instance === b.instance || (a.hash == b.hash && a.instance.equals(.object(b.instance)) == true)
        }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
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
        case .object(let t as NamedTupleValue): repr = .tuple(try t.items.map(HashKey.init))
        case .object(let i as Instance):
            if let hash = try i.customHash() {
                repr = .custom(CustomHashed(hash: hash, instance: i))
            } else {
                repr = .identity(ObjectIdentifier(i))
            }
        case .object(let o): repr = .identity(ObjectIdentifier(o))
        case .list: throw PyException.type("unhashable type: 'list'")
        case .dict: throw PyException.type("unhashable type: 'dict'")
        }
    }
}

/// A Python object the interpreter can ask for attributes, calls, items, iteration, operators
/// and conversions: how functions, classes and the host's objects (tensors, ...) reach scripts.
/// Every hook has a default that gives Python's usual behaviour for a plain object.
package protocol PyObject: AnyObject {
    /// `type(x).__name__`.
    var typeName: String { get }
    /// `type(x)`; nil for a type named after `typeName`.
    func pythonType(_ interp: Interpreter) -> Value?
    /// `id(x)`; identity also keys dicts and sets.
    var identity: Int { get }
    /// `repr(x)`.
    func repr() -> String
    /// `str(x)`; defaults to repr.
    func str() -> String
    /// Attribute read; nil means "no such attribute".
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value?
    /// Attribute write; false means "cannot set".
    func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool
    /// `del x.name`; false means "no such attribute".
    func deleteAttribute(_ name: String, _ interp: Interpreter) throws -> Bool
    /// `x(...)`; nil means "not callable".
    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value?
    /// `iter(x)` as a list of values; nil means "not iterable".
    func iterate(_ interp: Interpreter) throws -> [Value]?
    /// Whether `iter(x)` is supported at all, even if it would raise for this value.
    func isIterable(_ interp: Interpreter) -> Bool
    /// `len(x)`; nil counts the items of `iterate`.
    func length(_ interp: Interpreter) throws -> Int?
    /// `item in x`; nil compares against the items of `iterate`.
    func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool?
    /// `x[key]`; nil means "not subscriptable".
    func item(_ key: Value, _ interp: Interpreter) throws -> Value?
    /// `x[key] = value`; false means "does not support item assignment".
    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool
    /// `del x[key]`; false means "does not support item deletion".
    func deleteItem(_ key: Value, _ interp: Interpreter) throws -> Bool
    /// `bool(x)`; nil means true (or, for tuple-like objects, non-empty).
    func truthValue(_ interp: Interpreter) throws -> Bool?
    /// `-x`, `+x`, `~x`; nil means "bad operand type".
    func unaryOperation(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value?
    /// `x op other`, or `other op x` when `reflected`; nil means "unsupported operand types".
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value?
    /// `x op= other` in place; nil computes `x op other` and rebinds.
    func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value?
    /// `x op other` for `<`, `<=`, `>`, `>=`, `==`, `!=` (`other op x` when `reflected`); nil uses
    /// Python's defaults (`equals` or identity for equality, TypeError for ordering).
    func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value?
    /// `x == other`; nil defers to identity.
    func equals(_ other: Value) -> Bool?
    /// `abs(x)`; nil means "bad operand type".
    func absoluteValue(_ interp: Interpreter) throws -> Value?
    /// `int(x)` and `float(x)`: the Python number `x` converts to; nil means "not a number".
    func numberConversion(_ interp: Interpreter) throws -> Value?
    /// The Python number `x` stands for where one is accepted (an index, `math.sqrt(x)`); nil when none.
    func numberValue(_ interp: Interpreter) throws -> Value?
    /// `x` as a real number where one is required (`round(x)`, `"%f" % x`); nil means "not a number".
    func realValue(_ interp: Interpreter) throws -> Double?
    /// `format(x, spec)` for a non-empty spec; nil means "unsupported format string".
    func format(_ spec: String, _ interp: Interpreter) throws -> String?
    /// Whether `isinstance(x, cls)` holds for a builtin class name (e.g. "tuple").
    func isInstance(of className: String) -> Bool
    /// `x` as the host context manager a `with` statement enters; nil for other objects. A
    /// requirement, not an `as?` cast, because the runtime answers a cast to a protocol by
    /// scanning every conformance in the process the first time it sees each type.
    var contextManager: ContextManager? { get }
}

package extension PyObject {
    var contextManager: ContextManager? { nil }
    func pythonType(_ interp: Interpreter) -> Value? { nil }
    var identity: Int { ObjectIdentifier(self).hashValue }
    func str() -> String { repr() }
    func repr() -> String { "<\(typeName) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>" }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? { nil }
    func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool { false }
    func deleteAttribute(_ name: String, _ interp: Interpreter) throws -> Bool { false }
    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? { nil }
    func iterate(_ interp: Interpreter) throws -> [Value]? { nil }
    func isIterable(_ interp: Interpreter) -> Bool { ((try? iterate(interp)) ?? nil) != nil }
    func length(_ interp: Interpreter) throws -> Int? { nil }
    func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? { nil }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? { nil }
    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool { false }
    func deleteItem(_ key: Value, _ interp: Interpreter) throws -> Bool { false }
    func truthValue(_ interp: Interpreter) throws -> Bool? { nil }
    func unaryOperation(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? { nil }
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? { nil }
    func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? { nil }
    func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? { nil }
    func equals(_ other: Value) -> Bool? { nil }
    func absoluteValue(_ interp: Interpreter) throws -> Value? { nil }
    func numberConversion(_ interp: Interpreter) throws -> Value? { nil }
    func numberValue(_ interp: Interpreter) throws -> Value? { nil }
    func realValue(_ interp: Interpreter) throws -> Double? { nil }
    func format(_ spec: String, _ interp: Interpreter) throws -> String? { nil }
    func isInstance(of className: String) -> Bool { false }
}

/// The positional and keyword arguments of a call.
package struct Arguments {
    package var positional: [Value]
    package var keywords: [(name: String, value: Value)]

    package init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    package var count: Int { positional.count + keywords.count }

    /// The argument at position `index` or passed by `name`, if given.
    package func value(_ index: Int, _ name: String) -> Value? {
        if index >= 0 && index < positional.count { return positional[index] }
        return keywords.first { $0.name == name }?.value
    }

    package func keyword(_ name: String) -> Value? { keywords.first { $0.name == name }?.value }

    /// Raises Python's TypeError for unexpected keywords or too many positionals.
    package func check(_ function: String, maxPositional: Int, allowed: [String]) throws {
        if positional.count > maxPositional {
            throw PyException.type(
                "\(function)() takes \(maxPositional) positional argument\(maxPositional == 1 ? "" : "s") but \(positional.count) were given"
            )
        }
        for (name, _) in keywords where !allowed.contains(name) {
            throw PyException.type("\(function)() got an unexpected keyword argument '\(name)'")
        }
    }
}
