/// `torch.linalg.multi_dot`: a chain of matrix products in the cheapest order, composed of `mm`
/// (and `unsqueeze` for 1-D ends, `view` of the result) as PyTorch 2.15's `multi_dot_impl`
/// composes it, so the graph holds the same nodes.
enum MultiDotOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_multi_dot(Tensor[] tensors) -> Tensor", gradFn: "ViewBackward0", exposure: [.linalg],
            samples: OpSamples(shapes: ["tensors": [3, 3]]),
            forward: { try Tensor.multiDot($0.tensorList("tensors")) })
    ]
}

extension Tensor {
    /// The product of `tensors` (a 1-D first one a row, a 1-D last one a column, the others
    /// matrices): `mm` of two, the cheaper parenthesization of three, else the optimal order of
    /// the matrix-chain recurrence; the result viewed to drop the 1-D ends' dims.
    public static func multiDot(_ tensors: [Tensor]) throws -> Tensor {
        let n = tensors.count
        guard n >= 2 else { throw TorchError.runtime("multi_dot(): expected at least 2 tensors but got \(n)") }
        var matrices = tensors
        var outShape = [Int]()
        switch tensors[0].dim {
        case 1: matrices[0] = try tensors[0].unsqueeze(0)
        case 2: outShape.append(tensors[0].shape[0])
        case let d: throw TorchError.runtime("multi_dot(): the first tensor must be 1D or 2D but got \(d)D")
        }
        switch tensors[n - 1].dim {
        case 1: matrices[n - 1] = try tensors[n - 1].unsqueeze(-1)
        case 2: outShape.append(tensors[n - 1].shape[1])
        case let d: throw TorchError.runtime("multi_dot(): the last tensor must be 1D or 2D but got \(d)D")
        }
        for i in 1..<(n - 1) where tensors[i].dim != 2 {
            throw TorchError.runtime("multi_dot(): tensor \(i) must be 2D but got \(tensors[i].dim)D")
        }
        for i in 1..<n {
            guard matrices[i].dtype == matrices[0].dtype else {
                throw TorchError.runtime(
                    "multi_dot(): all tensors must have be the same dtype but tensor 0 is \(matrices[0].dtype.cppTypeName) and tensor \(i) \(matrices[i].dtype.cppTypeName)"
                )
            }
            guard matrices[i - 1].shape[1] == matrices[i].shape[0] else {
                throw TorchError.runtime(
                    "multi_dot(): tensors \(i - 1) and \(i) with shapes \(tensors[i - 1].shape) and \(tensors[i].shape) cannot be multiplied"
                )
            }
        }
        let result: Tensor
        switch n {
        case 2: result = try matrices[0].mm(matrices[1])
        case 3:
            let (a, b, c, d) = (matrices[0].shape[0], matrices[1].shape[0], matrices[2].shape[0], matrices[2].shape[1])
            result =
                (a * c) * (b + d) > (b * d) * (a + c)
                ? try matrices[0].mm(matrices[1].mm(matrices[2])) : try matrices[0].mm(matrices[1]).mm(matrices[2])
        default: result = try chainProduct(matrices, splits: chainOrder(matrices), 0, n - 1)
        }
        return try result.view(outShape)
    }

    /// PyTorch's `matrix_chain_order`: where to split each run `i...j` of the chain (the first
    /// of equally cheap splits).
    private static func chainOrder(_ matrices: [Tensor]) -> [[Int]] {
        let n = matrices.count
        let p = matrices.map { $0.shape[0] } + [matrices[n - 1].shape[1]]
        var cost = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        var split = cost
        for length in 1..<n {
            for i in 0..<(n - length) {
                let j = i + length
                cost[i][j] = Int.max
                for k in i..<j {
                    let q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                    if q < cost[i][j] {
                        cost[i][j] = q
                        split[i][j] = k
                    }
                }
            }
        }
        return split
    }

    private static func chainProduct(_ matrices: [Tensor], splits: [[Int]], _ i: Int, _ j: Int) throws -> Tensor {
        guard i != j else { return matrices[i] }
        return try chainProduct(matrices, splits: splits, i, splits[i][j])
            .mm(chainProduct(matrices, splits: splits, splits[i][j] + 1, j))
    }
}

extension Tensor {
    /// `torch.chain_matmul(*matrices)` (deprecated, with PyTorch's warning): a clone of one
    /// matrix, or `linalg.multi_dot` of several.
    public static func chainMatmul(_ matrices: [Tensor]) throws -> Tensor {
        Diagnostics.warn(
            "torch.chain_matmul is deprecated and will be removed in a future PyTorch release. Use torch.linalg.multi_dot instead, which accepts a list of two or more tensors rather than multiple parameters."
        )
        for m in matrices where m.dim != 2 {
            throw TorchError.runtime("Tensor dimension is \(m.dim), expected 2 instead.")
        }
        guard let first = matrices.first else { throw TorchError.runtime("chain_matmul(): Expected one or more matrices") }
        return matrices.count == 1 ? try first.clone() : try multiDot(matrices)
    }
}
