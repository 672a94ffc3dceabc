/// Singular values as PyTorch 2.15 computes them for `linalg.svdvals` and the ±2 matrix norms
/// (aten/src/ATen/native/BatchLinearAlgebraKernel.cpp, `apply_svd`): LAPACK's `?gesdd` with
/// `jobz = 'N'` on column-major copies of the matrices laid out one after another in one
/// 64-byte-aligned buffer (oneMKL's results depend on the alignment), a workspace query on the
/// first, in the tensor's precision.
enum SingularValues {
    /// The singular values of each row-major `rows`×`columns` matrix through oneMKL's gesdd, in
    /// descending order, or nil when oneMKL is not loaded or gesdd reports a failure.
    static func gesdd(_ matrices: [[Double]], rows: Int, columns: Int, dtype: DType) -> [[Double]]? {
        guard let mkl = MKLLibrary.loaded, !matrices.isEmpty, rows > 0, columns > 0 else { return nil }
        return dtype == .float64
            ? run(mkl.dgesdd, matrices, rows: rows, columns: columns)
            : run(mkl.sgesdd, matrices, rows: rows, columns: columns)
    }

    /// The Fortran signature of `?gesdd` for element type `T`.
    private typealias Routine<T> = (
        UnsafePointer<CChar>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafeMutablePointer<T>?,
        UnsafePointer<Int32>?, UnsafeMutablePointer<T>?, UnsafeMutablePointer<T>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<T>?, UnsafePointer<Int32>?, UnsafeMutablePointer<T>?, UnsafePointer<Int32>?,
        UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?
    ) -> Void

    private static func run<T: FloatElement>(
        _ routine: Routine<T>, _ matrices: [[Double]], rows: Int, columns: Int
    ) -> [[Double]]? {
        let size = rows * columns
        let buffer = UnsafeMutableRawPointer.allocate(
            byteCount: matrices.count * size * MemoryLayout<T>.stride, alignment: 64
        ).bindMemory(to: T.self, capacity: matrices.count * size)
        defer { buffer.deallocate() }
        for (i, a) in matrices.enumerated() {
            for r in 0..<rows { for c in 0..<columns { buffer[i * size + c * rows + r] = T(fromDouble: a[r * columns + c]) } }
        }
        var (m, n, lda, one) = (Int32(rows), Int32(columns), Int32(rows), Int32(1))
        let k = Swift.min(rows, columns)
        var s = [T](repeating: 0, count: k)
        var iwork = [Int32](repeating: 0, count: 8 * k)
        var (u, vt, query): (T, T, T) = (0, 0, 0)
        var info: Int32 = 0
        var lwork: Int32 = -1
        routine("N", &m, &n, buffer, &lda, &s, &u, &one, &vt, &one, &query, &lwork, &iwork, &info)
        guard info == 0 else { return nil }
        lwork = Swift.max(1, Int32(query.doubleValue))
        var work = [T](repeating: 0, count: Int(lwork))
        var result: [[Double]] = []
        for i in matrices.indices {
            routine("N", &m, &n, buffer + i * size, &lda, &s, &u, &one, &vt, &one, &work, &lwork, &iwork, &info)
            guard info == 0 else { return nil }
            result.append(s.map { $0.doubleValue })
        }
        return result
    }
}
