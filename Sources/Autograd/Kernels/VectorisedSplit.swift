/// Which elements of an elementwise result PyTorch 2.15's `cpu_kernel_vec` computes with its
/// vectorised op and which with its scalar op (aten/src/ATen/native/cpu/Loops.h), for kernels
/// whose two ops round differently (SLEEF in the vector lanes, the C library elsewhere).
///
/// TensorIterator coalesces the output's dims into rows (`coalesce_dimensions`); a row whose
/// operands are all contiguous, or all but one contiguous and that one broadcast (stride 0),
/// runs the vectorised op on whole blocks of two AVX-512 vectors (32 float32 or 16 float64
/// values) and the scalar op on the rest; any other row runs the scalar op throughout.
struct VectorisedSplit {
    /// The length of the rows the loop runs over.
    let rowLength: Int
    /// Whether the rows run the vectorised op on their whole blocks.
    let vectorised: Bool

    /// The split of a row-major result of `shape` computed from `operands`, as `inIteratorLayout`
    /// passes them (views in the result's memory order, broadcasting to `shape`).
    init(shape: [Int], operands: [Tensor]) {
        let strides = operands.map { IteratorLayout.iteratorStrides($0, shape: shape) }
        guard var row = shape.last else {
            (rowLength, vectorised) = (1, false)
            return
        }
        // `coalesce_dimensions`, from the fastest dim outward, up to the first dim that does not
        // merge into the innermost row; `inner` holds each operand's stride along the row.
        var inner = strides.map { $0[shape.count - 1] }
        for d in shape.indices.dropLast().reversed() {
            guard shape[d] == 1 || row == 1 || strides.indices.allSatisfy({ strides[$0][d] == inner[$0] * row }) else { break }
            if row == 1 { inner = strides.map { $0[d] } }
            row *= shape[d]
        }
        let contiguous = inner.filter { $0 == 1 }.count
        rowLength = row
        vectorised = contiguous == inner.count || (contiguous == inner.count - 1 && inner.contains(0))
    }

    /// Calls `vector` with the indices of the elements of a result of `count` elements that
    /// fall in whole blocks of `block` values of a vectorised row, and `scalar` with the others.
    @inline(__always)
    func forEach(count: Int, block: Int, vector: (Int) -> Void, scalar: (Int) -> Void) {
        var start = 0
        while start < count {
            let end = Swift.min(start + rowLength, count)
            let split = vectorised ? start + (end - start) / block * block : start
            for i in start..<split { vector(i) }
            for i in split..<end { scalar(i) }
            start = end
        }
    }
}

/// A float function PyTorch computes with SLEEF in its vector lanes (`vector`) and with the C
/// library elsewhere (`scalar`), for float32 and float64.
protocol VectorisedUnaryFunction {
    func vector(_ x: Float) -> Float
    func scalar(_ x: Float) -> Float
    func vector(_ x: Double) -> Double
    func scalar(_ x: Double) -> Double
}

/// `VectorisedUnaryFunction` for two operands.
protocol VectorisedBinaryFunction {
    func vector(_ a: Float, _ b: Float) -> Float
    func scalar(_ a: Float, _ b: Float) -> Float
    func vector(_ a: Double, _ b: Double) -> Double
    func scalar(_ a: Double, _ b: Double) -> Double
}

/// Applies `F` to every element as `cpu_kernel_vec` does (`VectorisedSplit`); integer inputs
/// are promoted to float32 first.
func mapVectorised<F: VectorisedUnaryFunction>(_ f: F, _ t: Tensor) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, shape in
        let dtype: DType = t.dtype.isFloatingPoint ? t.dtype : .float32
        let n = t.numel
        let split = VectorisedSplit(shape: shape, operands: operands)
        let source = operands[0].contiguousStorage(as: dtype)
        let out = Storage.uninitialized(dtype, count: n)
        if dtype == .float64 {
            let (x, y) = (source.pointer(Double.self), out.pointer(Double.self))
            split.forEach(count: n, block: 16, vector: { y[$0] = f.vector(x[$0]) }, scalar: { y[$0] = f.scalar(x[$0]) })
        } else {
            let (x, y) = (source.pointer(Float.self), out.pointer(Float.self))
            split.forEach(count: n, block: 32, vector: { y[$0] = f.vector(x[$0]) }, scalar: { y[$0] = f.scalar(x[$0]) })
        }
        return withExtendedLifetime(source) { Tensor(storage: out, shape: shape) }
    }
}

/// Applies `F` elementwise with broadcasting as `cpu_kernel_vec` does, in the floating
/// `dtype` both operands are converted to.
func mapVectorised<F: VectorisedBinaryFunction>(_ f: F, _ a: Tensor, _ b: Tensor, dtype: DType) throws -> Tensor {
    try inIteratorLayout(a, b, shape: broadcastShapes(a.shape, b.shape)) { a, b, shape in
        let n = try MemoryBudget.checkedNumel(shape, allocating: dtype)
        let split = VectorisedSplit(shape: shape, operands: [a, b])
        let (sa, sb) = (a.contiguousStorage(as: dtype, broadcastTo: shape), b.contiguousStorage(as: dtype, broadcastTo: shape))
        let out = Storage.uninitialized(dtype, count: n)
        if dtype == .float64 {
            let (x, y, z) = (sa.pointer(Double.self), sb.pointer(Double.self), out.pointer(Double.self))
            split.forEach(
                count: n, block: 16, vector: { z[$0] = f.vector(x[$0], y[$0]) }, scalar: { z[$0] = f.scalar(x[$0], y[$0]) })
        } else {
            let (x, y, z) = (sa.pointer(Float.self), sb.pointer(Float.self), out.pointer(Float.self))
            split.forEach(
                count: n, block: 32, vector: { z[$0] = f.vector(x[$0], y[$0]) }, scalar: { z[$0] = f.scalar(x[$0], y[$0]) })
        }
        return withExtendedLifetime((sa, sb)) { Tensor(storage: out, shape: shape) }
    }
}
