/// The two forms of `F.cross_entropy` beyond `nll_loss(log_softmax(input))`: class-probability
/// targets (a float target of the input's shape) and class indices with `label_smoothing`,
/// composed from other ops as ATen's `cross_entropy_loss_prob_target` and
/// `cross_entropy_loss_label_smoothing` do (aten/src/ATen/native/LossNLL.cpp), so values,
/// gradients and the grad_fn chain are PyTorch's.
extension Tensor {
    /// `-(log_softmax(input) * target [* weight])` reduced; a positive `labelSmoothing` mixes the
    /// target with the uniform distribution first.
    static func crossEntropyProbabilities(
        _ input: Tensor, target: Tensor, weight: Tensor?, reduction: LossReduction, labelSmoothing: Double
    ) throws -> Tensor {
        let classDim = input.dim == 1 ? 0 : 1
        let classes = input.shape[classDim]
        if let weight, weight.dim != 1 || weight.numel != classes {
            throw TorchError.runtime(
                "cross_entropy: weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: [\(weight.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        let logp = try input.logSoftmax(dim: classDim)
        var smoothed = target
        if labelSmoothing > 0 {
            smoothed = try target.mulScalar(1 - labelSmoothing).addScalar(labelSmoothing / Double(classes))
        }
        var product = try logp.mul(.tensor(smoothed))
        if let weight {
            var broadcastShape = [Int](repeating: 1, count: input.dim)
            if input.dim > 1 { broadcastShape[1] = classes }
            product = try product.mul(.tensor(input.dim > 1 ? weight.view(broadcastShape) : weight))
        }
        switch reduction {
        case .mean: return try product.sum().neg().divScalar(Double(input.numel / Swift.max(classes, 1)))
        case .sum: return try product.sum().neg()
        case .none: return try product.sum(dims: [classDim]).neg()
        }
    }

    /// `(1 - labelSmoothing) * nll_loss(log_softmax(input), target) + smooth * (labelSmoothing / classes)`,
    /// where `smooth` is the (weighted) negative sum of the log-probabilities over the classes,
    /// zero where the target is `ignoreIndex`, reduced like the nll term.
    static func crossEntropyLabelSmoothing(
        _ input: Tensor, target: Tensor, weight: Tensor?, reduction: LossReduction, ignoreIndex: Int,
        labelSmoothing: Double
    ) throws -> Tensor {
        let classDim = input.dim == 1 ? 0 : 1
        let logp = try input.logSoftmax(dim: classDim)
        let nll = try nllLoss(logp, target: target, weight: weight, reduction: reduction.rawValue, ignoreIndex: ignoreIndex)
        let classes = logp.shape[classDim]
        var weighted = logp
        if let weight {
            var broadcastShape = [Int](repeating: 1, count: logp.dim)
            broadcastShape[classDim] = weight.shape[0]
            weighted = try logp.mul(.tensor(weight.view(broadcastShape)))
        }
        let smooth = try weighted.sum(dims: [classDim]).neg()
        let ignored = try target.eq(.scalar(.int(Int64(ignoreIndex))))
        _ = try smooth.maskedFill_(mask: ignored, value: .scalar(.double(0)))
        let kept = try target.ne(.scalar(.int(Int64(ignoreIndex))))
        let reduced: Tensor
        switch reduction {
        case .mean:
            let total = try weight.map { try $0.gather(dim: 0, index: target.maskedSelect(mask: kept).flatten()).sum() }
            reduced = try smooth.sum().div(.tensor(total ?? kept.sum()))
        case .sum: reduced = try smooth.sum()
        case .none: reduced = smooth
        }
        return try nll.mulScalar(1 - labelSmoothing).add(.tensor(reduced.mulScalar(labelSmoothing / Double(classes))))
    }
}
