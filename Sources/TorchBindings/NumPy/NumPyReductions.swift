import Autograd
import Python

/// `sum`, `mean`, `max`, `min`, `argmax`, `argmin` over all elements or one axis, in numpy's
/// order: pairwise summation along the innermost axis, in-order accumulation across outer ones.
enum NumPyReductions {
    enum Kind: String {
        case sum, mean, max, min, argmax, argmin, prod
    }

    static func reduce(_ a: NDArray, _ kind: Kind, axis: Int?, keepdims: Bool) throws -> NDArray {
        let values = a.values
        let shape = a.shape
        let (outer, length, inner, outShape, keptShape): (Int, Int, Int, [Int], [Int])
        if let axis {
            guard axis >= -shape.count && axis < max(shape.count, 1), !shape.isEmpty || axis == 0 || axis == -1 else {
                throw NumPyErrors.axis(axis, shape.count)
            }
            let k = axis < 0 ? axis + shape.count : axis
            if shape.isEmpty {
                (outer, length, inner, outShape, keptShape) = (1, 1, 1, [], [])
            } else {
                outer = shape[..<k].reduce(1, *)
                length = shape[k]
                inner = shape[(k + 1)...].reduce(1, *)
                var o = shape
                o.remove(at: k)
                outShape = o
                var kept = shape
                kept[k] = 1
                keptShape = kept
            }
        } else {
            (outer, length, inner, outShape, keptShape) = (1, values.count, 1, [], [Int](repeating: 1, count: shape.count))
        }
        if length == 0, [.max, .min, .argmax, .argmin].contains(kind) {
            let name = kind == .max ? "maximum" : kind == .min ? "minimum" : kind.rawValue
            throw PyException.value(
                kind == .argmax || kind == .argmin
                    ? "attempt to get \(kind.rawValue) of an empty sequence"
                    : "zero-size array to reduction operation \(name) which has no identity")
        }
        let dtype = resultType(a.dtype, kind)
        var out = [Double](repeating: 0, count: outer * inner)
        values.withUnsafeBufferPointer { buf in
            for o in 0..<outer {
                for j in 0..<inner {
                    let start = o * length * inner + j
                    out[o * inner + j] = lane(buf, start, length, inner, kind, dtype, innermost: inner == 1)
                }
            }
        }
        let result = try NDArray.make(out, shape: keepdims ? keptShape : outShape, dtype: dtype)
        return result.scalarIfZeroDim()
    }

    private static func resultType(_ d: NumPyDType, _ kind: Kind) -> NumPyDType {
        switch kind {
        case .sum, .prod: return d.isFloat ? d : .int64
        case .mean: return d.isFloat ? d : .float64
        case .max, .min: return d
        case .argmax, .argmin: return .int64
        }
    }

    private static func lane(
        _ a: UnsafeBufferPointer<Double>, _ start: Int, _ n: Int, _ stride: Int, _ kind: Kind, _ dtype: NumPyDType,
        innermost: Bool
    ) -> Double {
        let f32 = dtype == .float32
        switch kind {
        case .sum, .mean:
            var s: Double
            if innermost && dtype.isFloat {
                s = NumPyKernels.rounded(0 + NumPyKernels.pairwiseSum(a, start, n, stride, float32: f32), dtype)
            } else {
                s = 0
                for i in 0..<n { s = NumPyKernels.rounded(s + a[start + i * stride], dtype) }
            }
            if kind == .mean { s = NumPyKernels.rounded(s / Double(n), dtype) }
            return s
        case .prod:
            var p = 1.0
            for i in 0..<n { p = NumPyKernels.rounded(p * a[start + i * stride], dtype) }
            return p
        case .max, .min:
            var best = a[start]
            for i in 1..<max(n, 1) {
                let v = a[start + i * stride]
                if best.isNaN { break }
                if v.isNaN || (kind == .max ? v > best : v < best) { best = v }
            }
            return best
        case .argmax, .argmin:
            var bestIndex = 0
            var best = a[start]
            for i in 1..<max(n, 1) {
                if best.isNaN { break }
                let v = a[start + i * stride]
                if v.isNaN || (kind == .argmax ? v > best : v < best) {
                    best = v
                    bestIndex = i
                }
            }
            return Double(bestIndex)
        }
    }
}
