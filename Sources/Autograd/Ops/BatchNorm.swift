/// `F.batch_norm` (PyTorch's `native_batch_norm`, NativeBatchNormBackward0 in training and eval,
/// saving input, weight, running stats and the batch's mean and invstd). Training normalises
/// each channel (dim 1) with its biased batch variance and, like the CPU kernel, updates the
/// running stats in place: `momentum * mean + (1 - momentum) * running_mean`, and the same with
/// the unbiased variance. Eval normalises with the running stats. Statistics accumulate in
/// double, so values agree with PyTorch's float32 kernel to float32 rounding. The running stats
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
    fileprivate func overwrite(_ values: [Double]) { dtype.dispatch(OverwriteVisitor(tensor: self, values: values)) }

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
        let x = input.doubles()
        /// Offset of element `s` of sample `n` in channel `c`.
        func at(_ n: Int, _ c: Int, _ s: Int) -> Int { (n * channels + c) * spatial + s }
        var mean = [Double](repeating: 0, count: channels)
        var invstd = mean
        if training {
            var unbiased = mean
            for c in 0..<channels {
                var sum = 0.0
                for n in 0..<batch { for s in 0..<spatial { sum += x[at(n, c, s)] } }
                let m = sum / Double(count)
                var squares = 0.0
                for n in 0..<batch { for s in 0..<spatial { squares += (x[at(n, c, s)] - m) * (x[at(n, c, s)] - m) } }
                (mean[c], invstd[c]) = (m, 1 / (squares / Double(count) + eps).squareRoot())
                unbiased[c] = squares / Double(count - 1)
            }
            if let runningMean {
                runningMean.overwrite(zip(mean, runningMean.doubles()).map { momentum * $0 + (1 - momentum) * $1 })
            }
            if let runningVar {
                runningVar.overwrite(zip(unbiased, runningVar.doubles()).map { momentum * $0 + (1 - momentum) * $1 })
            }
        } else if let runningMean, let runningVar {
            mean = runningMean.doubles()
            invstd = runningVar.doubles().map { 1 / ($0 + eps).squareRoot() }
        }
        let gamma = weight?.doubles()
        let beta = bias?.doubles()
        var y = [Double](repeating: 0, count: x.count)
        for n in 0..<batch {
            for c in 0..<channels {
                for s in 0..<spatial {
                    let i = at(n, c, s)
                    y[i] = (x[i] - mean[c]) * invstd[c] * (gamma?[c] ?? 1) + (beta?[c] ?? 0)
                }
            }
        }
        let dt = input.dtype
        let out = try Tensor(y, shape: input.shape, dtype: dt)
        let inputShape = input.shape
        let saveMean = try Tensor(training ? mean : [], shape: [training ? channels : 0], dtype: dt)
        let saveInvstd = try Tensor(training ? invstd : [], shape: [training ? channels : 0], dtype: dt)
        var saving: [SaveSlot] = [.input("input", input), .input("result1", saveMean), .input("result2", saveInvstd)]
        if let weight { saving.append(.input("weight", weight)) }
        if let runningMean { saving.append(.input("running_mean", runningMean)) }
        if let runningVar { saving.append(.input("running_var", runningVar)) }
        record("native_batch_norm", "NativeBatchNormBackward0", inputs: [input, weight, bias], outputs: [out], saving: saving) {
            ctx in
            let x = try ctx.saved(0).doubles()
            let dy = ctx.grad.doubles()
            let gamma = weight == nil ? nil : try ctx.saved(3).doubles()
            var dx = [Double](repeating: 0, count: x.count)
            var dweight = [Double](repeating: 0, count: channels)
            var dbias = dweight
            for c in 0..<channels {
                var sumDy = 0.0
                var dot = 0.0
                for n in 0..<batch {
                    for s in 0..<spatial {
                        sumDy += dy[at(n, c, s)]
                        dot += dy[at(n, c, s)] * (x[at(n, c, s)] - mean[c])
                    }
                }
                (dweight[c], dbias[c]) = (dot * invstd[c], sumDy)
                let w = gamma?[c] ?? 1
                for n in 0..<batch {
                    for s in 0..<spatial {
                        let i = at(n, c, s)
                        if training {
                            let projection = (x[i] - mean[c]) * invstd[c] * invstd[c] * dot / Double(count)
                            dx[i] = (dy[i] - sumDy / Double(count) - projection) * invstd[c] * w
                        } else {
                            dx[i] = dy[i] * invstd[c] * w
                        }
                    }
                }
            }
            let gdt = ctx.grad.dtype
            return [
                ctx.needsGrad(0) ? try Tensor(dx, shape: inputShape, dtype: gdt) : nil,
                ctx.needsGrad(1) ? try Tensor(dweight, shape: [channels], dtype: gdt) : nil,
                ctx.needsGrad(2) ? try Tensor(dbias, shape: [channels], dtype: gdt) : nil
            ]
        }
        return out
    }
}
