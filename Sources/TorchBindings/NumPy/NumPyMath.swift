import Autograd
import Foundation
import Python

/// numpy's unary math ufuncs (`np.exp`, `np.sqrt`, ...); integer inputs give float64. exp, log,
/// log2, log10, tan and arctan run numpy's own float loops (NumPyFloatLoops); the others, and
/// float32 exp and log, are computed with the C library in double precision and rounded to the
/// array's dtype.
enum NumPyMath {
    static let unary: [String: @Sendable (Double) -> Double] = [
        "exp": Foundation.exp, "log": Foundation.log, "sin": Foundation.sin, "cos": Foundation.cos,
        "tanh": Foundation.tanh, "sqrt": Foundation.sqrt, "floor": Foundation.floor, "ceil": Foundation.ceil
    ]

    /// Every unary ufunc name `apply` takes.
    static var names: Set<String> {
        Set(unary.keys).union(NumPyFloatLoops.unaryFunctions.keys).union(dtypePreserving.keys)
    }

    /// Ufuncs that keep integer dtypes (`np.square`, `np.abs`, `np.negative`).
    static let dtypePreserving: [String: @Sendable (Double) -> Double] = [
        "square": { $0 * $0 }, "absolute": { $0.magnitude }, "negative": { -$0 }
    ]

    static func apply(_ name: String, _ a: NDArray) throws -> NDArray {
        let result: NDArray
        if let f = dtypePreserving[name] {
            guard a.dtype != .bool || name == "absolute" else {
                throw PyException.type(
                    "ufunc '\(name)' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"
                )
            }
            result = try NDArray.make(a.values.map { NumPyKernels.rounded(f($0), a.dtype) }, shape: a.shape, dtype: a.dtype)
        } else if let loop = NumPyFloatLoops.unaryFunctions[name],
            let values = NumPyFloatLoops.unary(loop, a.values, float32: a.dtype == .float32)
        {
            result = try NDArray.make(values, shape: a.shape, dtype: a.dtype == .float32 ? .float32 : .float64)
        } else if let f = unary[name] {
            let dtype: NumPyDType = a.dtype == .float32 ? .float32 : .float64
            result = try NDArray.make(a.values.map { NumPyKernels.rounded(f($0), dtype) }, shape: a.shape, dtype: dtype)
        } else {
            throw PyException.attribute("module 'numpy' has no attribute '\(name)'")
        }
        return a.isScalar || a.shape.isEmpty ? result.asScalar() : result
    }

    /// `np.maximum` / `np.minimum`: element-wise, NaN propagating.
    static func extremum(_ a: NumPyOperand, _ b: NumPyOperand, maximum: Bool) throws -> NDArray {
        let shape = try NumPyKernels.broadcastShape(a.shape, b.shape)
        let dtype = a.resultType(with: b)
        let x = try a.values(broadcastTo: shape)
        let y = try b.values(broadcastTo: shape)
        var out = [Double](repeating: 0, count: x.count)
        for i in 0..<x.count {
            if x[i].isNaN || y[i].isNaN {
                out[i] = .nan
            } else {
                out[i] = NumPyKernels.rounded(maximum ? Swift.max(x[i], y[i]) : Swift.min(x[i], y[i]), dtype)
            }
        }
        let result = try NDArray.make(out, shape: shape, dtype: dtype)
        return NumPyOperand.scalarResult(a, b) ? result.asScalar() : result
    }

    /// `np.clip(a, lo, hi)` (either bound may be None).
    static func clip(_ a: NDArray, _ lo: NumPyOperand?, _ hi: NumPyOperand?) throws -> NDArray {
        var result = a
        if let lo { result = try extremum(.array(result), lo, maximum: true) }
        if let hi { result = try extremum(.array(result), hi, maximum: false) }
        return result
    }

    /// `np.allclose(a, b, rtol=1e-05, atol=1e-08)`: |a - b| <= atol + rtol * |b| everywhere.
    static func allclose(_ a: NumPyOperand, _ b: NumPyOperand, rtol: Double, atol: Double) throws -> Bool {
        let shape = try NumPyKernels.broadcastShape(a.shape, b.shape)
        let x = try a.values(broadcastTo: shape)
        let y = try b.values(broadcastTo: shape)
        for i in 0..<x.count {
            if x[i] == y[i] { continue }
            if !((x[i] - y[i]).magnitude <= atol + rtol * y[i].magnitude) { return false }
        }
        return true
    }
}
