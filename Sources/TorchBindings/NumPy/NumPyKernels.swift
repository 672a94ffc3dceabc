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

    /// `f` over paired values, rounded to `dtype`; float `+ - * /` and squaring (`fast`) run
    /// as plain loops, the rest through `f`.
    static func elementwise(
        _ a: [Double], _ b: [Double], _ dtype: NumPyDType, _ f: (Double, Double) -> Double, fast: BinaryOperator?
    ) throws -> [Double] {
        let n = a.count
        var out = [Double](repeating: 0, count: n)
        let f32 = dtype == .float32
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { o in
                    switch fast {
                    case .add?: for i in 0..<n { o[i] = x[i] + y[i] }
                    case .sub?: for i in 0..<n { o[i] = x[i] - y[i] }
                    case .mul?: for i in 0..<n { o[i] = x[i] * y[i] }
                    case .div?: for i in 0..<n { o[i] = x[i] / y[i] }
                    default: for i in 0..<n { o[i] = f(x[i], y[i]) }
                    }
                    if f32 || !dtype.isFloat {
                        for i in 0..<n { o[i] = rounded(o[i], dtype) }
                    }
                }
            }
        }
        return out
    }

    /// An integer element value as Int64, saturating where a double rounds past the range.
    @inline(__always)
    static func int64(_ v: Double) -> Int64 {
        v >= 0x1p63 ? .max : v < -0x1p63 ? .min : v.isNaN ? .min : Int64(v.rounded(.towardZero))
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

    /// numpy's pairwise sum of `n` values from `start` with `stride` (numpy's
    /// `@TYPE@_pairwise_sum`: blocks of 128, eight accumulators), accumulated in float32 when
    /// `float32` (a float32 sum is the double sum of two floats rounded to float).
    static func pairwiseSum(_ a: UnsafeBufferPointer<Double>, _ start: Int, _ n: Int, _ stride: Int, float32: Bool) -> Double {
        @inline(__always) func add(_ x: Double, _ y: Double) -> Double { float32 ? Double(Float(x + y)) : x + y }
        if n < 8 {
            // numpy starts from -0.0 so that a sum of negative zeros stays -0.0.
            var res = -0.0
            for i in 0..<n { res = add(res, a[start + i * stride]) }
            return res
        }
        if n <= 128 {
            var r0 = a[start]
            var r1 = a[start + stride]
            var r2 = a[start + 2 * stride]
            var r3 = a[start + 3 * stride]
            var r4 = a[start + 4 * stride]
            var r5 = a[start + 5 * stride]
            var r6 = a[start + 6 * stride]
            var r7 = a[start + 7 * stride]
            var i = 8
            while i < n - (n % 8) {
                let p = start + i * stride
                r0 = add(r0, a[p])
                r1 = add(r1, a[p + stride])
                r2 = add(r2, a[p + 2 * stride])
                r3 = add(r3, a[p + 3 * stride])
                r4 = add(r4, a[p + 4 * stride])
                r5 = add(r5, a[p + 5 * stride])
                r6 = add(r6, a[p + 6 * stride])
                r7 = add(r7, a[p + 7 * stride])
                i += 8
            }
            var res = add(add(add(r0, r1), add(r2, r3)), add(add(r4, r5), add(r6, r7)))
            while i < n {
                res = add(res, a[start + i * stride])
                i += 1
            }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return add(
            pairwiseSum(a, start, n2, stride, float32: float32),
            pairwiseSum(a, start + n2 * stride, n - n2, stride, float32: float32))
    }
}
