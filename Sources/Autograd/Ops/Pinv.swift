/// `torch.linalg.pinv` and `torch.pinverse`: the pseudo-inverse from the SVD (or, for
/// `hermitian`, the eigendecomposition) with PyTorch 2.15's tolerances, one LinalgPinvBackward0
/// node as PyTorch records it.
enum PinvOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_pinv(Tensor self, *, float? atol=None, float? rtol=None, bool hermitian=False) -> Tensor",
            gradFn: "LinalgPinvBackward0", exposure: [.linalg], samples: OpSamples(shapes: ["self": [3, 2]]),
            forward: {
                try $0.tensor("self").pinv(
                    atol: $0.optionalDouble("atol"), rtol: $0.optionalDouble("rtol"), hermitian: $0.bool("hermitian"))
            }),
        OpDeclaration(
            "pinverse(Tensor self, float rcond=1e-15) -> Tensor", gradFn: "LinalgPinvBackward0",
            exposure: [.torch, .method], samples: OpSamples(shapes: ["self": [2, 3]]),
            forward: { try $0.tensor("self").pinv(atol: 0, rtol: $0.double("rcond")) })
    ]
}

extension Tensor {
    /// `linalg.pinv(A, atol, rtol, hermitian)`: `V diag(1/S) Uᵀ` over the singular values above
    /// `max(atol, rtol * S.max())` (rtol defaults to eps * max(m, n) unless atol is positive),
    /// computed in double as PyTorch's promoted tolerance is (LinalgPinvBackward0, saving `self`
    /// and `result`).
    public func pinv(atol: Double? = nil, rtol: Double? = nil, hermitian: Bool = false) throws -> Tensor {
        guard dim >= 2, dtype.isFloatingPoint else {
            throw TorchError.runtime(
                "linalg.pinv(\(dtype.scalarTypeName){\(shape)}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types"
            )
        }
        try checkFloatingMatrices("linalg.pinv")
        if hermitian { try checkSquareMatrices("linalg.eigh") }
        let (m, n) = (shape[dim - 2], shape[dim - 1])
        let epsilon = dtype == .float64 ? Double.ulpOfOne : Double(Float.ulpOfOne)
        let absolute = atol ?? 0
        let relative = rtol ?? (absolute > 0 ? 0 : epsilon * Double(Swift.max(m, n)))
        let batchShape = Array(shape.dropLast(2))
        let (left, values, right) = try Observation.hidden { try pseudoInverseFactors(hermitian: hermitian) }
        let k = hermitian ? n : Swift.min(m, n)
        var inverted = [Double](repeating: 0, count: values.count)
        for b in 0..<(k == 0 ? 0 : values.count / k) {
            let row = values[(b * k)..<(b * k + k)]
            let largest = hermitian ? row.map(Swift.abs).max() ?? 0 : row.first ?? 0
            let tolerance = Swift.max(absolute, relative * largest)
            for i in row.indices where (hermitian ? Swift.abs(values[i]) : values[i]) > tolerance {
                inverted[i] = dtype == .float64 ? 1 / values[i] : Double(1 / Float(values[i]))
            }
        }
        let scales = Tensor.fromValues(inverted, shape: batchShape + [k], dtype: dtype)
        let out = try Observation.hidden { try left.mul(.tensor(scales.unsqueeze(-2))).matmul(right) }
        record(
            "linalg_pinv", .linalgPinvBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            [try Tensor.pinvBackward(ctx.grad, pinv: ctx.saved(1), a: ctx.saved(0))]
        }
        return out
    }

    /// The factors `pinv` scales and multiplies, from LAPACK outside the graph: `(Vh.mT, S, U.mT)`
    /// of the reduced SVD, or `(V, L, V.mT)` of eigh for `hermitian`.
    private func pseudoInverseFactors(hermitian: Bool) throws -> (Tensor, [Double], Tensor) {
        let batchShape = Array(shape.dropLast(2))
        if hermitian {
            var batch = ColumnMajorBatch(self)
            let r = try LAPACKCalls.symmetricEigen(&batch, upper: false, vectors: true, dtype: dtype)
            try Tensor.checkLinalgInfo(r.info, api: "linalg.eigh", batched: dim > 2) {
                "The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated eigenvalues (error code: \($0))."
            }
            let v = batch.columnMajorTensor(batchShape: batchShape, dtype: dtype)
            return (v, r.values, try v.mT)
        }
        let f = try Tensor.singularValues(ColumnMajorBatch(self), vectors: .reduced, batched: dim > 2, dtype: dtype)
        let u = f.u!.columnMajorTensor(batchShape: batchShape, dtype: dtype)
        let vh = f.vt!.columnMajorTensor(batchShape: batchShape, dtype: dtype)
        return (try vh.mT, f.s, try u.mT)
    }

    /// PyTorch's `pinv_backward`, grouping the products by the smaller dimension.
    static func pinvBackward(_ grad: Tensor, pinv: Tensor, a: Tensor) throws -> Tensor {
        let (m, n) = (a.shape[a.dim - 2], a.shape[a.dim - 1])
        let (pinvT, gradT) = (try pinv.mT, try grad.mT)
        if m <= n {
            let k = try gradT.matmul(pinv)
            let kPinvT = try k.matmul(pinvT)
            return try pinv.matmul(k).mT.neg().add(.tensor(kPinvT))
                .sub(.tensor(a.matmul(pinv).matmul(kPinvT)))
                .add(.tensor(pinvT.matmul(pinv).matmul(gradT.sub(.tensor(k.matmul(a))))))
        }
        let k = try pinv.matmul(gradT)
        let pinvTK = try pinvT.matmul(k)
        return try k.matmul(pinv).mT.neg()
            .add(.tensor(gradT.sub(.tensor(a.matmul(k))).matmul(pinv).matmul(pinvT)))
            .add(.tensor(pinvTK))
            .sub(.tensor(pinvTK.matmul(pinv).matmul(a)))
    }
}

extension NodeKind {
    static let linalgPinvBackward0 = NodeKind("LinalgPinvBackward0")
}
