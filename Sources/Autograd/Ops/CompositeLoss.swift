import RealModule

/// The losses PyTorch composes from other ops (margin_ranking, hinge_embedding,
/// cosine_embedding, poisson_nll, gaussian_nll, multilabel_soft_margin): each forward runs the
/// ops of PyTorch's own composition in its order, so values, gradients and grad_fn names (of
/// the reduction, or of the last op for `reduction="none"`) are PyTorch's.
enum CompositeLossOps {
    private static let pair = OpSamples(constants: ["target": OpSamples.Constant([1, -1, 1], shape: [3], dtype: .float32)])

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "margin_ranking_loss(Tensor input1, Tensor input2, Tensor target, float margin=0.0, str reduction=\"mean\") -> Tensor",
            gradFn: "MeanBackward0", exposure: [.functional],
            samples: OpSamples(
                shapes: ["input1": [3], "input2": [3]], arguments: ["margin": .double(0.3)], constants: pair.constants),
            forward: {
                try Tensor.marginRankingLoss(
                    $0.tensor("input1"), $0.tensor("input2"), $0.tensor("target"), margin: $0.double("margin"),
                    reduction: $0.string("reduction"))
            }),
        OpDeclaration(
            "hinge_embedding_loss(Tensor input, Tensor target, float margin=1.0, str reduction=\"mean\") -> Tensor",
            gradFn: "MeanBackward0", exposure: [.functional],
            samples: OpSamples(shapes: ["input": [3]], arguments: ["margin": .double(1.7)], constants: pair.constants),
            forward: {
                try Tensor.hingeEmbeddingLoss(
                    $0.tensor("input"), $0.tensor("target"), margin: $0.double("margin"), reduction: $0.string("reduction"))
            }),
        OpDeclaration(
            "cosine_embedding_loss(Tensor input1, Tensor input2, Tensor target, float margin=0.0, str reduction=\"mean\") -> Tensor",
            gradFn: "MeanBackward0", exposure: [.functional],
            samples: OpSamples(
                shapes: ["input1": [3, 2], "input2": [3, 2]], arguments: ["margin": .double(-2)],
                constants: pair.constants),
            forward: {
                try Tensor.cosineEmbeddingLoss(
                    $0.tensor("input1"), $0.tensor("input2"), $0.tensor("target"), margin: $0.double("margin"),
                    reduction: $0.string("reduction"))
            }),
        OpDeclaration(
            "poisson_nll_loss(Tensor input, Tensor target, bool log_input=True, bool full=False, float eps=1e-08, str reduction=\"mean\") -> Tensor",
            gradFn: "MeanBackward0", exposure: [.functional],
            samples: OpSamples(
                constants: ["target": OpSamples.Constant([0.5, 2, 3, 0, 1.5, 4], shape: [2, 3], dtype: .float32)]),
            forward: {
                try Tensor.poissonNLLLoss(
                    $0.tensor("input"), $0.tensor("target"), logInput: $0.bool("log_input"), full: $0.bool("full"),
                    eps: $0.double("eps"), reduction: $0.string("reduction"))
            }),
        OpDeclaration(
            "gaussian_nll_loss(Tensor input, Tensor target, Tensor var, bool full=False, float eps=1e-06, str reduction=\"mean\") -> Tensor",
            gradFn: "MeanBackward0", exposure: [.functional],
            samples: OpSamples(constants: ["var": OpSamples.Constant([0.5, 2, 3, 0.7, 1.5, 4], shape: [2, 3], dtype: .float32)]),
            forward: {
                try Tensor.gaussianNLLLoss(
                    $0.tensor("input"), $0.tensor("target"), $0.tensor("var"), full: $0.bool("full"), eps: $0.double("eps"),
                    reduction: $0.string("reduction"))
            }),
        OpDeclaration(
            "multilabel_soft_margin_loss(Tensor input, Tensor target, Tensor? weight=None, str reduction=\"mean\") -> Tensor",
            gradFn: "MeanBackward0", exposure: [.functional],
            samples: OpSamples(constants: ["target": OpSamples.Constant([1, 0, 1, 0, 0, 1], shape: [2, 3], dtype: .float32)]),
            forward: {
                try Tensor.multilabelSoftMarginLoss(
                    $0.tensor("input"), $0.tensor("target"), weight: $0.optionalTensor("weight"),
                    reduction: $0.string("reduction"))
            })
    ]
}

/// `[3, 5]`, as ATen's error messages print sizes.
private func shapeList(_ shape: [Int]) -> String { "[\(shape.map(String.init).joined(separator: ", "))]" }

extension Tensor {
    /// `apply_loss_reduction`: the loss itself, its sum or its mean.
    private static func reduceComposite(_ loss: Tensor, _ mode: LossReduction) throws -> Tensor {
        switch mode {
        case .none: return loss
        case .sum: return try loss.sum()
        case .mean: return try loss.mean()
        }
    }

    /// `max(0, -target * (input1 - input2) + margin)`.
    public static func marginRankingLoss(
        _ input1: Tensor, _ input2: Tensor, _ target: Tensor, margin: Double = 0, reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        if input1.dim != input2.dim || input1.dim != target.dim {
            throw TorchError.runtime(
                "margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: \(sizeText(input1.shape)), input2: \(sizeText(input2.shape)), target: \(sizeText(target.shape)) "
            )
        }
        let unclamped = try target.neg().mul(.tensor(input1.sub(.tensor(input2)))).add(.scalar(.double(margin)))
        return try reduceComposite(unclamped.clampMin(.int(0)), mode)
    }

    /// `input` where `target != -1`, plus `max(0, margin - input)` where `target != 1`.
    public static func hingeEmbeddingLoss(
        _ input: Tensor, _ target: Tensor, margin: Double = 1, reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        let zeros = Tensor.zerosLike(input)
        let marginClamp = try input.rsub(.double(margin)).clampMin(.int(0))
        let outputMargin = try maskedWhere(target.ne(.scalar(.int(1))), marginClamp, zeros)
        let outputSelf = try maskedWhere(target.ne(.scalar(.int(-1))), input, zeros)
        return try reduceComposite(outputMargin.add(.tensor(outputSelf)), mode)
    }

    /// `1 - cos(input1, input2)` where `target == 1`, `max(0, cos - margin)` where `target == -1`.
    public static func cosineEmbeddingLoss(
        _ input1: Tensor, _ input2: Tensor, _ target: Tensor, margin: Double = 0, reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        let targetDim = target.dim
        guard targetDim <= 1 else { throw TorchError.runtime("0D or 1D target tensor expected, multi-target not supported") }
        let expected = targetDim == 1 ? 2 : 1
        guard input1.dim == expected && input2.dim == expected else {
            throw TorchError.runtime(
                "\(targetDim)D target tensor expects \(expected)D input tensors, but found inputs with sizes \(shapeList(input1.shape)) and \(shapeList(input2.shape))."
            )
        }
        let epsilon = 1e-12
        let prodSum = try input1.mul(.tensor(input2)).sum(dims: [targetDim])
        let magSquare1 = try input1.mul(.tensor(input1)).sum(dims: [targetDim]).add(.scalar(.double(epsilon)))
        let magSquare2 = try input2.mul(.tensor(input2)).sum(dims: [targetDim]).add(.scalar(.double(epsilon)))
        let denom = try magSquare1.mul(.tensor(magSquare2)).sqrt()
        let cos = try prodSum.div(.tensor(denom))
        let zeros = Tensor.zerosLike(cos)
        let pos = try cos.rsub(.int(1))
        let neg = try cos.sub(.scalar(.double(margin))).clampMin(.int(0))
        let outputPos = try maskedWhere(target.eq(.scalar(.int(1))), pos, zeros)
        let outputNeg = try maskedWhere(target.eq(.scalar(.int(-1))), neg, zeros)
        return try reduceComposite(outputPos.add(.tensor(outputNeg)), mode)
    }

    /// `exp(input) - target * input` (or `input - target * log(input + eps)`), plus Stirling's
    /// approximation of `log(target!)` where `target > 1` when `full`.
    public static func poissonNLLLoss(
        _ input: Tensor, _ target: Tensor, logInput: Bool = true, full: Bool = false, eps: Double = 1e-8,
        reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        var loss =
            logInput
            ? try input.exp().sub(.tensor(target.mul(.tensor(input))))
            : try input.sub(.tensor(target.mul(.tensor(input.add(.scalar(.double(eps))).log()))))
        if full {
            let stirling = try target.mul(.tensor(target.log())).sub(.tensor(target))
                .add(.tensor(target.mulScalar(2 * Double.pi).log().mulScalar(0.5)))
            loss = try loss.add(.tensor(stirling.maskedFill(mask: target.le(.scalar(.int(1))), value: .scalar(.int(0)))))
        }
        return try reduceComposite(loss, mode)
    }

    /// `0.5 * (log(var) + (input - target)² / var)` with `var` clamped to `eps` (outside the
    /// graph), as functional.py computes it.
    public static func gaussianNLLLoss(
        _ input: Tensor, _ target: Tensor, _ variance: Tensor, full: Bool = false, eps: Double = 1e-6,
        reduction: String = "mean"
    ) throws -> Tensor {
        if try variance.lt(.scalar(.int(0))).any().doubles()[0] != 0 {
            throw TorchError.value("var has negative entry/entries")
        }
        var v = variance
        if v.shape != input.shape {
            let mismatched = zip(input.shape, v.shape).filter { $0 != $1 }.map { $1 }.reduce(0, +)
            if Array(input.shape.dropLast()) == v.shape {
                v = try v.unsqueeze(-1)
            } else if !(input.dim == v.dim && mismatched == 1) {
                throw TorchError.value("var is of incorrect size")
            }
        }
        guard let mode = LossReduction(rawValue: reduction) else { throw TorchError.value("\(reduction) is not valid") }
        v = try v.clone()
        _ = try GradMode.noGrad { try v.clampMin_(.double(eps)) }
        var loss = try v.log().add(.tensor(input.sub(.tensor(target)).pow(2).div(.tensor(v)))).mul(.scalar(.double(0.5)))
        if full { loss = try loss.add_(.scalar(.double(0.5 * Double.log(2 * Double.pi)))) }
        return try reduceComposite(loss, mode)
    }

    /// `-(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))`, weighted, averaged
    /// over the class (last) dim.
    public static func multilabelSoftMarginLoss(
        _ input: Tensor, _ target: Tensor, weight: Tensor? = nil, reduction: String = "mean"
    ) throws -> Tensor {
        var loss = try target.mul(.tensor(input.logSigmoid()))
            .add(.tensor(target.rsub(.int(1)).mul(.tensor(input.neg().logSigmoid())))).neg()
        if let weight { loss = try loss.mul(.tensor(weight)) }
        let classDim = input.dim - 1
        loss = try loss.sum(dims: [classDim]).div(.scalar(.int(Int64(input.shape[classDim]))))
        guard let mode = LossReduction(rawValue: reduction) else { throw TorchError.value("\(reduction) is not valid") }
        return try reduceComposite(loss, mode)
    }
}
