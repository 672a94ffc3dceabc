/// `F.bilinear(input1, input2, weight, bias)` as aten composes it: both inputs flattened to
/// matrices (ViewBackward0), `_trilinear` (TrilinearBackward0), the result viewed back to the
/// batch shape and the bias added (AddBackward0). `_trilinear` runs aten's unrolled loop over the
/// output features with its `sumproduct_pair` products (batched matmuls, which switch from a
/// naive loop to gemm at 400 multiply-adds as aten's do), so values are PyTorch's.
enum BilinearOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias=None) -> Tensor", gradFn: "AddBackward0",
            exposure: [.torch, .functional],
            samples: OpSamples(shapes: ["input1": [2, 3], "input2": [2, 4], "weight": [5, 3, 4], "bias": [5]]),
            forward: {
                try Tensor.bilinear(
                    $0.tensor("input1"), $0.tensor("input2"), weight: $0.tensor("weight"), bias: $0.optionalTensor("bias"))
            })
    ]
}

extension Tensor {
    /// `y = x1^T W x2 + b` over the last dimension of both inputs.
    public static func bilinear(_ input1: Tensor, _ input2: Tensor, weight: Tensor, bias: Tensor? = nil) throws -> Tensor {
        try checkBilinear(input1, input2, weight: weight, bias: bias)
        let outputSize = Array(input1.shape.dropLast()) + [weight.shape[0]]
        let x1 = try input1.reshape([-1, input1.shape[input1.dim - 1]])
        let x2 = try input2.reshape([-1, input2.shape[input2.dim - 1]])
        let output = try trilinear(x1, weight, x2).reshape(outputSize)
        guard let bias else { return output }
        return try output.add(.tensor(bias))
    }

    private static func checkBilinear(_ input1: Tensor, _ input2: Tensor, weight: Tensor, bias: Tensor?) throws {
        let dtypes = [input1, input2, weight] + (bias.map { [$0] } ?? [])
        if Set(dtypes.map(\.dtype)).count > 1 {
            let names = ["input1", "input2", "weight", "bias"]
            let listed = zip(names, dtypes).map { "\($0): \($1.dtype.cppTypeName)" }.joined(separator: ", ")
            throw TorchError.runtime("All tensors must have the same dtype, got \(listed)")
        }
        guard input1.dim == input2.dim else {
            throw TorchError.runtime("bilinear(): input dimensions do not match: got \(input1.dim) and \(input2.dim)")
        }
        for i in 0..<(input1.dim - 1) where input1.shape[i] != input2.shape[i] {
            throw TorchError.runtime(
                "bilinear(): input batch dimensions do not match at dim \(i): got \(input1.shape[i]) and \(input2.shape[i])")
        }
        guard weight.dim == 3 else { throw TorchError.runtime("bilinear(): weight must be a 3-D tensor") }
        guard input1.shape.last == weight.shape[1] else {
            throw TorchError.runtime(
                "bilinear(): input1 size does not match weight size: got \(input1.shape.last ?? 0) but expected \(weight.shape[1])"
            )
        }
        guard input2.shape.last == weight.shape[2] else {
            throw TorchError.runtime(
                "bilinear(): input2 size does not match weight size: got \(input2.shape.last ?? 0) but expected \(weight.shape[2])"
            )
        }
        if let bias, bias.shape.first != weight.shape[0] {
            throw TorchError.runtime(
                "bilinear(): bias size does not match weight size: got \(bias.shape.first ?? 0) but expected \(weight.shape[0])")
        }
    }

    /// `_trilinear(x1, weight, x2, [1, 3], [0], [1, 2], [2, 3])`: `[B, out]` from `[B, in1]`,
    /// `[out, in1, in2]` and `[B, in2]`, one output feature at a time.
    private static func trilinear(_ x1: Tensor, _ weight: Tensor, _ x2: Tensor) throws -> Tensor {
        let (batch, features) = (x1.shape[0], weight.shape[0])
        let out = try GradMode.noGrad {
            let columns = try (0..<features).map { k in
                // x1 @ W[k] as a batch of one, then each row's dot product with x2.
                let products = try x1.unsqueeze(0).bmm(weight.select(0, k).unsqueeze(0))
                return try products.view([batch, 1, -1]).bmm(x2.unsqueeze(2)).view([batch])
            }
            return try Tensor.stack(columns, dim: 1)
        }
        record(
            "_trilinear", .trilinearBackward0, inputs: [x1, weight, x2], outputs: [out],
            saving: [.input("i1", x1), .input("i2", weight), .input("i3", x2)]
        ) { ctx in
            let (i1, w, i3) = (try ctx.saved(0), try ctx.saved(1), try ctx.saved(2))
            return [
                ctx.needsGrad(0) ? try trilinearInput1Grad(ctx.grad, w, i3) : nil,
                ctx.needsGrad(1) ? try trilinearWeightGrad(i1, ctx.grad, i3) : nil,
                ctx.needsGrad(2) ? try trilinearInput2Grad(i1, w, ctx.grad) : nil
            ]
        }
        return out
    }

    /// `_trilinear(grad, W, x2, ...)`: the sum over features of `(grad[:, k] * W[k]) @ x2`.
    private static func trilinearInput1Grad(_ grad: Tensor, _ weight: Tensor, _ x2: Tensor) throws -> Tensor {
        let batch = grad.shape[0]
        var total = Tensor.zeros([batch, weight.shape[1]], dtype: grad.dtype)
        for k in 0..<weight.shape[0] {
            let scaled = try weight.select(0, k).unsqueeze(0).mul(.tensor(grad.select(1, k).view([batch, 1, 1])))
            total = try total.add(.tensor(scaled.bmm(x2.unsqueeze(2)).view([batch, -1])))
        }
        return total
    }

    /// `_trilinear(x1, grad, x2, ...)`: for each feature, `(x1 * grad[:, k])^T @ x2`.
    private static func trilinearWeightGrad(_ x1: Tensor, _ grad: Tensor, _ x2: Tensor) throws -> Tensor {
        let batch = grad.shape[0]
        let slices = try (0..<grad.shape[1]).map { k in
            let scaled = try x1.mul(.tensor(grad.select(1, k).view([batch, 1])))
            return try scaled.t().unsqueeze(0).bmm(x2.unsqueeze(0)).squeeze(0)
        }
        return try Tensor.stack(slices, dim: 0)
    }

    /// `_trilinear(x1, W, grad, ...)`: the sum over features of `(x1 @ W[k]) * grad[:, k]`.
    private static func trilinearInput2Grad(_ x1: Tensor, _ weight: Tensor, _ grad: Tensor) throws -> Tensor {
        let batch = grad.shape[0]
        var total = Tensor.zeros([batch, weight.shape[2]], dtype: grad.dtype)
        for k in 0..<weight.shape[0] {
            let products = try x1.unsqueeze(0).bmm(weight.select(0, k).unsqueeze(0)).squeeze(0)
            total = try total.add(.tensor(products.mul(.tensor(grad.select(1, k).view([batch, 1])))))
        }
        return total
    }
}

extension NodeKind {
    static let trilinearBackward0 = NodeKind("TrilinearBackward0")
}
