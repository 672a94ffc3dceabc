/// Elementwise kernels that keep the input's dtype (abs, relu, clamp): floats and integers
/// (narrow integers computed in int64, keeping the low bits).
protocol SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T
    static func apply(_ x: Int64) -> Int64
}

private struct SignedUnaryVisitor<F: SignedUnaryFunction>: ElementVisitor {
    let source: Storage, destination: Storage, count: Int

    func visit<T: TensorElement>(_ type: T.Type) {
        switch T.self {
        case is Float.Type: run(Float.self, F.apply)
        case is Double.Type: run(Double.self, F.apply)
        case let narrow as any NarrowIntegerElement.Type: runWidened(narrow)
        default: run(Int64.self, F.apply)
        }
    }

    private func runWidened<N: NarrowIntegerElement>(_: N.Type) {
        run(N.self) { N(truncatingIfNeeded: F.apply(Int64($0))) }
    }

    @inline(__always)
    private func run<T>(_: T.Type, _ f: (T) -> T) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        for i in 0..<count { d[i] = f(s[i]) }
    }
}

/// Applies `F` to every element of a float or integer tensor, keeping its dtype.
/// Callers reject bool inputs first.
func mapSigned<F: SignedUnaryFunction>(_ f: F.Type, _ t: Tensor) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let n = t.numel
        let src = operands[0].contiguousStorage()
        let out = Storage.uninitialized(t.dtype, count: n)
        t.dtype.dispatch(SignedUnaryVisitor<F>(source: src, destination: out, count: n))
        return Tensor(storage: out, shape: shape)
    }
}

private struct ClampVisitor: ElementVisitor {
    let source: Storage, destination: Storage, count: Int
    let low: Double?, high: Double?

    func visit<T: TensorElement>(_ type: T.Type) {
        switch T.self {
        case is Float.Type: runFloat(Float.self)
        case is Double.Type: runFloat(Double.self)
        case let narrow as any NarrowIntegerElement.Type: runInt(narrow)
        default: runInt(Int64.self)
        }
    }

    /// NaN inputs stay NaN; a NaN bound makes the result NaN, like PyTorch.
    private func runFloat<T: FloatElement>(_: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        let lo = low.map { T(fromDouble: $0) }
        let hi = high.map { T(fromDouble: $0) }
        for i in 0..<count {
            var v = s[i]
            if let lo, !v.isNaN { v = lo.isNaN ? lo : Swift.max(v, lo) }
            if let hi, !v.isNaN { v = hi.isNaN ? hi : Swift.min(v, hi) }
            d[i] = v
        }
    }

    /// Bounds are converted to the element type as PyTorch casts them.
    private func runInt<T: TensorElement & FixedWidthInteger>(_: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        let lo = low.map { T(fromDouble: $0) }
        let hi = high.map { T(fromDouble: $0) }
        for i in 0..<count {
            var v = s[i]
            if let lo { v = Swift.max(v, lo) }
            if let hi { v = Swift.min(v, hi) }
            d[i] = v
        }
    }
}

/// `min(max(x, low), high)` elementwise, computed in `dtype` (float or integer).
func clampValues(_ t: Tensor, low: Double?, high: Double?, dtype: DType) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let n = t.numel
        let src = operands[0].contiguousStorage(as: dtype)
        let out = Storage.uninitialized(dtype, count: n)
        dtype.dispatch(ClampVisitor(source: src, destination: out, count: n, low: low, high: high))
        return Tensor(storage: out, shape: shape)
    }
}
