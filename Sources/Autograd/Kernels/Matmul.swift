import CBLAS

/// A batch of matrices as BLAS reads it in place: a strided view (the batch stride may be 0
/// for broadcast batches) whose inner layout is row-major or transposed.
struct MatrixOperand {
    let storage: Storage
    let offset: Int
    let batchStride: Int
    let transposed: Bool
    /// BLAS's leading dimension.
    let ld: Int
    let rowStride: Int
    let colStride: Int
}

/// The BLAS reading of an `rows x cols` matrix with the given strides, or nil when it needs a copy.
private func blasLayout(rows r: Int, cols c: Int, rowStride s0: Int, colStride s1: Int) -> (transposed: Bool, ld: Int)? {
    if c == 1 || s1 == 1 {
        let ld = r > 1 ? s0 : Swift.max(c, 1)
        if ld >= Swift.max(c, 1) { return (false, ld) }
    }
    if r == 1 || s0 == 1 {
        let ld = c > 1 ? s1 : Swift.max(r, 1)
        if ld >= Swift.max(r, 1) { return (true, ld) }
    }
    return nil
}

extension Tensor {
    /// This 2-D or 3-D tensor as a matrix operand, copied to contiguous memory only when its
    /// strides cannot be handed to BLAS (pass `CblasTrans` for transposed views).
    func matrixOperand() -> MatrixOperand {
        let r = shape[dim - 2]
        let c = shape[dim - 1]
        let s0 = strides[dim - 2]
        let s1 = strides[dim - 1]
        let bs = dim == 3 ? strides[0] : 0
        if let layout = blasLayout(rows: r, cols: c, rowStride: s0, colStride: s1), bs >= 0 {
            return MatrixOperand(
                storage: storage, offset: offset, batchStride: bs, transposed: layout.transposed,
                ld: layout.ld, rowStride: s0, colStride: s1)
        }
        let copy = contiguousStorage()
        return MatrixOperand(
            storage: copy, offset: 0, batchStride: r * c, transposed: false, ld: Swift.max(c, 1),
            rowStride: c, colStride: 1)
    }
}

/// Floating types BLAS multiplies.
protocol BLASElement: FloatElement {
    static func gemm(
        _ ta: CBLAS_TRANSPOSE, _ tb: CBLAS_TRANSPOSE, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Self>, _ ldc: Int)
    static func gemv(
        _ ta: CBLAS_TRANSPOSE, _ rows: Int, _ cols: Int, _ a: UnsafePointer<Self>, _ lda: Int,
        _ x: UnsafePointer<Self>, _ incx: Int, _ y: UnsafeMutablePointer<Self>)
}

extension Float: BLASElement {
    static func gemm(
        _ ta: CBLAS_TRANSPOSE, _ tb: CBLAS_TRANSPOSE, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, ta, tb, blasint(m), blasint(n), blasint(k), 1, a, blasint(lda),
            b, blasint(ldb), 0, c, blasint(ldc))
    }
    static func gemv(
        _ ta: CBLAS_TRANSPOSE, _ rows: Int, _ cols: Int, _ a: UnsafePointer<Float>, _ lda: Int,
        _ x: UnsafePointer<Float>, _ incx: Int, _ y: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(CblasRowMajor, ta, blasint(rows), blasint(cols), 1, a, blasint(lda), x, blasint(incx), 0, y, 1)
    }
}

extension Double: BLASElement {
    static func gemm(
        _ ta: CBLAS_TRANSPOSE, _ tb: CBLAS_TRANSPOSE, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Double>, _ ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, ta, tb, blasint(m), blasint(n), blasint(k), 1, a, blasint(lda),
            b, blasint(ldb), 0, c, blasint(ldc))
    }
    static func gemv(
        _ ta: CBLAS_TRANSPOSE, _ rows: Int, _ cols: Int, _ a: UnsafePointer<Double>, _ lda: Int,
        _ x: UnsafePointer<Double>, _ incx: Int, _ y: UnsafeMutablePointer<Double>
    ) {
        cblas_dgemv(CblasRowMajor, ta, blasint(rows), blasint(cols), 1, a, blasint(lda), x, blasint(incx), 0, y, 1)
    }
}

/// `out[b] = a[b] @ b[b]` for `batch` products of `m x k` by `k x n` matrices into a new
/// contiguous `[batch, m, n]` storage: BLAS for float32/float64 (gemv when `n == 1`), a
/// plain loop for int64.
func batchedMatmul(
    _ a: MatrixOperand, _ b: MatrixOperand, batch: Int, m: Int, k: Int, n: Int,
    dtype: DType
) throws -> Storage {
    let count = try MemoryBudget.checkedNumel([batch, m, n], allocating: dtype)
    // Every element is written below unless the product is empty or k == 0 (all zeros).
    if batch == 0 || m == 0 || n == 0 || k == 0 { return Storage(dtype: dtype, count: count) }
    let out = Storage(uninitialized: dtype, count: count)
    switch dtype {
    case .float32: blasMatmul(Float.self, a, b, out, batch: batch, m: m, k: k, n: n)
    case .float64: blasMatmul(Double.self, a, b, out, batch: batch, m: m, k: k, n: n)
    default: integerMatmul(a, b, out, batch: batch, m: m, k: k, n: n)
    }
    return out
}

private func blasMatmul<T: BLASElement>(
    _: T.Type, _ a: MatrixOperand, _ b: MatrixOperand, _ out: Storage,
    batch: Int, m: Int, k: Int, n: Int
) {
    let pa = UnsafePointer(a.storage.pointer(T.self))
    let pb = UnsafePointer(b.storage.pointer(T.self))
    let pc = out.pointer(T.self)
    let ta = a.transposed ? CblasTrans : CblasNoTrans
    for i in 0..<batch {
        let ap = pa + a.offset + i * a.batchStride
        let bp = pb + b.offset + i * b.batchStride
        let cp = pc + i * m * n
        if n == 1 && b.rowStride > 0 {
            // A column vector: gemv reads it with its own stride.
            T.gemv(ta, a.transposed ? k : m, a.transposed ? m : k, ap, a.ld, bp, k > 1 ? b.rowStride : 1, cp)
        } else {
            T.gemm(ta, b.transposed ? CblasTrans : CblasNoTrans, m, n, k, ap, a.ld, bp, b.ld, cp, n)
        }
    }
}

private func integerMatmul(
    _ a: MatrixOperand, _ b: MatrixOperand, _ out: Storage,
    batch: Int, m: Int, k: Int, n: Int
) {
    let pa = a.storage.pointer(Int64.self)
    let pb = b.storage.pointer(Int64.self)
    let pc = out.pointer(Int64.self)
    for bi in 0..<batch {
        let ab = a.offset + bi * a.batchStride
        let bb = b.offset + bi * b.batchStride
        for i in 0..<m {
            for j in 0..<n {
                var acc: Int64 = 0
                for p in 0..<k {
                    acc &+= pa[ab + i * a.rowStride + p * a.colStride] &* pb[bb + p * b.rowStride + j * b.colStride]
                }
                pc[(bi * m + i) * n + j] = acc
            }
        }
    }
}
