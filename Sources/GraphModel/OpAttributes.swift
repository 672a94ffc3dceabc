import Autograd

/// A non-tensor argument an op's grad_fn keeps for its formula, under PyTorch's name for it
/// (what `grad_fn._saved_NAME` gives: `exponent`, `alpha`, `dim`, `keepdim`, or a Python number
/// operand such as `other` in `x * 2`), with its value as Python prints it (`2`, `(1,)`, `True`,
/// `2.0`).
public struct OpAttribute: Sendable, Equatable {
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
    public func attributes(ofOp op: Int) -> [OpAttribute] { opAttributes[op] ?? [] }
}

extension Recorder {
    /// Records the attributes `node`, the grad_fn of op `op`, keeps: its non-tensor values and
    /// the Python numbers among its saved tensors.
    func noteAttributes(of node: Node, op: Int) {
        var attributes = node.savedValues.map { OpAttribute(name: $0.name, value: Self.pythonText($0.value)) }
        for slot in node.saved {
            if let n = slot.wrappedNumber { attributes.append(OpAttribute(name: slot.role, value: Self.pythonText(n))) }
        }
        if !attributes.isEmpty { graph.opAttributes[op] = attributes }
    }

    static func pythonText(_ value: SavedValue) -> String {
        switch value {
        case .int(let i): return String(i)
        case .ints(let items):
            return items.count == 1 ? "(\(items[0]),)" : "(" + items.map(String.init).joined(separator: ", ") + ")"
        case .bool(let b): return b ? "True" : "False"
        case .scalar(let s): return pythonText(s)
        }
    }

    static func pythonText(_ value: ScalarValue) -> String {
        switch value {
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        case .double(let d): return pythonFloat(d)
        }
    }

    /// Python's `repr` of a float: the shortest round-trip digits, `.0` on integral values,
    /// exponent form below 1e-4 and from 1e16.
    static func pythonFloat(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let magnitude = abs(d)
        if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16) {
            // Swift writes `1e-05`, `1e+16` and `1.5e-07`, as Python does.
            return "\(d)"
        }
        if d == d.rounded() { return (d == 0 && d.sign == .minus ? "-0" : String(Int64(d))) + ".0" }
        return "\(d)"
    }
}
