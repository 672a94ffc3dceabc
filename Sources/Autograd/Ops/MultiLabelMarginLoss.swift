/// `F.multilabel_margin_loss`: the multi-label hinge loss, an ATen op with its own node
/// (MultilabelMarginLossBackward0, saving self, target, is_target and reduction), computed as
/// aten/src/ATen/native/LossMultiLabelMargin.cpp does: each sample's targets are the class
/// indices before its first -1; the loss sums `1 - x[target] + x[d]` where positive over every
/// target and every non-target class `d`, in double, divided by the class count. Its backward
/// kernel has no derivative of its own (under `create_graph` its gradient's grad_fn is
/// `NotImplemented`).
enum MultiLabelMarginLossOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "multilabel_margin_loss(Tensor self, Tensor target, str reduction=\"mean\") -> Tensor",
            gradFn: "MultilabelMarginLossBackward0", exposure: [.functional],
            // Targets whose margins stay away from the hinge for both sample layouts.
            samples: OpSamples(constants: ["target": OpSamples.Constant([0, -1, 1, 2, 1, -1], shape: [2, 3], dtype: .int64)]),
            forward: {
                try Tensor.multilabelMarginLoss($0.tensor("self"), $0.tensor("target"), reduction: $0.string("reduction"))
            })
    ]
}

/// The checked sizes of a multilabel_margin_loss call and its targets, row-major.
private struct MultiLabelMarginProblem {
    let samples: Int
    let classes: Int
    let targets: [Int]

    /// `multilabel_margin_loss_shape_check`, then the target range and dtype checks.
    init(_ input: Tensor, _ target: Tensor) throws {
        func text(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
        guard (input.dim == 2 && input.shape[1] != 0) || (input.dim == 1 && input.shape[0] != 0) || input.dim == 0 else {
            throw TorchError.runtime(
                "Expected non-empty vector or matrix with optional 0-dim batch size, but got: \(text(input.shape))")
        }
        samples = input.dim <= 1 ? 1 : input.shape[0]
        classes = input.dim == 0 ? 1 : input.shape[input.dim - 1]
        let fits = input.dim <= 1 ? target.dim <= 1 && target.numel == classes : target.shape == [samples, classes]
        guard fits else {
            throw TorchError.runtime(
                "inconsistent target size: \(text(target.shape)) for input of size: \(text(input.shape))")
        }
        let values = target.doubles()
        if input.numel > 0, let low = values.min(), let high = values.max(), low < -1 || high >= Double(classes) {
            throw TorchError.runtime("argument #2 'target' is out of range")
        }
        guard target.dtype == .int64 else {
            throw TorchError.runtime("expected scalar type Long but found \(target.dtype.scalarTypeName)")
        }
        targets = values.map { Int($0) }
    }

    /// Calls `body(target, d)` for every target of sample `t` and every non-target class `d`
    /// in order, with `isTarget` the sample's target flags.
    func forEachPair(_ t: Int, _ isTarget: [Bool], _ body: (Int, Int) -> Void) {
        for dt in 0..<classes {
            let target = targets[t * classes + dt]
            if target < 0 { break }
            for d in 0..<classes where !isTarget[t * classes + d] { body(target, d) }
        }
    }

    /// Each class's flag: whether it is one of its sample's targets.
    var isTarget: [Bool] {
        var flags = [Bool](repeating: false, count: samples * classes)
        for t in 0..<samples {
            for dt in 0..<classes {
                let target = targets[t * classes + dt]
                if target < 0 { break }
                flags[t * classes + target] = true
            }
        }
        return flags
    }
}

/// `multilabel_margin_loss_forward_out_frame`.
private struct MultiLabelMarginForward: FloatVisitor {
    let problem: MultiLabelMarginProblem
    let input: Tensor
    let reduction: LossReduction
    let perSample: Bool

    func visit<T: FloatElement>(_: T.Type) -> Tensor {
        let x = broadcastValues(input, input.shape, input.dtype, T.self)
        let flags = problem.isTarget
        var losses = [T]()
        var total = 0.0
        for t in 0..<problem.samples {
            var sum = 0.0
            problem.forEachPair(t, flags) { target, d in
                let z = 1 - x[t * problem.classes + target] + x[t * problem.classes + d]
                if z > 0 { sum += Double(z) }
            }
            if perSample { losses.append(T(sum) / T(problem.classes)) } else { total += Double(T(sum)) }
        }
        if perSample { return tensorOf(losses, shape: [problem.samples], dtype: input.dtype) }
        total /= Double(problem.classes)
        if reduction == .mean { total /= Double(problem.samples) }
        return tensorOf([T(total)], shape: [], dtype: input.dtype)
    }
}

/// `multilabel_margin_loss_backward_out_frame`: `∓g` per positive term, times the loss gradient.
private struct MultiLabelMarginBackward: FloatVisitor {
    let problem: MultiLabelMarginProblem
    let input: Tensor, gradOutput: Tensor
    let mean: Bool, perSample: Bool

    func visit<T: FloatElement>(_: T.Type) -> Tensor {
        let (samples, classes) = (problem.samples, problem.classes)
        let x = broadcastValues(input, input.shape, input.dtype, T.self)
        let gradOut = broadcastValues(gradOutput, gradOutput.shape, input.dtype, T.self)
        let g = T(mean ? 1 / Double(samples * classes) : 1 / Double(classes))
        let flags = problem.isTarget
        var grad = [T](repeating: 0, count: samples * classes)
        for t in 0..<samples {
            problem.forEachPair(t, flags) { target, d in
                if 1 - x[t * classes + target] + x[t * classes + d] > 0 {
                    grad[t * classes + target] -= g
                    grad[t * classes + d] += g
                }
            }
        }
        for k in grad.indices { grad[k] *= gradOut[perSample ? k / classes : 0] }
        return tensorOf(grad, shape: input.shape, dtype: input.dtype)
    }
}

extension Tensor {
    /// `F.multilabel_margin_loss(input, target, reduction=)`: `target` (int64, the shape of
    /// `input`) lists each sample's classes, ended by -1; it has no gradient.
    public static func multilabelMarginLoss(_ input: Tensor, _ target: Tensor, reduction: String = "mean") throws -> Tensor {
        let mode = try LossReduction(parsing: reduction)
        let problem = try MultiLabelMarginProblem(input, target)
        let dtype = input.dtype
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("\"multilabel_margin_loss_forward_out_frame\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let perSample = mode == .none && target.dim > 1
        let x = try input.contiguous()
        let out = dtype.dispatchFloat(
            MultiLabelMarginForward(problem: problem, input: x, reduction: mode, perSample: perSample))
        let flags = Tensor.internalTensor(problem.isTarget.map { $0 ? 1 : 0 }, shape: target.shape, dtype: dtype)
        record(
            "multilabel_margin_loss", .multilabelMarginLossBackward0, inputs: [input, target], outputs: [out],
            saving: [.input("is_target", flags), .input("self", input), .input("target", target)],
            keeping: [("reduction", .int(mode.code))]
        ) { ctx in
            let saved = try ctx.saved("self")
            let grad = dtype.dispatchFloat(
                MultiLabelMarginBackward(
                    problem: problem, input: saved, gradOutput: ctx.grad, mean: mode == .mean,
                    perSample: mode == .none && ctx.grad.dim > 0))
            record("multilabel_margin_loss_backward", .notImplemented, inputs: [ctx.grad, saved], outputs: [grad]) { _ in
                throw TorchError.runtime("derivative for aten::multilabel_margin_loss_backward is not implemented")
            }
            return [grad, nil]
        }
        return out
    }
}

extension NodeKind {
    static let multilabelMarginLossBackward0 = NodeKind("MultilabelMarginLossBackward0")
}
