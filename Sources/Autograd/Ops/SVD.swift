/// `torch.linalg.svd`, `torch.linalg.svdvals` and `torch.svd`: singular value decompositions
/// through LAPACK's `?gesdd`, as PyTorch 2.15's `_linalg_svd` calls it (jobz `A`, `S` or `N`),
/// so the singular vectors' signs and bits are PyTorch's.
enum SVDOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_svd(Tensor A, bool full_matrices=True, *, str? driver=None) -> (Tensor U, Tensor S, Tensor Vh)",
            gradFn: "LinalgSvdBackward0", exposure: [.linalg],
            samples: OpSamples(shapes: ["A": [3, 2]], arguments: ["full_matrices": .bool(false)]),
            returningTuple: {
                let r = try $0.tensor("A").svd(fullMatrices: $0.bool("full_matrices"), driver: $0.optionalString("driver"))
                return [r.u, r.s, r.vh]
            }),
        OpDeclaration(
            "linalg_svdvals(Tensor A, *, str? driver=None) -> Tensor", gradFn: "LinalgSvdBackward0", exposure: [.linalg],
            samples: OpSamples(shapes: ["A": [3, 2]]),
            forward: { try $0.tensor("A").svdvals(driver: $0.optionalString("driver")) }),
        OpDeclaration(
            "svd(Tensor self, bool some=True, bool compute_uv=True) -> (Tensor U, Tensor S, Tensor V)",
            gradFn: "LinalgSvdBackward0", exposure: [.torch, .method], samples: OpSamples(shapes: ["self": [2, 3]]),
            returningTuple: {
                let r = try $0.tensor("self").legacySVD(some: $0.bool("some"), computeUV: $0.bool("compute_uv"))
                return [r.u, r.s, r.v]
            })
    ]
}

extension Tensor {
    /// `linalg.svd(A, full_matrices)`: `U`, the singular values `S` (descending) and `Vh` with
    /// `A = U diag(S) Vh`, per matrix; U and Vh batched column-major as PyTorch's are
    /// (LinalgSvdBackward0 on all three, saving `U`, `S`, `Vh` and `full_matrices`).
    public func svd(fullMatrices: Bool = true, driver: String? = nil) throws -> (u: Tensor, s: Tensor, vh: Tensor) {
        let r = try singularValueDecomposition(fullMatrices: fullMatrices, computeUV: true, driver: driver)
        return (r.u!, r.s, r.vh!)
    }

    /// `linalg.svdvals(A)`: the singular values, descending; computed with the vectors (and
    /// differentiable through them, LinalgSvdBackward0) when `A` requires grad, as PyTorch does.
    public func svdvals(driver: String? = nil) throws -> Tensor {
        try singularValueDecomposition(
            fullMatrices: false, computeUV: requiresGrad && GradMode.isEnabled, driver: driver
        ).s
    }

    /// `torch.svd(A, some, compute_uv)`: `linalg.svd(A, full_matrices=not some)` with `V = Vhᵀ`
    /// (a TransposeBackward0 view); without `compute_uv`, `linalg.svdvals` and zero U and V of
    /// the full sizes.
    public func legacySVD(some: Bool = true, computeUV: Bool = true) throws -> (u: Tensor, s: Tensor, v: Tensor) {
        guard dim >= 2 else {
            throw TorchError.runtime("linalg.svd: input should have at least 2 dimensions, but has \(dim) dimensions instead")
        }
        if computeUV {
            let r = try svd(fullMatrices: !some)
            return (r.u, r.s, try r.vh.mT)
        }
        let s = try svdvals()
        let (m, n) = (shape[dim - 2], shape[dim - 1])
        let batchShape = Array(shape.dropLast(2))
        return (Tensor.zeros(batchShape + [m, m], dtype: dtype), s, try Tensor.zeros(batchShape + [n, n], dtype: dtype).mT)
    }

    /// `_linalg_svd`: gesdd with jobz `A` (full), `S` (reduced) or `N` (no vectors).
    private func singularValueDecomposition(
        fullMatrices: Bool, computeUV: Bool, driver: String?
    ) throws -> (u: Tensor?, s: Tensor, vh: Tensor?) {
        try checkFloatingMatrices("linalg.svd")
        if driver != nil {
            throw TorchError.runtime(
                "torch.linalg.svd: keyword argument `driver=` is only supported on CUDA inputs with cuSOLVER backend.")
        }
        let vectors: SingularVectors = computeUV ? (fullMatrices ? .full : .reduced) : .none
        let (m, n) = (shape[dim - 2], shape[dim - 1])
        let batchShape = Array(shape.dropLast(2))
        let factors = try Tensor.singularValues(ColumnMajorBatch(self), vectors: vectors, batched: dim > 2, dtype: dtype)
        let s = Tensor.fromValues(factors.s, shape: batchShape + [Swift.min(m, n)], dtype: dtype)
        let u = factors.u?.columnMajorTensor(batchShape: batchShape, dtype: dtype)
        let vh = factors.vt?.columnMajorTensor(batchShape: batchShape, dtype: dtype)
        let outputs = computeUV ? [u!, s, vh!] : [s]
        guard computeUV else {
            reportNonDifferentiable("_linalg_svd", inputs: [self], outputs: outputs)
            return (nil, s, nil)
        }
        record(
            "_linalg_svd", .linalgSvdBackward0, inputs: [self], outputs: outputs,
            saving: [.output("S", 1), .output("U", 0), .output("Vh", 2)],
            keeping: [("full_matrices", .bool(fullMatrices))]
        ) { ctx in
            let (u, s, vh) = (try ctx.saved(1), try ctx.saved(0), try ctx.saved(2))
            let k = s.shape[s.dim - 1]
            func narrowed(_ t: Tensor, _ dimension: Int) throws -> Tensor {
                fullMatrices ? try t.narrow(dimension, start: 0, length: k) : t
            }
            return [
                try Tensor.svdBackward(
                    gU: ctx.receivedGrad(0) ? narrowed(ctx.grads[0], -1) : nil, gS: ctx.receivedGrad(1) ? ctx.grads[1] : nil,
                    gVh: ctx.receivedGrad(2) ? narrowed(ctx.grads[2], -2) : nil, u: narrowed(u, -1), s: s, vh: narrowed(vh, -2))
            ]
        }
        return (u, s, vh)
    }

    /// gesdd on `batch` with PyTorch's error for a matrix it could not decompose.
    static func singularValues(
        _ batch: ColumnMajorBatch, vectors: SingularVectors, batched: Bool, dtype: DType
    ) throws -> (u: ColumnMajorBatch?, s: [Double], vt: ColumnMajorBatch?) {
        let r = try LAPACKCalls.singularValueDecomposition(batch, vectors: vectors, dtype: dtype)
        try checkLinalgInfo(r.info, api: "linalg.svd", batched: batched) {
            "The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated singular values (error code: \($0))."
        }
        return (r.u, r.s, r.vt)
    }

    /// PyTorch's `svd_backward` for real matrices (Townsend's formulas), from the gradients the
    /// outputs received (nil: none), with U and Vh narrowed to min(m, n) vectors.
    static func svdBackward(gU: Tensor?, gS: Tensor?, gVh: Tensor?, u: Tensor, s: Tensor, vh: Tensor) throws -> Tensor? {
        let (m, n) = (u.shape[u.dim - 2], vh.shape[vh.dim - 1])
        if gU == nil && gVh == nil {
            guard let gS else { return nil }
            return m >= n
                ? try u.matmul(gS.unsqueeze(-1).mul(.tensor(vh))) : try u.mul(.tensor(gS.unsqueeze(-2))).matmul(vh)
        }
        func skew(_ a: Tensor) throws -> Tensor { try a.sub(.tensor(a.mT)) }
        let sColumn = try s.unsqueeze(-1)
        let sRow = try s.unsqueeze(-2)
        let squares = try s.mul(.tensor(s))
        // Eⱼₖ = Sₖ² - Sⱼ², with ones on the (zero) diagonal.
        let e = try squares.unsqueeze(-2).sub(.tensor(squares.unsqueeze(-1)))
            .add(.tensor(Tensor.eye(s.shape[s.dim - 1], dtype: s.dtype)))
        var gA: Tensor
        switch (gU, gVh) {
        case (let gU?, let gVh?):
            let uhgU = try skew(u.mT.matmul(gU))
            let vhgV = try skew(vh.matmul(gVh.mT))
            gA = try uhgU.mul(.tensor(sRow)).add(.tensor(sColumn.mul(.tensor(vhgV)))).div(.tensor(e))
        case (let gU?, nil): gA = try skew(u.mT.matmul(gU)).div(.tensor(e)).mul(.tensor(sRow))
        case (nil, let gVh?): gA = try sColumn.mul(.tensor(skew(vh.matmul(gVh.mT)).div(.tensor(e))))
        case (nil, nil): return nil
        }
        if let gS { gA = try gA.add(.tensor(gS.diagEmbed())) }
        if m > n, let gU {
            gA = try u.matmul(gA)
            let gUSinv = try gU.div(.tensor(sRow))
            gA = try gA.add(.tensor(gUSinv)).sub(.tensor(u.matmul(u.mT.matmul(gUSinv))))
            return try gA.matmul(vh)
        }
        if m < n, let gVh {
            gA = try gA.matmul(vh)
            let sinvgVh = try gVh.div(.tensor(sColumn))
            gA = try gA.add(.tensor(sinvgVh)).sub(.tensor(sinvgVh.matmul(vh.mT).matmul(vh)))
            return try u.matmul(gA)
        }
        return m >= n ? try u.matmul(gA.matmul(vh)) : try u.matmul(gA).matmul(vh)
    }
}

extension NodeKind {
    static let linalgSvdBackward0 = NodeKind("LinalgSvdBackward0")
}
