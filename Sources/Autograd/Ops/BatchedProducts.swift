/// Products built on bmm: `baddbmm` and `addbmm` (`beta * self + alpha * batch products`) with
/// their backward from derivatives.yaml, and `outer`, which PyTorch composes from a reshape and
/// a broadcast multiply.
enum BatchedProductOps {
    private static let batchSamples = OpSamples(
        shapes: ["self": [2, 2, 4], "batch1": [2, 2, 3], "batch2": [2, 3, 4]],
        arguments: ["beta": .scalar(.double(0.5)), "alpha": .scalar(.double(2))])

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "baddbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
            gradFn: "BaddbmmBackward0", exposure: [.torch, .method], samples: batchSamples,
            forward: {
                try Tensor.baddbmm(
                    $0.tensor("self"), $0.tensor("batch1"), $0.tensor("batch2"),
                    beta: $0.scalar("beta").doubleValue, alpha: $0.scalar("alpha").doubleValue)
            }),
        OpDeclaration(
            "addbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1) -> Tensor",
            gradFn: "AddbmmBackward0", exposure: [.torch, .method],
            samples: OpSamples(
                shapes: ["self": [2, 4], "batch1": [2, 2, 3], "batch2": [2, 3, 4]],
                arguments: ["beta": .scalar(.double(0.5)), "alpha": .scalar(.double(2))]),
            forward: {
                try Tensor.addbmm(
                    $0.tensor("self"), $0.tensor("batch1"), $0.tensor("batch2"),
                    beta: $0.scalar("beta").doubleValue, alpha: $0.scalar("alpha").doubleValue)
            }),
        OpDeclaration(
            "outer(Tensor self, Tensor vec2) -> Tensor", gradFn: "MulBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["self": [3], "vec2": [2]]),
            forward: { try $0.tensor("self").outer($0.tensor("vec2")) }),
        OpDeclaration(
            "ger(Tensor self, Tensor vec2) -> Tensor", gradFn: "MulBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["self": [3], "vec2": [2]]),
            forward: { try $0.tensor("self").outer($0.tensor("vec2")) })
    ]
}

extension Tensor {
    /// `beta * self + alpha * product`, computed without recording; `beta == 0` ignores `self`
    /// (NaN included), as PyTorch does.
    private static func scaledSum(_ bias: Tensor, _ product: Tensor, beta: Double, alpha: Double) throws -> Tensor {
        try GradMode.noGrad {
            let scaled = alpha == 1 ? product : try product.mul(.scalar(.double(alpha)))
            if beta == 0 { return try scaled.add(.tensor(Tensor.zerosLike(bias))) }
            return try scaled.add(.tensor(beta == 1 ? bias : try bias.mul(.scalar(.double(beta)))))
        }
    }

    /// `alpha * grad` unless alpha is 1.
    private static func scaled(_ grad: Tensor, _ factor: Double) throws -> Tensor {
        factor == 1 ? grad : try grad.mulScalar(factor)
    }

    /// `beta * self + alpha * bmm(batch1, batch2)`, `self` broadcast to the product.
    public static func baddbmm(
        _ bias: Tensor, _ batch1: Tensor, _ batch2: Tensor, beta: Double = 1, alpha: Double = 1
    ) throws -> Tensor {
        if batch1.dim >= 2 && batch2.dim >= 3 {
            _ = try GradMode.noGrad { try bias.expand([batch1.shape[0], batch1.shape[1], batch2.shape[2]]) }
        }
        let product = try GradMode.noGrad { try batch1.bmm(batch2) }
        let out = try scaledSum(bias, product, beta: beta, alpha: alpha)
        let biasShape = bias.shape
        record(
            "baddbmm", .baddbmmBackward0, inputs: [bias, batch1, batch2], outputs: [out],
            saving: [.input("batch1", batch1), .input("batch2", batch2)]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try scaled(ctx.grad, beta).sumTo(biasShape) : nil,
                ctx.needsGrad(1) ? try scaled(ctx.grad.bmm(ctx.saved("batch2").transpose(1, 2)), alpha) : nil,
                ctx.needsGrad(2) ? try scaled(ctx.saved("batch1").transpose(1, 2).bmm(ctx.grad), alpha) : nil
            ]
        }
        return out
    }

    /// `beta * self + alpha * sum_b batch1[b] @ batch2[b]`, `self` broadcast to the product.
    public static func addbmm(
        _ bias: Tensor, _ batch1: Tensor, _ batch2: Tensor, beta: Double = 1, alpha: Double = 1
    ) throws -> Tensor {
        if batch1.dim >= 2 && batch2.dim >= 3 {
            _ = try GradMode.noGrad { try bias.expand([batch1.shape[1], batch2.shape[2]]) }
        }
        let product = try GradMode.noGrad { try batch1.bmm(batch2).sum(dims: [0]) }
        let out = try scaledSum(bias, product, beta: beta, alpha: alpha)
        let biasShape = bias.shape
        let batches = batch1.shape[0]
        record(
            "addbmm", .addbmmBackward0, inputs: [bias, batch1, batch2], outputs: [out],
            saving: [.input("batch1", batch1), .input("batch2", batch2)]
        ) { ctx in
            let g = ctx.grad
            let expanded = { try g.unsqueeze(0).expand([batches, g.shape[0], g.shape[1]]) }
            return [
                ctx.needsGrad(0) ? try scaled(g, beta).sumTo(biasShape) : nil,
                ctx.needsGrad(1) ? try scaled(expanded().bmm(ctx.saved("batch2").transpose(1, 2)), alpha) : nil,
                ctx.needsGrad(2) ? try scaled(ctx.saved("batch1").transpose(1, 2).bmm(expanded()), alpha) : nil
            ]
        }
        return out
    }

    /// The outer product of two vectors: `self.reshape(-1, 1) * vec2`, as PyTorch computes it.
    public func outer(_ vec2: Tensor) throws -> Tensor {
        guard dim == 1 else { throw TorchError.runtime("outer: Expected 1-D argument self, but got \(dim)-D") }
        guard vec2.dim == 1 else { throw TorchError.runtime("outer: Expected 1-D argument vec2, but got \(vec2.dim)-D") }
        return try reshape([shape[0], 1]).mul(.tensor(vec2))
    }
}

extension NodeKind {
    static let addbmmBackward0 = NodeKind("AddbmmBackward0")
    static let baddbmmBackward0 = NodeKind("BaddbmmBackward0")
}
