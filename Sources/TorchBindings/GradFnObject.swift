import Autograd
import Python

/// A `grad_fn` object: a Python view of an autograd node (`torch.autograd.graph.Node`), with
/// `name()`, `next_functions`, `metadata`, node hooks and the saved tensors as `_saved_ROLE`.
final class GradFnObject: PyObject {
    let node: Node
    init(_ node: Node) { self.node = node }

    /// `torch.autograd.graph.Node`, the abstract class every grad_fn is an instance of.
    static let nodeType = TypeObject("Node", qualifiedName: "torch.autograd.graph.Node")

    var typeName: String { node is AccumulateGrad ? "AccumulateGrad" : node.name }
    func repr() -> String {
        "<\(typeName) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(node).hashValue) & 0xffffffffffff, radix: 16))>"
    }
    func isInstance(of className: String) -> Bool { className == "Node" }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "name":
            // Nodes implemented in C++ (not generated from derivatives.yaml) carry their namespace.
            let name = node.name == "CopySlices" ? "torch::autograd::CopySlices" : node.name
            return .object(BuiltinFunction("name") { _, _ in .string(name) })
        case "next_functions":
            return .tuple(
                node.nextEdges.map { edge in
                    guard let edge else { return .tuple([.none, .int(0)]) }
                    return .tuple([interp.gradFnValue(edge.node), .int(edge.inputNr)])
                })
        case "variable":
            guard let acc = node as? AccumulateGrad, let v = acc.variable else { return nil }
            return .tensor(v)
        case "metadata":
            if let dict = node.hostData as? DictStorage { return .dict(dict) }
            let dict = DictStorage()
            node.hostData = dict
            return .dict(dict)
        case "register_prehook":
            return .object(
                BuiltinFunction("register_prehook") { [node] args, interp in
                    try Self.registerPreHook(on: node, args, interp)
                })
        case "register_hook":
            return .object(
                BuiltinFunction("register_hook") { [node] args, interp in
                    try Self.registerPostHook(on: node, args, interp)
                })
        default:
            if name.hasPrefix("_saved_") { return try savedTensor(String(name.dropFirst("_saved_".count))) }
            if name.hasPrefix("_raw_saved_") {
                let role = String(name.dropFirst("_raw_saved_".count))
                return node.declaresSaved(role) ? .object(RawSavedTensorObject()) : nil
            }
            return nil
        }
    }

    /// `_saved_NAME`: the saved tensor (None when the formula did not need to save it) or the
    /// kept value (a size tuple, a dim, a flag, a number); nil, an AttributeError, for a name the
    /// node's formula does not have.
    private func savedTensor(_ role: String) throws -> Value? {
        if node.declaresSaved(role) { return try node.unpackSaved(role).map(Value.tensor) ?? Value.none }
        switch node.savedValue(role) {
        case nil: return nil
        case .int(let i)?: return .int(i)
        case .ints(let items)?: return .tuple(items.map { .int($0) })
        case .bool(let b)?: return .bool(b)
        case .scalar(.int(let i))?: return .int(Int(i))
        case .scalar(.double(let d))?: return .float(d)
        case .scalar(.bool(let b))?: return .bool(b)
        case .string(let s)?: return .string(s)
        }
    }

    private static func registerPreHook(on node: Node, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        try args.check("register_prehook", maxPositional: 1, allowed: ["fn"])
        guard let fn = args.value(0, "fn") else { throw PyException.type("register_prehook() missing required argument 'fn'") }
        let handle = node.registerPreHook(named: functionName(fn, interp)) { [unowned interp] gradOutputs in
            try gradients(returnedBy: interp.call(fn, Arguments([gradientTuple(gradOutputs)])), interp)
        }
        return .object(HookHandleObject(handle))
    }

    private static func registerPostHook(on node: Node, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        try args.check("register_hook", maxPositional: 1, allowed: ["fn"])
        guard let fn = args.value(0, "fn") else { throw PyException.type("register_hook() missing required argument 'fn'") }
        let handle = node.registerPostHook(named: functionName(fn, interp)) { [unowned interp] gradInputs, gradOutputs in
            try gradients(
                returnedBy: interp.call(fn, Arguments([gradientTuple(gradInputs), gradientTuple(gradOutputs)])), interp)
        }
        return .object(HookHandleObject(handle))
    }

    /// A hook's `__name__`, for PyTorch's error about its result.
    private static func functionName(_ fn: Value, _ interp: Interpreter) -> String {
        if case .object(let o) = fn, case .string(let name)? = try? o.attribute("__name__", interp) { return name }
        return Formatting.typeName(fn)
    }

    private static func gradientTuple(_ grads: [Tensor?]) -> Value { .tuple(grads.map { $0.map(Value.tensor) ?? .none }) }

    /// A hook's result: nil for None (keep the gradients), else one tensor or None per slot.
    private static func gradients(returnedBy result: Value, _ interp: Interpreter) throws -> [Tensor?]? {
        if interp.isNone(result) { return nil }
        return try interp.iterate(result).map { item in
            switch item {
            case .none: return nil
            case .object(let t as Tensor): return t
            default: throw PyException.type("expected a Tensor or None as a gradient, got \(Formatting.typeName(item))")
            }
        }
    }
}

/// `grad_fn._raw_saved_ROLE`: PyTorch's `torch._C._autograd.SavedTensor` handle.
final class RawSavedTensorObject: PyObject {
    var typeName: String { "SavedTensor" }
    func repr() -> String {
        "<torch._C._autograd.SavedTensor object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue) & 0xffffffffffff, radix: 16))>"
    }
}
