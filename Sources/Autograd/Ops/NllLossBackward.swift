/// NllLossBackward0's formula: PyTorch's `nll_loss_backward` (Kernels/NllLossKernel.swift) writes
/// each row's gradient at its target class, zeros elsewhere and in ignored rows. Under
/// create_graph the result records NllLossBackwardBackward0, whose gradient for the incoming
/// gradient is `nll_loss` of the grad-grad (and zero for the input).
struct NllLossGradient {
    let picked: [Double?]
    let weights: [Double]?
    let targets: [Int]
    let classes: Int
    let shape: [Int]
    let mean: Bool
    let batched: Bool

    /// The input's gradient for the loss gradient `grad` and the saved total weight.
    func gradient(_ grad: Tensor, totalWeight: Tensor) throws -> Tensor {
        let perRow = grad.dtype.dispatchFloat(
            NllLossBackwardValues(
                picked: picked, weights: weights, gradOutput: grad.doubles(), totalWeight: totalWeight.doubles()[0],
                mean: mean, batched: batched))
        var values = [Double](repeating: 0, count: shape.reduce(1, *))
        for (i, t) in targets.enumerated() where picked[i] != nil { values[i * classes + t] = perRow[i] }
        let result = Tensor.fromValues(values, shape: shape, dtype: grad.dtype)
        record("nll_loss_backward", .nllLossBackwardBackward0, inputs: [grad], outputs: [result]) { ctx in
            [ctx.needsGrad(0) ? try self.reapplied(to: ctx.grad) : nil]
        }
        return result
    }

    /// `nll_loss(ggI, target, weight, reduction)`: the grad-grad's picked entries, weighted and
    /// reduced as the loss was.
    private func reapplied(to gradGrad: Tensor) throws -> Tensor {
        let values = gradGrad.doubles()
        let again = NllLossForward(
            picked: targets.enumerated().map { i, t in picked[i] == nil ? nil : values[i * classes + t] },
            weights: weights, mean: mean, batched: batched)
        let out = gradGrad.dtype.dispatchFloat(again)
        return Tensor.fromValues(out.values, shape: batched ? [targets.count] : [], dtype: gradGrad.dtype)
    }
}

extension NodeKind {
    static let nllLossBackwardBackward0 = NodeKind("NllLossBackwardBackward0")
}
