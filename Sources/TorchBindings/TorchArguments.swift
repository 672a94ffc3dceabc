import Autograd
import Python

/// Argument parsing for the torch bindings, with PyTorch-style TypeErrors.
extension Interpreter {
    func tensorValue(_ v: Value?, _ function: String, _ name: String) throws -> Tensor {
        guard let v else { throw PyException.type("\(function)() missing required argument '\(name)'") }
        if case .object(let t as Tensor) = v { return t }
        if case .object(let s as TensorSubclassInstance) = v { return s.tensor }
        throw PyException.type("\(function)(): argument '\(name)' (position 1) must be Tensor, not \(Formatting.typeName(v))")
    }

    /// A Python number (or one-element tensor) keeping its int/float/bool kind, for ops whose
    /// result dtype depends on it; nil when absent or None.
    func optionalScalar(_ v: Value?, _ function: String, _ name: String) throws -> ScalarValue? {
        guard let v else { return nil }
        switch v {
        case .none: return nil
        case .int(let i): return .int(Int64(i))
        case .bool(let b): return .bool(b)
        case .float(let d): return .double(d)
        case .object(let t as Tensor) where t.numel == 1: return try t.item()
        default: throw PyException.type("\(function)(): argument '\(name)' must be Number, not \(Formatting.typeName(v))")
        }
    }

    func requiredScalar(_ v: Value?, _ function: String, _ name: String) throws -> ScalarValue {
        guard let s = try optionalScalar(v, function, name) else {
            throw PyException.type("\(function)() missing required argument '\(name)'")
        }
        return s
    }

    func boolValue(_ v: Value?, default d: Bool) throws -> Bool {
        guard let v else { return d }
        return try truthy(v)
    }

    /// A tensor or Python number operand of an arithmetic op.
    func operand(_ v: Value) throws -> Operand? {
        switch v {
        case .object(let t as Tensor): return .tensor(t)
        case .object(let s as TensorSubclassInstance): return .tensor(s.tensor)
        case .object(let a as NDArray): return a.isScalar ? .scalar(try a.tensor.item()) : .tensor(a.tensor)
        case .int(let i): return .scalar(.int(Int64(i)))
        case .float(let d): return .scalar(.double(d))
        case .bool(let b): return .scalar(.bool(b))
        default: return nil
        }
    }

    /// One int or a sequence of ints (a dim list or a shape).
    func intList(_ v: Value, _ function: String, _ name: String) throws -> [Int] {
        switch v {
        case .tuple, .list: return try iterate(v).map { try intValue($0, function, name) }
        case .object(let s as SizeObject): return s.shape
        default: return [try intValue(v, function, name)]
        }
    }

    /// A shape given as varargs (`ones(2, 3)`), one sequence (`ones((2, 3))`) or `size=`.
    func shapeArgument(_ args: Arguments, _ function: String, from start: Int = 0, allowInferred: Bool = false) throws -> [Int] {
        let rest = Array(args.positional.dropFirst(start))
        let shape: [Int]
        if rest.count == 1, try isSequence(rest[0]) {
            shape = try intList(rest[0], function, "size")
        } else if rest.isEmpty, let s = args.keyword("size") {
            shape = try intList(s, function, "size")
        } else {
            shape = try rest.map { try intValue($0, function, "size") }
        }
        if !allowInferred, let negative = shape.first(where: { $0 < 0 }) {
            throw PyException.runtime("Trying to create tensor with negative dimension \(negative): \(shape)")
        }
        if !allowInferred { try MemoryBudget.checkedNumel(shape) }
        return shape
    }

    func isSequence(_ v: Value) throws -> Bool {
        switch v {
        case .tuple, .list: return true
        case .object(let o): return o is SizeObject
        default: return false
        }
    }

    /// The `dtype=` argument of a factory of floating values, else the default dtype.
    func floatDTypeArgument(_ args: Arguments) throws -> DType { try dtypeArgument(args) ?? defaultFloatDType }

    /// The dtype factories of floating values use (`torch.set_default_dtype`).
    var defaultFloatDType: DType { TorchRuntime.of(self).defaultDType }

    func dtypeArgument(_ args: Arguments) throws -> DType? {
        guard let v = try args.keyword("dtype")?.rejectingHalfPrecision() else { return nil }
        if case .none = v { return nil }
        guard case .object(let d as DTypeObject) = v else {
            throw PyException.type("dtype must be torch.dtype, not \(Formatting.typeName(v))")
        }
        return d.dtype
    }

    /// Flattens nested Python lists/tuples of numbers (or 0-dim tensors) into values and a shape,
    /// inferring PyTorch's dtype: any float → float32, else any int → int64, else bool.
    /// A fill value (`torch.full`, `fill_`) as a Double, with PyTorch's error when a Python
    /// number overflows the narrow integer `dtype` it fills.
    func fillValue(_ v: Value?, for dtype: DType, _ function: String, _ name: String) throws -> Double {
        let value = try doubleValue(v, function, name)
        let number: ScalarValue? =
            switch v {
            case .int(let i)?: .int(Int64(i))
            case .float(let d)?: .double(d)
            default: nil
            }
        if let number, dtype.overflows(number) { throw PyException.runtime(dtype.overflowMessage(cType: true)) }
        return value
    }

    /// With `storingAs` a narrow integer dtype, a Python number that overflows it raises
    /// PyTorch's error (`torch.tensor([300], dtype=torch.uint8)`).
    func nestedData(_ v: Value, storingAs target: DType? = nil) throws -> (values: [Double], shape: [Int], dtype: DType) {
        let checked = target?.isNarrowInteger == true ? target : nil
        var values = [Double]()
        var kind = 0 // 0 bool, 1 int, 2 float
        var sawNumber = false
        func visit(_ v: Value, depth: Int, shape: inout [Int]?) throws -> [Int] {
            switch v {
            case .bool(let b):
                values.append(b ? 1 : 0)
                sawNumber = true
                return []
            case .int(let i):
                if let checked, checked.overflows(.int(Int64(i))) {
                    throw PyException.runtime(checked.overflowMessage(cType: false))
                }
                values.append(Double(i))
                kind = max(kind, 1)
                sawNumber = true
                return []
            case .float(let d):
                if let checked, checked.overflows(.double(d)) { throw PyException.runtime(checked.overflowMessage(cType: false)) }
                values.append(d)
                kind = 2
                sawNumber = true
                return []
            case .object(let a as NDArray):
                // The array's values, then their copy here.
                try reserveMemory([a.tensor.numel], itemSize: 2 * MemoryLayout<Double>.stride)
                values.append(contentsOf: a.values)
                kind = max(kind, a.dtype.kind)
                sawNumber = true
                return a.shape
            case .object(let t as Tensor):
                // Inside the data of a new tensor, a tensor stands for one number, as `float(t)`
                // would.
                let asNumber = depth > 0
                if asNumber, t.numel != 1 {
                    throw PyException.value("only one element tensors can be converted to Python scalars")
                }
                try reserveMemory([t.numel], itemSize: 2 * MemoryLayout<Double>.stride)
                values.append(contentsOf: t.doubles())
                kind = max(kind, t.dtype.isFloatingPoint ? 2 : t.dtype.isIntegral ? 1 : 0)
                sawNumber = true
                return asNumber ? [] : t.shape
            case .list, .tuple, .object(is RangeObject):
                // Deeper than a tensor's rank can go (also a list that contains itself).
                guard depth < MemoryBudget.maxRank else {
                    throw PyException(
                        .runtimeError, "tensors with more than \(MemoryBudget.maxRank) dimensions are not supported")
                }
                let items = try iterate(v)
                var inner: [Int]? = nil
                for item in items {
                    var unused: [Int]? = nil
                    let s = try visit(item, depth: depth + 1, shape: &unused)
                    if let i = inner, i != s {
                        throw PyException.value(
                            "expected sequence of length \(i.first ?? 0) at dim \(depth + 1) (got \(s.first ?? 0))")
                    }
                    inner = s
                }
                return [items.count] + (inner ?? [])
            default:
                throw PyException.type("new(): invalid data type '\(Formatting.typeName(v))'")
            }
        }
        var unused: [Int]? = nil
        let shape = try visit(v, depth: 0, shape: &unused)
        let dtype: DType = !sawNumber ? .float32 : kind == 2 ? .float32 : kind == 1 ? .int64 : .bool
        return (values, shape, dtype)
    }
}
