/// `F.embedding(input, weight, padding_idx)`: rows of `weight` picked by int64 or int32 indices
/// (EmbeddingBackward0, saving indices); the backward adds each output row's gradient into its
/// weight row, skipping `padding_idx`. Not declared in the registry yet: its gradient check
/// samples no integer index tensors.
extension Tensor {
    /// `F.embedding(indices, weight, padding_idx=)` (`torch.embedding(weight, indices, ...)`).
    public static func embedding(_ indices: Tensor, _ weight: Tensor, paddingIdx: Int? = nil) throws -> Tensor {
        guard weight.dim == 2 else { throw TorchError.runtime("'weight' must be 2-D") }
        guard indices.dtype == .int64 || indices.dtype == .int32 else {
            throw TorchError.runtime(
                "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.\(indices.dtype.scalarTypeName)Tensor instead (while checking arguments for embedding)"
            )
        }
        let (rows, width) = (weight.shape[0], weight.shape[1])
        var padding: Int? = nil
        if let paddingIdx {
            guard paddingIdx < rows && paddingIdx >= -rows else {
                // PyTorch's Python wrapper raises this text as an AssertionError.
                throw TorchError.runtime("Padding_idx must be within num_embeddings")
            }
            padding = paddingIdx < 0 ? paddingIdx + rows : paddingIdx
        }
        let picked = indices.indexValues()
        guard picked.allSatisfy({ $0 >= 0 && $0 < rows }) else { throw TorchError.index("index out of range in self") }
        let w = weight.doubles()
        var values = [Double]()
        values.reserveCapacity(picked.count * width)
        for i in picked { values.append(contentsOf: w[(i * width)..<((i + 1) * width)]) }
        let out = Tensor.fromValues(values, shape: indices.shape + [width], dtype: weight.dtype)
        record(
            "embedding", .embeddingBackward0, inputs: [weight], outputs: [out], observed: [weight, indices],
            saving: [.input("indices", indices)]
        ) {
            ctx in
            let ids = try ctx.saved(0).indexValues()
            let g = ctx.grad.doubles()
            var grad = [Double](repeating: 0, count: rows * width)
            for (k, i) in ids.enumerated() where i != padding {
                for j in 0..<width { grad[i * width + j] += g[k * width + j] }
            }
            return [Tensor.fromValues(grad, shape: [rows, width], dtype: ctx.grad.dtype)]
        }
        return out
    }
}

extension NodeKind {
    static let embeddingBackward0 = NodeKind("EmbeddingBackward0")
}
