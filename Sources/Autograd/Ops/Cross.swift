/// `torch.linalg.cross` and `torch.cross`: cross products of 3-vectors along a dim, batch dims
/// broadcast, as PyTorch 2.15's `linalg_cross` computes them.
enum CrossOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_cross(Tensor self, Tensor other, *, int dim=-1) -> Tensor", gradFn: "LinalgCrossBackward0",
            exposure: [.linalg], samples: OpSamples(shapes: ["self": [2, 3], "other": [2, 3]]),
            forward: { try $0.tensor("self").cross($0.tensor("other"), dim: $0.int("dim")) }),
        OpDeclaration(
            "cross(Tensor self, Tensor other, int? dim=None) -> Tensor", gradFn: "LinalgCrossBackward0",
            exposure: [.torch, .method], samples: OpSamples(shapes: ["self": [3, 2], "other": [3, 2]]),
            forward: { try $0.tensor("self").legacyCross($0.tensor("other"), dim: $0.optionalInt("dim")) })
    ]
}

extension Tensor {
    /// `linalg.cross(self, other, dim)`: `self × other` along `dim`, which must have length 3
    /// in both (LinalgCrossBackward0, saving `self`, `other` and `dim`).
    public func cross(_ other: Tensor, dim requested: Int = -1) throws -> Tensor {
        guard dim == other.dim else { throw TorchError.runtime("linalg.cross: inputs must have the same number of dimensions.") }
        let d = try normalizeDim(requested, rank: dim)
        guard shape[d] == 3 && other.shape[d] == 3 else {
            throw TorchError.runtime(
                "linalg.cross: inputs dimension \(requested) must have length 3. Got \(shape[d]) and \(other.shape[d])")
        }
        guard dtype == other.dtype else {
            throw TorchError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(other.dtype.scalarTypeName)")
        }
        let outShape = try broadcastShapes(shape, other.shape)
        let (a, b) = try GradMode.noGrad { (try expand(outShape), try other.expand(outShape)) }
        let (aSlices, bSlices) = (Slices(a, dims: [d]), Slices(b, dims: [d]))
        var values = [Double](repeating: 0, count: aSlices.values.count)
        for i in 0..<aSlices.count {
            let (x, y) = (aSlices.slice(i), bSlices.slice(i))
            let lanes = [(1, 2), (2, 0), (0, 1)].map { p, q in
                dtype == .float64 ? x[p] * y[q] - x[q] * y[p] : Tensor.contractedDifference(x[p], y[q], x[q], y[p])
            }
            for (step, v) in zip(aSlices.steps, lanes) { values[aSlices.starts[i] + step] = v }
        }
        let out = Tensor.fromValues(values, shape: outShape, dtype: dtype)
        let (selfShape, otherShape) = (shape, other.shape)
        record(
            "linalg_cross", .linalgCrossBackward0, inputs: [self, other], outputs: [out],
            saving: [.input("other", requiresGrad ? other : nil), .input("self", other.requiresGrad ? self : nil)],
            keeping: [("dim", .int(requested))]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try ctx.saved("other").cross(ctx.grad, dim: requested).sumTo(selfShape) : nil,
                ctx.needsGrad(1) ? try ctx.grad.cross(ctx.saved("self"), dim: requested).sumTo(otherShape) : nil
            ]
        }
        return out
    }

    /// `a * b - c * d` in float32 as PyTorch's compiled cross kernel computes it: `c * d`
    /// rounded, then subtracted from `a * b` in one fused multiply-add.
    private static func contractedDifference(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let product = Float(c) * Float(d)
        return Double((-product).addingProduct(Float(a), Float(b)))
    }

    /// `torch.cross(self, other, dim=None)`: `linalg.cross` along `dim`, by default (with
    /// PyTorch's deprecation warning) the first dim of length 3.
    public func legacyCross(_ other: Tensor, dim requested: Int?) throws -> Tensor {
        guard let requested else {
            Diagnostics.warn(
                "Using torch.cross without specifying the dim arg is deprecated.\nPlease either pass the dim explicitly or simply use torch.linalg.cross.\nThe default value of dim will change to agree with that of linalg.cross in a future release. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Cross.cpp:61.)"
            )
            guard let first = shape.firstIndex(of: 3) else { throw TorchError.runtime("no dimension of size 3 in input") }
            return try cross(other, dim: first)
        }
        return try cross(other, dim: requested)
    }
}

extension NodeKind {
    static let linalgCrossBackward0 = NodeKind("LinalgCrossBackward0")
}
