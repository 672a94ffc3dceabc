/// Neural-network ops: softmax, log_softmax and the losses (`torch.nn.functional`).
/// `dtype=` of softmax is not supported yet, so its declared signatures leave it out; the
/// class-index losses (nll_loss, cross_entropy) wait for integer sample targets.
enum NNOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "softmax.int(Tensor self, int dim) -> Tensor", gradFn: "SoftmaxBackward0",
            exposure: [.torch, .method, .functional],
            forward: { try $0.tensor("self").softmax(dim: $0.int("dim")) }),
        OpDeclaration(
            "log_softmax.int(Tensor self, int dim) -> Tensor", gradFn: "LogSoftmaxBackward0",
            exposure: [.torch, .method, .functional],
            forward: { try $0.tensor("self").logSoftmax(dim: $0.int("dim")) }),
        OpDeclaration(
            "mse_loss(Tensor self, Tensor target, str reduction=\"mean\") -> Tensor", gradFn: "MseLossBackward0",
            exposure: [.functional],
            forward: { try Tensor.mseLoss($0.tensor("self"), $0.tensor("target"), reduction: $0.string("reduction")) })
    ]
}

/// How a loss reduces its per-element values (`reduction=`).
public enum LossReduction: String {
    case none, mean, sum

    /// ATen's `Reduction` enum value, what `grad_fn._saved_reduction` gives (none 0, mean 1, sum 2).
    public var code: Int {
        switch self {
        case .none: return 0
        case .mean: return 1
        case .sum: return 2
        }
    }

    /// The reduction of ATen's `Reduction` enum value `code` (what `torch.*_loss` functions take), nil for another number.
    public init?(code: Int) {
        guard let r = [LossReduction.none, .mean, .sum].first(where: { $0.code == code }) else { return nil }
        self = r
    }

    /// Parses PyTorch's reduction string, with its error for anything else.
    public init(parsing text: String) throws {
        guard let r = LossReduction(rawValue: text) else {
            throw TorchError.value("\(text) is not a valid value for reduction")
        }
        self = r
    }
}

extension Tensor {
    /// The `[outer, size, inner]` view of this tensor around dimension `d` (normalized) that
    /// the softmax kernels take; a 0-dim tensor is one element along its last dimension.
    func softmaxKernelShape(_ d: Int) -> (outer: Int, size: Int, inner: Int, lastDim: Bool) {
        guard dim > 0 else { return (1, 1, 1, true) }
        return (shape[..<d].reduce(1, *), shape[d], shape[(d + 1)...].reduce(1, *), d == dim - 1)
    }

    /// Softmax or log-softmax values along `d` (normalized), without recording.
    func softmaxValues(_ d: Int, log: Bool) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime(
                "\"\(log ? "log_softmax" : "softmax")_lastdim_kernel_impl\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let out = Storage.uninitialized(dtype, count: numel)
        dtype.dispatchFloat(
            SoftmaxVisitor(pass: .forward(input: contiguousStorage()), out: out, layout: softmaxKernelShape(d), log: log))
        return Tensor(storage: out, shape: shape)
    }

    /// `softmax(dim)`: `exp(x) / exp(x).sum(dim)`, computed stably (SoftmaxBackward0, saves result).
    public func softmax(dim dimension: Int) throws -> Tensor {
        let d = try normalizeDim(dimension, rank: dim)
        let out = try softmaxValues(d, log: false)
        record(
            "softmax", .softmaxBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)],
            keeping: [("dim", .int(d))]
        ) { ctx in
            [try Tensor.softmaxBackwardData(ctx.grad, output: ctx.saved(0), dim: d, log: false)]
        }
        return out
    }

    /// `log_softmax(dim)`: `x - log(exp(x).sum(dim))`, computed stably (LogSoftmaxBackward0,
    /// saves result).
    public func logSoftmax(dim dimension: Int) throws -> Tensor {
        let d = try normalizeDim(dimension, rank: dim)
        let out = try softmaxValues(d, log: true)
        record(
            "log_softmax", .logSoftmaxBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)],
            keeping: [("dim", .int(d))]
        ) { ctx in
            [try Tensor.softmaxBackwardData(ctx.grad, output: ctx.saved(0), dim: d, log: true)]
        }
        return out
    }

    /// `F.mse_loss(input, target, reduction=)`: squared error (MseLossBackward0). Different
    /// shapes warn as PyTorch does and are broadcast.
    public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: String = "mean") throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        var (x, y) = (input, target)
        if input.shape != target.shape {
            Diagnostics.warn(
                "Using a target size (\(sizeText(target.shape))) that is different to the input size (\(sizeText(input.shape))). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."
            )
            let shape = try broadcastShapes(input.shape, target.shape)
            if x.shape != shape { x = try x.expand(shape) }
            if y.shape != shape { y = try y.expand(shape) }
        }
        let dt = resultType([x, y])
        let diff = try mapBinary(SubF.self, x, y, dtype: dt)
        let squared = try mapBinary(MulF.self, diff, diff, dtype: dt)
        let n = squared.numel
        let out: Tensor
        switch mode {
        case .none: out = squared
        case .sum: out = try squared.sumValues([], keepdim: false)
        case .mean:
            out = try mapBinary(DivF.self, squared.sumValues([], keepdim: false), Tensor.scalar(Double(n), dtype: dt), dtype: dt)
        }
        let scale = mode == .mean ? 2 / Double(n) : 2
        record(
            "mse_loss", .mseLossBackward0, inputs: [x, y], outputs: [out],
            saving: [.input("self", x), .input("target", y)], keeping: [("reduction", .int(mode.code))]
        ) { ctx in
            let g = try ctx.saved(0).sub(.tensor(ctx.saved(1))).mul(.tensor(ctx.grad)).mulScalar(scale)
            return [ctx.needsGrad(0) ? g : nil, ctx.needsGrad(1) ? try g.neg() : nil]
        }
        return out
    }

    /// PyTorch's check of class-index targets: int64 or uint8.
    private static func checkClassTargetDType(_ target: Tensor) throws {
        guard target.dtype == .int64 || target.dtype == .uint8 else {
            throw TorchError.runtime("expected target dtype to be Long or Byte, but got \(target.dtype.scalarTypeName)")
        }
    }

    /// `F.nll_loss(input, target, weight=, reduction=, ignore_index=)` for a `[C]` or `[N, C]`
    /// input of log-probabilities and int64 (or uint8) class targets (NllLossBackward0; the target and the
    /// class weights get no gradient), summed in the order of PyTorch's CPU kernel
    /// (Kernels/NllLossKernel.swift); `"mean"` divides by the summed weights.
    public static func nllLoss(
        _ input: Tensor, target: Tensor, weight: Tensor? = nil, reduction: String = "mean",
        ignoreIndex: Int = -100
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        guard input.dim >= 1 else { throw TorchError.value("Expected 1 or more dimensions (got \(input.dim))") }
        if input.dim != 1 && target.dim >= 1 && input.shape[0] != target.shape[0] {
            throw TorchError.value(
                "Expected input batch_size (\(input.shape[0])) to match target batch_size (\(target.shape[0])).")
        }
        guard input.dim <= 2 else { throw TorchError.runtime("input tensor should be 1D or 2D") }
        guard target.dim <= 1 else { throw TorchError.runtime("0D or 1D target tensor expected, multi-target not supported") }
        let noBatch = input.dim == 1 && target.dim == 0
        guard noBatch || (target.dim == 1 && input.shape[0] == target.shape[0]) else {
            throw TorchError.runtime(
                "size mismatch (got input: [\(input.shape.map(String.init).joined(separator: ", "))], target: [\(target.shape.map(String.init).joined(separator: ", "))])"
            )
        }
        try checkClassTargetDType(target)
        // uint8 class targets are read as int64 (the kernel's index type).
        let target = target.dtype == .uint8 ? target.materialized(as: .int64) : target
        guard input.dtype.isFloatingPoint else {
            throw TorchError.runtime("\"nll_loss_out_frame\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        let classes = input.shape[input.dim - 1]
        if let weight, weight.numel != classes {
            throw TorchError.runtime(
                "weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: [\(weight.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        let rows = noBatch ? 1 : input.shape[0]
        let targets = target.indexValues()
        let logp = input.doubles()
        var picked = [Double?]()
        for (i, t) in targets.enumerated() {
            guard t != ignoreIndex else {
                picked.append(nil)
                continue
            }
            guard t >= 0 && t < classes else { throw TorchError.index("Target \(t) is out of bounds.") }
            picked.append(logp[i * classes + t])
        }
        let rowWeights = weight.map { w in
            let classWeights = w.doubles()
            return targets.map { $0 == ignoreIndex ? 0 : classWeights[$0] }
        }
        let batched = mode == .none && input.dim == 2
        let dt = input.dtype
        let forward = dt.dispatchFloat(
            NllLossForward(picked: picked, weights: rowWeights, mean: mode == .mean, batched: batched))
        let out = Tensor.fromValues(forward.values, shape: batched ? [rows] : [], dtype: dt)
        let totalTensor = Tensor.scalar(forward.totalWeight, dtype: dt)
        let inputShape = input.shape
        record(
            "nll_loss", .nllLossBackward0, inputs: [input], outputs: [out], observed: [input, target, weight],
            saving: [.input("self", input), .input("target", target), .input("total_weight", totalTensor)]
                + (weight.map { [.input("weight", $0)] } ?? []),
            keeping: [("reduction", .int(mode.code))]
        ) { ctx in
            let rule = NllLossGradient(
                picked: picked, weights: rowWeights, targets: targets, classes: classes, shape: inputShape,
                mean: mode == .mean, batched: batched)
            return [try rule.gradient(ctx.grad, totalWeight: ctx.saved(2))]
        }
        return out
    }

    /// `F.cross_entropy(input, target, weight=, reduction=, ignore_index=, label_smoothing=)`:
    /// with class-index targets and no smoothing `nll_loss(log_softmax(input, class_dim), target,
    /// weight)` (NllLossBackward0 over LogSoftmaxBackward0); a float target of the input's shape
    /// holds class probabilities; smoothing composes as PyTorch does (CrossEntropyVariants).
    public static func crossEntropy(
        _ input: Tensor, target: Tensor, weight: Tensor? = nil, reduction: String = "mean",
        ignoreIndex: Int = -100, labelSmoothing: Double = 0
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        guard input.dim >= 1 else { throw TorchError.value("Expected 1 or more dimensions (got \(input.dim))") }
        if input.shape == target.shape {
            guard target.dtype.isFloatingPoint else {
                throw TorchError.runtime(
                    "Expected floating point type for target with class probabilities, got \(target.dtype.scalarTypeName)")
            }
            guard ignoreIndex < 0 else { throw TorchError.runtime("ignore_index is not supported for floating point target") }
            return try crossEntropyProbabilities(
                input, target: target, weight: weight, reduction: mode, labelSmoothing: labelSmoothing)
        }
        if labelSmoothing > 0 {
            guard labelSmoothing <= 1 else {
                throw TorchError.runtime("label_smoothing must be between 0.0 and 1.0. Got: \(labelSmoothing)")
            }
            return try crossEntropyLabelSmoothing(
                input, target: target, weight: weight, reduction: mode, ignoreIndex: ignoreIndex,
                labelSmoothing: labelSmoothing)
        }
        try checkClassTargetDType(target)
        let logp = try input.logSoftmax(dim: input.dim == 1 ? 0 : 1)
        return try nllLoss(logp, target: target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
    }
}

/// `torch.Size([2, 3])` as PyTorch prints it.
func sizeText(_ shape: [Int]) -> String {
    "torch.Size([\(shape.map(String.init).joined(separator: ", "))])"
}

extension NodeKind {
    static let logSoftmaxBackward0 = NodeKind("LogSoftmaxBackward0")
    static let mseLossBackward0 = NodeKind("MseLossBackward0")
    static let nllLossBackward0 = NodeKind("NllLossBackward0")
    static let softmaxBackward0 = NodeKind("SoftmaxBackward0")
}
