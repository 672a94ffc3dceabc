import CStatisticsKernels

/// Summary statistics of a tensor's values, computed in one pass without copying them.
package struct TensorStatistics: Sendable, Equatable {
    /// Sum of squares of the finite elements.
    package var sumOfSquares = 0.0
    /// Smallest and largest non-NaN elements (±infinity included); nil when there are none.
    /// Of zeros of both signs, the minimum is the first in element order and the maximum the last.
    package var min: Double?
    package var max: Double?
    package var nanCount = 0
    package var infCount = 0
}

/// The element-by-element walk: any layout and dtype, NaN and infinities counted, the squares
/// added in element order.
private struct StatisticsVisitor: ElementVisitor {
    let tensor: Tensor

    func visit<T: TensorElement>(_ type: T.Type) -> TensorStatistics {
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
            if x >= hi { hi = x }
        }
        return TensorStatistics(
            sumOfSquares: sq, min: seen ? lo : nil, max: seen ? hi : nil,
            nanCount: nan, infCount: inf)
    }
}

extension Tensor {
    /// Norm, extremes and non-finite counts of the values, in one pass over the storage.
    ///
    /// A contiguous float tensor whose values are all finite goes through the C kernel
    /// (CStatisticsKernels: four running sums of squares, added as (s0 + s1) + (s2 + s3), then
    /// the tail in order; AVX2 when the CPU has it, the same bits either way); any other tensor,
    /// or one holding a NaN or an infinity, is walked element by element.
    package func statistics() -> TensorStatistics {
        if isContiguous, let s = finiteContiguousStatistics() { return s }
        return dtype.dispatch(StatisticsVisitor(tensor: self))
    }

    /// The C kernel's statistics of a contiguous float tensor, or nil when it holds no values,
    /// a non-finite one, or squares that overflow.
    private func finiteContiguousStatistics() -> TensorStatistics? {
        let start = storage.data + offset * dtype.itemSize
        var s = GSFiniteStatistics()
        let found: Int32
        switch dtype {
        case .float32: found = gs_finite_statistics_f32(start.assumingMemoryBound(to: Float.self), Int64(numel), &s)
        case .float64: found = gs_finite_statistics_f64(start.assumingMemoryBound(to: Double.self), Int64(numel), &s)
        case .bool, .uint8, .int8, .int16, .int32, .int64: return nil
        }
        guard found != 0 else { return nil }
        return TensorStatistics(sumOfSquares: s.sumOfSquares, min: s.min, max: s.max, nanCount: 0, infCount: 0)
    }
}
