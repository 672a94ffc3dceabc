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

/// Floating types BLAS multiplies: row-major gemm (convolution), and the column-major gemm,
/// gemv and dot PyTorch calls (PyTorchBLAS.swift), through oneMKL when it is loaded.
protocol BLASElement: FloatElement {
    static func gemm(
        _ ta: CBLAS_TRANSPOSE, _ tb: CBLAS_TRANSPOSE, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Self>, _ ldc: Int)
    static func columnMajorGemm(
        _ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self, _ a: UnsafePointer<Self>, _ lda: Int,
        _ b: UnsafePointer<Self>, _ ldb: Int, _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int)
    static func columnMajorGemv(
        _ trans: Bool, _ m: Int, _ n: Int, _ alpha: Self, _ a: UnsafePointer<Self>, _ lda: Int,
        _ x: UnsafePointer<Self>, _ incx: Int, _ beta: Self, _ y: UnsafeMutablePointer<Self>, _ incy: Int)
    static func dot(_ n: Int, _ x: UnsafePointer<Self>, _ incx: Int, _ y: UnsafePointer<Self>, _ incy: Int) -> Self
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
}

/// Which of PyTorch's CPU kernels a product mirrors; each calls BLAS its own way.
enum MatmulKind {
    /// `mm`, `addmm` and matmul's 2-D cases: one gemm as addmm_impl_cpu_ makes it.
    case mm
    /// `bmm`: PyTorch's naive loop when `k * m * n < 400`, else one gemm per batch.
    case bmm
    /// `mv`: gemv as addmv_impl_cpu_ makes it.
    case mv
    /// `dot`: BLAS dot.
    case dot
}

/// `out[b] = a[b] @ b[b]` for `batch` products of `m x k` by `k x n` matrices into a new
/// contiguous `[batch, m, n]` storage: BLAS for float32/float64 (oneMKL when loaded, as PyTorch
/// calls it for `kind`), a plain loop for int64.
func batchedMatmul(
    _ a: MatrixOperand, _ b: MatrixOperand, batch: Int, m: Int, k: Int, n: Int,
    dtype: DType, kind: MatmulKind = .mm
) throws -> Storage {
    let count = try MemoryBudget.checkedNumel([batch, m, n], allocating: dtype)
    try WorkBudget.reserveProducts(batch: batch, m: m, k: k, n: n)
    // Every element is written below unless the product is empty or k == 0 (all zeros).
    if batch == 0 || m == 0 || n == 0 || k == 0 { return Storage.zeroed(dtype: dtype, count: count) }
    if dtype.isNarrowInteger {
        // Computed in int64; the store keeps the low bits, as PyTorch's narrow accumulators wrap.
        let wide = Storage.uninitialized(.int64, count: count)
        integerMatmul(a.widened, b.widened, wide, batch: batch, m: m, k: k, n: n)
        return Tensor(storage: wide, shape: [count]).contiguousStorage(as: dtype)
    }
    let out = Storage.uninitialized(dtype, count: count)
    switch dtype {
    case .float32: blasMatmul(Float.self, a, b, out, batch: batch, m: m, k: k, n: n, kind: kind)
    case .float64: blasMatmul(Double.self, a, b, out, batch: batch, m: m, k: k, n: n, kind: kind)
    default: integerMatmul(a, b, out, batch: batch, m: m, k: k, n: n)
    }
    return out
}

extension MatrixOperand {
    /// The same matrix over an int64 copy of the whole storage (offsets and strides stay valid).
    fileprivate var widened: MatrixOperand {
        MatrixOperand(
            storage: Tensor(storage: storage, shape: [storage.count]).contiguousStorage(as: .int64), offset: offset,
            batchStride: batchStride, transposed: transposed, ld: ld, rowStride: rowStride, colStride: colStride)
    }
}

/// `beta * bias + alpha * (a @ b)` for float `dtype` as PyTorch's addmm_impl_cpu_ computes it:
/// the result prefilled with `bias` broadcast to `m x n`, then one gemm with `alpha` and `beta`
/// (so the bias is added inside BLAS, in its order). Nil for int64, which callers compute apart.
func fusedAddmm(
    bias: Tensor, _ a: MatrixOperand, _ b: MatrixOperand, m: Int, k: Int, n: Int,
    beta: Double, alpha: Double, dtype: DType
) throws -> Storage? {
    guard dtype.isFloatingPoint else { return nil }
    let count = try MemoryBudget.checkedNumel([m, n], allocating: dtype)
    try WorkBudget.reserveProducts(m: m, k: k, n: n)
    let out: Storage
    if beta == 0 || count == 0 {
        out = Storage.zeroed(dtype: dtype, count: count)
    } else {
        let filled = bias.contiguousStorage(as: dtype, broadcastTo: [m, n])
        out = filled === bias.storage ? copyStorage(filled) : filled
    }
    if count == 0 || (k == 0 && beta == 1) { return out }
    switch dtype {
    case .float32: fusedAddmm(Float.self, a, b, out, m: m, k: k, n: n, beta: Float(beta), alpha: Float(alpha))
    default: fusedAddmm(Double.self, a, b, out, m: m, k: k, n: n, beta: beta, alpha: alpha)
    }
    return out
}

private func fusedAddmm<T: BLASElement>(
    _: T.Type, _ a: MatrixOperand, _ b: MatrixOperand, _ out: Storage, m: Int, k: Int, n: Int, beta: T, alpha: T
) {
    let c = out.pointer(T.self)
    if k == 0 {
        // PyTorch's `result.mul_(beta)` (zero_() when beta is 0 is the zeroed storage).
        if beta != 0 { for i in 0..<(m * n) { c[i] *= beta } }
        return
    }
    addmmGemm(
        T.self, a.matrix(T.self, batch: 0), b.matrix(T.self, batch: 0), m: m, k: k, n: n, c: c,
        alpha: alpha, beta: beta)
}

private func blasMatmul<T: BLASElement>(
    _: T.Type, _ a: MatrixOperand, _ b: MatrixOperand, _ out: Storage,
    batch: Int, m: Int, k: Int, n: Int, kind: MatmulKind
) {
    let pc = out.pointer(T.self)
    switch kind {
    case .dot:
        let (x, y) = (a.matrix(T.self, batch: 0), b.matrix(T.self, batch: 0))
        pc[0] = T.dot(k, x.base, k == 1 ? 1 : x.colStride, y.base, k == 1 ? 1 : y.rowStride)
    case .mv:
        mvGemv(T.self, a.matrix(T.self, batch: 0), b.matrix(T.self, batch: 0), m: m, k: k, y: pc)
    case .bmm where k * m * n < 400:
        for i in 0..<batch {
            naiveProduct(a.matrix(T.self, batch: i), b.matrix(T.self, batch: i), m: m, k: k, n: n, c: pc + i * m * n)
        }
    case .bmm, .mm:
        for i in 0..<batch {
            addmmGemm(
                T.self, a.matrix(T.self, batch: i), b.matrix(T.self, batch: i), m: m, k: k, n: n,
                c: pc + i * m * n, alpha: 1, beta: 0)
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
