import Autograd
import Foundation
import Python

/// numpy's element-wise and reduction kernels over `NDArray` values, in numpy's order of
/// operations: float32 results are rounded from exact double results (correct for `+ - * /`
/// and `sqrt`), sums are numpy's pairwise summation.
enum NumPyKernels {
    /// numpy's broadcast shape of two shapes, or its ValueError.
    static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)]
            let y = i < n - b.count ? 1 : b[i - (n - b.count)]
            guard x == y || x == 1 || y == 1 else {
                func tuple(_ s: [Int]) -> String {
                    s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ",") + ")"
                }
                throw PyException.value("operands could not be broadcast together with shapes \(tuple(a)) \(tuple(b)) ")
            }
            out[i] = x == 1 ? y : x
        }
        return out
    }

    /// The values of `a` broadcast to `shape`, row-major.
    static func broadcastValues(_ a: NDArray, to shape: [Int]) throws -> [Double] {
        if a.shape == shape { return a.values }
        if a.size == 1 { return [Double](repeating: a.values[0], count: shape.reduce(1, *)) }
        let padded = [Int](repeating: 1, count: shape.count - a.shape.count) + a.shape
        return try a.tensor.reshape(padded).expand(shape).doubles()
    }

    /// Rounds a double result to the dtype's precision.
    @inline(__always)
    static func rounded(_ v: Double, _ dtype: NumPyDType) -> Double {
        switch dtype {
        case .float32: return Double(Float(v))
        case .float64: return v
        case .int64: return v
        case .bool: return v != 0 ? 1 : 0
        }
    }

    /// numpy's pairwise sum of `n` values from `start` with `stride`, accumulated in float32
    /// when `float32` (numpy's `@TYPE@_pairwise_sum`: blocks of 128, eight accumulators).
    static func pairwiseSum(_ a: UnsafeBufferPointer<Double>, _ start: Int, _ n: Int, _ stride: Int, float32: Bool) -> Double {
        if float32 {
            return Double(pairwise(a, start, n, stride, Float.self))
        }
        return pairwise(a, start, n, stride, Double.self)
    }

    private static func pairwise<T: BinaryFloatingPoint>(
        _ a: UnsafeBufferPointer<Double>, _ start: Int, _ n: Int, _ stride: Int, _: T.Type
    ) -> T {
        if n < 8 {
            // numpy starts from -0.0 so that a sum of negative zeros stays -0.0.
            var res: T = -0.0
            for i in 0..<n { res += T(a[start + i * stride]) }
            return res
        }
        if n <= 128 {
            var r = [T](repeating: 0, count: 8)
            for j in 0..<8 { r[j] = T(a[start + j * stride]) }
            var i = 8
            while i < n - (n % 8) {
                for j in 0..<8 { r[j] += T(a[start + (i + j) * stride]) }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                res += T(a[start + i * stride])
                i += 1
            }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwise(a, start, n2, stride, T.self) + pairwise(a, start + n2 * stride, n - n2, stride, T.self)
    }
}
