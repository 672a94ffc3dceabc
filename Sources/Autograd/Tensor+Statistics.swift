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

extension Tensor {
    /// Norm, extremes and non-finite counts of the values, in one pass over the storage.
    package func statistics() -> TensorStatistics { dtype.dispatch(StatisticsVisitor(tensor: self)) }
}
