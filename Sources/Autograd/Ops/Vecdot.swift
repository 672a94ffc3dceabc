/// `torch.linalg.vecdot(x, y, dim=-1)`: the dot products along `dim` after broadcasting, as
/// ATen's `linalg_vecdot` composes it for real tensors: `(x * y).sum(dim)` (SumBackward1 over
/// MulBackward0).
enum VecdotOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_vecdot(Tensor x, Tensor y, *, int dim=-1) -> Tensor", gradFn: "SumBackward1", exposure: [.linalg],
            samples: OpSamples(broadcasts: true),
            forward: { try Tensor.vecdot($0.tensor("x"), $0.tensor("y"), dim: $0.int("dim")) })
    ]
}

extension Tensor {
    /// `torch.linalg.vecdot(x, y, dim=)` for floating-point tensors of one dtype.
    public static func vecdot(_ x: Tensor, _ y: Tensor, dim: Int = -1) throws -> Tensor {
        guard x.dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation(
                "linalg.vecdot: Expected a floating point or complex tensor as input. Got \(x.dtype.scalarTypeName)")
        }
        guard x.dtype == y.dtype else {
            throw TorchError.runtime(
                "linalg.vecdot: Expected x and y to have the same dtype, but found x of type \(x.dtype.scalarTypeName) and y of type \(y.dtype.scalarTypeName) instead"
            )
        }
        return try x.mul(.tensor(y)).sum(dims: [dim])
    }
}
