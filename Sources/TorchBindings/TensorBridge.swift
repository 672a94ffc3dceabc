import Autograd
import Python

/// How Python syntax (operators, attributes, indexing, truthiness) maps onto tensors.
extension Interpreter {
    func tensorAttribute(_ t: Tensor, _ name: String) throws -> Value? {
        switch name {
        case "requires_grad": return .bool(t.requiresGrad)
        case "grad":
            torchObserver?.gradRead(of: t, line: scriptLine)
            return t.grad.map(Value.tensor) ?? Value.none
        case "grad_fn": return t.gradFn.map(gradFnValue) ?? Value.none
        case "is_leaf": return .bool(t.isLeaf)
        case "data": return .tensor(t.data)
        case "shape": return .object(SizeObject(t.shape))
        case "dtype": return .object(DTypeObject.of(t.dtype))
        case "ndim": return .int(t.dim)
        case "nbytes": return .int(t.numel * t.dtype.itemSize)
        case "itemsize": return .int(t.dtype.itemSize)
        case "T": return .tensor(try t.T)
        case "mT": return .tensor(try t.transpose(-2, -1))
        case "retains_grad": return .bool(t.retainsGrad)
        case "is_cuda", "is_xpu", "is_mps", "is_meta": return .bool(false)
        case "is_cpu": return .bool(true)
        case "device": return .object(DeviceObject.cpu)
        case "_version": return .int(t.version)
        case "output_nr": return .int(t.outputNr)
        case "_base": return t.base.map(Value.tensor) ?? Value.none
        default:
            if let method = boundMethod(t, name, as: name) { return method }
            // An alias (`divide` for `div`) is looked up only once its own name is not bound.
            return OpAliases.methodTarget(of: name).flatMap { boundMethod(t, $0, as: name) }
        }
    }

    /// Tensor method `bound` (the registry's or a hand-written one) on `t`, named `name`.
    private func boundMethod(_ t: Tensor, _ bound: String, as name: String) -> Value? {
        if let function = RegistryBindings.methods[bound] {
            return .object(BuiltinFunction(name) { args, interp in try function.call(receiver: t, args, interp) })
        }
        guard let method = TensorMethods.table[bound] else { return nil }
        return .object(BuiltinFunction(name) { args, interp in try method(t, args, interp) })
    }

    func setTensorAttribute(_ t: Tensor, _ name: String, _ value: Value) throws {
        switch name {
        case "requires_grad":
            let flag = try truthy(value)
            if flag && t.isLeaf && !t.dtype.isFloatingPoint {
                throw PyException.runtime("only Tensors of floating point and complex dtype can require gradients")
            }
            try t.assignRequiresGrad(flag)
        case "grad":
            switch value {
            case .none: try t.setGrad(nil)
            case .object(let g as Tensor): try t.setGrad(g)
            default:
                throw PyException.type(
                    "assigned grad expected to be a Tensor or None but got grad of type \(Formatting.typeName(value))")
            }
        case "data":
            guard case .object(let d as Tensor) = value else {
                throw PyException.type("Variable data has to be a tensor, but got \(Formatting.typeName(value))")
            }
            t.setData(d)
        default:
            if tensorAttributeNames.contains(name) || RegistryBindings.methods[name] != nil || TensorMethods.table[name] != nil {
                throw PyException.attribute("attribute '\(name)' of 'torch._C.TensorBase' objects is not writable")
            }
            throw PyException.attribute("'Tensor' object has no attribute '\(name)'")
        }
    }

    private var tensorAttributeNames: Set<String> { ["shape", "dtype", "grad_fn", "is_leaf", "ndim", "T", "device"] }

    /// A stable Python object per autograd node, so `fn is fn` and dict keys work.
    func gradFnValue(_ node: Node) -> Value {
        let runtime = TorchRuntime.of(self)
        if let cached = runtime.gradFnCache[node.id]?.object, cached.node === node { return .object(cached) }
        let o = GradFnObject(node)
        runtime.gradFnCache[node.id] = WeakGradFn(o)
        return .object(o)
    }

    func tensorBinary(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Value {
        func unsupported() -> PyException {
            PyException.type(
                "unsupported operand type(s) for \(op.rawValue): '\(Formatting.typeName(l))' and '\(Formatting.typeName(r))'")
        }
        if let result = try bitwise(op, l, r) { return result }
        if [.bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight].contains(op) { throw unsupported() }
        if case .object(let a as Tensor) = l {
            guard let b = try operand(r) else { throw unsupported() }
            switch op {
            case .add: return .tensor(try a.add(b))
            case .sub: return .tensor(try a.sub(b))
            case .mul: return .tensor(try a.mul(b))
            case .div: return .tensor(try a.div(b))
            case .floorDiv: return .tensor(try a.floorDivide(b))
            case .mod: return .tensor(try a.remainder(b))
            case .pow:
                switch b {
                case .tensor(let e): return .tensor(try a.pow(e))
                case .scalar(let s): return .tensor(try a.pow(s))
                }
            case .matMul:
                guard case .tensor(let m) = b else { throw unsupported() }
                return .tensor(try a.matmul(m))
            default: throw unsupported()
            }
        }
        guard case .object(let b as Tensor) = r, case .scalar(let s)? = try operand(l) else { throw unsupported() }
        switch op {
        case .add: return .tensor(try b.add(.scalar(s)))
        case .sub: return .tensor(try b.rsub(s))
        case .mul: return .tensor(try b.mul(.scalar(s)))
        case .div: return .tensor(try b.rdiv(s))
        case .pow: return .tensor(try Tensor.pow(base: s, exponent: b))
        case .floorDiv:
            return .tensor(try Tensor.full(b.shape, s.doubleValue, dtype: resultType([b], scalars: [s])).floorDivide(.tensor(b)))
        case .mod:
            return .tensor(try Tensor.full(b.shape, s.doubleValue, dtype: resultType([b], scalars: [s])).remainder(.tensor(b)))
        default: throw unsupported()
        }
    }

    /// `&`, `|`, `^`, `<<` and `>>` (`torch.bitwise_*`) with a tensor on either side.
    private func bitwise(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Value? {
        let operation: BitwiseOperation
        switch op {
        case .bitAnd: operation = .and
        case .bitOr: operation = .or
        case .bitXor: operation = .xor
        case .shiftLeft: operation = .leftShift
        case .shiftRight: operation = .rightShift
        default: return nil
        }
        if case .object(let a as Tensor) = l, let b = try operand(r) { return .tensor(try a.bitwise(operation, b)) }
        guard case .object(let b as Tensor) = r, let a = try operand(l) else { return nil }
        switch a {
        case .tensor(let t): return .tensor(try t.bitwise(operation, .tensor(b)))
        case .scalar(let s): return .tensor(try Tensor.bitwise(operation, s, b))
        }
    }

    func tensorUnary(_ op: UnaryOperator, _ t: Tensor) throws -> Value {
        switch op {
        case .neg: return .tensor(try t.neg())
        case .pos: return .tensor(t)
        case .invert:
            guard !t.dtype.isFloatingPoint else {
                throw PyException.type("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
            }
            return .tensor(try t.bitwiseNot())
        case .not: return .bool(!(try tensorTruth(t)))
        }
    }

    /// Comparisons involving a tensor; nil when the other side is not a number or tensor
    /// (then `==` falls back to identity, as `t == None` is False in PyTorch).
    func tensorCompare(_ op: CompareOperator, _ l: Value, _ r: Value) throws -> Value? {
        let flipped: CompareOperator
        let t: Tensor
        let other: Value
        if case .object(let a as Tensor) = l {
            t = a
            other = r
            flipped = op
        } else {
            guard case .object(let b as Tensor) = r else { return nil }
            t = b
            other = l
            switch op {
            case .lt: flipped = .gt
            case .le: flipped = .ge
            case .gt: flipped = .lt
            case .ge: flipped = .le
            default: flipped = op
            }
        }
        guard let o = try operand(other) else {
            if op == .eq { return .bool(false) }
            if op == .ne { return .bool(true) }
            return nil
        }
        switch flipped {
        case .eq: return .tensor(try t.eq(o))
        case .ne: return .tensor(try t.ne(o))
        case .lt: return .tensor(try t.lt(o))
        case .le: return .tensor(try t.le(o))
        case .gt: return .tensor(try t.gt(o))
        case .ge: return .tensor(try t.ge(o))
        default: return nil
        }
    }

    /// `t op= v`: PyTorch's in-place operators.
    func tensorInPlace(_ op: BinaryOperator, _ t: Tensor, _ value: Value) throws -> Value {
        guard let o = try operand(value) else {
            throw PyException.type(
                "unsupported operand type(s) for \(op.rawValue)=: 'Tensor' and '\(Formatting.typeName(value))'")
        }
        switch op {
        case .add: return .tensor(try t.add_(o))
        case .sub: return .tensor(try t.sub_(o))
        case .mul: return .tensor(try t.mul_(o))
        case .div: return .tensor(try t.div_(o))
        case .pow:
            if case .scalar(let s) = o { return .tensor(try t.pow_(s)) }
            return try tensorBinary(op, .tensor(t), value)
        case .bitAnd: return .tensor(try t.bitwise_(.and, o))
        case .bitOr: return .tensor(try t.bitwise_(.or, o))
        case .bitXor: return .tensor(try t.bitwise_(.xor, o))
        case .shiftLeft: return .tensor(try t.bitwise_(.leftShift, o))
        case .shiftRight: return .tensor(try t.bitwise_(.rightShift, o))
        default: return try tensorBinary(op, .tensor(t), value)
        }
    }

    func tensorTruth(_ t: Tensor) throws -> Bool {
        guard t.numel == 1 else {
            if t.numel == 0 { throw PyException.runtime("Boolean value of Tensor with no values is ambiguous") }
            throw PyException.runtime("Boolean value of Tensor with more than one value is ambiguous")
        }
        return try t.item().doubleValue != 0
    }

    /// The rows of `t` as views, as `iter(tensor)` gives them (`Tensor.__iter__` is `unbind(0)`).
    func tensorIterate(_ t: Tensor) throws -> [Value] {
        guard let n = t.shape.first else { throw PyException.type("iteration over a 0-d tensor") }
        // one unbind op (UnbindBackward0), run once the memory for the rows is reserved
        var rows: [Tensor] = []
        return try makeItems(count: n, objectBytes: RowObjectBytes.tensorView) { i in
            if rows.isEmpty { rows = try t.unbind(dim: 0) }
            return .tensor(rows[i])
        }
    }

    func tensorContains(_ t: Tensor, _ item: Value) throws -> Bool {
        guard let o = try operand(item) else {
            throw PyException.runtime(
                "Tensor.__contains__ only supports Tensor or scalar, but you passed in a \(Formatting.typeName(item)).")
        }
        return try tensorTruth(try t.eq(o).any())
    }

    func tensorSubscript(_ t: Tensor, _ key: Value) throws -> Value { .tensor(try t.index(try tensorIndices(key))) }

    func tensorSetItem(_ t: Tensor, _ key: Value, _ value: Value) throws {
        guard let o = try operand(value) else {
            throw PyException.type("can't assign a \(Formatting.typeName(value)) to a Tensor")
        }
        if case .scalar(let number) = o, t.dtype.overflows(number) {
            throw PyException.runtime(t.dtype.overflowMessage(cType: true))
        }
        try t.indexAssign(try tensorIndices(key), o)
    }

    private func tensorIndices(_ key: Value) throws -> [TensorIndex] {
        let items: [Value]
        if case .tuple(let t) = key {
            items = t
        } else if case .list(let l) = key, let line = Self.tupleOfIndicesWarningLine(l.items) {
            warn(Self.nonTupleSequenceWarning(line), category: "UserWarning")
            items = l.items
        } else {
            items = [key]
        }
        return try items.map { v -> TensorIndex in
            switch v {
            case .int(let i): return .int(i)
            case .bool(let b): return .tensor(Tensor.scalar(b ? 1 : 0, dtype: .bool))
            case .none: return .newAxis
            case .object(is EllipsisObject): return .ellipsis
            case .object(let s as SliceObject):
                func bound(_ b: Value) throws -> Int? { isNone(b) ? nil : try indexValue(b, "slice") }
                return .slice(start: try bound(s.start), stop: try bound(s.stop), step: try bound(s.step))
            case .object(let idx as Tensor): return .tensor(idx)
            case .list:
                let data = try nestedData(v)
                return .tensor(try Tensor(data.values, shape: data.shape, dtype: data.dtype == .bool ? .bool : .int64))
            default:
                throw PyException.index(
                    "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(Formatting.typeName(v)))"
                )
            }
        }
    }
}

extension Interpreter {
    /// PyTorch's TORCH_WARN for a list index read as a tuple of indices, raised at `line` of
    /// python_variable_indexing.cpp.
    static func nonTupleSequenceWarning(_ line: Int) -> String {
        "Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be interpreted as tensor index, x[torch.tensor(seq)], which will result either in an error or a different result (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_variable_indexing.cpp:\(line).)"
    }

    /// NumPy's heuristic, as PyTorch's `treatSequenceAsTuple` applies it: a list of fewer than
    /// 32 items is a tuple of indices when an item is a tensor, a sequence or a slice (warned at
    /// line 375), or `...` or None (line 385), whichever comes first; nil for one index.
    static func tupleOfIndicesWarningLine(_ items: [Value]) -> Int? {
        guard items.count < 32 else { return nil }
        for item in items {
            switch item {
            case .list, .tuple, .object(is Tensor), .object(is SliceObject): return 375
            case .none, .object(is EllipsisObject): return 385
            default: continue
            }
        }
        return nil
    }
}

final class WeakGradFn {
    weak var object: GradFnObject?
    init(_ o: GradFnObject) { object = o }
}
