import Foundation

/// Factory functions (`torch.tensor`, `zeros`, `ones`, `full`, `arange`, ...).
extension Tensor {
    /// A tensor of `shape` holding `values` in row-major order (`torch.tensor`).
    public convenience init(
        _ values: [Double], shape: [Int], dtype: DType = .float32,
        requiresGrad: Bool = false
    ) throws {
        let n = shape.reduce(1, *)
        guard n == values.count else {
            throw TorchError.value("shape \(shape) is invalid for input of size \(values.count)")
        }
        let storage = Storage.uninitialized(dtype, count: n)
        dtype.dispatch(FillFromDoubles(values: values, storage: storage))
        self.init(storage: storage, shape: shape)
        try setRequiresGrad(requiresGrad)
        reportCreated(self, "tensor")
    }

    /// A 1-D float32 tensor (`torch.tensor([...])`).
    public convenience init(_ values: [Double], requiresGrad: Bool = false) throws {
        try self.init(values, shape: [values.count], requiresGrad: requiresGrad)
    }

    /// A 0-dim tensor holding one value.
    public static func scalar(_ value: Double, dtype: DType = .float32) -> Tensor {
        let s = Storage.uninitialized(dtype, count: 1)
        switch dtype {
        case .float32: s.pointer(Float.self).pointee = Float(fromDouble: value)
        case .float64: s.pointer(Double.self).pointee = value
        case .int64: s.pointer(Int64.self).pointee = Int64(fromDouble: value)
        case .bool: s.pointer(Bool.self).pointee = Bool(fromDouble: value)
        case .uint8, .int8, .int16, .int32: dtype.dispatch(SingleValueWriter(storage: s, value: value))
        }
        return Tensor(storage: s, shape: [])
    }

    /// The 0-dim tensor PyTorch wraps a Python number in when it meets a tensor.
    static func wrapped(_ value: ScalarValue, dtype: DType) -> Tensor {
        let t = scalar(value.doubleValue, dtype: dtype)
        t.isWrappedNumber = true
        return t
    }

    /// A wrapped number as the Python number it stands for, for type promotion; nil for other
    /// tensors.
    var wrappedNumberKind: ScalarValue? {
        guard isWrappedNumber else { return nil }
        switch dtype {
        case .bool: return .bool(false)
        case .int64: return .int(0)
        default: return .double(0)
        }
    }

    /// A tensor of zeros (`torch.zeros`).
    public static func zeros(_ shape: [Int], dtype: DType = .float32) -> Tensor {
        Tensor(storage: Storage.zeroed(dtype: dtype, count: shape.reduce(1, *)), shape: shape)
    }

    /// A tensor filled with `value` (`torch.full`).
    public static func full(_ shape: [Int], _ value: Double, dtype: DType = .float32) -> Tensor {
        let t = zeros(shape, dtype: dtype)
        if value != 0 { t.fillUnchecked(value) }
        return t
    }

    /// A tensor of `shape` holding `values` in row-major order, not reported to the observer:
    /// an op's internal operand (ranks, weights, counts), as PyTorch builds them in C++.
    static func internalTensor(_ values: [Double], shape: [Int], dtype: DType) -> Tensor {
        let storage = Storage.uninitialized(dtype, count: values.count)
        dtype.dispatch(FillFromDoubles(values: values, storage: storage))
        return Tensor(storage: storage, shape: shape)
    }

    /// A tensor of ones (`torch.ones`).
    public static func ones(_ shape: [Int], dtype: DType = .float32) -> Tensor { full(shape, 1, dtype: dtype) }

    /// A factory result with `requires_grad=` applied and reported to the observer.
    package static func factory(_ op: String, _ t: Tensor, requiresGrad: Bool) throws -> Tensor {
        try t.setRequiresGrad(requiresGrad)
        reportCreated(t, op)
        return t
    }

    /// Values `start, start+step, ...` below `end` (`torch.arange`); integer arguments give int64.
    public static func arange(start: Double = 0, end: Double, step: Double = 1, dtype: DType? = nil) throws -> Tensor {
        guard step != 0 else { throw TorchError.runtime("step must be nonzero") }
        guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
            throw TorchError.runtime("upper bound and larger bound inconsistent with step sign")
        }
        let type = dtype ?? .float32
        let count = try elementCount(((end - start) / step).rounded(.up), dtype: type)
        let storage = Storage.uninitialized(type, count: count)
        switch type {
        case .float32: arangeFill(storage.pointer(Float.self), start: start, step: step, count: count)
        case .float64: arangeFill(storage.pointer(Double.self), start: start, step: step, count: count)
        default: type.dispatch(FillFromIndex(storage: storage, count: count) { start + Double($0) * step })
        }
        return Tensor(storage: storage, shape: [count])
    }

    /// `torch.range`: like arange but including `end`; deprecated, so it warns.
    public static func range(start: Double, end: Double, step: Double = 1, dtype: DType = .float32) throws -> Tensor {
        Diagnostics.warn(AutogradMessages.rangeDeprecated)
        guard step != 0 else { throw TorchError.runtime("step must be nonzero") }
        let count = try elementCount(Swift.max(((end - start) / step).rounded(.down) + 1, 0), dtype: dtype)
        let storage = Storage.uninitialized(dtype, count: count)
        dtype.dispatch(FillFromIndex(storage: storage, count: count) { start + Double($0) * step })
        return Tensor(storage: storage, shape: [count])
    }

    /// `steps` evenly spaced values from `start` to `end` inclusive.
    public static func linspace(_ start: Double, _ end: Double, steps: Int, dtype: DType = .float32) throws -> Tensor {
        guard steps >= 0 else { throw TorchError.runtime("number of steps must be non-negative") }
        try MemoryBudget.checkedNumel([steps], allocating: dtype)
        let storage = Storage.uninitialized(dtype, count: steps)
        switch dtype {
        case .float32: linspaceFill(storage.pointer(Float.self), from: Float(start), to: Float(end), steps: steps)
        case .float64: linspaceFill(storage.pointer(Double.self), from: start, to: end, steps: steps)
        default:
            try MemoryBudget.reserve(steps, .float64)
            var values = [Double](repeating: 0, count: steps)
            values.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { linspaceFill(base, from: start, to: end, steps: steps) }
            }
            dtype.dispatch(FillFromDoubles(values: values, storage: storage))
        }
        return Tensor(storage: storage, shape: [steps])
    }

    /// `steps` powers of `base` with exponents evenly spaced from `start` to `end`, as PyTorch's
    /// `logspace_cpu`: the exponents in double from both ends toward the middle.
    public static func logspace(_ start: Double, _ end: Double, steps: Int, base: Double = 10, dtype: DType = .float32) throws
        -> Tensor
    {
        guard steps >= 0 else { throw TorchError.runtime("number of steps must be non-negative") }
        try MemoryBudget.checkedNumel([steps], allocating: dtype)
        let (first, last) = dtype == .float32 ? (Double(Float(start)), Double(Float(end))) : (start, end)
        let step = (last - first) / Double(steps - 1)
        let storage = Storage.uninitialized(dtype, count: steps)
        dtype.dispatch(
            FillFromIndex(storage: storage, count: steps) { i in
                if steps == 1 { return Foundation.pow(base, first) }
                let exponent: Double = i < steps / 2 ? first + step * Double(i) : last - step * Double(steps - i - 1)
                return Foundation.pow(base, exponent)
            })
        return Tensor(storage: storage, shape: [steps])
    }

    /// The identity matrix with `n` rows and `m` (default `n`) columns.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) -> Tensor {
        let cols = m ?? n
        let t = zeros([n, cols], dtype: dtype)
        var values = [Double](repeating: 0, count: n * cols)
        for i in 0..<Swift.min(n, cols) { values[i * cols + i] = 1 }
        dtype.dispatch(FillFromDoubles(values: values, storage: t.storage))
        return t
    }

    /// A computed element count (arange, range) as an Int that fits the memory budget.
    private static func elementCount(_ count: Double, dtype: DType) throws -> Int {
        guard count.isFinite, count < 0x1p62 else {
            throw TorchError.runtime("invalid size, possible overflow?")
        }
        return try MemoryBudget.checkedNumel([Int(count)], allocating: dtype)
    }

    /// Zeros of the shape of `t`, in its dtype unless given (`torch.zeros_like`).
    public static func zerosLike(_ t: Tensor, dtype: DType? = nil) -> Tensor {
        zeros(t.shape, dtype: dtype ?? t.dtype).inLayout(of: t)
    }
    /// Ones of the shape of `t`, in its dtype unless given (`torch.ones_like`).
    public static func onesLike(_ t: Tensor, dtype: DType? = nil) -> Tensor {
        ones(t.shape, dtype: dtype ?? t.dtype).inLayout(of: t)
    }
}

/// Writes `value(i)` into element `i` of `storage`, for `i` below `count`, in its dtype.
private struct FillFromIndex: ElementVisitor {
    let storage: Storage
    let count: Int
    let value: (Int) -> Double
    func visit<T: TensorElement>(_ type: T.Type) {
        let p = storage.pointer(T.self)
        for i in 0..<count { p[i] = T(fromDouble: value(i)) }
    }
}

struct FillFromDoubles: ElementVisitor {
    let values: [Double]
    let storage: Storage
    func visit<T: TensorElement>(_ type: T.Type) {
        let p = storage.pointer(T.self)
        for (i, v) in values.enumerated() { p[i] = T(fromDouble: v) }
    }
}

private struct FillScalar: ElementVisitor {
    let value: Double
    let tensor: Tensor
    func visit<T: TensorElement>(_ type: T.Type) {
        let p = tensor.storage.pointer(T.self)
        let v = T(fromDouble: value)
        forEachOffset(shape: tensor.shape, strides: tensor.strides, offset: tensor.offset) { p[$0] = v }
    }
}

extension Tensor {
    /// Writes `value` into every element, bypassing autograd and version tracking.
    func fillUnchecked(_ value: Double) { dtype.dispatch(FillScalar(value: value, tensor: self)) }
}
