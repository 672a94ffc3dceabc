#if canImport(Glibc)
    import Glibc
#endif

/// The LAPACK routines behind `torch.linalg`'s solvers, as PyTorch 2.15 calls them
/// (aten/src/ATen/native/BatchLinearAlgebra.cpp): `?getrf` (LU with partial pivoting), `?getrs`
/// (solving with an LU factorization), `?potrf` (Cholesky) and the decompositions of
/// `LAPACKDecompositions.swift` (`?geqrf`, `?orgqr`, `?gesdd`, `?syevd`), in the tensor's precision, on
/// column-major matrices laid out one after another in one 64-byte-aligned buffer, as PyTorch's
/// batched column-major copies are. They come from oneMKL when it is loaded (PyTorch's own
/// library: the same bits), else from OpenBLAS's LAPACK, which the process links.
struct LAPACK: @unchecked Sendable {
    typealias Getrf32 =
        @convention(c) (
            UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Float>?, UnsafePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?
        ) -> Void
    typealias Getrf64 =
        @convention(c) (
            UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?
        ) -> Void
    /// `?getrs(trans, n, nrhs, a, lda, ipiv, b, ldb, info, trans_length)`.
    typealias Getrs32 =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Float>?,
            UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Float>?, UnsafePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, Int
        ) -> Void
    typealias Getrs64 =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?,
            UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, Int
        ) -> Void
    /// `?potrf(uplo, n, a, lda, info, uplo_length)`.
    typealias Potrf32 =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Float>?, UnsafePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, Int
        ) -> Void
    typealias Potrf64 =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafeMutablePointer<Double>?, UnsafePointer<Int32>?,
            UnsafeMutablePointer<Int32>?, Int
        ) -> Void

    let sgetrf: Getrf32
    let dgetrf: Getrf64
    let sgetrs: Getrs32
    let dgetrs: Getrs64
    let spotrf: Potrf32
    let dpotrf: Potrf64
    /// `?geqrf`, `?orgqr`, `?gesdd` and `?syevd` in single and double precision.
    let decompositions: DecompositionRoutines

    /// The routines this process computes with, or the name of the one that could not be found.
    static let shared: Result<LAPACK, TorchError> = {
        // oneMKL's interface layer is already open when MKL is loaded (RTLD_NOLOAD only finds it);
        // otherwise the process's own symbols, where OpenBLAS (linked by CBLAS) comes first.
        let handle =
            MKLLibrary.loaded.flatMap { dlopen($0.directory + "/libmkl_intel_lp64.so.2", RTLD_LAZY | RTLD_NOLOAD) }
            ?? dlopen(nil, RTLD_LAZY)
        func address(_ name: String) throws(TorchError) -> UnsafeMutableRawPointer {
            guard let handle, let address = dlsym(handle, name) else {
                throw .runtime("GradScope found no LAPACK routine \(name) (neither oneMKL nor OpenBLAS provides it)")
            }
            return address
        }
        func symbol<F>(_ name: String, as _: F.Type) throws(TorchError) -> F {
            unsafeBitCast(try address(name), to: F.self)
        }
        do throws(TorchError) {
            return .success(
                LAPACK(
                    sgetrf: try symbol("sgetrf_", as: Getrf32.self), dgetrf: try symbol("dgetrf_", as: Getrf64.self),
                    sgetrs: try symbol("sgetrs_", as: Getrs32.self), dgetrs: try symbol("dgetrs_", as: Getrs64.self),
                    spotrf: try symbol("spotrf_", as: Potrf32.self), dpotrf: try symbol("dpotrf_", as: Potrf64.self),
                    decompositions: try DecompositionRoutines(address)))
        } catch {
            return .failure(error)
        }
    }()
}

/// A batch of column-major `rows`×`columns` matrices in LAPACK's precision for `dtype`, one
/// after another in a 64-byte-aligned buffer, read and written as Doubles.
struct ColumnMajorBatch {
    let rows: Int
    let columns: Int
    let count: Int
    /// Column-major values, matrix after matrix (exactly representable in the dtype).
    var values: [Double]

    /// The matrices of `tensor` over its last two dims (any strides), column-major.
    init(_ tensor: Tensor) {
        rows = tensor.shape[tensor.dim - 2]
        columns = tensor.shape[tensor.dim - 1]
        let size = rows * columns
        count = size == 0 ? 0 : tensor.numel / size
        let rowMajor = tensor.doubles()
        var v = [Double](repeating: 0, count: rowMajor.count)
        for b in 0..<count {
            for r in 0..<rows { for c in 0..<columns { v[b * size + c * rows + r] = rowMajor[b * size + r * columns + c] } }
        }
        values = v
    }

    init(rows: Int, columns: Int, count: Int, values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.count = count
        self.values = values
    }

    /// The values in row-major order, matrix after matrix.
    var rowMajor: [Double] {
        let size = rows * columns
        var v = [Double](repeating: 0, count: values.count)
        for b in 0..<count {
            for r in 0..<rows { for c in 0..<columns { v[b * size + r * columns + c] = values[b * size + c * rows + r] } }
        }
        return v
    }

    /// The values as a tensor of `batchShape + [rows, columns]`.
    func tensor(batchShape: [Int], dtype: DType) -> Tensor {
        Tensor.fromValues(rowMajor, shape: batchShape + [rows, columns], dtype: dtype)
    }

    /// The matrices as a tensor of `batchShape + [rows, columns]` laid out as LAPACK left them:
    /// batched column-major strides, as PyTorch's QR, SVD and eigh outputs are.
    func columnMajorTensor(batchShape: [Int], dtype: DType) -> Tensor {
        let flat = Tensor.fromValues(values, shape: [values.count], dtype: dtype)
        var strides = [1, rows]
        var size = rows * columns
        for extent in batchShape.reversed() {
            strides.insert(size, at: 0)
            size *= extent
        }
        return Tensor(storage: flat.storage, shape: batchShape + [rows, columns], strides: strides, offset: 0)
    }

    /// Runs `body` on the values converted to `T` in an aligned buffer, then reads them back.
    mutating func withBuffer<T: FloatElement, R>(_: T.Type, _ body: (UnsafeMutablePointer<T>) throws -> R) rethrows -> R {
        let n = Swift.max(values.count, 1)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<T>.stride, alignment: 64)
            .bindMemory(to: T.self, capacity: n)
        defer { buffer.deallocate() }
        for (i, v) in values.enumerated() { buffer[i] = T(fromDouble: v) }
        let result = try body(buffer)
        for i in values.indices { values[i] = buffer[i].doubleValue }
        return result
    }
}

/// The factorizations and solves, per matrix of a batch.
enum LAPACKCalls {
    /// Factors each square matrix of `batch` in place into `P L U` (`?getrf`); returns the
    /// 1-based pivots (n per matrix) and each matrix's `info` (k > 0: U[k-1, k-1] is zero).
    static func luFactor(_ batch: inout ColumnMajorBatch, dtype: DType) throws -> (pivots: [Int32], info: [Int32]) {
        let lapack = try LAPACK.shared.get()
        let n = batch.rows
        var pivots = [Int32](repeating: 0, count: Swift.max(batch.count * n, 1))
        var info = [Int32](repeating: 0, count: batch.count)
        guard n > 0 else { return ([], info) }
        var size = Int32(n)
        let count = batch.count
        func run<T: FloatElement>(_ getrf: Getrf<T>, _ type: T.Type) {
            batch.withBuffer(type) { a in
                pivots.withUnsafeMutableBufferPointer { p in
                    for b in 0..<count { getrf(&size, &size, a + b * n * n, &size, p.baseAddress! + b * n, &info[b]) }
                }
            }
        }
        if dtype == .float64 { run(lapack.dgetrf, Double.self) } else { run(lapack.sgetrf, Float.self) }
        return (Array(pivots.prefix(batch.count * n)), info)
    }

    /// Solves `A X = B` (or `Aᵀ X = B` when `transpose`) for each matrix pair, with `lu` and
    /// `pivots` from `luFactor` of `A` (`?getrs`); `rhs` holds the column-major `n`×`k` B's.
    static func luSolve(
        _ lu: ColumnMajorBatch, pivots: [Int32], _ rhs: inout ColumnMajorBatch, transpose: Bool, dtype: DType
    ) throws {
        let lapack = try LAPACK.shared.get()
        let (n, k) = (lu.rows, rhs.columns)
        guard n > 0, k > 0 else { return }
        var factors = lu
        var (size, nrhs) = (Int32(n), Int32(k))
        var info: Int32 = 0
        let trans = transpose ? "T" : "N"
        let count = rhs.count
        func run<T: FloatElement>(_ getrs: Getrs<T>, _ type: T.Type) {
            factors.withBuffer(type) { a in
                rhs.withBuffer(type) { b in
                    pivots.withUnsafeBufferPointer { p in
                        for m in 0..<count {
                            getrs(
                                trans, &size, &nrhs, a + m * n * n, &size, p.baseAddress! + m * n, b + m * n * k, &size, &info, 1)
                        }
                    }
                }
            }
        }
        if dtype == .float64 { run(lapack.dgetrs, Double.self) } else { run(lapack.sgetrs, Float.self) }
    }

    /// The Cholesky factor of each matrix (`?potrf` on its lower or upper triangle), the other
    /// triangle zeroed; returns each matrix's `info` (k > 0: the leading minor of order k is
    /// not positive-definite).
    static func cholesky(_ batch: inout ColumnMajorBatch, upper: Bool, dtype: DType) throws -> [Int32] {
        let lapack = try LAPACK.shared.get()
        let n = batch.rows
        var info = [Int32](repeating: 0, count: batch.count)
        guard n > 0 else { return info }
        var size = Int32(n)
        let uplo = upper ? "U" : "L"
        let count = batch.count
        func run<T: FloatElement>(_ potrf: Potrf<T>, _ type: T.Type) {
            batch.withBuffer(type) { a in
                for b in 0..<count { potrf(uplo, &size, a + b * n * n, &size, &info[b], 1) }
            }
        }
        if dtype == .float64 { run(lapack.dpotrf, Double.self) } else { run(lapack.spotrf, Float.self) }
        for b in 0..<batch.count {
            for c in 0..<n {
                for r in 0..<n where upper ? r > c : r < c { batch.values[b * n * n + c * n + r] = 0 }
            }
        }
        return info
    }

    private typealias Getrf<T> = (
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<T>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?
    ) -> Void
    private typealias Getrs<T> = (
        UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<T>?,
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<T>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Int32>?, Int
    ) -> Void
    private typealias Potrf<T> = (
        UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafeMutablePointer<T>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Int32>?, Int
    ) -> Void
}
