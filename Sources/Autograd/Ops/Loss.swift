import RealModule

/// Elementwise losses of `torch.nn.functional` beyond mse_loss (NN.swift): smooth_l1_loss,
/// huber_loss, binary_cross_entropy, binary_cross_entropy_with_logits (ATen ops with their own
/// grad_fn), and l1_loss and kl_div, which PyTorch composes from other ops so their grad_fn is
/// the last of those (MeanBackward0 for the default `reduction="mean"`). Forward values follow
/// PyTorch's CPU kernels op by op (aten/src/ATen/native/Loss.cpp); the backward formulas are
/// derivatives.yaml's and run on kernels (no second-order graph under create_graph).
/// `binary_cross_entropy` is a Swift method only: the gradient check samples no values in
/// (0, 1), the only inputs it accepts.
enum LossOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "l1_loss(Tensor self, Tensor target, str reduction=\"mean\") -> Tensor", gradFn: "MeanBackward0",
            exposure: [.functional],
            forward: { try Tensor.l1Loss($0.tensor("self"), $0.tensor("target"), reduction: $0.string("reduction")) }),
        OpDeclaration(
            "smooth_l1_loss(Tensor self, Tensor target, str reduction=\"mean\", float beta=1.0) -> Tensor",
            gradFn: "SmoothL1LossBackward0", exposure: [.functional],
            forward: {
                try Tensor.smoothL1Loss(
                    $0.tensor("self"), $0.tensor("target"), reduction: $0.string("reduction"),
                    beta: $0.double("beta"))
            }),
        OpDeclaration(
            "huber_loss(Tensor self, Tensor target, str reduction=\"mean\", float delta=1.0) -> Tensor",
            gradFn: "HuberLossBackward0", exposure: [.functional],
            forward: {
                try Tensor.huberLoss(
                    $0.tensor("self"), $0.tensor("target"), reduction: $0.string("reduction"),
                    delta: $0.double("delta"))
            }),
        OpDeclaration(
            "binary_cross_entropy_with_logits(Tensor self, Tensor target, Tensor? weight=None, Tensor? pos_weight=None, str reduction=\"mean\") -> Tensor",
            gradFn: "BinaryCrossEntropyWithLogitsBackward0", exposure: [.torch, .functional],
            forward: {
                try Tensor.binaryCrossEntropyWithLogits(
                    $0.tensor("self"), $0.tensor("target"),
                    weight: $0.optionalTensor("weight"),
                    posWeight: $0.optionalTensor("pos_weight"),
                    reduction: $0.string("reduction"))
            }),
        OpDeclaration(
            "kl_div(Tensor self, Tensor target, str reduction=\"mean\", *, bool log_target=False) -> Tensor",
            gradFn: "MeanBackward0", exposure: [.torch, .functional],
            samples: OpSamples(arguments: ["log_target": .bool(true)]),
            forward: {
                try Tensor.klDiv(
                    $0.tensor("self"), $0.tensor("target"), reduction: $0.string("reduction"),
                    logTarget: $0.bool("log_target"))
            })
    ]
}

// MARK: - Kernels

/// `smooth_l1_loss` of one difference `x = input - target`.
private struct SmoothL1F: PointwiseBinaryFunction {
    let beta: Double
    func apply<T: FloatElement>(_ input: T, _ target: T) -> T {
        let z = Swift.abs(input - target)
        let b = T(beta)
        return z < b ? T(0.5) * z * z / b : z - T(0.5) * b
    }
}
/// `smooth_l1_loss_backward` given the incoming gradient and `input - target`, times `norm`.
private struct SmoothL1GradF: PointwiseBinaryFunction {
    let beta: Double, norm: Double
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T {
        let n = T(norm)
        let b = T(beta)
        return x < -b ? -n * g : (x > b ? n * g : n * x * g / b)
    }
}

/// `huber_loss` of one input and target.
private struct HuberF: PointwiseBinaryFunction {
    let delta: Double
    func apply<T: FloatElement>(_ input: T, _ target: T) -> T {
        let z = Swift.abs(input - target)
        let d = T(delta)
        return z < d ? T(0.5) * z * z : d * (z - T(0.5) * d)
    }
}
/// `huber_loss_backward` given the incoming gradient and `input - target`, times `norm`.
private struct HuberGradF: PointwiseBinaryFunction {
    let delta: Double, norm: Double
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T {
        let n = T(norm)
        let d = T(delta)
        return x < -d ? -n * g * d : (x > d ? n * g * d : n * x * g)
    }
}

/// `binary_cross_entropy` of one probability and target, logs clamped at -100.
private struct BinaryCrossEntropyF: PointwiseBinaryFunction {
    func apply<T: FloatElement>(_ x: T, _ t: T) -> T {
        (t - 1) * Swift.max(T.log(onePlus: -x), -100) - t * Swift.max(T.log(x), -100)
    }
}
/// `(x - t) / max((1 - x) * x, 1e-12)`, the input derivative of binary_cross_entropy.
private struct BinaryCrossEntropyGradF: PointwiseBinaryFunction {
    func apply<T: FloatElement>(_ x: T, _ t: T) -> T { (x - t) / Swift.max((1 - x) * x, T(1e-12)) }
}
/// `log1p(-x) - log(x)`, the target derivative of binary_cross_entropy.
private struct BinaryCrossEntropyTargetGradF: PointwiseFunction {
    func apply<T: FloatElement>(_ x: T) -> T { T.log(onePlus: -x) - T.log(x) }
}

// MARK: - Forwards with their backward formulas

extension Tensor {
    /// The loss values reduced as `reduction` says, without recording: PyTorch's `loss.sum()`,
    /// or `loss.mean()` as the sum divided by the element count.
    static func reduceLoss(_ loss: Tensor, _ mode: LossReduction) throws -> Tensor {
        switch mode {
        case .none: return loss
        case .sum: return try loss.sumValues([], keepdim: false)
        case .mean:
            return try mapBinary(
                DivF.self, loss.sumValues([], keepdim: false),
                Tensor.scalar(Double(loss.numel), dtype: loss.dtype), dtype: loss.dtype)
        }
    }

    /// The recorded reduction a composite loss ends with: `mean()` (MeanBackward0), `sum()`
    /// (SumBackward0) or nothing.
    private static func reduceRecorded(_ loss: Tensor, _ mode: LossReduction) throws -> Tensor {
        switch mode {
        case .none: return loss
        case .sum: return try loss.sum()
        case .mean: return try loss.mean()
        }
    }

    /// PyTorch's error for a tensor argument its op has no derivative for (a loss weight).
    static func rejectRequiresGrad(_ t: Tensor?, function: String, argument: String) throws {
        if t?.requiresGrad == true {
            throw TorchError.runtime(
                "The function '\(function)' is not differentiable with respect to argument '\(argument)'. This input cannot have requires_grad True."
            )
        }
    }

    /// Input and target of a pointwise loss, broadcast with PyTorch's warning when their
    /// shapes differ.
    private static func lossOperands(_ input: Tensor, _ target: Tensor) throws -> (Tensor, Tensor) {
        guard input.shape != target.shape else { return (input, target) }
        Diagnostics.warn(
            "Using a target size (\(sizeText(target.shape))) that is different to the input size (\(sizeText(input.shape))). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."
        )
        let shape = try broadcastShapes(input.shape, target.shape)
        return (input.shape == shape ? input : try input.expand(shape), target.shape == shape ? target : try target.expand(shape))
    }

    /// `F.l1_loss(input, target, reduction=)`: `(input - target).abs()` then `mean()`/`sum()`, as
    /// PyTorch composes it (MeanBackward0 over AbsBackward0 over SubBackward0).
    public static func l1Loss(_ input: Tensor, _ target: Tensor, reduction: String = "mean") throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        let (x, y) = try lossOperands(input, target)
        return try reduceRecorded(x.sub(.tensor(y)).abs(), mode)
    }

    /// `F.smooth_l1_loss(input, target, reduction=, beta=)` (SmoothL1LossBackward0, saves self
    /// and target); `beta == 0` is l1_loss, as in PyTorch.
    public static func smoothL1Loss(_ input: Tensor, _ target: Tensor, reduction: String = "mean", beta: Double = 1) throws
        -> Tensor
    {
        let mode = try LossReduction(parsing: reduction)
        if beta < 0 { throw TorchError.runtime("smooth_l1_loss does not support negative values for beta.") }
        if beta == 0 { return try l1Loss(input, target, reduction: reduction) }
        let (x, y) = try lossOperands(input, target)
        try x.requireFloatingPoint("smooth_l1_cpu")
        let out = try reduceLoss(mapPointwise(SmoothL1F(beta: beta), x, y), mode)
        let norm = mode == .mean ? 1 / Double(x.numel) : 1
        record(
            "smooth_l1_loss", .smoothL1LossBackward0, inputs: [x, y], outputs: [out],
            saving: [.input("self", x), .input("target", y)]
        ) { ctx in
            let diff = try mapBinary(SubF.self, ctx.saved(0), ctx.saved(1), dtype: ctx.grad.dtype)
            let g = mapPointwise(SmoothL1GradF(beta: beta, norm: norm), ctx.grad, diff)
            return [ctx.needsGrad(0) ? g : nil, ctx.needsGrad(1) ? try g.neg() : nil]
        }
        return out
    }

    /// `F.huber_loss(input, target, reduction=, delta=)` (HuberLossBackward0, saves self and target).
    public static func huberLoss(_ input: Tensor, _ target: Tensor, reduction: String = "mean", delta: Double = 1) throws
        -> Tensor
    {
        let mode = try LossReduction(parsing: reduction)
        if delta <= 0 { throw TorchError.runtime("huber_loss does not support non-positive values for delta.") }
        let (x, y) = try lossOperands(input, target)
        try x.requireFloatingPoint("huber_cpu")
        let out = try reduceLoss(mapPointwise(HuberF(delta: delta), x, y), mode)
        let norm = mode == .mean ? 1 / Double(x.numel) : 1
        record(
            "huber_loss", .huberLossBackward0, inputs: [x, y], outputs: [out],
            saving: [.input("self", x), .input("target", y)]
        ) { ctx in
            let diff = try mapBinary(SubF.self, ctx.saved(0), ctx.saved(1), dtype: ctx.grad.dtype)
            let g = mapPointwise(HuberGradF(delta: delta, norm: norm), ctx.grad, diff)
            return [ctx.needsGrad(0) ? g : nil, ctx.needsGrad(1) ? try g.neg() : nil]
        }
        return out
    }

    /// `F.binary_cross_entropy(input, target, weight=, reduction=)` on probabilities
    /// (BinaryCrossEntropyBackward0, saves self, target and weight). `weight` broadcasts to the
    /// input and gets no gradient.
    public static func binaryCrossEntropy(
        _ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
        reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        guard input.shape == target.shape else {
            throw TorchError.value(
                "Using a target size (\(sizeText(target.shape))) that is different to the input size (\(sizeText(input.shape))) is deprecated. Please ensure they have the same size."
            )
        }
        try input.requireFloatingPoint("binary_cross_entropy")
        try rejectRequiresGrad(weight, function: "binary_cross_entropy", argument: "weight")
        if input.doubles().contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw TorchError.runtime("all elements of input should be between 0 and 1")
        }
        var loss = mapPointwise(BinaryCrossEntropyF(), input, target)
        if let weight { loss = try mapBinary(MulF.self, loss, weight, dtype: loss.dtype) }
        let out = try reduceLoss(loss, mode)
        let norm = Double(mode == .mean ? input.numel : 1)
        record(
            "binary_cross_entropy", .binaryCrossEntropyBackward0, inputs: [input, target], outputs: [out],
            saving: [.input("self", input), .input("target", target)] + (weight.map { [.input("weight", $0)] } ?? [])
        ) { ctx in
            let x = try ctx.saved(0)
            let t = try ctx.saved(1)
            let dt = ctx.grad.dtype
            func scaled(_ derivative: Tensor) throws -> Tensor {
                var g = try mapBinary(MulF.self, ctx.grad, derivative, dtype: dt)
                if weight != nil { g = try mapBinary(MulF.self, g, ctx.saved(2), dtype: dt) }
                return norm == 1 ? g : try mapBinary(DivF.self, g, Tensor.scalar(norm, dtype: dt), dtype: dt)
            }
            return [
                ctx.needsGrad(0) ? try scaled(mapPointwise(BinaryCrossEntropyGradF(), x, t)) : nil,
                ctx.needsGrad(1) ? try scaled(mapPointwise(BinaryCrossEntropyTargetGradF(), x)) : nil
            ]
        }
        return out
    }

    /// `F.binary_cross_entropy_with_logits(input, target, weight=, pos_weight=, reduction=)`:
    /// `(1 - target) * input - log_sigmoid(input) * (1 + (pos_weight - 1) * target)`, times
    /// weight, computed op by op as PyTorch does (BinaryCrossEntropyWithLogitsBackward0, saves
    /// self, target, weight and pos_weight; weight and pos_weight get no gradient).
    public static func binaryCrossEntropyWithLogits(
        _ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
        posWeight: Tensor? = nil, reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        guard input.shape == target.shape else {
            throw TorchError.value(
                "Target size (\(sizeText(target.shape))) must be the same as input size (\(sizeText(input.shape)))")
        }
        try input.requireFloatingPoint("log_sigmoid_cpu")
        try rejectRequiresGrad(weight, function: "binary_cross_entropy_with_logits", argument: "weight")
        try rejectRequiresGrad(posWeight, function: "binary_cross_entropy_with_logits", argument: "pos_weight")
        let dt = input.dtype
        var logSigmoid = mapPointwise(LogSigmoidF(), input)
        if let posWeight {
            let logWeight = try mapBinary(
                AddF.self,
                mapBinary(
                    MulF.self, mapBinary(SubF.self, posWeight, Tensor.scalar(1, dtype: dt), dtype: dt),
                    target, dtype: dt), Tensor.scalar(1, dtype: dt), dtype: dt)
            logSigmoid = try mapBinary(MulF.self, logSigmoid, logWeight, dtype: dt)
        }
        let oneMinusTarget = try mapBinary(SubF.self, Tensor.scalar(1, dtype: dt), target, dtype: dt)
        var loss = try mapBinary(SubF.self, mapBinary(MulF.self, oneMinusTarget, input, dtype: dt), logSigmoid, dtype: dt)
        if let weight { loss = try mapBinary(MulF.self, loss, weight, dtype: dt) }
        let out = try reduceLoss(loss, mode)
        let norm = Double(mode == .mean ? input.numel : 1)
        var saving: [SaveSlot] = [.input("self", input), .input("target", target)]
        if let weight { saving.append(.input("weight", weight)) }
        if let posWeight { saving.append(.input("pos_weight", posWeight)) }
        let weightSlot = weight == nil ? nil : 2
        let posWeightSlot = posWeight == nil ? nil : (weight == nil ? 2 : 3)
        record(
            "binary_cross_entropy_with_logits", .binaryCrossEntropyWithLogitsBackward0, inputs: [input, target],
            outputs: [out], saving: saving
        ) { ctx in
            let x = try ctx.saved(0)
            let t = try ctx.saved(1)
            let dt = ctx.grad.dtype
            let w = try weightSlot.map { try ctx.saved($0) }
            let pw = try posWeightSlot.map { try ctx.saved($0) }
            func finish(_ derivative: Tensor) throws -> Tensor {
                var g = try mapBinary(MulF.self, derivative, ctx.grad, dtype: dt)
                if let w { g = try mapBinary(MulF.self, g, w, dtype: dt) }
                return norm == 1 ? g : try mapBinary(DivF.self, g, Tensor.scalar(norm, dtype: dt), dtype: dt)
            }
            var inputGrad: Tensor? = nil
            var targetGrad: Tensor? = nil
            if ctx.needsGrad(0) {
                let sigmoid = sigmoidValues(x)
                if let pw {
                    let pwt = try mapBinary(MulF.self, pw, t, dtype: dt)
                    let scale = try mapBinary(
                        SubF.self, mapBinary(AddF.self, pwt, Tensor.scalar(1, dtype: dt), dtype: dt), t, dtype: dt)
                    inputGrad = try finish(mapBinary(SubF.self, mapBinary(MulF.self, scale, sigmoid, dtype: dt), pwt, dtype: dt))
                } else {
                    inputGrad = try finish(mapBinary(SubF.self, sigmoid, t, dtype: dt))
                }
            }
            if ctx.needsGrad(1) {
                if let pw {
                    let negative = try mapPointwise(LogSigmoidF(), x.neg())
                    targetGrad = try finish(
                        mapBinary(
                            SubF.self, negative,
                            mapBinary(MulF.self, mapPointwise(LogSigmoidF(), x), pw, dtype: dt), dtype: dt))
                } else {
                    targetGrad = try finish(x.neg())
                }
            }
            return [inputGrad, targetGrad]
        }
        return out
    }

    /// `F.kl_div(input, target, reduction=, log_target=)` with `input` as log-probabilities:
    /// `target * (log(target) - input)` composed as PyTorch composes it (`xlogy(target, target) -
    /// target * input`, or `exp(target) * (target - input)` for log targets), then reduced;
    /// `"batchmean"` divides the sum by the batch size (DivBackward0).
    public static func klDiv(_ input: Tensor, _ target: Tensor, reduction: String = "mean", logTarget: Bool = false) throws
        -> Tensor
    {
        if reduction == "batchmean" {
            let total = try klDiv(input, target, reduction: "sum", logTarget: logTarget)
            return input.dim == 0 ? total : try total.div(.scalar(.int(Int64(input.shape[0]))))
        }
        let mode = try LossReduction(parsing: reduction)
        if mode == .mean {
            Diagnostics.warn(
                "reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release."
            )
        }
        let loss: Tensor
        if logTarget {
            loss = try target.exp().mul(.tensor(target.sub(.tensor(input))))
        } else {
            loss = try xlogy(target, target).sub(.tensor(target.mul(.tensor(input))))
        }
        return try reduceRecorded(loss, mode)
    }
}

extension NodeKind {
    static let binaryCrossEntropyBackward0 = NodeKind("BinaryCrossEntropyBackward0")
    static let binaryCrossEntropyWithLogitsBackward0 = NodeKind("BinaryCrossEntropyWithLogitsBackward0")
    static let huberLossBackward0 = NodeKind("HuberLossBackward0")
    static let smoothL1LossBackward0 = NodeKind("SmoothL1LossBackward0")
}
