/// Elementwise float functions that carry parameters (a slope, an alpha, a threshold), for the
/// activation and loss families: one of the input, and one of an incoming gradient and a
/// saved value (the backward kernels).
protocol PointwiseFunction {
    func apply<T: FloatElement>(_ x: T) -> T
}

/// A function of two values at the same position: an incoming gradient and a saved input (the
/// backward kernels), or an input and a target (the losses).
protocol PointwiseBinaryFunction {
    func apply<T: FloatElement>(_ a: T, _ b: T) -> T
}

private struct PointwiseVisitor<F: PointwiseFunction>: FloatVisitor {
    let f: F, source: Storage, destination: Storage, count: Int
    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        for i in 0..<count { d[i] = f.apply(s[i]) }
    }
}

private struct PointwiseBinaryVisitor<F: PointwiseBinaryFunction>: FloatVisitor {
    let f: F, grad: Storage, saved: Storage, destination: Storage, count: Int
    func visit<T: FloatElement>(_ type: T.Type) {
        let g = grad.pointer(T.self)
        let x = saved.pointer(T.self)
        let d = destination.pointer(T.self)
        for i in 0..<count { d[i] = f.apply(g[i], x[i]) }
    }
}

/// Applies `f` to every element; integer inputs are promoted to float32 first.
func mapPointwise<F: PointwiseFunction>(_ f: F, _ t: Tensor) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let dt: DType = t.dtype.isFloatingPoint ? t.dtype : .float32
        let out = Storage.uninitialized(dt, count: t.numel)
        dt.dispatchFloat(
            PointwiseVisitor(f: f, source: operands[0].contiguousStorage(as: dt), destination: out, count: t.numel))
        return Tensor(storage: out, shape: shape)
    }
}

/// Applies `f` to `grad` (broadcast to the shape of `saved`) and `saved`, in `grad`'s dtype:
/// a backward kernel's gradient and saved input, or a loss's input and target.
func mapPointwise<F: PointwiseBinaryFunction>(_ f: F, _ grad: Tensor, _ saved: Tensor) -> Tensor {
    inIteratorLayout([grad, saved], shape: saved.shape) { operands, shape in
        let (grad, saved) = (operands[0], operands[1])
        let dt: DType = grad.dtype.isFloatingPoint ? grad.dtype : .float32
        let out = Storage.uninitialized(dt, count: saved.numel)
        let g = grad.contiguousStorage(as: dt, broadcastTo: grad.shape == shape ? nil : shape)
        dt.dispatchFloat(
            PointwiseBinaryVisitor(
                f: f, grad: g, saved: saved.contiguousStorage(as: dt), destination: out,
                count: saved.numel))
        return Tensor(storage: out, shape: shape)
    }
}

private struct ScaledAddVisitor: FloatVisitor {
    let a: Storage, b: Storage, destination: Storage, count: Int, alpha: Double
    func visit<T: FloatElement>(_ type: T.Type) {
        let x = a.pointer(T.self)
        let y = b.pointer(T.self)
        let d = destination.pointer(T.self)
        let s = T(alpha)
        for i in 0..<count { d[i] = x[i].addingProduct(y[i], s) }
    }
}

/// `a + alpha * b` for a floating `dtype`, broadcasting, with one rounding as PyTorch's
/// vectorised add kernel (`fmadd(other, alpha, self)`) does; `alpha` is rounded to `dtype` first.
func scaledAdd(_ a: Tensor, _ b: Tensor, alpha: Double, dtype: DType) throws -> Tensor {
    try inIteratorLayout([a, b], shape: broadcastShapes(a.shape, b.shape)) { operands, shape in
        let count = shape.reduce(1, *)
        let out = Storage.uninitialized(dtype, count: count)
        dtype.dispatchFloat(
            ScaledAddVisitor(
                a: operands[0].contiguousStorage(as: dtype, broadcastTo: shape),
                b: operands[1].contiguousStorage(as: dtype, broadcastTo: shape),
                destination: out, count: count, alpha: alpha))
        return Tensor(storage: out, shape: shape)
    }
}
