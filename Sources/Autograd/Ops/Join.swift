/// Joining tensors: `torch.cat` (and its aliases `concat`, `concatenate`) and `torch.stack`.
enum JoinOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "cat(Tensor[] tensors, int dim=0) -> Tensor", gradFn: "CatBackward0", exposure: [.torch],
            samples: OpSamples(arguments: ["dim": .int(1)]),
            forward: { try Tensor.cat($0.tensorList("tensors"), dim: $0.int("dim")) }),
        OpDeclaration(
            "concat(Tensor[] tensors, int dim=0) -> Tensor", gradFn: "CatBackward0", exposure: [.torch],
            samples: OpSamples(arguments: ["dim": .int(1)]),
            forward: { try Tensor.cat($0.tensorList("tensors"), dim: $0.int("dim")) }),
        OpDeclaration(
            "concatenate(Tensor[] tensors, int dim=0) -> Tensor", gradFn: "CatBackward0", exposure: [.torch],
            samples: OpSamples(arguments: ["dim": .int(1)]),
            forward: { try Tensor.cat($0.tensorList("tensors"), dim: $0.int("dim")) }),
        OpDeclaration(
            "stack(Tensor[] tensors, int dim=0) -> Tensor", gradFn: "StackBackward0", exposure: [.torch],
            samples: OpSamples(arguments: ["dim": .int(1)]),
            forward: { try Tensor.stack($0.tensorList("tensors"), dim: $0.int("dim")) })
    ]
}

extension Tensor {
    /// `torch.cat(tensors, dim)`: concatenates along an existing dimension, promoting dtypes
    /// (CatBackward0). 1-D empty tensors are skipped, as PyTorch does for legacy reasons.
    public static func cat(_ tensors: [Tensor], dim dimension: Int = 0) throws -> Tensor {
        guard !tensors.isEmpty else { throw TorchError.runtime("torch.cat(): expected a non-empty list of Tensors") }
        for (i, t) in tensors.enumerated() where t.dim == 0 {
            throw TorchError.runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        let skipped = tensors.map { $0.shape == [0] }
        let dtype = resultType(tensors)
        guard let refIndex = skipped.firstIndex(of: false) else {
            return finishCat(tensors, output: Tensor.zeros([0], dtype: dtype), dim: 0, skipped: skipped)
        }
        let ref = tensors[refIndex]
        let d = try normalizeDim(dimension, rank: ref.dim)
        var outShape = ref.shape
        outShape[d] = 0
        for (i, t) in tensors.enumerated() where !skipped[i] {
            guard t.dim == ref.dim else {
                throw TorchError.runtime("Tensors must have same number of dimensions: got \(ref.dim) and \(t.dim)")
            }
            for k in 0..<ref.dim where k != d && t.shape[k] != ref.shape[k] {
                throw TorchError.runtime(
                    "Sizes of tensors must match except in dimension \(d). Expected size \(ref.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list."
                )
            }
            outShape[d] += t.shape[d]
        }
        try MemoryBudget.checkedNumel(outShape, allocating: dtype)
        let out = Tensor.zeros(outShape, dtype: dtype)
        var start = 0
        try Observation.hidden {
            try GradMode.noGrad {
                for (i, t) in tensors.enumerated() where !skipped[i] {
                    try out.slice(d, start: start, end: start + t.shape[d]).writeUnchecked(t)
                    start += t.shape[d]
                }
            }
        }
        return finishCat(tensors, output: out, dim: d, skipped: skipped)
    }

    private static func finishCat(_ tensors: [Tensor], output: Tensor, dim d: Int, skipped: [Bool]) -> Tensor {
        let shapes = tensors.map(\.shape)
        let dtypes = tensors.map(\.dtype)
        record("cat", .catBackward0, inputs: tensors, outputs: [output], keeping: [("dim", .int(d))]) { ctx in
            var grads = [Tensor?]()
            var start = 0
            for (i, shape) in shapes.enumerated() {
                if skipped[i] {
                    grads.append(ctx.needsGrad(i) ? Tensor.zeros([0], dtype: ctx.grad.dtype) : nil)
                    continue
                }
                grads.append(ctx.needsGrad(i) ? try ctx.grad.slice(d, start: start, end: start + shape[d]).to(dtypes[i]) : nil)
                start += shape[d]
            }
            return grads
        }
        return output
    }

    /// `torch.stack(tensors, dim)`: joins equal-shaped tensors along a new dimension (StackBackward0).
    public static func stack(_ tensors: [Tensor], dim dimension: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TorchError.runtime("stack expects a non-empty TensorList") }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TorchError.runtime(
                "stack expects each tensor to be equal size, but got [\(first.shape.map(String.init).joined(separator: ", "))] at entry 0 and [\(t.shape.map(String.init).joined(separator: ", "))] at entry \(i)"
            )
        }
        let d = try normalizeDim(dimension, rank: first.dim + 1)
        var outShape = first.shape
        outShape.insert(tensors.count, at: d)
        try MemoryBudget.checkedNumel(outShape, allocating: resultType(tensors))
        let out = Tensor.zeros(outShape, dtype: resultType(tensors))
        try Observation.hidden {
            try GradMode.noGrad { for (i, t) in tensors.enumerated() { try out.select(d, i).writeUnchecked(t) } }
        }
        let dtypes = tensors.map(\.dtype)
        record("stack", .stackBackward0, inputs: tensors, outputs: [out]) { ctx in
            try dtypes.indices.map { i in ctx.needsGrad(i) ? try ctx.grad.select(d, i).to(dtypes[i]) : nil }
        }
        return out
    }
}

extension NodeKind {
    static let catBackward0 = NodeKind("CatBackward0")
    static let stackBackward0 = NodeKind("StackBackward0")
}
