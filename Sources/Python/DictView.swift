/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
final class DictView: PyObject {
    enum Kind: String { case keys, values, items }
    let dict: DictStorage
    let kind: Kind

    init(_ dict: DictStorage, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    var typeName: String {
        if case .ordered = dict.flavor { return "odict_\(kind.rawValue)" }
        return "dict_\(kind.rawValue)"
    }

    var items: [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.items.map { $0.1 }
        case .items: return dict.items.map { .tuple([$0.0, $0.1]) }
        }
    }

    func repr() -> String { "\(typeName)(\(Formatting.repr(.list(ListStorage(items)))))" }
    func iterate(_ interp: Interpreter) throws -> [Value]? { items }
    func length(_ interp: Interpreter) throws -> Int? { dict.count }
    func truthValue(_ interp: Interpreter) throws -> Bool? { dict.count > 0 }
    func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? {
        switch kind {
        case .keys: return try dict.get(item) != nil
        case .values: return nil
        case .items:
            guard case .tuple(let pair) = item, pair.count == 2, let v = try dict.get(pair[0]) else { return false }
            return interp.equal(v, pair[1])
        }
    }
    func equals(_ other: Value) -> Bool? {
        guard kind != .values, case .object(let o as DictView) = other, o.kind == kind else { return false }
        return o.dict.count == dict.count && o.items.allSatisfy { v in items.contains { Interpreter.equalItems([$0], [v]) } }
    }
}
