/// `F.multi_margin_loss`: the multi-class hinge loss, an ATen op with its own node
/// (MultiMarginLossBackward0), computed as aten/src/ATen/native/LossMultiMargin.cpp does: per
/// sample, the sum over the other classes of `max(0, margin - x[y] + x[d])` (squared for `p=2`,
/// times `weight[y]`) divided by the class count, in the input's precision; the reduced loss
/// accumulates the samples in double. Its backward kernel has no derivative of its own (under
/// `create_graph` its gradient's grad_fn is `NotImplemented`).
enum MultiMarginLossOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "multi_margin_loss(Tensor self, Tensor target, Scalar p=1, Scalar margin=1.0, Tensor? weight=None, str reduction=\"mean\") -> Tensor",
            gradFn: "MultiMarginLossBackward0", exposure: [.functional],
            samples: OpSamples(constants: ["target": OpSamples.Constant([1, 0], shape: [2], dtype: .int64)]),
            forward: {
                try Tensor.multiMarginLoss(
                    $0.tensor("self"), $0.tensor("target"), p: $0.scalar("p"), margin: $0.scalar("margin"),
                    weight: $0.optionalTensor("weight"), reduction: $0.string("reduction"))
            })
    ]
}

/// The checked sizes of a multi_margin_loss call: samples (`nframe`) and classes (`dim`).
private struct MultiMarginShape {
    let samples: Int
    let classes: Int

    /// `multi_margin_loss_shape_check`.
    init(_ input: Tensor, _ target: Tensor, _ weight: Tensor?) throws {
        let shape = "[\(input.shape.map(String.init).joined(separator: ", "))]"
        guard (input.dim == 2 && input.shape[1] != 0) || (input.dim == 1 && input.shape[0] != 0) || input.dim == 0 else {
            throw TorchError.runtime("Expected non-empty vector or matrix with optional 0-dim batch size, but got: \(shape)")
        }
        samples = input.dim <= 1 ? 1 : input.shape[0]
        classes = input.dim == 0 ? 1 : input.shape[input.dim - 1]
        guard target.dim <= 1 && target.numel == samples else {
            throw TorchError.runtime(
                "multi_margin_loss: target tensor should be 1-D with size equal to the number of input samples (batch size). Expected target size [\(samples)], but got [\(target.shape.map(String.init).joined(separator: ", "))]. Input has shape \(shape)."
            )
        }
        if let weight, !(weight.dim <= 1 && weight.numel == classes) {
            throw TorchError.runtime(
                "inconsistent weight size, expected \(classes) but got [\(weight.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        guard target.dtype == .int64 else {
            throw TorchError.runtime("expected scalar type Long but found \(target.dtype.scalarTypeName)")
        }
    }

    /// The targets, each checked to name a class.
    func targets(_ target: Tensor) throws -> [Int] {
        try target.int64Values().map { idx in
            guard idx >= 0 && idx < classes else { throw TorchError.runtime("target out of range") }
            return Int(idx)
        }
    }
}

/// Calls `body(d, z)` for each class `d` of a sample's `row` but its `target`, in class order,
/// with its margin term `z = margin - row[target] + row[d]` (positive where it counts).
@inline(__always)
private func forEachMargin<T: FloatElement>(
    _ row: UnsafeMutablePointer<T>, target: Int, classes: Int, margin: T, _ body: (Int, T) -> Void
) {
    let picked = row[target]
    for d in 0..<classes where d != target { body(d, margin - picked + row[d]) }
}

/// What both multi_margin_loss kernels read: the samples (`classes` values each, contiguous),
/// their targets and the loss's options.
private struct MultiMarginProblem {
    let input: Storage
    let targets: [Int]
    let weights: [Double]?
    let squared: Bool
    let margin: Double
    let classes: Int
    let reduction: LossReduction
}

/// `multi_margin_loss_cpu_kernel`: each sample's loss, or their sum (divided by the sample
/// count for mean) accumulated in double.
private struct MultiMarginForward: FloatVisitor {
    let problem: MultiMarginProblem
    let out: Storage

    func visit<T: FloatElement>(_ type: T.Type) {
        let (input, targets, weights, squared, classes, reduction) = (
            problem.input, problem.targets, problem.weights, problem.squared, problem.classes, problem.reduction
        )
        let margin = T(problem.margin)
        let x = input.pointer(T.self)
        let dst = out.pointer(T.self)
        var total = 0.0
        for (t, target) in targets.enumerated() {
            var sum: T = 0
            forEachMargin(x + t * classes, target: target, classes: classes, margin: margin) { _, z in
                guard z > 0 else { return }
                var h = squared ? z * z : z
                if let weights { h *= T(weights[target]) }
                sum += h
            }
            sum /= T(classes)
            if reduction == .none { dst[t] = sum } else { total += Double(sum) }
        }
        if reduction != .none { dst[0] = T(reduction == .mean ? total / Double(targets.count) : total) }
    }
}

/// `multi_margin_loss_backward_cpu_kernel`: the input's gradient for the loss gradient.
private struct MultiMarginBackward: FloatVisitor {
    let problem: MultiMarginProblem
    let gradOutput: Storage
    let perSample: Bool
    let out: Storage

    func visit<T: FloatElement>(_ type: T.Type) {
        let (targets, weights, squared, classes, reduction) = (
            problem.targets, problem.weights, problem.squared, problem.classes, problem.reduction
        )
        let margin = T(problem.margin)
        let (x, dst, gradOut) = (problem.input.pointer(T.self), out.pointer(T.self), gradOutput.pointer(T.self))
        let g = T(reduction == .mean ? 1 / Double(targets.count * classes) : 1 / Double(classes))
        for (t, target) in targets.enumerated() {
            let gradRow = dst + t * classes
            var gradPicked: T = 0
            forEachMargin(x + t * classes, target: target, classes: classes, margin: margin) { d, z in
                guard z > 0 else {
                    gradRow[d] = 0
                    return
                }
                var h = squared ? 2 * g * z : g
                if let weights { h *= T(weights[target]) }
                gradPicked -= h
                gradRow[d] = h
            }
            gradRow[target] = gradPicked
        }
        for t in 0..<targets.count {
            let scale = gradOut[perSample ? t : 0]
            for d in 0..<classes { dst[t * classes + d] *= scale }
        }
    }
}

extension Tensor {
    /// `F.multi_margin_loss(input, target, p=, margin=, weight=, reduction=)`
    /// (MultiMarginLossBackward0, saving self, target, weight, p, margin and reduction);
    /// `target` holds class indices, `weight` one value per class; neither has a gradient.
    public static func multiMarginLoss(
        _ input: Tensor, _ target: Tensor, p: ScalarValue = .int(1), margin: ScalarValue = .double(1), weight: Tensor? = nil,
        reduction: String = "mean"
    ) throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        guard p.doubleValue == 1 || p.doubleValue == 2 else { throw TorchError.value("only p == 1 and p == 2 supported") }
        if let weight, weight.dim != 1 { throw TorchError.value("weight must be one-dimensional") }
        try rejectRequiresGrad(weight, function: "multi_margin_loss", argument: "weight")
        let shape = try MultiMarginShape(input, target, weight)
        let targets = try shape.targets(target)
        let dtype: DType = input.dtype == .float64 ? .float64 : .float32
        let weights = weight?.doubles()
        let outShape: [Int] = mode == .none && target.dim > 0 ? [shape.samples] : []
        let out = Storage.uninitialized(dtype, count: outShape.first ?? 1)
        let source = input.contiguousStorage(as: dtype)
        let problem = { (input: Storage) in
            MultiMarginProblem(
                input: input, targets: targets, weights: weights, squared: p.doubleValue == 2, margin: margin.doubleValue,
                classes: shape.classes, reduction: mode)
        }
        dtype.dispatchFloat(MultiMarginForward(problem: problem(source), out: out))
        let result = Tensor(storage: out, shape: outShape)
        record(
            "multi_margin_loss", .multiMarginLossBackward0, inputs: [input, target, weight], outputs: [result],
            saving: [.input("self", input), .input("target", target), .input("weight", weight)],
            keeping: [("margin", .scalar(margin)), ("p", .scalar(p)), ("reduction", .int(mode.code))]
        ) { ctx in
            let x = try ctx.saved("self")
            let gradOutput = ctx.grad.contiguousStorage(as: dtype)
            let gradInput = Storage.uninitialized(dtype, count: x.numel)
            dtype.dispatchFloat(
                MultiMarginBackward(
                    problem: problem(x.contiguousStorage(as: dtype)), gradOutput: gradOutput,
                    perSample: mode == .none && ctx.grad.dim > 0, out: gradInput))
            let grad = Tensor(storage: gradInput, shape: x.shape)
            record("multi_margin_loss_backward", .notImplemented, inputs: [ctx.grad, x], outputs: [grad]) { _ in
                throw TorchError.runtime("derivative for aten::multi_margin_loss_backward is not implemented")
            }
            return [grad, nil, nil]
        }
        return result
    }
}

extension NodeKind {
    static let multiMarginLossBackward0 = NodeKind("MultiMarginLossBackward0")
    static let notImplemented = NodeKind("NotImplemented")
}
