/// A Python `set` or `frozenset`: unique hashable items, kept in insertion order.
public final class SetObject: PyObject {
    private let storage = DictStorage()
    let frozen: Bool

    init(_ items: [Value] = [], frozen: Bool = false) throws {
        self.frozen = frozen
        for v in items { try storage.set(v, .none) }
    }

    var items: [Value] { storage.keys }

    public var typeName: String { frozen ? "frozenset" : "set" }
    public func repr() -> String {
        let body = items.isEmpty ? "" : "{" + items.map(Formatting.repr).joined(separator: ", ") + "}"
        if frozen { return "frozenset(\(body))" }
        return items.isEmpty ? "set()" : body
    }
    public func isInstance(of className: String) -> Bool { className == "set" && !frozen }

    func contains(_ v: Value) throws -> Bool { try storage.get(v) != nil }

    public func iterate(_ interp: Interpreter) throws -> [Value]? { items }
    public func length(_ interp: Interpreter) throws -> Int? { storage.count }
    public func truthValue(_ interp: Interpreter) throws -> Bool? { storage.count > 0 }
    public func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? { try contains(item) }

    public func equals(_ other: Value) -> Bool? {
        guard case .object(let o as SetObject) = other else { return false }
        return o.storage.count == storage.count && ((try? isSubset(of: o)) ?? false)
    }

    private func isSubset(of other: SetObject) throws -> Bool { try items.allSatisfy { try other.contains($0) } }

    private func combined(_ other: SetObject, _ op: BinaryOperator) throws -> SetObject? {
        switch op {
        case .bitOr: return try SetObject(items + other.items, frozen: frozen)
        case .bitAnd: return try SetObject(items.filter { try other.contains($0) }, frozen: frozen)
        case .sub: return try SetObject(items.filter { !(try other.contains($0)) }, frozen: frozen)
        case .bitXor:
            return try SetObject(
                items.filter { !(try other.contains($0)) } + other.items.filter { !(try contains($0)) }, frozen: frozen)
        default: return nil
        }
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard case .object(let o as SetObject) = other else { return nil }
        return try (reflected ? o.combined(self, op) : combined(o, op)).map(Value.object)
    }

    public func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        guard !frozen, case .object(let o as SetObject) = other, let result = try combined(o, op) else { return nil }
        try replace(with: result.items)
        return .object(self)
    }

    private func replace(with newItems: [Value]) throws {
        for k in items { _ = try storage.remove(k) }
        for v in newItems { try storage.set(v, .none) }
    }

    public func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard case .object(let o as SetObject) = other else { return nil }
        let (a, b) = reflected ? (o, self) : (self, o)
        switch op {
        case .le: return .bool(try a.isSubset(of: b))
        case .lt: return .bool(try a.isSubset(of: b) && a.storage.count < b.storage.count)
        case .ge: return .bool(try b.isSubset(of: a))
        case .gt: return .bool(try b.isSubset(of: a) && a.storage.count > b.storage.count)
        default: return nil
        }
    }

    public func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        func method(_ body: @escaping (Arguments, Interpreter) throws -> Value) -> Value { .object(BuiltinFunction(n, body)) }
        func others(_ args: Arguments, _ interp: Interpreter) throws -> [SetObject] {
            try args.positional.map { v in
                if case .object(let s as SetObject) = v { return s }
                return try SetObject(interp.iterate(v))
            }
        }
        func fold(_ op: BinaryOperator) -> Value {
            method { args, interp in
                .object(
                    try others(args, interp).reduce(try SetObject(self.items, frozen: self.frozen)) { try $0.combined($1, op)! })
            }
        }
        func update(_ op: BinaryOperator) -> Value? {
            guard !frozen else { return nil }
            return method { args, interp in
                for o in try others(args, interp) { try self.replace(with: try self.combined(o, op)!.items) }
                return .none
            }
        }
        switch n {
        case "union": return fold(.bitOr)
        case "intersection": return fold(.bitAnd)
        case "difference": return fold(.sub)
        case "symmetric_difference": return fold(.bitXor)
        case "issubset":
            return method { args, interp in .bool(try self.isSubset(of: try others(args, interp).first ?? SetObject())) }
        case "issuperset":
            return method { args, interp in .bool(try (try others(args, interp).first ?? SetObject()).isSubset(of: self)) }
        case "isdisjoint":
            return method { args, interp in
                let o = try others(args, interp).first ?? SetObject()
                return .bool(try !self.items.contains { try o.contains($0) })
            }
        case "copy": return method { _, _ in .object(try SetObject(self.items, frozen: self.frozen)) }
        default: break
        }
        if frozen { return nil }
        switch n {
        case "update": return update(.bitOr)
        case "intersection_update": return update(.bitAnd)
        case "difference_update": return update(.sub)
        case "symmetric_difference_update": return update(.bitXor)
        case "add":
            return method { args, _ in
                try self.storage.set(args.positional.first ?? .none, .none)
                return .none
            }
        case "discard":
            return method { args, _ in
                _ = try self.storage.remove(args.positional.first ?? .none)
                return .none
            }
        case "remove":
            return method { args, _ in
                let v = args.positional.first ?? .none
                if !(try self.storage.remove(v)) { throw PyException(instance: ExceptionInstance(.keyError, [v])) }
                return .none
            }
        case "pop":
            return method { _, _ in
                guard let v = self.items.first else {
                    throw PyException(instance: ExceptionInstance(.keyError, [.string("pop from an empty set")]))
                }
                _ = try self.storage.remove(v)
                return v
            }
        case "clear":
            return method { _, _ in
                try self.replace(with: [])
                return .none
            }
        default: return nil
        }
    }
}
