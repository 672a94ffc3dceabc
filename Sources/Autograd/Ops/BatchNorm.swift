/// `F.batch_norm` (PyTorch's `native_batch_norm`, NativeBatchNormBackward0 in training and eval,
/// saving input, weight, running stats and the batch's mean and invstd). Training normalises
/// each channel (dim 1) with its biased batch variance and, like the CPU kernel, updates the
/// running stats in place: `momentum * mean + (1 - momentum) * running_mean`, and the same with
/// the unbiased variance. Eval normalises with the running stats. Statistics accumulate in
/// double, so values are PyTorch's bit for bit (Kernels/BatchNormKernel.swift). The running stats
/// change without a version bump, as in PyTorch's kernel.
enum BatchNormOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight=None, Tensor? bias=None, bool training=False, float momentum=0.1, float eps=1e-05) -> Tensor",
            gradFn: "NativeBatchNormBackward0", exposure: [.functional],
            samples: OpSamples(
                shapes: ["running_mean": [3], "running_var": [3], "weight": [3], "bias": [3]],
                arguments: ["training": .bool(true)]),
            forward: {
                try Tensor.batchNorm(
                    $0.tensor("input"), runningMean: $0.optionalTensor("running_mean"),
                    runningVar: $0.optionalTensor("running_var"), weight: $0.optionalTensor("weight"),
                    bias: $0.optionalTensor("bias"), training: $0.bool("training"),
                    momentum: $0.double("momentum"), eps: $0.double("eps"))
            })
    ]
}

private struct OverwriteVisitor: ElementVisitor {
    let tensor: Tensor, values: [Double]
    func visit<T: TensorElement>(_ type: T.Type) {
        let p = tensor.storage.pointer(T.self)
        var i = 0
        forEachOffset(shape: tensor.shape, strides: tensor.strides, offset: tensor.offset) { o in
            p[o] = T(fromDouble: values[i])
            i += 1
        }
    }
}

extension Tensor {
    /// Writes `values` (row-major) into this tensor's elements without recording or a version
    /// bump, as PyTorch's kernels update running statistics.
    func overwrite(_ values: [Double]) { dtype.dispatch(OverwriteVisitor(tensor: self, values: values)) }

    /// `F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)`.
    public static func batchNorm(
        _ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
        bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1,
        eps: Double = 1e-5
    ) throws -> Tensor {
        guard input.dim >= 2 else {
            throw TorchError.value("Expected 2D or more input (got \(input.dim)D input)")
        }
        let channels = input.shape[1]
        let batch = input.shape[0]
        let spatial = input.shape.dropFirst(2).reduce(1, *)
        let count = batch * spatial
        if training && count <= 1 {
            throw TorchError.value(
                "Expected more than 1 value per channel when training, got input size \(sizeText(input.shape))")
        }
        for (name, t) in [("running_mean", runningMean), ("running_var", runningVar), ("weight", weight), ("bias", bias)] {
            if let t, t.numel != channels {
                throw TorchError.runtime("\(name) should contain \(channels) elements not \(t.numel)")
            }
        }
        guard training || (runningMean != nil && runningVar != nil) else {
            throw TorchError.runtime("running_mean and running_var must be defined in evaluation mode")
        }
        try input.requireFloatingPoint("batch_norm")
        let run = BatchNormRun(
            batch: batch, channels: channels, spatial: spatial, training: training, momentum: momentum, eps: eps)
        let (out, saveMean, saveInvstd) = input.dtype.dispatchFloat(
            BatchNormForward(run: run, input: input, runningMean: runningMean, runningVar: runningVar, weight: weight, bias: bias)
        )
        var saving: [SaveSlot] = [.input("input", input), .input("result1", saveMean), .input("result2", saveInvstd)]
        if let weight { saving.append(.input("weight", weight)) }
        if let runningMean { saving.append(.input("running_mean", runningMean)) }
        if let runningVar { saving.append(.input("running_var", runningVar)) }
        let runningSlot = weight == nil ? 3 : 4
        record("native_batch_norm", .nativeBatchNormBackward0, inputs: [input, weight, bias], outputs: [out], saving: saving) {
            ctx in
            let stats =
                training
                ? (try ctx.saved(1), try ctx.saved(2))
                : (try ctx.saved(runningSlot), try ctx.saved(runningSlot + 1))
            let (dx, dweight, dbias) = ctx.grad.dtype.dispatchFloat(
                BatchNormBackward(
                    run: run, input: try ctx.saved(0), grad: ctx.grad, statistics: stats,
                    weight: weight == nil ? nil : try ctx.saved(3)))
            return [
                ctx.needsGrad(0) ? dx : nil,
                ctx.needsGrad(1) ? dweight : nil,
                ctx.needsGrad(2) ? dbias : nil
            ]
        }
        return out
    }
}

extension NodeKind {
    static let nativeBatchNormBackward0 = NodeKind("NativeBatchNormBackward0")
}
