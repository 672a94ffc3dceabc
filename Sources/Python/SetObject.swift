/// A Python `set` or `frozenset`: unique hashable items. Sets of numbers (and tuples of them)
/// iterate in CPython's hash-table order (`SetTable`); others in insertion order.
package final class SetObject: PyObject {
    private let storage = DictStorage()
    /// CPython's table for these members; nil once a member without a stable hash joined.
    private var table: SetTable? = SetTable()
    let frozen: Bool

    /// A set of `items` added one by one; `presized` makes room for all of them first, as
    /// CPython does when the items come from a dict.
    init(_ items: [Value] = [], frozen: Bool = false, presized: Bool = false) throws {
        self.frozen = frozen
        if presized { table?.reserve(adding: items.count) }
        for v in items { try add(v) }
    }

    /// A copy of `other` (`set(s)`, `s.copy()`, the start of `s | t`).
    init(copying other: SetObject, frozen: Bool) throws {
        self.frozen = frozen
        for v in other.items { try storage.set(v, .none) }
        if let otherTable = other.table { table?.copyMembers(of: otherTable) } else { table = nil }
    }

    /// `set(iterable)`: a copy of a set, the keys of a dict (room made first), else the items.
    static func make(_ iterable: Value?, frozen: Bool, _ interp: Interpreter) throws -> SetObject {
        switch iterable {
        case .object(let other as SetObject)?: return try SetObject(copying: other, frozen: frozen)
        case .dict(let d)?: return try SetObject(d.keys, frozen: frozen, presized: true)
        default: return try SetObject(iterable.map(interp.iterate) ?? [], frozen: frozen)
        }
    }

    var items: [Value] { table?.keys ?? storage.keys }

    var count: Int { storage.count }

    func add(_ v: Value) throws {
        guard try storage.get(v) == nil else { return }
        try storage.set(v, .none)
        if table != nil, let hash = StableHash.of(v) { table?.add(v, hash: hash) } else { table = nil }
    }

    /// Removes `v`; false when it is not a member.
    @discardableResult
    func discard(_ v: Value) throws -> Bool {
        guard try storage.remove(v) else { return false }
        if let hash = StableHash.of(v) {
            let key = try HashKey(v)
            table?.discard(hash: hash) { (try? HashKey($0)) == key }
        }
        return true
    }

    /// `set_merge`: adds the members of `other` in its iteration order.
    func merge(_ other: SetObject) throws {
        if other === self || other.count == 0 { return }
        if table?.isPristine ?? (count == 0) {
            let copy = try SetObject(copying: other, frozen: frozen)
            try replace(with: copy)
            return
        }
        table?.reserve(adding: other.count)
        for v in other.items { try add(v) }
    }

    private func replace(with other: SetObject) throws {
        storage.removeAll()
        for v in other.items { try storage.set(v, .none) }
        if let otherTable = other.table, table != nil { table?.replaceContents(with: otherTable) } else { table = other.table }
    }

    private func clear() {
        storage.removeAll()
        if table != nil { table?.clear() } else { table = SetTable() }
    }

    /// `s & t`: the members of the smaller set (the second when equal) found in the other.
    private func intersection(_ other: SetObject) throws -> SetObject {
        if other === self { return try SetObject(copying: self, frozen: frozen) }
        let (big, small) = other.count > count ? (other, self) : (self, other)
        return try SetObject(small.items.filter { try big.contains($0) }, frozen: frozen)
    }

    /// `s - t`: a copy with `other`'s members discarded when `self` is over four times larger,
    /// else `self`'s members not in `other`.
    private func difference(_ other: SetObject) throws -> SetObject {
        if count >> 2 > other.count {
            let result = try SetObject(copying: self, frozen: frozen)
            try result.update(other, .sub)
            return result
        }
        return try SetObject(items.filter { !(try other.contains($0)) }, frozen: frozen)
    }

    /// `symmetric_difference_update`: each member of `other` is discarded if present, else added.
    private func toggle(_ other: SetObject) throws {
        for v in other.items where !(try discard(v)) { try add(v) }
    }

    package var typeName: String { frozen ? "frozenset" : "set" }
    package func repr() -> String {
        let body = items.isEmpty ? "" : "{" + items.map(Formatting.repr).joined(separator: ", ") + "}"
        if frozen { return "frozenset(\(body))" }
        return items.isEmpty ? "set()" : body
    }
    package func isInstance(of className: String) -> Bool { className == "set" && !frozen }

    func contains(_ v: Value) throws -> Bool { try storage.get(v) != nil }

    package func iterate(_ interp: Interpreter) throws -> [Value]? { items }
    package func length(_ interp: Interpreter) throws -> Int? { storage.count }
    package func truthValue(_ interp: Interpreter) throws -> Bool? { storage.count > 0 }
    package func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? { try contains(item) }

    package func equals(_ other: Value) -> Bool? {
        guard case .object(let o as SetObject) = other else { return false }
        return o.storage.count == storage.count && ((try? isSubset(of: o)) ?? false)
    }

    private func isSubset(of other: SetObject) throws -> Bool { try items.allSatisfy { try other.contains($0) } }

    /// `self op other` as CPython computes it (the result's table order included).
    private func combined(_ other: SetObject, _ op: BinaryOperator) throws -> SetObject? {
        switch op {
        case .bitOr:
            let result = try SetObject(copying: self, frozen: frozen)
            if other !== self { try result.merge(other) }
            return result
        case .bitAnd: return try intersection(other)
        case .sub: return try difference(other)
        case .bitXor:
            let result = try SetObject(copying: other, frozen: frozen)
            try result.toggle(self)
            return result
        default: return nil
        }
    }

    /// A set method's argument: a set, or another iterable's items, which CPython walks in
    /// their own order.
    private enum Operand {
        case set(SetObject)
        case items([Value])

        func asSet() throws -> SetObject {
            switch self {
            case .set(let s): return s
            case .items(let items): return try SetObject(items)
            }
        }

        func isSet(_ s: SetObject) -> Bool {
            if case .set(let o) = self { return o === s }
            return false
        }
    }

    /// `self op= other` for a method's argument.
    private func update(_ other: Operand, _ op: BinaryOperator) throws {
        switch (other, op) {
        case (.set(let s), _): try update(s, op)
        case (.items(let items), .bitOr): for v in items { try add(v) }
        case (.items(let items), .bitAnd): try replace(with: try SetObject(items.filter { try contains($0) }, frozen: frozen))
        case (.items(let items), .sub):
            for v in items { try discard(v) }
            table?.purgeDummies()
        case (.items, _): try update(try other.asSet(), op)
        }
    }

    /// `self op= other` in place.
    private func update(_ other: SetObject, _ op: BinaryOperator) throws {
        switch op {
        case .bitOr: try merge(other)
        case .bitAnd: try replace(with: try intersection(other))
        case .sub:
            if other === self { return clear() }
            for v in other.items { try discard(v) }
            table?.purgeDummies()
        case .bitXor:
            if other === self { return clear() }
            try toggle(other)
        default: break
        }
    }

    package func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard case .object(let o as SetObject) = other else { return nil }
        return try (reflected ? o.combined(self, op) : combined(o, op)).map(Value.object)
    }

    package func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        guard !frozen, case .object(let o as SetObject) = other, [.bitOr, .bitAnd, .sub, .bitXor].contains(op) else {
            return nil
        }
        try update(o, op)
        return .object(self)
    }

    package func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
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

    package func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        func method(_ body: @escaping (Arguments, Interpreter) throws -> Value) -> Value { .object(BuiltinFunction(n, body)) }
        func operands(_ args: Arguments, _ interp: Interpreter) throws -> [Operand] {
            try args.positional.map { v in
                if case .object(let s as SetObject) = v { return .set(s) }
                return .items(try interp.iterate(v))
            }
        }
        func others(_ args: Arguments, _ interp: Interpreter) throws -> [SetObject] {
            try operands(args, interp).map { try $0.asSet() }
        }
        func fold(_ op: BinaryOperator) -> Value {
            method { args, interp in
                let others = try operands(args, interp)
                guard let first = others.first, op != .bitOr else {
                    // `union` copies the set and merges the others into the copy (itself skipped).
                    let result = try SetObject(copying: self, frozen: self.frozen)
                    for o in others where !o.isSet(self) { try result.update(o, .bitOr) }
                    return .object(result)
                }
                let result: SetObject
                switch (first, op) {
                case (.items(let items), .bitAnd):
                    result = try SetObject(items.filter { try self.contains($0) }, frozen: self.frozen)
                case (.items, .sub):
                    result = try SetObject(copying: self, frozen: self.frozen)
                    try result.update(first, .sub)
                default: result = try self.combined(first.asSet(), op)!
                }
                for o in others.dropFirst() { try result.update(o, op) }
                return .object(result)
            }
        }
        func update(_ op: BinaryOperator) -> Value? {
            guard !frozen else { return nil }
            return method { args, interp in
                for o in try operands(args, interp) { try self.update(o, op) }
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
        case "copy": return method { _, _ in .object(try SetObject(copying: self, frozen: self.frozen)) }
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
                try self.add(args.positional.first ?? .none)
                return .none
            }
        case "discard":
            return method { args, _ in
                try self.discard(args.positional.first ?? .none)
                return .none
            }
        case "remove":
            return method { args, _ in
                let v = args.positional.first ?? .none
                if !(try self.discard(v)) { throw PyException(instance: ExceptionInstance(.keyError, [v])) }
                return .none
            }
        case "pop":
            return method { _, _ in
                guard let v = self.table?.popFirst() ?? self.storage.keys.first else {
                    throw PyException(instance: ExceptionInstance(.keyError, [.string("pop from an empty set")]))
                }
                _ = try self.storage.remove(v)
                return v
            }
        case "clear":
            return method { _, _ in
                self.clear()
                return .none
            }
        default: return nil
        }
    }
}
