import CBLAS

/// One matrix of a `MatrixOperand`, typed: where it starts and how its rows and columns step.
struct StridedMatrix<T> {
    let base: UnsafePointer<T>
    let rowStride: Int
    let colStride: Int

    /// The `rows x cols` values copied row-major (PyTorch's `clone(MemoryFormat::Contiguous)`).
    func contiguousValues(rows: Int, cols: Int) -> [T] {
        var values: [T] = []
        values.reserveCapacity(rows * cols)
        for r in 0..<rows {
            for c in 0..<cols { values.append(base[r * rowStride + c * colStride]) }
        }
        return values
    }
}

extension MatrixOperand {
    /// Matrix `batch` of this operand.
    func matrix<T>(_: T.Type, batch: Int) -> StridedMatrix<T> {
        StridedMatrix(
            base: UnsafePointer(storage.pointer(T.self)) + offset + batch * batchStride, rowStride: rowStride,
            colStride: colStride)
    }
}

/// How addmm_impl_cpu_ hands one operand to column-major BLAS: whether it reads it transposed
/// and with which leading dimension, or nil when it copies it first. `inner`/`outer` index the
/// operand's (row, column) strides as PyTorch does given whether the result is transposed.
private func blasReading(
    rowStride: Int, colStride: Int, transposeC: Bool, plainMinimum: Int, transposedMinimum: Int
) -> (transposed: Bool, ld: Int)? {
    let strides = [rowStride, colStride]
    let (inner, outer) = transposeC ? (1, 0) : (0, 1)
    let transposed: Bool
    if strides[inner] == 1 && strides[outer] >= Swift.max(1, plainMinimum) {
        transposed = false
    } else if strides[outer] == 1 && strides[inner] >= Swift.max(1, transposedMinimum) {
        transposed = true
    } else {
        return nil
    }
    return (transposed, strides[transposed == transposeC ? 1 : 0])
}

/// `c = alpha * (m1 @ m2) + beta * c` for a contiguous row-major `m x n` result, with the one
/// gemm call PyTorch's addmm_impl_cpu_ and cpublas::gemm make: column-major BLAS, the operands
/// swapped unless `n == 1` (the result's strides then read as a column-major matrix), each
/// operand read in place transposed or not, or copied contiguous when neither fits, and the
/// leading dimensions normalised as normalize_last_dims does.
func addmmGemm<T: BLASElement>(
    _: T.Type, _ m1: StridedMatrix<T>, _ m2: StridedMatrix<T>, m: Int, k: Int, n: Int,
    c: UnsafeMutablePointer<T>, alpha: T, beta: T
) {
    let transposeC = n != 1
    let (first, second) = transposeC ? (m2, m1) : (m1, m2)
    let (gm, gn) = transposeC ? (n, m) : (m, n)
    guard
        let a = blasReading(
            rowStride: first.rowStride, colStride: first.colStride, transposeC: transposeC, plainMinimum: gm,
            transposedMinimum: k)
    else {
        let (rows, cols) = transposeC ? (k, n) : (m, k)
        let values = first.contiguousValues(rows: rows, cols: cols)
        values.withUnsafeBufferPointer { buffer in
            let copy = StridedMatrix(base: buffer.baseAddress!, rowStride: cols, colStride: 1)
            let (p, q) = transposeC ? (m1, copy) : (copy, m2)
            addmmGemm(T.self, p, q, m: m, k: k, n: n, c: c, alpha: alpha, beta: beta)
        }
        return
    }
    guard
        let b = blasReading(
            rowStride: second.rowStride, colStride: second.colStride, transposeC: transposeC, plainMinimum: k,
            transposedMinimum: gn)
    else {
        let (rows, cols) = transposeC ? (m, k) : (k, n)
        let values = second.contiguousValues(rows: rows, cols: cols)
        values.withUnsafeBufferPointer { buffer in
            let copy = StridedMatrix(base: buffer.baseAddress!, rowStride: cols, colStride: 1)
            let (p, q) = transposeC ? (copy, m2) : (m1, copy)
            addmmGemm(T.self, p, q, m: m, k: k, n: n, c: c, alpha: alpha, beta: beta)
        }
        return
    }
    var (lda, ldb, ldc) = (a.ld, b.ld, transposeC ? n : 1)
    if gn == 1 { ldc = gm }
    if a.transposed {
        if gm == 1 { lda = k }
    } else if k == 1 {
        lda = gm
    }
    if b.transposed {
        if k == 1 { ldb = gn }
    } else if gn == 1 {
        ldb = k
    }
    T.columnMajorGemm(
        a.transposed, b.transposed, gm, gn, k, alpha, first.base, lda, second.base, ldb, beta, c, ldc)
}

/// `y = mat @ x` for an `m x k` matrix as PyTorch's addmv_impl_cpu_ calls gemv: the matrix read
/// column-major as it is, or transposed, or copied contiguous; `x` steps by its row stride.
func mvGemv<T: BLASElement>(_: T.Type, _ mat: StridedMatrix<T>, _ x: StridedMatrix<T>, m: Int, k: Int, y: UnsafeMutablePointer<T>)
{
    let (s0, s1) = (mat.rowStride, mat.colStride)
    let incx = x.rowStride
    if s0 == 1 && (k == 1 || s1 >= Swift.max(1, m)) {
        T.columnMajorGemv(false, m, k, 1, mat.base, k == 1 ? m : s1, x.base, incx, 0, y, 1)
    } else if s1 == 1 && (m == 1 || s0 >= Swift.max(1, k)) {
        T.columnMajorGemv(true, k, m, 1, mat.base, m == 1 ? k : s0, x.base, incx, 0, y, 1)
    } else {
        mat.contiguousValues(rows: m, cols: k).withUnsafeBufferPointer { buffer in
            T.columnMajorGemv(true, k, m, 1, buffer.baseAddress!, k, x.base, incx, 0, y, 1)
        }
    }
}

/// PyTorch's small-bmm loop (baddbmm_cpu_kernel): each element summed in order in the element
/// type, a multiply then an add.
func naiveProduct<T: BLASElement>(
    _ a: StridedMatrix<T>, _ b: StridedMatrix<T>, m: Int, k: Int, n: Int, c: UnsafeMutablePointer<T>
) {
    for i in 0..<m {
        for j in 0..<n {
            var acc: T = 0
            for p in 0..<k {
                let product = a.base[i * a.rowStride + p * a.colStride] * b.base[p * b.rowStride + j * b.colStride]
                acc += product
            }
            c[i * n + j] = acc
        }
    }
}

private func transpose(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }
private func mklTranspose(_ t: Bool) -> Int32 { t ? 112 : 111 }
/// CblasColMajor in both libraries' numbering.
private let mklColumnMajor: Int32 = 102

extension Float {
    /// Column-major `cblas_sgemm` through oneMKL when it is loaded, else OpenBLAS.
    static func columnMajorGemm(
        _ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
        _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        if let mkl = MKLLibrary.loaded {
            mkl.sgemm(
                mklColumnMajor, mklTranspose(ta), mklTranspose(tb), Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b,
                Int32(ldb), beta, c, Int32(ldc))
        } else {
            cblas_sgemm(
                CblasColMajor, transpose(ta), transpose(tb), blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda),
                b, blasint(ldb), beta, c, blasint(ldc))
        }
    }

    /// Column-major `cblas_sgemv` through oneMKL when it is loaded, else OpenBLAS.
    static func columnMajorGemv(
        _ trans: Bool, _ m: Int, _ n: Int, _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
        _ x: UnsafePointer<Float>, _ incx: Int, _ beta: Float, _ y: UnsafeMutablePointer<Float>, _ incy: Int
    ) {
        if let mkl = MKLLibrary.loaded {
            mkl.sgemv(
                mklColumnMajor, mklTranspose(trans), Int32(m), Int32(n), alpha, a, Int32(lda), x, Int32(incx), beta, y,
                Int32(incy))
        } else {
            cblas_sgemv(
                CblasColMajor, transpose(trans), blasint(m), blasint(n), alpha, a, blasint(lda), x, blasint(incx), beta,
                y, blasint(incy))
        }
    }

    /// `cblas_sdot` through oneMKL when it is loaded, else OpenBLAS.
    static func dot(_ n: Int, _ x: UnsafePointer<Float>, _ incx: Int, _ y: UnsafePointer<Float>, _ incy: Int) -> Float {
        if let mkl = MKLLibrary.loaded { return mkl.sdot(Int32(n), x, Int32(incx), y, Int32(incy)) }
        return cblas_sdot(blasint(n), x, blasint(incx), y, blasint(incy))
    }
}

extension Double {
    /// Column-major `cblas_dgemm` through oneMKL when it is loaded, else OpenBLAS.
    static func columnMajorGemm(
        _ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int,
        _ b: UnsafePointer<Double>, _ ldb: Int, _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int
    ) {
        if let mkl = MKLLibrary.loaded {
            mkl.dgemm(
                mklColumnMajor, mklTranspose(ta), mklTranspose(tb), Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b,
                Int32(ldb), beta, c, Int32(ldc))
        } else {
            cblas_dgemm(
                CblasColMajor, transpose(ta), transpose(tb), blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda),
                b, blasint(ldb), beta, c, blasint(ldc))
        }
    }

    /// Column-major `cblas_dgemv` through oneMKL when it is loaded, else OpenBLAS.
    static func columnMajorGemv(
        _ trans: Bool, _ m: Int, _ n: Int, _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int,
        _ x: UnsafePointer<Double>, _ incx: Int, _ beta: Double, _ y: UnsafeMutablePointer<Double>, _ incy: Int
    ) {
        if let mkl = MKLLibrary.loaded {
            mkl.dgemv(
                mklColumnMajor, mklTranspose(trans), Int32(m), Int32(n), alpha, a, Int32(lda), x, Int32(incx), beta, y,
                Int32(incy))
        } else {
            cblas_dgemv(
                CblasColMajor, transpose(trans), blasint(m), blasint(n), alpha, a, blasint(lda), x, blasint(incx), beta,
                y, blasint(incy))
        }
    }

    /// `cblas_ddot` through oneMKL when it is loaded, else OpenBLAS.
    static func dot(_ n: Int, _ x: UnsafePointer<Double>, _ incx: Int, _ y: UnsafePointer<Double>, _ incy: Int) -> Double {
        if let mkl = MKLLibrary.loaded { return mkl.ddot(Int32(n), x, Int32(incx), y, Int32(incy)) }
        return cblas_ddot(blasint(n), x, blasint(incx), y, blasint(incy))
    }
}
