import Autograd
import CBLAS

/// numpy's float product of two matrices (both dimensions above 1) as numpy's `dot`
/// (cblasfuncs.c, `cblas_matrixproduct`) and `matmul` (matmul.c.src) call BLAS: row-major, an
/// operand in Fortran order (a `.T` view) passed transposed, any other non-contiguous operand
/// copied first, and a matrix times its own transpose through syrk, the upper triangle mirrored
/// into the lower one. numpy links OpenBLAS (its wheel bundles scipy-openblas), so this calls
/// OpenBLAS even where the engine computes PyTorch's products with oneMKL.
enum NumPyBLAS {
    /// Whether `a` is what numpy's BLAS path treats as a matrix rather than a row, column or scalar.
    static func isMatrix(_ a: NDArray) -> Bool { a.shape.count == 2 && a.shape[0] > 1 && a.shape[1] > 1 }

    /// An operand as BLAS reads it: its tensor (or a contiguous copy), whether it is passed
    /// transposed, and its leading dimension.
    private struct Operand {
        let tensor: Tensor
        let transposed: Bool
        let leading: Int

        init(_ a: NDArray, _ dtype: NumPyDType) throws {
            var t = a.tensor.dtype == dtype.engine ? a.tensor : try a.tensor.to(dtype.engine)
            let (rows, columns) = (t.shape[0], t.shape[1])
            if t.strides == [columns, 1] {
                (transposed, leading) = (false, columns)
            } else if t.strides == [1, rows] {
                (transposed, leading) = (true, rows)
            } else {
                t = try t.contiguous()
                (transposed, leading) = (false, columns)
            }
            tensor = t
        }

        func pointer<T>(_: T.Type) -> UnsafePointer<T> {
            UnsafePointer(tensor.storage.data.assumingMemoryBound(to: T.self) + tensor.offset)
        }

        /// numpy's syrk case: the same data, dimensions and strides swapped, one side transposed.
        func isTranspose(of other: Operand) -> Bool {
            tensor.storage === other.tensor.storage && tensor.offset == other.tensor.offset
                && tensor.shape == other.tensor.shape.reversed() && tensor.strides == other.tensor.strides.reversed()
                && transposed != other.transposed
        }
    }

    /// `a @ b` for two matrices, in `dtype` (float32 or float64).
    static func product(_ a: NDArray, _ b: NDArray, _ dtype: NumPyDType) throws -> NDArray {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        _ = try MemoryBudget.checkedNumel([m, n], allocating: dtype.engine)
        let x = try GradMode.noGrad { try Operand(a, dtype) }
        let y = try GradMode.noGrad { try Operand(b, dtype) }
        let out = Tensor.zeros([m, n], dtype: dtype.engine)
        if dtype == .float32 {
            run(x, y, m, k, n, out.storage.data.assumingMemoryBound(to: Float.self), gemm: cblas_sgemm, syrk: cblas_ssyrk)
        } else {
            run(x, y, m, k, n, out.storage.data.assumingMemoryBound(to: Double.self), gemm: cblas_dgemm, syrk: cblas_dsyrk)
        }
        return NDArray(out)
    }

    private typealias Gemm<T> = (
        CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, T, UnsafePointer<T>?, blasint,
        UnsafePointer<T>?, blasint, T, UnsafeMutablePointer<T>?, blasint
    ) -> Void
    private typealias Syrk<T> = (
        CBLAS_ORDER, CBLAS_UPLO, CBLAS_TRANSPOSE, blasint, blasint, T, UnsafePointer<T>?, blasint, T,
        UnsafeMutablePointer<T>?, blasint
    ) -> Void

    private static func run<T: BinaryFloatingPoint>(
        _ x: Operand, _ y: Operand, _ m: Int, _ k: Int, _ n: Int, _ c: UnsafeMutablePointer<T>, gemm: Gemm<T>,
        syrk: Syrk<T>
    ) {
        func flag(_ o: Operand) -> CBLAS_TRANSPOSE { o.transposed ? CblasTrans : CblasNoTrans }
        guard x.isTranspose(of: y) else {
            gemm(
                CblasRowMajor, flag(x), flag(y), blasint(m), blasint(n), blasint(k), 1, x.pointer(T.self),
                blasint(x.leading), y.pointer(T.self), blasint(y.leading), 0, c, blasint(n))
            return
        }
        // The untransposed side s gives s·sᵀ (x untransposed) or sᵀ·s (y untransposed).
        let s = x.transposed ? y : x
        syrk(
            CblasRowMajor, CblasUpper, flag(x), blasint(n), blasint(k), 1, s.pointer(T.self), blasint(s.leading), 0, c, blasint(n)
        )
        for i in 0..<n {
            for j in (i + 1)..<n { c[j * n + i] = c[i * n + j] }
        }
    }
}
