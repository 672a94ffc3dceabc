/// Activations with a learned or gating operand: `glu` (the first half of a dim gated by the
/// sigmoid of the second) and `prelu` (a learned slope for negative values, per channel), with
/// their backward formulas.
enum GatedActivationOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "glu(Tensor self, int dim=-1) -> Tensor", gradFn: "GluBackward0", exposure: [.functional],
            samples: OpSamples(shapes: ["self": [3, 4]]),
            forward: { try $0.tensor("self").glu(dim: $0.int("dim")) }),
        OpDeclaration(
            "prelu(Tensor self, Tensor weight) -> Tensor", gradFn: "PreluKernelBackward0",
            exposure: [.torch, .functional, .method], samples: OpSamples(shapes: ["self": [2, 3], "weight": [3]]),
            forward: { try $0.tensor("self").prelu($0.tensor("weight")) })
    ]
}

extension Tensor {
    /// `a * sigmoid(b)` where `a` and `b` are the halves of `dim`.
    public func glu(dim dimension: Int = -1) throws -> Tensor {
        guard dim > 0 else { throw TorchError.runtime("glu does not support scalars because halving size must be even") }
        let d = try normalizeDim(dimension, rank: dim)
        guard shape[d] % 2 == 0 else {
            throw TorchError.runtime("Halving dimension must be even, but dimension \(d) is size \(shape[d])")
        }
        let half = shape[d] / 2
        let out = try GradMode.noGrad {
            try self.narrow(d, start: 0, length: half).mul(.tensor(self.narrow(d, start: half, length: half).sigmoid()))
        }
        record("glu", .gluBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let input = try ctx.saved(0)
            let a = try input.narrow(d, start: 0, length: half)
            let gate = try input.narrow(d, start: half, length: half).sigmoid()
            let gradA = try ctx.grad.mul(.tensor(gate))
            let gradB = try ctx.grad.mul(.tensor(a)).mul(.tensor(gate)).mul(.tensor(gate.rsub(.int(1))))
            return [try Tensor.cat([gradA, gradB], dim: d)]
        }
        return out
    }

    /// `self` where positive, else `weight * self`, `weight` holding one slope or one per
    /// channel (dim 1).
    public func prelu(_ weight: Tensor) throws -> Tensor {
        let channels = dim >= 2 ? shape[1] : (dim == 1 ? shape[0] : 1)
        guard weight.numel == 1 || weight.numel == channels else {
            throw TorchError.runtime(
                "Mismatch of parameter numbers and input channel size. Found parameter numbers = \(weight.numel) and channel size = \(channels)."
            )
        }
        var weightShape = [Int](repeating: 1, count: Swift.max(dim, 1))
        if weight.numel > 1 { weightShape[dim >= 2 ? 1 : 0] = channels }
        let w = try GradMode.noGrad { try weight.reshape(weightShape.count == self.dim ? weightShape : []) }
        let positive = try GradMode.noGrad { try self.gt(.scalar(.int(0))) }
        let out = try GradMode.noGrad { try Tensor.maskedWhere(positive, self, self.mul(.tensor(w))) }
        let originalWeightShape = weight.shape
        record(
            "prelu", .preluKernelBackward0, inputs: [self, weight], outputs: [out],
            saving: [.input("self", self), .input("weight", weight)]
        ) { ctx in
            let input = try ctx.saved("self")
            let slope = try ctx.saved("weight").reshape(weightShape.count == input.dim ? weightShape : [])
            let mask = try input.gt(.scalar(.int(0)))
            let zeros = Tensor.zerosLike(ctx.grad)
            return [
                ctx.needsGrad(0) ? try Tensor.maskedWhere(mask, ctx.grad, ctx.grad.mul(.tensor(slope))) : nil,
                ctx.needsGrad(1)
                    ? try Tensor.maskedWhere(mask, zeros, ctx.grad.mul(.tensor(input))).sumTo(slope.shape)
                        .reshape(originalWeightShape) : nil
            ]
        }
        return out
    }
}

extension NodeKind {
    static let gluBackward0 = NodeKind("GluBackward0")
    static let preluKernelBackward0 = NodeKind("PreluKernelBackward0")
}
