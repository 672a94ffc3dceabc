/// The LAPACK decompositions behind `linalg.qr` (`?geqrf`, `?orgqr`), `linalg.svd` and the ±2
/// matrix norms (`?gesdd`) and `linalg.eigh` (`?syevd`), and BLAS's triangular solve (`?trsm`,
/// for QR's gradient), resolved with the other `LAPACK` routines (oneMKL when loaded, else
/// OpenBLAS). Element arrays are untyped: the `s` routine takes floats, the `d` one doubles.
struct DecompositionRoutines: @unchecked Sendable {
    typealias In = UnsafePointer<Int32>?
    typealias Out = UnsafeMutablePointer<Int32>?
    typealias Values = UnsafeMutableRawPointer?
    typealias Flag = UnsafePointer<CChar>?
    /// `?geqrf(m, n, a, lda, tau, work, lwork, info)`.
    typealias Geqrf = @convention(c) (In, In, Values, In, Values, Values, In, Out) -> Void
    /// `?orgqr(m, n, k, a, lda, tau, work, lwork, info)`.
    typealias Orgqr = @convention(c) (In, In, In, Values, In, Values, Values, In, Out) -> Void
    /// `?gesdd(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork, info, jobz_length)`.
    typealias Gesdd = @convention(c) (Flag, In, In, Values, In, Values, Values, In, Values, In, Values, In, Out, Out, Int) -> Void
    /// `?syevd(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, jobz_length, uplo_length)`.
    typealias Syevd = @convention(c) (Flag, Flag, In, Values, In, Values, Values, In, Out, In, Out, Int, Int) -> Void

    /// `?trsm(side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb, four flag lengths)`.
    typealias Trsm = @convention(c) (Flag, Flag, Flag, Flag, In, In, Values, Values, In, Values, In, Int, Int, Int, Int) -> Void

    /// A routine in single and double precision.
    struct Precisions<F> {
        let single: F
        let double: F

        /// The routine for `dtype`'s precision.
        func callAsFunction(_ dtype: DType) -> F { dtype == .float64 ? double : single }
    }

    let geqrf: Precisions<Geqrf>
    let orgqr: Precisions<Orgqr>
    let gesdd: Precisions<Gesdd>
    let syevd: Precisions<Syevd>
    let trsm: Precisions<Trsm>

    /// Resolves `s<name>_` and `d<name>_` for each routine through `address`.
    init(_ address: (String) throws(TorchError) -> UnsafeMutableRawPointer) throws(TorchError) {
        func pair<F>(_ name: String, _: F.Type) throws(TorchError) -> Precisions<F> {
            Precisions(
                single: unsafeBitCast(try address("s\(name)_"), to: F.self),
                double: unsafeBitCast(try address("d\(name)_"), to: F.self))
        }
        geqrf = try pair("geqrf", Geqrf.self)
        orgqr = try pair("orgqr", Orgqr.self)
        gesdd = try pair("gesdd", Gesdd.self)
        syevd = try pair("syevd", Syevd.self)
        trsm = try pair("trsm", Trsm.self)
    }
}

/// Which singular vectors `?gesdd` computes (its `jobz`).
enum SingularVectors: String {
    /// None (`N`): the singular values only.
    case none = "N"
    /// The first min(m, n) columns of U and rows of Vᵀ (`S`).
    case reduced = "S"
    /// All of U (m×m) and Vᵀ (n×n) (`A`).
    case full = "A"
}

/// Runs `body` on a zeroed 64-byte-aligned buffer of `count` `T`s (PyTorch's tensors are so
/// aligned, and oneMKL's results depend on it), returning the values it leaves there.
private func withAlignedBuffer<T: FloatElement>(
    count: Int, _: T.Type, _ body: (UnsafeMutablePointer<T>) -> Void
) -> [Double] {
    let size = Swift.max(count, 1)
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size * MemoryLayout<T>.stride, alignment: 64)
        .bindMemory(to: T.self, capacity: size)
    defer { buffer.deallocate() }
    buffer.initialize(repeating: 0, count: size)
    body(buffer)
    return (0..<count).map { buffer[$0].doubleValue }
}

/// One `T` LAPACK writes a workspace size into (a workspace query's answer).
private final class Scratch<T: FloatElement> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: 1)

    init() { pointer.initialize(to: 0) }
    deinit { pointer.deallocate() }

    /// The value written, as a Double.
    var value: Double { pointer.pointee.doubleValue }
}

extension LAPACKCalls {
    /// Householder QR of each column-major m×n matrix of `batch` in place (`?geqrf`, its
    /// workspace sized by a query on the first matrix and at least n, as PyTorch's apply_geqrf):
    /// R in the upper triangle, the reflectors below it; returns their scalings (min(m, n) per
    /// matrix).
    static func householderQR(_ batch: inout ColumnMajorBatch, dtype: DType) throws -> [Double] {
        let geqrf = try LAPACK.shared.get().decompositions.geqrf(dtype)
        let (m, n, count) = (batch.rows, batch.columns, batch.count)
        let k = Swift.min(m, n)
        guard count > 0, k > 0 else { return [] }
        func run<T: FloatElement>(_ type: T.Type) -> [Double] {
            var (rows, columns, lda, info, lwork) = (Int32(m), Int32(n), Int32(m), Int32(0), Int32(-1))
            return batch.withBuffer(type) { a in
                withAlignedBuffer(count: count * k, type) { tau in
                    let query = Scratch<T>()
                    geqrf(&rows, &columns, a, &lda, tau, query.pointer, &lwork, &info)
                    lwork = Int32(Swift.max(1, n, Int(query.value)))
                    _ = withAlignedBuffer(count: Int(lwork), type) { work in
                        for b in 0..<count { geqrf(&rows, &columns, a + b * m * n, &lda, tau + b * k, work, &lwork, &info) }
                    }
                }
            }
        }
        return dtype == .float64 ? run(Double.self) : run(Float.self)
    }

    /// Forms each m×c matrix of `batch` with orthonormal columns from the first `k` reflectors
    /// its columns hold and their scalings `tau` (`?orgqr`, workspace from a query on the first).
    static func householderProduct(_ batch: inout ColumnMajorBatch, tau: [Double], reflectors k: Int, dtype: DType) throws {
        let orgqr = try LAPACK.shared.get().decompositions.orgqr(dtype)
        let (m, c, count) = (batch.rows, batch.columns, batch.count)
        guard count > 0, m > 0, c > 0 else { return }
        func run<T: FloatElement>(_ type: T.Type) {
            var (rows, columns, reflectors, lda, info, lwork) = (Int32(m), Int32(c), Int32(k), Int32(m), Int32(0), Int32(-1))
            batch.withBuffer(type) { a in
                _ = withAlignedBuffer(count: tau.count, type) { scalings in
                    for i in tau.indices { scalings[i] = T(fromDouble: tau[i]) }
                    let query = Scratch<T>()
                    orgqr(&rows, &columns, &reflectors, a, &lda, scalings, query.pointer, &lwork, &info)
                    lwork = Int32(Swift.max(1, Int(query.value)))
                    _ = withAlignedBuffer(count: Int(lwork), type) { work in
                        for b in 0..<count {
                            orgqr(&rows, &columns, &reflectors, a + b * m * c, &lda, scalings + b * k, work, &lwork, &info)
                        }
                    }
                }
            }
        }
        if dtype == .float64 { run(Double.self) } else { run(Float.self) }
    }

    /// The singular value decomposition of each column-major m×n matrix of `batch` (`?gesdd`,
    /// as PyTorch's apply_svd: one workspace query on the first matrix, U and Vᵀ in aligned
    /// column-major buffers): the singular values (min(m, n) per matrix, descending), U and Vᵀ
    /// as `vectors` asks (nil for `.none`) and each matrix's `info` (k > 0: no convergence).
    static func singularValueDecomposition(
        _ batch: ColumnMajorBatch, vectors: SingularVectors, dtype: DType
    ) throws -> (u: ColumnMajorBatch?, s: [Double], vt: ColumnMajorBatch?, info: [Int32]) {
        let gesdd = try LAPACK.shared.get().decompositions.gesdd(dtype)
        var a = batch
        let (m, n, count) = (a.rows, a.columns, a.count)
        let k = Swift.min(m, n)
        let uColumns = vectors == .full ? m : k
        let vtRows = vectors == .full ? n : k
        let computesVectors = vectors != .none
        var info = [Int32](repeating: 0, count: count)
        guard count > 0, k > 0 else {
            return (
                computesVectors ? ColumnMajorBatch(rows: m, columns: uColumns, count: count, values: []) : nil, [],
                computesVectors ? ColumnMajorBatch(rows: vtRows, columns: n, count: count, values: []) : nil, info
            )
        }
        let uSize = computesVectors ? m * uColumns : 0
        let vtSize = computesVectors ? vtRows * n : 0
        var (u, vt) = ([Double](), [Double]())
        func run<T: FloatElement>(_ type: T.Type) -> [Double] {
            var (rows, columns, lda) = (Int32(m), Int32(n), Int32(m))
            var (ldu, ldvt) = (computesVectors ? Int32(m) : 1, computesVectors ? Int32(vtRows) : 1)
            var iwork = [Int32](repeating: 0, count: 8 * k)
            var lwork: Int32 = -1
            return a.withBuffer(type) { values in
                withAlignedBuffer(count: count * k, type) { s in
                    u = withAlignedBuffer(count: count * uSize, type) { uValues in
                        vt = withAlignedBuffer(count: count * vtSize, type) { vtValues in
                            let query = Scratch<T>()
                            gesdd(
                                vectors.rawValue, &rows, &columns, values, &lda, s, uValues, &ldu, vtValues, &ldvt, query.pointer,
                                &lwork, &iwork, &info[0], 1)
                            lwork = Int32(Swift.max(1, Int(query.value)))
                            var work = [T](repeating: 0, count: Int(lwork))
                            work.withUnsafeMutableBufferPointer { workValues in
                                for b in 0..<count {
                                    gesdd(
                                        vectors.rawValue, &rows, &columns, values + b * m * n, &lda, s + b * k,
                                        uValues + b * uSize, &ldu, vtValues + b * vtSize, &ldvt, workValues.baseAddress, &lwork,
                                        &iwork, &info[b], 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        let s = dtype == .float64 ? run(Double.self) : run(Float.self)
        guard computesVectors else { return (nil, s, nil, info) }
        return (
            ColumnMajorBatch(rows: m, columns: uColumns, count: count, values: u), s,
            ColumnMajorBatch(rows: vtRows, columns: n, count: count, values: vt), info
        )
    }

    /// The eigenvalues (ascending, n per matrix) of each symmetric column-major matrix of
    /// `batch`, reading its `upper` or lower triangle, and, when `vectors`, the orthonormal
    /// eigenvectors in place of the matrix (`?syevd`, as PyTorch's apply_lapack_eigh: workspaces
    /// from one query on the first matrix, stopping at the first failure); returns each
    /// matrix's `info` too (k > 0: no convergence).
    static func symmetricEigen(
        _ batch: inout ColumnMajorBatch, upper: Bool, vectors: Bool, dtype: DType
    ) throws -> (values: [Double], info: [Int32]) {
        let syevd = try LAPACK.shared.get().decompositions.syevd(dtype)
        let (n, count) = (batch.rows, batch.count)
        var info = [Int32](repeating: 0, count: count)
        guard count > 0, n > 0 else { return ([], info) }
        let (jobz, uplo) = (vectors ? "V" : "N", upper ? "U" : "L")
        func run<T: FloatElement>(_ type: T.Type) -> [Double] {
            var (size, lda, lwork, liwork) = (Int32(n), Int32(n), Int32(-1), Int32(-1))
            return batch.withBuffer(type) { a in
                withAlignedBuffer(count: count * n, type) { w in
                    let query = Scratch<T>()
                    var iworkQuery: Int32 = 0
                    syevd(jobz, uplo, &size, a, &lda, w, query.pointer, &lwork, &iworkQuery, &liwork, &info[0], 1, 1)
                    lwork = Int32(Swift.max(1, Int(query.value)))
                    liwork = Swift.max(1, iworkQuery)
                    var iwork = [Int32](repeating: 0, count: Int(liwork))
                    _ = withAlignedBuffer(count: Int(lwork), type) { work in
                        for b in 0..<count {
                            syevd(
                                jobz, uplo, &size, a + b * n * n, &lda, w + b * n, work, &lwork, &iwork, &liwork, &info[b], 1, 1)
                            if info[b] != 0 { return }
                        }
                    }
                }
            }
        }
        return (dtype == .float64 ? run(Double.self) : run(Float.self), info)
    }
}

extension LAPACKCalls {
    /// Solves `X Uᵀ = B` in place for each upper-triangular column-major `n`×`n` `U` of
    /// `factor` and column-major `m`×`n` `B` of `rhs` (`?trsm` with side `R`, uplo `U`, transa
    /// `T`, as PyTorch's `linalg_solve_triangular(U.mH(), B, upper=False, left=False)` calls it
    /// on a column-major result).
    static func transposedUpperTriangularRightSolve(_ factor: ColumnMajorBatch, _ rhs: inout ColumnMajorBatch, dtype: DType)
        throws
    {
        let trsm = try LAPACK.shared.get().decompositions.trsm(dtype)
        var triangular = factor
        let (m, n, count) = (rhs.rows, rhs.columns, rhs.count)
        guard count > 0, m > 0, n > 0 else { return }
        func run<T: FloatElement>(_ type: T.Type) {
            var (rows, columns) = (Int32(m), Int32(n))
            triangular.withBuffer(type) { a in
                rhs.withBuffer(type) { b in
                    _ = withAlignedBuffer(count: 1, type) { alpha in
                        alpha[0] = 1
                        for i in 0..<count {
                            trsm(
                                "R", "U", "T", "N", &rows, &columns, alpha, a + i * n * n, &columns, b + i * m * n, &rows, 1, 1,
                                1, 1)
                        }
                    }
                }
            }
        }
        if dtype == .float64 { run(Double.self) } else { run(Float.self) }
    }
}
