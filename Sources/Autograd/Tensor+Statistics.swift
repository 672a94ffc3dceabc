/// Summary statistics of a tensor's values, computed in one pass without copying them.
package struct TensorStatistics: Sendable, Equatable {
    /// Sum of squares of the finite elements.
    package var sumOfSquares = 0.0
    /// Smallest and largest non-NaN elements (±infinity included); nil when there are none.
    package var min: Double?
    package var max: Double?
    package var nanCount = 0
    package var infCount = 0
}

private struct StatisticsVisitor: ElementVisitor {
    let tensor: Tensor

    func visit<T: TensorElement>(_ type: T.Type) -> TensorStatistics {
        if tensor.isContiguous {
            let start = tensor.storage.data + tensor.offset * MemoryLayout<T>.stride
            let count = tensor.numel
            if T.self == Float.self, let s = finiteFloatStatistics(start.assumingMemoryBound(to: Float.self), count: count) {
                return s
            }
            if T.self == Double.self, let s = finiteStatistics(start.assumingMemoryBound(to: Double.self), count: count) {
                return s
            }
        }
        let p = tensor.storage.pointer(T.self)
        var sq = 0.0
        var lo = Double.infinity
        var hi = -Double.infinity
        var nan = 0
        var inf = 0
        var seen = false
        forEachOffset(shape: tensor.shape, strides: tensor.strides, offset: tensor.offset) { o in
            let x = p[o].doubleValue
            if x.isNaN {
                nan += 1
                return
            }
            if x.isInfinite { inf += 1 } else { sq += x * x }
            seen = true
            if x < lo { lo = x }
            if x > hi { hi = x }
        }
        return TensorStatistics(
            sumOfSquares: sq, min: seen ? lo : nil, max: seen ? hi : nil,
            nanCount: nan, infCount: inf)
    }
}

/// The statistics of `count` contiguous values, or nil when one of them is not finite (or their
/// squares overflow) and the exact element-by-element walk must count them. Four running sums of
/// squares (elements 4k, 4k+1, 4k+2, 4k+3) are added at the end, so that the adds do not wait on
/// each other (the gradient summaries of every backward pass go through here); the result is
/// deterministic, though its last bits differ from a sum in element order.
private func finiteStatistics<T: BinaryFloatingPoint>(_ p: UnsafePointer<T>, count: Int) -> TensorStatistics? {
    guard count > 0 else { return nil }
    var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
    var low = Double.infinity
    var high = -Double.infinity
    var i = 0
    while i + 4 <= count {
        let (a, b, c, d) = (Double(p[i]), Double(p[i + 1]), Double(p[i + 2]), Double(p[i + 3]))
        s0 += a * a
        s1 += b * b
        s2 += c * c
        s3 += d * d
        low = Swift.min(low, Swift.min(Swift.min(a, b), Swift.min(c, d)))
        high = Swift.max(high, Swift.max(Swift.max(a, b), Swift.max(c, d)))
        i += 4
    }
    var sum = (s0 + s1) + (s2 + s3)
    while i < count {
        let x = Double(p[i])
        sum += x * x
        low = Swift.min(low, x)
        high = Swift.max(high, x)
        i += 1
    }
    guard sum.isFinite else { return nil }
    return TensorStatistics(sumOfSquares: sum, min: low, max: high, nanCount: 0, infCount: 0)
}

/// `finiteStatistics` for Float elements, four at a time in vector registers: the same four
/// running sums in the same order, so the norm is bit for bit the scalar loop's. The scalar loop
/// keeps the first of equal minima and the last of equal maxima; equal values differ only when
/// they are zeros of either sign, so an extreme that is zero is left to the scalar loop.
private func finiteFloatStatistics(_ p: UnsafePointer<Float>, count: Int) -> TensorStatistics? {
    guard count >= 8 else { return finiteStatistics(p, count: count) }
    var sums = SIMD4<Double>()
    var low = SIMD4<Float>(repeating: .infinity)
    var high = SIMD4<Float>(repeating: -.infinity)
    let raw = UnsafeRawPointer(p)
    var i = 0
    while i + 4 <= count {
        let v = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD4<Float>.self)
        let d = SIMD4<Double>(Double(v[0]), Double(v[1]), Double(v[2]), Double(v[3]))
        sums += d * d
        low.replace(with: v, where: v .< low)
        high.replace(with: v, where: v .>= high)
        i += 4
    }
    var sum = (sums[0] + sums[1]) + (sums[2] + sums[3])
    var lowest = Double(low.min())
    var highest = Double(high.max())
    while i < count {
        let x = Double(p[i])
        sum += x * x
        lowest = Swift.min(lowest, x)
        highest = Swift.max(highest, x)
        i += 1
    }
    guard sum.isFinite, lowest != 0, highest != 0 else { return finiteStatistics(p, count: count) }
    return TensorStatistics(sumOfSquares: sum, min: lowest, max: highest, nanCount: 0, infCount: 0)
}

extension Tensor {
    /// Norm, extremes and non-finite counts of the values, in one pass over the storage.
    package func statistics() -> TensorStatistics { dtype.dispatch(StatisticsVisitor(tensor: self)) }
}
