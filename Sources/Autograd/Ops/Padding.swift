/// `constant_pad_nd` / `F.pad(mode="constant")` (ConstantPadNdBackward0), and the
/// `torch.nn.functional` helpers PyTorch composes from other ops: `normalize`
/// (functional.py: `norm → clamp_min → expand_as → div`), `cosine_similarity` (ATen's
/// `vector_norm → clone → clamp_min_ under no_grad → div → mul → sum`) and `one_hot`.
enum PaddingOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "constant_pad_nd(Tensor self, int[] pad, Scalar value=0) -> Tensor", gradFn: "ConstantPadNdBackward0",
            exposure: [.torch], samples: OpSamples(arguments: ["pad": .intList([1, 2, -1, 1])]),
            forward: { try $0.tensor("self").constantPadNd($0.intList("pad"), value: $0.scalar("value")) }),
        OpDeclaration(
            "pad(Tensor self, int[] pad, str mode=\"constant\", float? value=None) -> Tensor",
            gradFn: "ConstantPadNdBackward0", exposure: [.functional],
            samples: OpSamples(arguments: ["pad": .intList([2, -1])]),
            forward: {
                try $0.tensor("self").pad($0.intList("pad"), mode: $0.string("mode"), value: $0.optionalDouble("value"))
            }),
        OpDeclaration(
            "normalize(Tensor input, float p=2.0, int dim=1, float eps=1e-12) -> Tensor", gradFn: "DivBackward0",
            exposure: [.functional],
            forward: {
                try $0.tensor("input").normalize(p: $0.double("p"), dim: $0.int("dim"), eps: $0.double("eps"))
            }),
        OpDeclaration(
            "cosine_similarity(Tensor x1, Tensor x2, int dim=1, float eps=1e-08) -> Tensor", gradFn: "SumBackward1",
            exposure: [.torch, .functional],
            forward: {
                try Tensor.cosineSimilarity($0.tensor("x1"), $0.tensor("x2"), dim: $0.int("dim"), eps: $0.double("eps"))
            }),
        OpDeclaration(
            "one_hot(Tensor self, int num_classes=-1) -> Tensor", gradFn: nil, exposure: [.functional],
            samples: OpSamples(constants: ["self": OpSamples.Constant([2, 0, 1, 0], shape: [2, 2], dtype: .int64)]),
            forward: { try $0.tensor("self").oneHot(numClasses: $0.int("num_classes")) })
    ]
}

extension Tensor {
    /// `torch.constant_pad_nd(self, pad, value)`: pads (or, with negative amounts, trims) the
    /// last `pad.count / 2` dims, `pad` listing (before, after) pairs from the last dim backwards,
    /// with new elements set to `value` (ConstantPadNdBackward0).
    public func constantPadNd(_ pad: [Int], value: ScalarValue = .int(0)) throws -> Tensor {
        guard pad.count % 2 == 0 else { throw TorchError.runtime("Padding length must be divisible by 2") }
        guard pad.count / 2 <= dim else {
            throw TorchError.runtime(
                "Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(dim)"
            )
        }
        var outShape = shape
        for i in 0..<pad.count / 2 {
            let d = dim - 1 - i
            let kept = shape[d] + Swift.min(pad[2 * i], 0) + Swift.min(pad[2 * i + 1], 0)
            guard kept >= 0 else { throw TorchError.runtime("narrow(): length must be non-negative.") }
            outShape[d] = shape[d] + pad[2 * i] + pad[2 * i + 1]
            guard outShape[d] >= 0 else {
                throw TorchError.runtime(
                    "The input size \(shape[d]), plus negative padding \(pad[2 * i]) and \(pad[2 * i + 1]) resulted in a negative output size, which is invalid. Check dimension \(d) of your input."
                )
            }
        }
        let out = Tensor.full(outShape, value.doubleValue, dtype: dtype)
        try GradMode.noGrad {
            var source = self
            var target = out
            for i in 0..<pad.count / 2 {
                let d = dim - 1 - i
                let (before, after) = (pad[2 * i], pad[2 * i + 1])
                source = try source.slice(d, start: Swift.max(-before, 0), end: shape[d] - Swift.max(-after, 0))
                target = try target.slice(d, start: Swift.max(before, 0), end: outShape[d] - Swift.max(after, 0))
            }
            if source.numel > 0 { try target.writeUnchecked(source) }
        }
        record("constant_pad_nd", .constantPadNdBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.constantPadNd(pad.map { -$0 })]
        }
        return out
    }

    /// `F.pad(input, pad, mode="constant", value=None)`: constant, reflect, replicate and
    /// circular modes; only the constant one takes a non-zero `value`.
    public func pad(_ pad: [Int], mode: String = "constant", value: Double? = nil) throws -> Tensor {
        guard ["constant", "reflect", "replicate", "circular"].contains(mode) else {
            throw TorchError.unsupportedOperation("Unrecognised padding mode \(mode)")
        }
        guard pad.count % 2 == 0 else { throw TorchError.runtime("Padding length must be divisible by 2") }
        guard pad.count / 2 <= dim else {
            throw TorchError.runtime(
                "Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(dim)"
            )
        }
        if mode != "constant", let value, value != 0 {
            throw TorchError.runtime("Padding mode \"\(mode)\" doesn't take in value argument")
        }
        switch mode {
        case "reflect": return try edgePad(pad, mode: .reflect)
        case "replicate": return try edgePad(pad, mode: .replicate)
        case "circular": return try circularPad(pad)
        default: return try constantPadNd(pad, value: .double(value ?? 0))
        }
    }

    /// `F.normalize(input, p, dim, eps)`: `input / norm(input, p, dim).clamp_min(eps)`, recorded as
    /// functional.py composes it (`LinalgVectorNormBackward0 → ClampMinBackward0 →
    /// ExpandBackward0 → DivBackward0`).
    public func normalize(p: Double = 2, dim dimension: Int = 1, eps: Double = 1e-12) throws -> Tensor {
        let denom = try vectorNorm(ord: p, dims: [dimension], keepdim: true).clampMin(.double(eps)).expand(shape)
        return try div(.tensor(denom))
    }

    /// `torch.cosine_similarity(x1, x2, dim, eps)`: each input divided by its norm along `dim`
    /// (clamped to `eps` outside the graph), multiplied and summed, in ATen's order.
    public static func cosineSimilarity(_ x1: Tensor, _ x2: Tensor, dim dimension: Int = 1, eps: Double = 1e-8) throws
        -> Tensor
    {
        let common = try broadcastShapes(x1.shape, x2.shape)
        let a = x1.shape == common ? x1 : try x1.expand(common)
        let b = x2.shape == common ? x2 : try x2.expand(common)
        let aNorm = try a.vectorNorm(ord: 2, dims: [dimension], keepdim: true).clone()
        let bNorm = try b.vectorNorm(ord: 2, dims: [dimension], keepdim: true).clone()
        try GradMode.noGrad {
            _ = try aNorm.clampMin_(.double(eps))
            _ = try bNorm.clampMin_(.double(eps))
        }
        return try a.div(.tensor(aNorm)).mul(.tensor(b.div(.tensor(bNorm)))).sum(dims: [dimension])
    }

    /// `F.one_hot(self, num_classes=-1)`: int64 zeros of shape `self.shape + [num_classes]` with
    /// a one at each class index (`num_classes=-1` takes the largest index plus one).
    public func oneHot(numClasses: Int = -1) throws -> Tensor {
        guard dtype == .int64 else {
            throw TorchError.runtime("one_hot is only applicable to index tensor of type LongTensor.")
        }
        let values = int64Values()
        var classes = numClasses
        if values.isEmpty {
            guard numClasses > 0 else {
                throw TorchError.runtime("Can not infer total number of classes from empty tensor.")
            }
        } else {
            guard values.min()! >= 0 else { throw TorchError.runtime("Class values must be non-negative.") }
            let largest = Int(values.max()!)
            if numClasses == -1 {
                classes = largest + 1
            } else if largest >= numClasses {
                throw TorchError.runtime("Class values must be smaller than num_classes.")
            }
        }
        return try GradMode.noGrad {
            try Tensor.zeros(shape + [classes], dtype: .int64).scatter_(dim: -1, index: unsqueeze(-1), value: .int(1))
        }
    }
}

extension NodeKind {
    static let constantPadNdBackward0 = NodeKind("ConstantPadNdBackward0")
}
