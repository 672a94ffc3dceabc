/// `F.pairwise_distance` and `F.triplet_margin_loss`, composed as aten composes them
/// (aten/src/ATen/native/Distance.cpp, Loss.cpp): `norm(x1 - x2 + eps, p, -1)`, whose C++ scalar
/// add and `norm.ScalarOpt_dim` record AddBackward1 and NormBackward1; the loss is
/// `clamp_min(margin + d(a, p) - d(a, n), 0)` reduced, with `d(a, n)` replaced by
/// `minimum(d(a, n), d(p, n))` when `swap`.
enum PairwiseDistanceOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "pairwise_distance(Tensor x1, Tensor x2, float p=2.0, float eps=1e-06, bool keepdim=False) -> Tensor",
            gradFn: "NormBackward1", exposure: [.torch, .functional],
            forward: {
                try Tensor.pairwiseDistance(
                    $0.tensor("x1"), $0.tensor("x2"), p: $0.double("p"), eps: $0.double("eps"), keepdim: $0.bool("keepdim"))
            }),
        OpDeclaration(
            "triplet_margin_loss(Tensor anchor, Tensor positive, Tensor negative, float margin=1.0, float p=2.0, float eps=1e-06, bool swap=False, str reduction=\"mean\") -> Tensor",
            gradFn: "MeanBackward0", exposure: [.functional],
            samples: OpSamples(arguments: ["swap": .bool(true)]),
            forward: {
                try Tensor.tripletMarginLoss(
                    $0.tensor("anchor"), $0.tensor("positive"), $0.tensor("negative"), margin: $0.double("margin"),
                    p: $0.double("p"), eps: $0.double("eps"), swap: $0.bool("swap"), reduction: $0.string("reduction"))
            })
    ]
}

extension Tensor {
    /// `x1 - x2 + eps` reduced by the `p`-norm over the last dimension.
    public static func pairwiseDistance(
        _ x1: Tensor, _ x2: Tensor, p: Double = 2, eps: Double = 1e-6, keepdim: Bool = false
    ) throws -> Tensor {
        let innermost = Swift.max(x1.dim, x2.dim) - 1
        return try x1.sub(.tensor(x2)).addingScalar(eps).scalarNorm(p: p, dim: innermost, keepdim: keepdim)
    }

    /// `F.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap, reduction)`.
    public static func tripletMarginLoss(
        _ anchor: Tensor, _ positive: Tensor, _ negative: Tensor, margin: Double = 1, p: Double = 2, eps: Double = 1e-6,
        swap: Bool = false, reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        guard margin > 0 else { throw TorchError.value("margin must be greater than 0, got \(margin)") }
        guard anchor.dim == positive.dim && anchor.dim == negative.dim else {
            throw TorchError.runtime(
                "The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor \(anchor.dim)D, positive \(positive.dim)D, and negative \(negative.dim)D inputs"
            )
        }
        let positiveDistance = try pairwiseDistance(anchor, positive, p: p, eps: eps)
        var negativeDistance = try pairwiseDistance(anchor, negative, p: p, eps: eps)
        if swap { negativeDistance = try negativeDistance.minimum(pairwiseDistance(positive, negative, p: p, eps: eps)) }
        let loss = try positiveDistance.addingScalar(margin).sub(.tensor(negativeDistance)).clampMin(.int(0))
        switch mode {
        case .none: return loss
        case .sum: return try loss.sum()
        case .mean: return try loss.mean()
        }
    }

    /// `self + value` as C++ code calls it (`add.Scalar`: AddBackward1).
    func addingScalar(_ value: Double) throws -> Tensor {
        let out = try GradMode.noGrad { try add(.scalar(.double(value))) }
        record("add", .addBackward1, inputs: [self], outputs: [out]) { ctx in [ctx.grad] }
        return out
    }

    /// `at::norm(self, p, dim, keepdim)` as C++ code calls it (`norm.ScalarOpt_dim`: NormBackward1,
    /// saving self and result).
    func scalarNorm(p: Double, dim d: Int, keepdim: Bool) throws -> Tensor {
        let out = try GradMode.noGrad { try vectorNorm(ord: p, dims: [d], keepdim: keepdim) }
        let dims = [try normalizeDim(d, rank: Swift.max(dim, 1))]
        let kept = reducedShape(dims, keepdim: true)
        record(
            "norm", .normBackward1, inputs: [self], outputs: [out], saving: [.input("self", self), .output("result", 0)],
            keeping: [("p", .scalar(.double(p))), ("dim", .ints(dims)), ("keepdim", .bool(keepdim))]
        ) { ctx in
            let input = try ctx.saved(0)
            let result = try ctx.saved(1).reshape(kept)
            return [try Tensor.vectorNormBackward(ctx.grad.reshape(kept), input, p, result, dims).to(input.dtype)]
        }
        return out
    }
}

extension NodeKind {
    static let normBackward1 = NodeKind("NormBackward1")
}
