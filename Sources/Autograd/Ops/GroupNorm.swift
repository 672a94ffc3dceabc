/// `F.group_norm` / `torch.group_norm` (PyTorch's `native_group_norm`, NativeGroupNormBackward0,
/// saving input, weight and the per-(sample, group) mean and rstd as result1 and result2). The
/// channels (dim 1) split into `num_groups` groups; each sample's group is normalised with its
/// biased variance, then scaled and shifted per channel (Kernels/GroupNormKernel.swift). Under
/// `create_graph=True` the backward is recorded ops instead, so it differentiates again.
enum GroupNormOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float eps=1e-05, bool cudnn_enabled=True) -> Tensor",
            gradFn: "NativeGroupNormBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 4, 3], "weight": [4], "bias": [4]], arguments: ["num_groups": .int(2)]),
            forward: {
                try Tensor.groupNorm(
                    $0.tensor("input"), groups: $0.int("num_groups"), weight: $0.optionalTensor("weight"),
                    bias: $0.optionalTensor("bias"), eps: $0.double("eps"))
            })
    ]
}

/// The values of `t` in row-major order as `T`.
private func elements<T: FloatElement>(_ t: Tensor, _: T.Type) -> [T] {
    let s = t.contiguousStorage(as: T.self == Double.self ? .float64 : .float32)
    return withExtendedLifetime(s) { Array(UnsafeBufferPointer(start: s.pointer(T.self), count: t.numel)) }
}

/// The forward pass: the output and the rows' mean and rstd.
private struct GroupNormForward: FloatVisitor {
    let shape: GroupNormShape
    let input: Tensor, weight: Tensor?, bias: Tensor?, eps: Double

    func visit<T: FloatElement>(_: T.Type) -> (Tensor, [Double], [Double]) {
        let x = input.contiguousStorage(as: input.dtype)
        let out = Storage.uninitialized(input.dtype, count: input.numel)
        let (mean, rstd) = withExtendedLifetime(x) {
            shape.kernel(T.self).forward(
                x.pointer(T.self), out.pointer(T.self), gamma: weight.map { elements($0, T.self) },
                beta: bias.map { elements($0, T.self) }, eps: eps)
        }
        return (Tensor(storage: out, shape: input.shape), mean.map(\.doubleValue), rstd.map(\.doubleValue))
    }
}

/// The backward pass: the input's, weight's and bias's gradients.
private struct GroupNormBackward: FloatVisitor {
    let shape: GroupNormShape
    let input: Tensor, grad: Tensor, mean: Tensor, rstd: Tensor, weight: Tensor?

    func visit<T: FloatElement>(_: T.Type) -> (Tensor, Tensor, Tensor) {
        let dtype = grad.dtype
        let x = input.contiguousStorage(as: dtype)
        let dy = grad.contiguousStorage(as: dtype)
        let dx = Storage.uninitialized(dtype, count: input.numel)
        let (dgamma, dbeta) = withExtendedLifetime((x, dy)) {
            shape.kernel(T.self).backward(
                dy: dy.pointer(T.self), x: x.pointer(T.self), mean: elements(mean, T.self), rstd: elements(rstd, T.self),
                gamma: weight.map { elements($0, T.self) }, dx: dx.pointer(T.self))
        }
        func vector(_ v: [T]) -> Tensor {
            let s = Storage.uninitialized(dtype, count: v.count)
            s.pointer(T.self).update(from: v, count: v.count)
            return Tensor(storage: s, shape: [v.count])
        }
        return (Tensor(storage: dx, shape: input.shape), vector(dgamma), vector(dbeta))
    }
}

/// The sizes of one group_norm call: `N`, `C`, `HxW` and the group count.
private struct GroupNormShape {
    let batch: Int, channels: Int, spatial: Int, groups: Int

    func kernel<T: FloatElement>(_: T.Type) -> GroupNormKernel<T> {
        GroupNormKernel<T>(batch: batch, channels: channels, spatial: spatial, groups: groups)
    }
}

extension Tensor {
    /// `F.group_norm(input, num_groups, weight, bias, eps)` (NativeGroupNormBackward0).
    public static func groupNorm(
        _ input: Tensor, groups: Int, weight: Tensor? = nil, bias: Tensor? = nil, eps: Double = 1e-5
    ) throws -> Tensor {
        guard input.dim >= 2 else {
            throw TorchError.runtime("Expected at least 2 dimensions for input tensor but received \(input.dim)")
        }
        let (batch, channels) = (input.shape[0], input.shape[1])
        let spatial = input.shape.dropFirst(2).reduce(1, *)
        let sizes = [batch * channels / Swift.max(groups, 1), groups] + Array(input.shape.dropFirst(2))
        if sizes[0] * spatial == 1 {
            throw TorchError.value(
                "Expected more than 1 value per channel when training, got input size [\(sizes.map(String.init).joined(separator: ", "))]"
            )
        }
        try checkGroupNormInputs(input, groups: groups, weight: weight, bias: bias)
        try input.requireFloatingPoint("GroupNormKernelImpl")
        let shape = GroupNormShape(batch: batch, channels: channels, spatial: spatial, groups: groups)
        let (out, mean, rstd) = input.dtype.dispatchFloat(
            GroupNormForward(shape: shape, input: input, weight: weight, bias: bias, eps: eps))
        let meanTensor = Tensor.fromValues(mean, shape: [batch, groups], dtype: input.dtype)
        let rstdTensor = Tensor.fromValues(rstd, shape: [batch, groups], dtype: input.dtype)
        var saving: [SaveSlot] = [.input("input", input), .input("result1", meanTensor), .input("result2", rstdTensor)]
        if let weight { saving.append(.input("weight", weight)) }
        record(
            "native_group_norm", .nativeGroupNormBackward0, inputs: [input, weight, bias], outputs: [out], saving: saving,
            keeping: [("N", .int(batch)), ("C", .int(channels)), ("HxW", .int(spatial)), ("group", .int(groups))]
        ) { ctx in
            if GradMode.isEnabled {
                let grads = try differentiableGroupNormBackward(
                    ctx.grad, input: try ctx.saved(0), weight: weight == nil ? nil : try ctx.saved(3), groups: groups, eps: eps)
                return [
                    ctx.needsGrad(0) ? grads.input : nil, ctx.needsGrad(1) ? grads.weight : nil,
                    ctx.needsGrad(2) ? grads.bias : nil
                ]
            }
            let (dx, dweight, dbias) = ctx.grad.dtype.dispatchFloat(
                GroupNormBackward(
                    shape: shape, input: try ctx.saved(0), grad: ctx.grad, mean: try ctx.saved(1), rstd: try ctx.saved(2),
                    weight: weight == nil ? nil : try ctx.saved(3)))
            return [ctx.needsGrad(0) ? dx : nil, ctx.needsGrad(1) ? dweight : nil, ctx.needsGrad(2) ? dbias : nil]
        }
        return out
    }

    /// The gradients of group_norm as recorded ops, for a backward that builds a graph
    /// (`create_graph=True`), as PyTorch's `infinitely_differentiable_native_group_norm_backward`
    /// does: the statistics are recomputed from `input`, so the second derivative reaches it
    /// through them; `dx = rstd * (g - mean(g) - xhat * mean(g * xhat))` per (sample, group),
    /// with `g = grad * weight`.
    private static func differentiableGroupNormBackward(
        _ grad: Tensor, input: Tensor, weight: Tensor?, groups: Int, eps: Double
    ) throws -> (input: Tensor, weight: Tensor, bias: Tensor) {
        let (batch, channels) = (input.shape[0], input.shape[1])
        let channelShape = [1, channels] + [Int](repeating: 1, count: input.dim - 2)
        let grouped = [batch, groups, -1]
        let x = try input.reshape(grouped)
        let centered = try x.sub(.tensor(x.mean(dims: [2], keepdim: true)))
        let variance = try centered.mul(.tensor(centered)).mean(dims: [2], keepdim: true)
        let rstd = try variance.add(.scalar(.double(eps))).sqrt().reciprocal()
        let normalized = try centered.mul(.tensor(rstd))
        let scaled = try weight.map { try grad.mul(.tensor($0.view(channelShape))) } ?? grad
        let g = try scaled.reshape(grouped)
        let projection = try normalized.mul(.tensor(g.mul(.tensor(normalized)).mean(dims: [2], keepdim: true)))
        let dx = try rstd.mul(.tensor(g.sub(.tensor(g.mean(dims: [2], keepdim: true))).sub(.tensor(projection))))
        let reduced = [0] + Array(2..<input.dim)
        return (
            try dx.view(input.shape),
            try grad.mul(.tensor(normalized.view(input.shape))).sum(dims: reduced),
            try grad.sum(dims: reduced)
        )
    }

    /// aten's `check_group_norm_inputs`.
    private static func checkGroupNormInputs(_ input: Tensor, groups: Int, weight: Tensor?, bias: Tensor?) throws {
        let channels = input.shape[1]
        let inputShape = "[\(input.shape.map(String.init).joined(separator: ", "))]"
        guard groups > 0 else { throw TorchError.runtime("Expected num groups to be greater than 0, got \(groups)") }
        guard channels % groups == 0 else {
            throw TorchError.runtime(
                "Expected number of channels in input to be divisible by num_groups, but got input of shape \(inputShape) and num_groups=\(groups)"
            )
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.dim != 1 || t.numel != channels {
                throw TorchError.runtime(
                    "Expected \(name) to be a vector of size equal to the number of channels in input, but got \(name) of shape [\(t.shape.map(String.init).joined(separator: ", "))] and input of shape \(inputShape)"
                )
            }
        }
    }
}

extension NodeKind {
    static let nativeGroupNormBackward0 = NodeKind("NativeGroupNormBackward0")
}
