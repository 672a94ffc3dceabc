import Autograd

/// A non-tensor argument an op's grad_fn keeps for its formula, under PyTorch's name for it
/// (what `grad_fn._saved_NAME` gives: `exponent`, `alpha`, `dim`, `keepdim`, or a Python number
/// operand such as `other` in `x * 2`), with its value as Python prints it (`2`, `(1,)`, `True`,
/// `2.0`).
public struct OpAttribute: Sendable, Hashable {
    /// PyTorch's name, without the `_saved_` prefix.
    public let name: String
    /// The value as `str()` prints it in Python.
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Graph {
    /// The attributes the grad_fn of op `op` keeps, in its formula's order (empty for an op
    /// without a grad_fn, or whose grad_fn keeps none).
    public func attributes(ofOp op: Int) -> [OpAttribute] {
        guard op < opAttributeSet.count, opAttributeSet[op] >= 0 else { return [] }
        return attributeSets[Int(opAttributeSet[op])]
    }

    /// The index into `attributeSets` of op `op`'s list, nil for none.
    func attributeSet(ofOp op: Int) -> Int? {
        op < opAttributeSet.count && opAttributeSet[op] >= 0 ? Int(opAttributeSet[op]) : nil
    }

    /// Gives op `op` the list `attributeSets[set]`.
    mutating func setAttributeSet(_ set: Int, ofOp op: Int) {
        let packed = Int32(truncatingIfNeeded: set)
        // The recorder's case: the op recorded now, one past the end.
        if opAttributeSet.count == op { return opAttributeSet.append(packed) }
        if opAttributeSet.count < op { opAttributeSet += repeatElement(-1, count: op + 1 - opAttributeSet.count) }
        opAttributeSet[op] = packed
    }
}

/// An attribute as the engine gave it, compared before it is formatted.
struct RawAttribute: Equatable {
    enum Value: Equatable {
        case kept(SavedValue)
        case number(ScalarValue)
    }
    let name: String
    let value: Value

    /// Whether it is the value `value` a node keeps under `name`, compared in place.
    func isKept(_ value: SavedValue, named name: String) -> Bool {
        guard case .kept(let kept) = self.value else { return false }
        return kept == value && self.name == name
    }

    /// Whether it is the Python number `number` a slot named `name` holds, compared in place.
    func isNumber(_ number: ScalarValue, named name: String) -> Bool {
        guard case .number(let n) = value else { return false }
        return n == number && self.name == name
    }

    /// The value as Python prints it.
    var text: String {
        switch value {
        case .kept(let v): return PythonText.of(v)
        case .number(let n): return PythonText.of(n)
        }
    }
}

/// The attribute lists the recorder has stored, so that ops keeping the same values share one.
struct AttributeInterning {
    private var index: [[OpAttribute]: Int] = [:]
    /// Per grad_fn class: the last raw list and its set, to skip formatting in a loop.
    private var last: [String: (raw: [RawAttribute], set: Int)] = [:]
    /// The entries of `last` set or found most recently (a loop body's few grad_fn classes),
    /// compared before hashing the class name; replaced oldest first.
    private var recent: [(nodeName: String, raw: [RawAttribute], set: Int)] = []
    private var nextRecent = 0
    /// Per `NodeKind` id: the raw list a node of the kind kept last, found by index with no
    /// class name compared; and its set, -1 while no node of the kind kept any. Two columns, so
    /// that a look-up reads the list in place rather than copying an entry out (and retaining it).
    private var rawByKind: [[RawAttribute]] = []
    private var setByKind: [Int] = []
    /// Per `NodeKind` id: the values list itself that the node of `rawByKind` kept. A node
    /// holding the very same array (one buffer, as nodes made with a shared constant list such
    /// as add's `alpha` of 1 are) keeps the same values, with nothing to compare.
    private var valuesByKind: [[(name: String, value: SavedValue)]] = []

    /// The set `set(of:nodeName:kind:values:in:)` gives the attributes a node of kind `kind` keeps
    /// (`values`, then the Python numbers among `slots`) when the last node of the kind kept the
    /// same: compared where they are, with no list built. Nil when it did not.
    /// (Mutating only so that the recorder calls it in place, without copying the interning.)
    mutating func kindSet(_ kind: Int, values: [(name: String, value: SavedValue)], slots: [SavedTensor]) -> Int? {
        guard kind < setByKind.count, setByKind[kind] >= 0 else { return nil }
        let raw = rawByKind[kind]
        let same =
            Self.isSameArray(valuesByKind[kind], values)
            ? Self.raw(raw, holdsNumbersOf: slots, from: values.count) : Self.raw(raw, holds: values, slots)
        return same ? setByKind[kind] : nil
    }

    /// Whether `a` and `b` share one buffer (so hold the same elements).
    private static func isSameArray<T>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { p in b.withUnsafeBufferPointer { p.baseAddress == $0.baseAddress } }
    }

    /// The set `set(of:nodeName:in:)` gives the attributes `node` keeps (`values`, then the
    /// Python numbers among `slots`) when one of the recent entries holds them: compared where
    /// they are, with no list built. Nil when none does.
    /// (Mutating only so that the recorder calls it in place, without copying the interning.)
    mutating func recentSet(
        nodeName: String, values: [(name: String, value: SavedValue)], slots: [SavedTensor]
    ) -> Int? {
        for k in recent.indices where recent[k].nodeName == nodeName {
            if Self.raw(recent[k].raw, holds: values, slots) { return recent[k].set }
        }
        return nil
    }

    /// Whether `raw` is the list `Recorder.noteAttributes` would build from `values` and `slots`.
    private static func raw(
        _ raw: [RawAttribute], holds values: [(name: String, value: SavedValue)], _ slots: [SavedTensor]
    ) -> Bool {
        var k = 0
        for i in values.indices {
            guard k < raw.count, raw[k].isKept(values[i].value, named: values[i].name) else { return false }
            k += 1
        }
        return Self.raw(raw, holdsNumbersOf: slots, from: k)
    }

    /// Whether `raw[first...]` lists the Python numbers among `slots` as `Recorder.noteAttributes` would.
    private static func raw(_ raw: [RawAttribute], holdsNumbersOf slots: [SavedTensor], from first: Int) -> Bool {
        var k = first
        for slot in slots {
            guard let n = slot.wrappedNumber else { continue }
            guard k < raw.count, raw[k].isNumber(n, named: slot.role) else { return false }
            k += 1
        }
        return k == raw.count
    }

    /// The set of `raw`, kept by a node of class `nodeName` made as `NodeKind` `kind` (-1: none)
    /// that listed `values` first, adding it to `graph` if it is new.
    mutating func set(
        of raw: [RawAttribute], nodeName: String, kind: Int, values: [(name: String, value: SavedValue)],
        in graph: inout Graph
    ) -> Int {
        let set = set(of: raw, nodeName: nodeName, in: &graph)
        if kind >= 0 {
            if kind >= setByKind.count {
                rawByKind += repeatElement([], count: kind + 1 - setByKind.count)
                valuesByKind += repeatElement([], count: kind + 1 - setByKind.count)
                setByKind += repeatElement(-1, count: kind + 1 - setByKind.count)
            }
            rawByKind[kind] = raw
            valuesByKind[kind] = values
            setByKind[kind] = set
        }
        return set
    }

    private mutating func set(of raw: [RawAttribute], nodeName: String, in graph: inout Graph) -> Int {
        for k in recent.indices where recent[k].nodeName == nodeName && recent[k].raw == raw { return recent[k].set }
        if let cached = last[nodeName], cached.raw == raw {
            remember(nodeName, raw, cached.set)
            return cached.set
        }
        let attributes = raw.map { OpAttribute(name: $0.name, value: $0.text) }
        let set: Int
        if let known = index[attributes] {
            set = known
        } else {
            set = graph.attributeSets.count
            graph.attributeSets.append(attributes)
            index[attributes] = set
        }
        last[nodeName] = (raw, set)
        remember(nodeName, raw, set)
        return set
    }

    private mutating func remember(_ nodeName: String, _ raw: [RawAttribute], _ set: Int) {
        if recent.count < 8 {
            recent.append((nodeName, raw, set))
        } else {
            recent[nextRecent] = (nodeName, raw, set)
            nextRecent = (nextRecent + 1) % recent.count
        }
    }
}

extension Recorder {
    /// Records the attributes `node`, the grad_fn of op `op`, keeps: its non-tensor values and
    /// the Python numbers among its saved tensors.
    func noteAttributes(of node: Node, op: Int) {
        let values = node.savedValues
        let slots = node.saved
        guard !values.isEmpty || slots.contains(where: { $0.holdsWrappedNumber }) else { return }
        let kind = node.kindID
        // A loop's ops keep the values an op of the same kind kept a moment ago: found by the
        // kind's id when the node has one, with no class name read.
        if kind >= 0, let set = attributeInterning.kindSet(kind, values: values, slots: slots) {
            return graph.setAttributeSet(set, ofOp: op)
        }
        let nodeName = node.name
        if kind < 0, let set = attributeInterning.recentSet(nodeName: nodeName, values: values, slots: slots) {
            return graph.setAttributeSet(set, ofOp: op)
        }
        // Listed in a buffer the recorder keeps (taken out while in use): no array per op.
        var raw = attributeScratch
        attributeScratch = []
        defer {
            raw.removeAll(keepingCapacity: true)
            attributeScratch = raw
        }
        for v in values { raw.append(RawAttribute(name: v.name, value: .kept(v.value))) }
        for slot in slots {
            if let n = slot.wrappedNumber { raw.append(RawAttribute(name: slot.role, value: .number(n))) }
        }
        graph.setAttributeSet(
            attributeInterning.set(of: raw, nodeName: nodeName, kind: kind, values: values, in: &graph), ofOp: op)
    }
}

/// Python's `str()` of the values grad_fn attributes hold.
enum PythonText {
    static func of(_ value: SavedValue) -> String {
        switch value {
        case .int(let i): return String(i)
        case .ints(let items):
            return items.count == 1 ? "(\(items[0]),)" : "(" + items.map(String.init).joined(separator: ", ") + ")"
        case .bool(let b): return b ? "True" : "False"
        case .scalar(let s): return of(s)
        case .string(let s): return s
        }
    }

    static func of(_ value: ScalarValue) -> String {
        switch value {
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        case .double(let d): return float(d)
        }
    }

    /// Python's `repr` of a float: the shortest round-trip digits, `.0` on integral values,
    /// exponent form below 1e-4 and from 1e16.
    static func float(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let magnitude = abs(d)
        // Swift writes `1e-05`, `1e+16` and `1.5e-07`, as Python does.
        if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16) { return "\(d)" }
        if d == d.rounded() { return (d == 0 && d.sign == .minus ? "-0" : String(Int64(d))) + ".0" }
        return "\(d)"
    }
}
