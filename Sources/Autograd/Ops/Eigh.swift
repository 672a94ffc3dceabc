/// `torch.linalg.eigh` and `torch.linalg.eigvalsh`: eigendecompositions of symmetric matrices
/// through LAPACK's `?syevd`, as PyTorch 2.15's `_linalg_eigh` calls it, so the eigenvectors'
/// signs and bits are PyTorch's.
enum EighOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_eigh(Tensor A, str UPLO=\"L\") -> (Tensor eigenvalues, Tensor eigenvectors)",
            gradFn: "LinalgEighBackward0", exposure: [.linalg],
            samples: OpSamples(domain: .positiveDefinite, shapes: ["A": [3, 3]]),
            returningTuple: {
                let r = try $0.tensor("A").eigh(uplo: $0.string("UPLO"))
                return [r.values, r.vectors]
            }),
        OpDeclaration(
            "linalg_eigvalsh(Tensor A, str UPLO=\"L\") -> Tensor", gradFn: "LinalgEighBackward0", exposure: [.linalg],
            samples: OpSamples(domain: .positiveDefinite, shapes: ["A": [3, 3]]),
            forward: { try $0.tensor("A").eigvalsh(uplo: $0.string("UPLO")) })
    ]
}

extension Tensor {
    /// `linalg.eigh(A, UPLO)`: the eigenvalues (ascending) and orthonormal eigenvectors (the
    /// columns, batched column-major as PyTorch's) of each symmetric matrix, read from its
    /// lower (`L`) or upper (`U`) triangle (LinalgEighBackward0 on both, saving them).
    public func eigh(uplo: String = "L") throws -> (values: Tensor, vectors: Tensor) {
        let r = try symmetricEigen(uplo: uplo, computeVectors: true)
        return (r.values, r.vectors!)
    }

    /// `linalg.eigvalsh(A, UPLO)`: the eigenvalues; computed with the eigenvectors (and
    /// differentiable through them, LinalgEighBackward0) when `A` requires grad, as PyTorch does.
    public func eigvalsh(uplo: String = "L") throws -> Tensor {
        try symmetricEigen(uplo: uplo, computeVectors: requiresGrad && GradMode.isEnabled).values
    }

    /// `_linalg_eigh`: syevd with jobz `V` or `N`.
    private func symmetricEigen(uplo: String, computeVectors: Bool) throws -> (values: Tensor, vectors: Tensor?) {
        try checkSquareMatrices("linalg.eigh", floatingPoint: false)
        guard uplo.count == 1, ["L", "U"].contains(uplo.uppercased()) else {
            throw TorchError.runtime("Expected UPLO argument to be 'L' or 'U', but got \(uplo)")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"linalg_eigh_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let n = shape[dim - 1]
        let batchShape = Array(shape.dropLast(2))
        var batch = ColumnMajorBatch(self)
        let r = try LAPACKCalls.symmetricEigen(&batch, upper: uplo.uppercased() == "U", vectors: computeVectors, dtype: dtype)
        try Tensor.checkLinalgInfo(r.info, api: "linalg.eigh", batched: dim > 2) {
            "The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated eigenvalues (error code: \($0))."
        }
        let values = Tensor.fromValues(r.values, shape: batchShape + [n], dtype: dtype)
        guard computeVectors else {
            reportNonDifferentiable("_linalg_eigh", inputs: [self], outputs: [values])
            return (values, nil)
        }
        let vectors = batch.columnMajorTensor(batchShape: batchShape, dtype: dtype)
        record(
            "_linalg_eigh", .linalgEighBackward0, inputs: [self], outputs: [values, vectors],
            saving: [.output("eigenvalues", 0), .output("eigenvectors", 1)]
        ) { ctx in
            [
                try Tensor.eighBackward(
                    gL: ctx.receivedGrad(0) ? ctx.grads[0] : nil, gV: ctx.receivedGrad(1) ? ctx.grads[1] : nil,
                    values: ctx.saved(0), vectors: ctx.saved(1))
            ]
        }
        return (values, vectors)
    }

    /// PyTorch's `linalg_eig_backward` for real symmetric matrices, from the gradients the
    /// outputs received (nil: none): `V (skew(Vᵀ gV) / 2 / E + diag(gL)) Vᵀ` with
    /// `Eᵢⱼ = Lⱼ - Lᵢ` (ones on the diagonal), or `(V diag(gL)) Vᵀ` without gV.
    static func eighBackward(gL: Tensor?, gV: Tensor?, values: Tensor, vectors v: Tensor) throws -> Tensor? {
        guard let gV else {
            guard let gL else { return nil }
            return try v.mul(.tensor(gL.unsqueeze(-2))).matmul(v.mT)
        }
        let product = try v.mT.matmul(gV)
        let skew = try product.sub(.tensor(product.mT)).mulScalar(0.5)
        let e = try values.unsqueeze(-2).sub(.tensor(values.unsqueeze(-1)))
            .add(.tensor(Tensor.eye(values.shape[values.dim - 1], dtype: values.dtype)))
        var inner = try skew.div(.tensor(e))
        if let gL { inner = try inner.add(.tensor(gL.diagEmbed())) }
        return try v.matmul(inner.matmul(v.mT))
    }
}

extension NodeKind {
    static let linalgEighBackward0 = NodeKind("LinalgEighBackward0")
}
