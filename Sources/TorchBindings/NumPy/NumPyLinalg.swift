import Autograd
import Python

/// `np.dot`, `np.matmul` and `@`: float products of two matrices as numpy calls OpenBLAS
/// (NumPyBLAS), other float products through the engine's BLAS path, integer ones exactly.
enum NumPyLinalg {
    /// `a @ b` (numpy's matmul: 1-D operands are promoted and the added dimension removed).
    static func matmul(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        guard !a.shape.isEmpty, !b.shape.isEmpty else {
            throw PyException.value(
                "matmul: Input operand \(a.shape.isEmpty ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
            )
        }
        let k1 = a.shape[a.shape.count - 1]
        let k2 = b.shape.count == 1 ? b.shape[0] : b.shape[b.shape.count - 2]
        guard k1 == k2 else {
            throw PyException.value(
                "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(k2) is different from \(k1))"
            )
        }
        return try product(a, b)
    }

    /// `np.dot(a, b)` / `a.dot(b)`: like matmul for 1-D and 2-D operands, scalars multiply.
    static func dot(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        if a.shape.isEmpty || b.shape.isEmpty { return try NDArray.binary(.mul, .array(a), .array(b)) }
        guard a.shape.count <= 2 && b.shape.count <= 2 else {
            throw PyException.value("GradScope's numpy supports dot of 1-D and 2-D arrays only")
        }
        let k1 = a.shape[a.shape.count - 1]
        let k2 = b.shape.count == 1 ? b.shape[0] : b.shape[0]
        guard k1 == k2 else {
            func tuple(_ s: [Int]) -> String {
                s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ",") + ")"
            }
            throw PyException.value(
                "shapes \(tuple(a.shape)) and \(tuple(b.shape)) not aligned: \(k1) (dim \(a.shape.count - 1)) != \(k2) (dim 0)")
        }
        return try product(a, b)
    }

    private static func product(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        let dtype = NumPyDType.promote(a.dtype, b.dtype)
        let result: NDArray
        if dtype.isFloat && NumPyBLAS.isMatrix(a) && NumPyBLAS.isMatrix(b) {
            result = try NumPyBLAS.product(a, b, dtype)
        } else if dtype.isFloat {
            let ta = try a.tensor.to(dtype.engine)
            let tb = try b.tensor.to(dtype.engine)
            result = NDArray(try GradMode.noGrad { try ta.matmul(tb) })
        } else {
            result = try integerProduct(a, b, dtype)
        }
        return result.scalarIfZeroDim()
    }

    /// Exact integer (or bool) products of 1-D/2-D operands.
    private static func integerProduct(_ a: NDArray, _ b: NDArray, _ dtype: NumPyDType) throws -> NDArray {
        guard a.shape.count <= 2 && b.shape.count <= 2 else {
            throw PyException.value("GradScope's numpy supports integer matmul of 1-D and 2-D arrays only")
        }
        let (n, k) = a.shape.count == 1 ? (1, a.shape[0]) : (a.shape[0], a.shape[1])
        let m = b.shape.count == 1 ? 1 : b.shape[1]
        let x = a.values
        let y = b.values
        var out = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                var s = 0.0
                for p in 0..<k { s += x[i * k + p] * y[p * m + j] }
                out[i * m + j] = dtype == .bool ? (s != 0 ? 1 : 0) : s
            }
        }
        var shape: [Int] = []
        if a.shape.count == 2 { shape.append(n) }
        if b.shape.count == 2 { shape.append(m) }
        return try NDArray.make(out, shape: shape, dtype: dtype)
    }
}
