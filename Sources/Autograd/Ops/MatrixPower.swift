/// `torch.linalg.matrix_power`: integer powers of square matrices, composed of matrix products
/// (and `linalg.inv` for negative powers) as PyTorch 2.15's `linalg_matrix_power` composes them,
/// so the graph holds the same nodes.
enum MatrixPowerOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_matrix_power(Tensor self, int n) -> Tensor", gradFn: "MmBackward0", exposure: [.linalg],
            samples: OpSamples(shapes: ["self": [3, 3]], arguments: ["n": .int(5)]),
            forward: { try $0.tensor("self").matrixPower($0.int("n")) }),
        OpDeclaration(
            "matrix_power(Tensor self, int n) -> Tensor", gradFn: "LinalgInvExBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["self": [3, 3]], arguments: ["n": .int(-1)]),
            forward: { try $0.tensor("self").matrixPower($0.int("n")) })
    ]
}

extension Tensor {
    /// `A` to the power `n`: the identity for 0 (a contiguous copy with the identity copied in:
    /// CopyBackwards), a clone for 1, `linalg.inv(A)` to the power `-n` for negative `n`, else
    /// products by binary decomposition of `n` (`A @ A`, `(A @ A) @ A`, then squares).
    public func matrixPower(_ n: Int) throws -> Tensor {
        try checkSquareMatrices("linalg.matrix_power", floatingPoint: false)
        if n == 0 {
            let size = shape[dim - 1]
            return try clone().copy_(Tensor.eye(size, dtype: dtype).expand(shape))
        }
        let base = n < 0 ? try inverse() : self
        var remaining = Swift.abs(n)
        switch remaining {
        case 1: return n < 0 ? base : try base.clone()
        case 2: return try base.matmul(base)
        case 3: return try base.matmul(base).matmul(base)
        default: break
        }
        var square: Tensor? = nil
        var result: Tensor? = nil
        while remaining > 0 {
            let bit = remaining % 2
            remaining /= 2
            let z = try square.map { try $0.matmul($0) } ?? base
            square = z
            if bit == 1 { result = try result.map { try $0.matmul(z) } ?? z }
        }
        return result!
    }
}
