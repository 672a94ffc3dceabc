extension Tensor {
    /// `torch.block_diag(*tensors)`: the inputs (0-dim as `[1, 1]`, 1-D as one row) placed along
    /// the diagonal of a zero matrix of their common dtype (BlockDiagBackward0, whose backward
    /// hands each input its block of the gradient); no inputs give a `[1, 0]` float32 tensor.
    public static func blockDiag(_ tensors: [Tensor]) throws -> Tensor {
        guard !tensors.isEmpty else { return Tensor.zeros([1, 0], dtype: .float32) }
        for (i, t) in tensors.enumerated() where t.dim > 2 {
            throw TorchError.runtime(
                "torch.block_diag: Input tensors must have 2 or fewer dimensions. Input \(i) has \(t.dim) dimensions")
        }
        let dtype = resultType(tensors)
        let blocks = tensors.map { t in t.dim == 2 ? (t.shape[0], t.shape[1]) : (1, t.dim == 1 ? t.shape[0] : 1) }
        let (rows, columns) = (blocks.reduce(0) { $0 + $1.0 }, blocks.reduce(0) { $0 + $1.1 })
        var values = [Double](repeating: 0, count: try MemoryBudget.checkedNumel([rows, columns], allocating: dtype))
        var (row, column) = (0, 0)
        for (t, block) in zip(tensors, blocks) {
            let source = t.materialized(as: dtype).doubles()
            for r in 0..<block.0 {
                for c in 0..<block.1 { values[(row + r) * columns + column + c] = source[r * block.1 + c] }
            }
            (row, column) = (row + block.0, column + block.1)
        }
        let out = Tensor.fromValues(values, shape: [rows, columns], dtype: dtype)
        let shapes = tensors.map(\.shape)
        record("block_diag", .blockDiagBackward0, inputs: tensors, outputs: [out]) { ctx in
            var (row, column) = (0, 0)
            return try shapes.indices.map { i in
                let block = blocks[i]
                defer { (row, column) = (row + block.0, column + block.1) }
                guard ctx.needsGrad(i) else { return nil }
                return try ctx.grad.slice(0, start: row, end: row + block.0).slice(1, start: column, end: column + block.1)
                    .reshape(shapes[i])
            }
        }
        return out
    }
}

extension NodeKind {
    static let blockDiagBackward0 = NodeKind("BlockDiagBackward0")
}
