/// `nll_loss`'s values in PyTorch 2.15's order of operations (aten/src/ATen/native/LossNLL.cpp,
/// `nll_loss_out_frame` and `nll_loss_backward_out_frame`, compiled without FMA), in the input's
/// type `T`.
struct NllLossKernel<T: FloatElement> {
    /// The log-probability each row picks (nil for a row whose target is `ignore_index`).
    let picked: [T?]
    /// The class weight of each row's target, when `weight=` was given.
    let weights: [T]?

    /// The reduced loss and the total weight: `-x * w` subtracted row by row into a cascade of
    /// eight partial sums (a level flushes into the next every 2^max(4, ceil(log2 N) / 8) rows,
    /// row 0 flushing through every level), the partial sums then added in order from zero;
    /// `mean` divides by the summed weights (or the number of rows not ignored).
    func reduced(mean: Bool) -> (loss: T, totalWeight: T) {
        let levels = 8
        let levelPower = Swift.max(4, ceilLog2(picked.count) / levels)
        let levelMask = (1 << levelPower) - 1
        var lossSums = [T](repeating: 0, count: levels)
        var weightSums = lossSums
        var ignored = 0
        for (b, value) in picked.enumerated() {
            guard let value else {
                ignored += 1
                continue
            }
            if let weights {
                lossSums[0] -= value * weights[b]
                weightSums[0] += weights[b]
            } else {
                lossSums[0] -= value
            }
            for j in 0..<(levels - 1) {
                if b & (levelMask << (j * levelPower)) != 0 { break }
                weightSums[j + 1] += weightSums[j]
                lossSums[j + 1] += lossSums[j]
                (weightSums[j], lossSums[j]) = (0, 0)
            }
        }
        let totalWeight = weights == nil ? T(fromDouble: Double(picked.count - ignored)) : weightSums.reduce(0, +)
        let loss = lossSums.reduce(0, +)
        return (mean ? loss / totalWeight : loss, totalWeight)
    }

    /// The unreduced losses (`reduction="none"` on a batch): `-x * w`, zero where ignored.
    var unreduced: [T] {
        picked.enumerated().map { b, value in value.map { -$0 * (weights?[b] ?? 1) } ?? 0 }
    }

    /// The gradient each picked entry receives from a reduced loss whose gradient is
    /// `gradOutput`: `w * -(gradOutput / total_weight)` for `mean`, else `w * -gradOutput`.
    func reducedGradient(gradOutput: T, totalWeight: T, mean: Bool) -> [T] {
        let g = -(mean ? gradOutput / totalWeight : gradOutput)
        return picked.indices.map { b in weights.map { $0[b] * g } ?? g }
    }

    /// The gradient of the unreduced losses: `-w * gradOutput[b]`.
    func unreducedGradient(gradOutput: [T]) -> [T] {
        picked.indices.map { b in -(weights?[b] ?? 1) * gradOutput[b] }
    }
}

/// The forward values of `nll_loss` in the input's type: the unreduced losses of a batch
/// (`batched`), or the reduced loss; with the total weight.
struct NllLossForward: FloatVisitor {
    let picked: [Double?]
    let weights: [Double]?
    let mean: Bool
    let batched: Bool

    func visit<T: FloatElement>(_: T.Type) -> (values: [Double], totalWeight: Double) {
        let k = NllLossKernel<T>(picked: picked.map { $0.map(T.init(fromDouble:)) }, weights: weights?.map(T.init(fromDouble:)))
        if batched { return (k.unreduced.map(\.doubleValue), 0) }
        let r = k.reduced(mean: mean)
        return ([r.loss.doubleValue], r.totalWeight.doubleValue)
    }
}

/// The gradient each row's picked entry receives, in the input's type, from the loss's gradient
/// (one value, or one per row when `batched`).
struct NllLossBackwardValues: FloatVisitor {
    let picked: [Double?]
    let weights: [Double]?
    let gradOutput: [Double]
    let totalWeight: Double
    let mean: Bool
    let batched: Bool

    func visit<T: FloatElement>(_: T.Type) -> [Double] {
        let k = NllLossKernel<T>(picked: picked.map { $0.map(T.init(fromDouble:)) }, weights: weights?.map(T.init(fromDouble:)))
        let values =
            batched
            ? k.unreducedGradient(gradOutput: gradOutput.map(T.init(fromDouble:)))
            : k.reducedGradient(
                gradOutput: T(fromDouble: gradOutput[0]), totalWeight: T(fromDouble: totalWeight), mean: mean)
        return values.map(\.doubleValue)
    }
}
