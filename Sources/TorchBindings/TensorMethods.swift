import Autograd
import Python

/// A Tensor method as scripts call it: receiver, arguments, interpreter.
typealias TensorMethod = @Sendable (Tensor, Arguments, Interpreter) throws -> Value

/// The Tensor methods the op registry does not bind (see `RegistryBindings`), under their
/// PyTorch names: conversions and copies (`float`, `clone`, `detach`, `to`, `fill_`, `copy_`),
/// comparisons returning Python values (`allclose`, `equal`, `isclose`), shape queries (`size`,
/// `dim`, `stride`, `view_as`…), Python helpers (`item`, `tolist`), autograd (`backward`,
/// `requires_grad_`, `register_hook`, `retain_grad`), and `RegistryBindings.keptByHand`
/// (`view(dtype)`, `nonzero(as_tuple=)`). `torch.NAME(t, ...)` reuses these for the functions
/// that take the tensor first.
enum TensorMethods {
    static let table: [String: TensorMethod] = {
        var m = [String: TensorMethod]()
        func unary(_ name: String, _ f: @escaping @Sendable (Tensor) throws -> Tensor) {
            m[name] = { t, a, _ in
                try a.check(name, maxPositional: 0, allowed: [])
                return .tensor(try f(t))
            }
        }
        unary("square", { try $0.pow(2) })
        unary("contiguous", { try $0.contiguous() })
        unary("clone", { try $0.clone() })
        m["__deepcopy__"] = { t, _, _ in .tensor(try t.deepCopy()) }
        unary("detach", { $0.detach() })
        unary("detach_", { $0.detach_() })
        unary("zero_", { try $0.zero_() })
        unary("float", { try $0.to(.float32) })
        unary("double", { try $0.to(.float64) })
        unary("long", { try $0.to(.int64) })
        unary("int", { try $0.to(.int32) })
        unary("short", { try $0.to(.int16) })
        unary("char", { try $0.to(.int8) })
        unary("byte", { try $0.to(.uint8) })
        unary("bool", { try $0.to(.bool) })
        m["half"] = { _, _, _ in throw HalfPrecisionDTypeObject.float16.unsupported }
        m["bfloat16"] = { _, _, _ in throw HalfPrecisionDTypeObject.bfloat16.unsupported }
        m["isclose"] = { t, a, i in
            .tensor(
                try t.isclose(
                    try i.tensorValue(a.value(0, "other"), "isclose", "other"),
                    rtol: try i.doubleValue(a.value(1, "rtol") ?? .float(1e-5), "isclose", "rtol"),
                    atol: try i.doubleValue(a.value(2, "atol") ?? .float(1e-8), "isclose", "atol"),
                    equalNaN: try i.boolValue(a.value(3, "equal_nan"), default: false)))
        }
        m["true_divide"] = { t, a, i in .tensor(try t.div(try i.operandArgument(a, "true_divide", "other"))) }
        m["qr"] = { _, a, i in
            throw PyException.runtime(RemovedLinalg.qrMessage(some: try i.truthy(a.value(0, "some") ?? .bool(true))))
        }
        m["fill_"] = { t, a, i in .tensor(try t.fill_(try i.fillValue(a.value(0, "value"), for: t.dtype, "fill_", "value"))) }
        m["copy_"] = { t, a, i in .tensor(try t.copy_(try i.tensorValue(a.value(0, "src"), "copy_", "src"))) }
        m["allclose"] = { t, a, i in
            .bool(
                try t.allclose(
                    try i.tensorValue(a.value(0, "other"), "allclose", "other"),
                    rtol: try i.doubleValue(a.value(1, "rtol") ?? .float(1e-5), "allclose", "rtol"),
                    atol: try i.doubleValue(a.value(2, "atol") ?? .float(1e-8), "allclose", "atol"),
                    equalNaN: try i.boolValue(a.value(3, "equal_nan"), default: false)))
        }
        m["equal"] = { t, a, i in .bool(try t.equal(try i.tensorValue(a.value(0, "other"), "equal", "other"))) }
        m["view"] = { t, a, i in
            if case .object(let d as DTypeObject)? = a.positional.first, a.positional.count == 1 {
                throw PyException.runtime("GradScope does not support reinterpreting a tensor as \(d.dtype.name)")
            }
            return .tensor(try t.view(try i.shapeArgument(a, "view", allowInferred: true)))
        }
        m["view_as"] = { t, a, i in .tensor(try t.view(try i.tensorValue(a.value(0, "other"), "view_as", "other").shape)) }
        m["reshape_as"] = { t, a, i in .tensor(try t.reshape(try i.tensorValue(a.value(0, "other"), "reshape_as", "other").shape))
        }
        m["expand_as"] = { t, a, i in .tensor(try t.expand(try i.tensorValue(a.value(0, "other"), "expand_as", "other").shape)) }
        m["resize_"] = { t, a, i in .tensor(try t.resize_(try i.shapeArgument(a, "resize_"))) }
        m["unique"] = { t, a, i in
            try a.check("unique", maxPositional: 4, allowed: ["sorted", "return_inverse", "return_counts", "dim"])
            switch a.value(3, "dim") {
            case nil, .some(.none): break
            default: throw PyException(.notImplementedError, "unique(dim=) is not supported by GradScope yet")
            }
            let inverse = try i.boolValue(a.value(1, "return_inverse"), default: false)
            let counts = try i.boolValue(a.value(2, "return_counts"), default: false)
            let r = t.unique()
            guard inverse || counts else { return .tensor(r.values) }
            return .tuple([.tensor(r.values)] + (inverse ? [.tensor(r.inverse)] : []) + (counts ? [.tensor(r.counts)] : []))
        }
        m["item"] = { t, a, _ in
            try a.check("item", maxPositional: 0, allowed: [])
            return scalarValue(try t.item())
        }
        m["tolist"] = { t, _, i in
            // The nested lists and the values they hold, counted before they are made.
            try i.reserveMemory([t.numel, 2], itemSize: MemoryLayout<Value>.stride)
            return nestedValue(t.tolist())
        }
        m["numpy"] = { t, a, _ in
            try a.check("numpy", maxPositional: 0, allowed: ["force"])
            return .object(try NumPyBridge.numpyView(of: t))
        }
        m["size"] = { t, a, i in
            guard let d = a.value(0, "dim") else { return .object(SizeObject(t.shape)) }
            return .int(try t.size(try i.intValue(d, "size", "dim")))
        }
        m["dim"] = { t, _, _ in .int(t.dim) }
        m["ndimension"] = { t, _, _ in .int(t.dim) }
        m["numel"] = { t, _, _ in .int(t.numel) }
        m["nelement"] = { t, _, _ in .int(t.numel) }
        m["element_size"] = { t, _, _ in .int(t.dtype.itemSize) }
        m["is_inference"] = { t, _, _ in .bool(t.isInference) }
        m["is_floating_point"] = { t, _, _ in .bool(t.dtype.isFloatingPoint) }
        m["is_contiguous"] = { t, _, _ in .bool(t.isContiguous) }
        m["is_complex"] = { _, _, _ in .bool(false) }
        m["is_signed"] = { t, _, _ in .bool(t.dtype != .bool) }
        m["get_device"] = { _, _, _ in .int(-1) }
        m["is_same_size"] = { t, a, i in
            .bool(t.shape == (try i.tensorValue(a.value(0, "other"), "is_same_size", "other")).shape)
        }
        m["is_nonzero"] = { t, _, _ in
            guard t.numel == 1 else {
                let count = t.numel == 0 ? "no values" : "more than one value"
                throw PyException.runtime("Boolean value of Tensor with \(count) is ambiguous")
            }
            return .bool(try t.item().doubleValue != 0)
        }
        unary("ravel", { try $0.contiguous().view([-1]) })
        m["where"] = { t, a, i in
            try a.check("where", maxPositional: 2, allowed: ["condition", "other"])
            let condition = try i.tensorValue(a.value(0, "condition"), "where", "condition")
            let other = try TorchFunctions.whereBranch(a.value(1, "other"), position: 2, name: "other")
            return .tensor(try Tensor.maskedWhere(condition, t, other))
        }
        m["stride"] = { t, a, i in
            guard let d = a.value(0, "dim") else { return .tuple(t.strides.map { .int($0) }) }
            let n = try normalizeDim(try i.intValue(d, "stride", "dim"), rank: t.dim)
            return .int(t.strides[n])
        }
        m["storage_offset"] = { t, _, _ in .int(t.offset) }
        m["type"] = { t, a, i in
            guard let target = try a.value(0, "dtype")?.rejectingHalfPrecision() else {
                return .string(t.dtype.legacyTypeName)
            }
            if case .object(let d as DTypeObject) = target { return .tensor(try t.to(d.dtype)) }
            if case .string(let name) = target, let d = DType.allCases.first(where: { $0.legacyTypeName == name }) {
                return .tensor(try t.to(d))
            }
            throw PyException.type("type(): invalid dtype \(Formatting.repr(target))")
        }
        m["requires_grad_"] = { t, a, i in
            let flag = try i.boolValue(a.value(0, "requires_grad"), default: true)
            if flag && t.isLeaf && !t.dtype.isFloatingPoint {
                throw PyException.runtime("only Tensors of floating point dtype can require gradients")
            }
            return .tensor(try t.requiresGrad_(flag))
        }
        m["retain_grad"] = { t, _, _ in
            try t.retainGrad()
            return .none
        }
        m["register_hook"] = { t, a, i in
            guard let hook = a.value(0, "hook") else {
                throw PyException.type("register_hook() missing required argument 'hook'")
            }
            return .object(
                HookHandleObject(
                    try t.registerHook { [unowned i] grad in
                        let r = try i.call(hook, Arguments([.tensor(grad)]))
                        switch r {
                        case .none: return nil
                        case .object(let replacement as Tensor): return replacement
                        default: throw PyException.runtime("hook returned a \(Formatting.typeName(r)); expected a Tensor or None")
                        }
                    }))
        }
        m["backward"] = { t, a, i in
            try a.check("backward", maxPositional: 3, allowed: ["gradient", "retain_graph", "create_graph", "inputs"])
            let gradient = try a.value(0, "gradient").flatMap {
                i.isNone($0) ? nil : try i.tensorValue($0, "backward", "gradient")
            }
            let retain = try a.value(1, "retain_graph").flatMap { i.isNone($0) ? nil : try i.truthy($0) }
            try i.runBackward(
                [t], gradients: [gradient], retainGraph: retain,
                createGraph: try i.boolValue(a.value(2, "create_graph"), default: false),
                inputs: a.value(3, "inputs"))
            return .none
        }
        m["nonzero"] = { t, a, i in
            try a.check("nonzero", maxPositional: 0, allowed: ["as_tuple"])
            if try i.boolValue(a.keyword("as_tuple"), default: false) { return .tuple(t.nonzeroTuple().map(Value.tensor)) }
            return .tensor(try t.nonzero())
        }
        m.merge(RandomSamplingBindings.methods) { hand, _ in hand }
        m.merge(DeviceBindings.methods) { hand, _ in hand }
        m.merge(StorageBindings.methods) { hand, _ in hand }
        m.merge(SplitBindings.methods) { hand, _ in hand }
        m.merge(NewTensorBindings.methods) { hand, _ in hand }
        return m
    }()
}

/// `torch.return_types.max(values=..., indices=...)`: the named tuple an op with named returns
/// gives (`max.dim`'s values and indices, `linalg.slogdet`'s sign and logabsdet), its fields
/// named as the signature names them.
final class ReturnTypesObject: PyObject {
    let name: String
    let fields: [(name: String, value: Tensor)]
    init(name: String, fields: [(name: String, value: Tensor)]) {
        self.name = name
        self.fields = fields
    }
    var typeName: String { name }
    func repr() -> String {
        "torch.return_types.\(name)(\n" + fields.map { "\($0.name)=\(TensorFormatter.repr($0.value))" }.joined(separator: ",\n")
            + ")"
    }
    func iterate(_ interp: Interpreter) throws -> [Value]? { fields.map { .tensor($0.value) } }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? {
        try interp.subscriptValue(.tuple(fields.map { .tensor($0.value) }), key)
    }
    func isInstance(of className: String) -> Bool { className == "tuple" }
    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        fields.first { $0.name == n }.map { .tensor($0.value) }
    }
}

func nestedValue(_ n: NestedValues) -> Value {
    switch n {
    case .scalar(let s): return scalarValue(s)
    case .list(let items): return .list(ListStorage(items.map(nestedValue)))
    }
}

extension Interpreter {
    func operandArgument(_ a: Arguments, _ function: String, _ name: String) throws -> Operand {
        guard let v = a.value(0, name) else {
            throw PyException.type("\(function)() missing 1 required positional arguments: \"\(name)\"")
        }
        guard let o = try operand(v) else {
            throw PyException.type("\(function)(): argument '\(name)' (position 1) must be Tensor, not \(Formatting.typeName(v))")
        }
        return o
    }
}
