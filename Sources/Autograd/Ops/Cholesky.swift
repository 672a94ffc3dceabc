/// `torch.linalg.cholesky` and `torch.linalg.cholesky_ex`: the Cholesky factor of symmetric
/// positive-definite matrices, through LAPACK's `?potrf` as PyTorch 2.15 calls it (`linalg_cholesky_ex`).
enum CholeskyOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_cholesky(Tensor self, *, bool upper=False) -> Tensor", gradFn: "LinalgCholeskyExBackward0",
            exposure: [.linalg], samples: OpSamples(domain: .positiveDefinite, shapes: ["self": [3, 3]]),
            forward: { try $0.tensor("self").cholesky(upper: $0.bool("upper")) }),
        OpDeclaration(
            "linalg_cholesky_ex(Tensor self, *, bool upper=False, bool check_errors=False) -> (Tensor L, Tensor info)",
            gradFn: "LinalgCholeskyExBackward0", exposure: [.linalg],
            samples: OpSamples(domain: .positiveDefinite, shapes: ["self": [3, 3]]),
            returningTuple: {
                let r = try $0.tensor("self").choleskyEx(upper: $0.bool("upper"), checkErrors: $0.bool("check_errors"))
                return [r.factor, r.info]
            })
    ]
}

extension Tensor {
    /// The lower-triangular `L` with `L Lᴴ = A` (the upper `U = Lᴴ` when `upper`), reading only
    /// that triangle of each matrix (LinalgCholeskyExBackward0, saving `L` and `upper`).
    public func cholesky(upper: Bool = false) throws -> Tensor {
        try choleskyEx(upper: upper, checkErrors: true, api: "linalg.cholesky").factor
    }

    /// `linalg.cholesky_ex(A, upper, check_errors)`: the factor and each matrix's LAPACK `info`
    /// (int32, batch-shaped; k > 0 where the leading minor of order k is not positive-definite,
    /// the factor then partial), raising as `cholesky` only when `checkErrors`.
    public func choleskyEx(upper: Bool = false, checkErrors: Bool = false) throws -> (factor: Tensor, info: Tensor) {
        try choleskyEx(upper: upper, checkErrors: checkErrors, api: "linalg.cholesky_ex")
    }

    private func choleskyEx(upper: Bool, checkErrors: Bool, api: String) throws -> (factor: Tensor, info: Tensor) {
        try checkSquareMatrices("linalg.cholesky")
        var batch = ColumnMajorBatch(self)
        let info = try LAPACKCalls.cholesky(&batch, upper: upper, dtype: dtype)
        if checkErrors {
            try Tensor.checkLinalgInfo(info, api: api, batched: dim > 2) {
                "The factorization could not be completed because the input is not positive-definite (the leading minor of order \($0) is not positive-definite)."
            }
        }
        let infoTensor = Tensor.fromValues(info.map(Double.init), shape: Array(shape.dropLast(2)), dtype: .int32)
        let out = batch.tensor(batchShape: Array(shape.dropLast(2)), dtype: dtype)
        record(
            "linalg_cholesky_ex", .linalgCholeskyExBackward0, inputs: [self], outputs: [out],
            saving: [.output("L", 0)], keeping: [("upper", .bool(upper))]
        ) { ctx in
            try [Tensor.choleskyBackward(ctx.grad, factor: ctx.saved(0), upper: upper)]
        }
        return (out, infoTensor)
    }

    /// PyTorch's `cholesky_backward` (Murray 2016, arXiv 1602.07527): with `Φ` the lower
    /// triangle of `Lᴴ gL` with its diagonal halved, `L⁻ᴴ Φ L⁻¹`, symmetrized.
    static func choleskyBackward(_ grad: Tensor, factor: Tensor, upper: Bool) throws -> Tensor {
        let (l, gL) = upper ? (try factor.transpose(-2, -1), try grad.transpose(-2, -1)) : (factor, grad)
        let n = l.shape[l.dim - 1]
        let lInverse = Tensor.fromValues(
            Slices(l, dims: [l.dim - 2, l.dim - 1]).transformed { lowerTriangularInverse($0, n: n) }, shape: l.shape,
            dtype: l.dtype)
        let halfDiagonal = try Tensor(
            (0..<n * n).map { $0 % (n + 1) == 0 ? 0.5 : 1 }, shape: [n, n], dtype: l.dtype)
        let phi = try l.transpose(-2, -1).matmul(gL).tril().mul(.tensor(halfDiagonal))
        let gA = try lInverse.transpose(-2, -1).matmul(phi).matmul(lInverse)
        return try gA.add(.tensor(gA.transpose(-2, -1))).mul(.scalar(.double(0.5)))
    }

    /// The inverse of a row-major lower-triangular `n`×`n` matrix, by forward substitution.
    private static func lowerTriangularInverse(_ l: [Double], n: Int) -> [Double] {
        var inverse = [Double](repeating: 0, count: n * n)
        for column in 0..<n {
            for row in column..<n {
                var s = row == column ? 1.0 : 0.0
                for k in column..<row { s -= l[row * n + k] * inverse[k * n + column] }
                inverse[row * n + column] = s / l[row * n + row]
            }
        }
        return inverse
    }
}

extension NodeKind {
    static let linalgCholeskyExBackward0 = NodeKind("LinalgCholeskyExBackward0")
}
