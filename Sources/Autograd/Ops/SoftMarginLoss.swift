/// `F.soft_margin_loss`: `log(1 + exp(-target * input))`, an ATen op with its own node
/// (SoftMarginLossBackward0), computed as aten/src/ATen/native/Loss.cpp does it: `neg(input)`,
/// times target, `exp_`, `log1p_`, then the reduction; the backward is
/// `-norm * target * z / (1 + z) * grad` with `z = exp(-target * input)`.
enum SoftMarginLossOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "soft_margin_loss(Tensor self, Tensor target, str reduction=\"mean\") -> Tensor",
            gradFn: "SoftMarginLossBackward0", exposure: [.functional],
            samples: OpSamples(constants: ["target": OpSamples.Constant([1, -1, 1, -1, -1, 1], shape: [2, 3], dtype: .float32)]),
            forward: { try Tensor.softMarginLoss($0.tensor("self"), $0.tensor("target"), reduction: $0.string("reduction")) })
    ]
}

extension Tensor {
    /// `F.soft_margin_loss(input, target, reduction=)` (SoftMarginLossBackward0, saves self and
    /// target); `target` must broadcast to the input's shape and has no gradient.
    public static func softMarginLoss(_ input: Tensor, _ target: Tensor, reduction: String = "mean") throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        try rejectRequiresGrad(target, function: "soft_margin_loss", argument: "target")
        let out = try GradMode.noGrad {
            let margins = try input.neg().mul(.tensor(target))
            guard margins.shape == input.shape else {
                throw TorchError.runtime(
                    "output with shape [\(input.shape.map(String.init).joined(separator: ", "))] doesn't match the broadcast shape [\(margins.shape.map(String.init).joined(separator: ", "))]"
                )
            }
            return try reduceLoss(margins.exp().log1p(), mode)
        }
        let norm = mode == .mean ? 1 / Double(input.numel) : 1
        record(
            "soft_margin_loss", .softMarginLossBackward0, inputs: [input, target], outputs: [out],
            saving: [.input("self", input), .input("target", target)], keeping: [("reduction", .int(mode.code))]
        ) { ctx in
            let (x, y) = (try ctx.saved("self"), try ctx.saved("target"))
            let z = try y.neg().mul(.tensor(x)).exp()
            let scaled = try y.mul(.tensor(z)).mul(.scalar(.double(-norm)))
            let grad = try scaled.div(.tensor(z.add(.scalar(.int(1))))).mul(.tensor(ctx.grad))
            return [grad, nil]
        }
        return out
    }
}

extension NodeKind {
    static let softMarginLossBackward0 = NodeKind("SoftMarginLossBackward0")
}
