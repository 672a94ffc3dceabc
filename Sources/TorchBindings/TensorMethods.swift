import Autograd
import Python

/// A Tensor method as scripts call it: receiver, arguments, interpreter.
typealias TensorMethod = (Tensor, Arguments, Interpreter) throws -> Value

/// Tensor methods under their PyTorch names. `torch.NAME(t, ...)` reuses these for the functions
/// that take the tensor first.
enum TensorMethods {
    static let table: [String: TensorMethod] = {
        var m = [String: TensorMethod]()
        func unary(_ name: String, _ f: @escaping (Tensor) throws -> Tensor) {
            m[name] = { t, a, _ in try a.check(name, maxPositional: 0, allowed: []); return .tensor(try f(t)) }
        }
        func binary(_ name: String, _ f: @escaping (Tensor, Operand) throws -> Tensor) {
            m[name] = { t, a, i in .tensor(try f(t, try i.operandArgument(a, name, "other"))) }
        }
        unary("neg", { try $0.neg() }); unary("negative", { try $0.neg() })
        unary("abs", { try $0.abs() }); unary("exp", { try $0.exp() }); unary("log", { try $0.log() })
        unary("sqrt", { try $0.sqrt() }); unary("sin", { try $0.sin() }); unary("cos", { try $0.cos() })
        unary("tanh", { try $0.tanh() }); unary("sigmoid", { try $0.sigmoid() }); unary("relu", { try $0.relu() })
        unary("reciprocal", { try $0.reciprocal() }); unary("square", { try $0.pow(2) })
        unary("t", { try $0.t() }); unary("contiguous", { try $0.contiguous() }); unary("clone", { try $0.clone() })
        unary("detach", { $0.detach() }); unary("detach_", { $0.detach_() })
        unary("zero_", { try $0.zero_() }); unary("sigmoid_", { try $0.sigmoid_() }); unary("relu_", { try $0.relu_() })
        unary("exp_", { try $0.exp_() }); unary("neg_", { try $0.neg_() })
        unary("float", { try $0.to(.float32) }); unary("double", { try $0.to(.float64) })
        unary("long", { try $0.to(.int64) }); unary("int", { try $0.to(.int64) }); unary("bool", { try $0.to(.bool) })
        unary("cpu", { $0 })
        unary("sign", { try $0.sign() }); unary("sgn", { try $0.sgn() }); unary("isnan", { $0.isnan() })
        m["isclose"] = { t, a, i in
            .tensor(try t.isclose(try i.tensorValue(a.value(0, "other"), "isclose", "other"),
                                  rtol: try i.doubleValue(a.value(1, "rtol") ?? .float(1e-5), "isclose", "rtol"),
                                  atol: try i.doubleValue(a.value(2, "atol") ?? .float(1e-8), "isclose", "atol"),
                                  equalNaN: try i.boolValue(a.value(3, "equal_nan"), default: false)))
        }
        m["select"] = { t, a, i in
            .tensor(try t.select(try i.intValue(a.value(0, "dim"), "select", "dim"), try i.intValue(a.value(1, "index"), "select", "index")))
        }
        m["narrow"] = { t, a, i in
            .tensor(try t.narrow(try i.intValue(a.value(0, "dim"), "narrow", "dim"), start: try i.intValue(a.value(1, "start"), "narrow", "start"),
                                 length: try i.intValue(a.value(2, "length"), "narrow", "length")))
        }
        m["bmm"] = { t, a, i in .tensor(try t.bmm(try i.tensorValue(a.value(0, "mat2"), "bmm", "mat2"))) }
        binary("mul") { t, o in try t.mul(o) }
        binary("div") { t, o in try t.div(o) }
        binary("true_divide") { t, o in try t.div(o) }
        binary("eq") { t, o in try t.eq(o) }
        binary("ne") { t, o in try t.ne(o) }
        binary("lt") { t, o in try t.lt(o) }
        binary("le") { t, o in try t.le(o) }
        binary("gt") { t, o in try t.gt(o) }
        binary("ge") { t, o in try t.ge(o) }
        binary("mul_") { t, o in try t.mul_(o) }
        binary("div_") { t, o in try t.div_(o) }
        m["add"] = { t, a, i in .tensor(try t.add(try i.operandArgument(a, "add", "other"), alpha: try i.doubleValue(a.keyword("alpha") ?? .int(1), "add", "alpha"))) }
        m["sub"] = { t, a, i in .tensor(try t.sub(try i.operandArgument(a, "sub", "other"), alpha: try i.doubleValue(a.keyword("alpha") ?? .int(1), "sub", "alpha"))) }
        m["add_"] = { t, a, i in .tensor(try t.add_(try i.operandArgument(a, "add_", "other"), alpha: try i.doubleValue(a.keyword("alpha") ?? .int(1), "add_", "alpha"))) }
        m["sub_"] = { t, a, i in .tensor(try t.sub_(try i.operandArgument(a, "sub_", "other"), alpha: try i.doubleValue(a.keyword("alpha") ?? .int(1), "sub_", "alpha"))) }
        m["pow"] = { t, a, i in
            switch try i.operandArgument(a, "pow", "exponent") {
            case .tensor(let e): return .tensor(try t.pow(e))
            case .scalar(let s): return .tensor(try t.pow(s))
            }
        }
        m["pow_"] = { t, a, i in .tensor(try t.pow_(try i.requiredScalar(a.value(0, "exponent"), "pow_", "exponent"))) }
        m["fill_"] = { t, a, i in .tensor(try t.fill_(try i.doubleValue(a.value(0, "value"), "fill_", "value"))) }
        m["copy_"] = { t, a, i in .tensor(try t.copy_(try i.tensorValue(a.value(0, "src"), "copy_", "src"))) }
        m["clamp"] = { t, a, i in
            .tensor(try t.clamp(min: try i.optionalScalar(a.value(0, "min"), "clamp", "min"),
                                max: try i.optionalScalar(a.value(1, "max"), "clamp", "max")))
        }
        m["clamp_"] = { t, a, i in
            .tensor(try t.clamp_(min: try i.optionalScalar(a.value(0, "min"), "clamp_", "min"),
                                 max: try i.optionalScalar(a.value(1, "max"), "clamp_", "max")))
        }
        m["clamp_min"] = { t, a, i in .tensor(try t.clampMin(try i.requiredScalar(a.value(0, "min"), "clamp_min", "min"))) }
        m["clamp_max"] = { t, a, i in .tensor(try t.clampMax(try i.requiredScalar(a.value(0, "max"), "clamp_max", "max"))) }
        m["sum"] = { t, a, i in
            let keep = try i.boolValue(a.value(1, "keepdim"), default: false)
            guard let d = a.value(0, "dim"), !i.isNone(d) else { return .tensor(try t.sum()) }
            return .tensor(try t.sum(dims: try i.intList(d, "sum", "dim"), keepdim: keep))
        }
        m["mean"] = { t, a, i in
            let keep = try i.boolValue(a.value(1, "keepdim"), default: false)
            guard let d = a.value(0, "dim"), !i.isNone(d) else { return .tensor(try t.mean()) }
            return .tensor(try t.mean(dims: try i.intList(d, "mean", "dim"), keepdim: keep))
        }
        for (name, isMax) in [("max", true), ("min", false)] {
            m[name] = { t, a, i in
                let keep = try i.boolValue(a.value(1, "keepdim"), default: false)
                guard let d = a.value(0, "dim"), !i.isNone(d) else {
                    return .tensor(isMax ? try t.max() : try t.min())
                }
                let dim = try i.intValue(d, name, "dim")
                let (values, indices) = isMax ? try t.max(dim: dim, keepdim: keep) : try t.min(dim: dim, keepdim: keep)
                return .object(ReturnTypesObject(name: name, values: values, indices: indices))
            }
        }
        for (name, isMax) in [("argmax", true), ("argmin", false)] {
            m[name] = { t, a, i in
                let keep = try i.boolValue(a.value(1, "keepdim"), default: false)
                let dim = try a.value(0, "dim").flatMap { i.isNone($0) ? nil : try i.intValue($0, name, "dim") }
                return .tensor(isMax ? try t.argmax(dim: dim, keepdim: keep) : try t.argmin(dim: dim, keepdim: keep))
            }
        }
        m["all"] = { t, a, i in
            guard let d = a.value(0, "dim"), !i.isNone(d) else { return .tensor(t.all()) }
            return .tensor(try t.all(dim: try i.intValue(d, "all", "dim"), keepdim: try i.boolValue(a.value(1, "keepdim"), default: false)))
        }
        m["any"] = { t, a, i in
            guard let d = a.value(0, "dim"), !i.isNone(d) else { return .tensor(t.any()) }
            return .tensor(try t.any(dim: try i.intValue(d, "any", "dim"), keepdim: try i.boolValue(a.value(1, "keepdim"), default: false)))
        }
        m["allclose"] = { t, a, i in
            .bool(try t.allclose(try i.tensorValue(a.value(0, "other"), "allclose", "other"),
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
        m["reshape"] = { t, a, i in .tensor(try t.reshape(try i.shapeArgument(a, "reshape", allowInferred: true))) }
        m["view_as"] = { t, a, i in .tensor(try t.view(try i.tensorValue(a.value(0, "other"), "view_as", "other").shape)) }
        m["reshape_as"] = { t, a, i in .tensor(try t.reshape(try i.tensorValue(a.value(0, "other"), "reshape_as", "other").shape)) }
        m["expand"] = { t, a, i in .tensor(try t.expand(try i.shapeArgument(a, "expand", allowInferred: true))) }
        m["expand_as"] = { t, a, i in .tensor(try t.expand(try i.tensorValue(a.value(0, "other"), "expand_as", "other").shape)) }
        m["transpose"] = { t, a, i in
            .tensor(try t.transpose(try i.intValue(a.value(0, "dim0"), "transpose", "dim0"), try i.intValue(a.value(1, "dim1"), "transpose", "dim1")))
        }
        m["permute"] = { t, a, i in .tensor(try t.permute(try i.shapeArgument(a, "permute", allowInferred: true))) }
        m["flatten"] = { t, a, i in
            .tensor(try t.flatten(startDim: try i.intValue(a.value(0, "start_dim") ?? .int(0), "flatten", "start_dim"),
                                  endDim: try i.intValue(a.value(1, "end_dim") ?? .int(-1), "flatten", "end_dim")))
        }
        m["squeeze"] = { t, a, i in
            guard let d = a.value(0, "dim"), !i.isNone(d) else { return .tensor(try t.squeeze()) }
            return .tensor(try t.squeeze(try i.intValue(d, "squeeze", "dim")))
        }
        m["unsqueeze"] = { t, a, i in .tensor(try t.unsqueeze(try i.intValue(a.value(0, "dim"), "unsqueeze", "dim"))) }
        m["matmul"] = { t, a, i in .tensor(try t.matmul(try i.tensorValue(a.value(0, "other"), "matmul", "other"))) }
        m["mm"] = { t, a, i in .tensor(try t.mm(try i.tensorValue(a.value(0, "mat2"), "mm", "mat2"))) }
        m["dot"] = { t, a, i in .tensor(try t.dot(try i.tensorValue(a.value(0, "other"), "dot", "other"))) }
        m["mv"] = { t, a, i in .tensor(try t.mv(try i.tensorValue(a.value(0, "vec"), "mv", "vec"))) }
        m["softmax"] = { t, a, i in .tensor(try t.softmax(dim: try i.intValue(a.value(0, "dim"), "softmax", "dim"))) }
        m["log_softmax"] = { t, a, i in .tensor(try t.logSoftmax(dim: try i.intValue(a.value(0, "dim"), "log_softmax", "dim"))) }
        m["item"] = { t, a, _ in try a.check("item", maxPositional: 0, allowed: []); return scalarValue(try t.item()) }
        m["tolist"] = { t, _, _ in nestedValue(t.tolist()) }
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
        m["stride"] = { t, a, i in
            guard let d = a.value(0, "dim") else { return .tuple(t.strides.map { .int($0) }) }
            let n = try normalizeDim(try i.intValue(d, "stride", "dim"), rank: t.dim)
            return .int(t.strides[n])
        }
        m["storage_offset"] = { t, _, _ in .int(t.offset) }
        m["to"] = { t, a, i in
            for v in a.positional + a.keywords.map(\.value) {
                if case .object(let d as DTypeObject) = v { return .tensor(try t.to(d.dtype)) }
            }
            return .tensor(t)
        }
        m["type"] = { t, a, i in
            guard let target = a.value(0, "dtype") else { return .string(t.dtype.legacyTypeName) }
            if case .object(let d as DTypeObject) = target { return .tensor(try t.to(d.dtype)) }
            throw PyException.type("type(): invalid dtype \(Formatting.repr(target))")
        }
        m["requires_grad_"] = { t, a, i in
            let flag = try i.boolValue(a.value(0, "requires_grad"), default: true)
            if flag && t.isLeaf && !t.dtype.isFloatingPoint {
                throw PyException.runtime("only Tensors of floating point dtype can require gradients")
            }
            return .tensor(try t.requiresGrad_(flag))
        }
        m["retain_grad"] = { t, _, _ in try t.retainGrad(); return .none }
        m["register_hook"] = { t, a, i in
            guard let hook = a.value(0, "hook") else { throw PyException.type("register_hook() missing required argument 'hook'") }
            return .object(HookHandleObject(try t.registerHook { [unowned i] grad in
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
            let gradient = try a.value(0, "gradient").flatMap { i.isNone($0) ? nil : try i.tensorValue($0, "backward", "gradient") }
            let retain = try a.value(1, "retain_graph").flatMap { i.isNone($0) ? nil : try i.truthy($0) }
            try i.runBackward([t], gradients: [gradient], retainGraph: retain,
                              createGraph: try i.boolValue(a.value(2, "create_graph"), default: false),
                              inputs: a.value(3, "inputs"))
            return .none
        }
        m["numpy"] = { _, _, _ in
            throw PyException(.runtimeError, "GradScope has no NumPy: use .tolist() or .item() instead of .numpy()")
        }
        return m
    }()
}

/// `torch.return_types.max(values=..., indices=...)`: a named pair.
final class ReturnTypesObject: PyObject {
    let name: String
    let values: Tensor
    let indices: Tensor
    init(name: String, values: Tensor, indices: Tensor) {
        self.name = name
        self.values = values
        self.indices = indices
    }
    var typeName: String { name }
    func repr() -> String {
        "torch.return_types.\(name)(\nvalues=\(TensorFormatter.repr(values)),\nindices=\(TensorFormatter.repr(indices)))"
    }
    func iterate(_ interp: Interpreter) throws -> [Value]? { [.tensor(values), .tensor(indices)] }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? { try interp.subscriptValue(.tuple([.tensor(values), .tensor(indices)]), key) }
    func isInstance(of className: String) -> Bool { className == "tuple" }
    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        switch n {
        case "values": return .tensor(values)
        case "indices": return .tensor(indices)
        default: return nil
        }
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
        guard let v = a.value(0, name) else { throw PyException.type("\(function)() missing 1 required positional arguments: \"\(name)\"") }
        guard let o = try operand(v) else {
            throw PyException.type("\(function)(): argument '\(name)' (position 1) must be Tensor, not \(Formatting.typeName(v))")
        }
        return o
    }
}
