/// `F.instance_norm` (aten's `instance_norm`, composed as PyTorch composes it): the input seen as
/// one sample of `N * C` channels (`input.contiguous().view(1, N * C, ...)`), batch-normalised
/// with the weight, bias and running statistics repeated `N` times, and viewed back, so the
/// output's grad_fn is ViewBackward0 over NativeBatchNormBackward0. The running statistics, when
/// given, receive the mean over the batch of their repeated copies' updates.
enum InstanceNormOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "instance_norm(Tensor input, Tensor? running_mean=None, Tensor? running_var=None, Tensor? weight=None, Tensor? bias=None, bool use_input_stats=True, float momentum=0.1, float eps=1e-05) -> Tensor",
            gradFn: "ViewBackward0", exposure: [.functional],
            samples: OpSamples(
                shapes: ["input": [2, 3, 4], "running_mean": [3], "running_var": [3], "weight": [3], "bias": [3]]),
            forward: {
                try Tensor.instanceNorm(
                    $0.tensor("input"), runningMean: $0.optionalTensor("running_mean"),
                    runningVar: $0.optionalTensor("running_var"), weight: $0.optionalTensor("weight"),
                    bias: $0.optionalTensor("bias"), useInputStats: $0.bool("use_input_stats"),
                    momentum: $0.double("momentum"), eps: $0.double("eps"))
            })
    ]
}

extension Tensor {
    /// `F.instance_norm(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps)`.
    public static func instanceNorm(
        _ input: Tensor, runningMean: Tensor? = nil, runningVar: Tensor? = nil, weight: Tensor? = nil,
        bias: Tensor? = nil, useInputStats: Bool = true, momentum: Double = 0.1, eps: Double = 1e-5
    ) throws -> Tensor {
        if useInputStats && input.shape.dropFirst(2).reduce(1, *) == 1 {
            throw TorchError.value(
                "Expected more than 1 spatial element when training, got input size \(sizeText(input.shape))")
        }
        guard input.dim >= 2 else {
            throw TorchError.value("Expected 2D or more input (got \(input.dim)D input)")
        }
        let (batch, channels) = (input.shape[0], input.shape[1])
        func repeated(_ t: Tensor?) throws -> Tensor? { try t?.repeating([batch]) }
        let (weights, biases) = (try repeated(weight), try repeated(bias))
        let (means, variances) = (try repeated(runningMean), try repeated(runningVar))
        var merged = input.shape
        (merged[0], merged[1]) = (1, batch * channels)
        let out = try Tensor.batchNorm(
            try input.contiguous().view(merged), runningMean: means, runningVar: variances, weight: weights, bias: biases,
            training: useInputStats, momentum: momentum, eps: eps)
        try GradMode.noGrad {
            for (stats, copies) in [(runningMean, means), (runningVar, variances)] {
                if let stats, let copies { try stats.copy_(try copies.view([batch, channels]).mean(dims: [0])) }
            }
        }
        return try out.view(input.shape)
    }
}
