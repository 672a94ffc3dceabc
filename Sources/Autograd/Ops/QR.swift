/// `torch.linalg.qr`: Householder QR through LAPACK's `?geqrf` and `?orgqr`, as PyTorch 2.15's
/// `linalg_qr_out` calls them, so Q's and R's signs and bits are PyTorch's.
enum QROps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_qr(Tensor A, str mode=\"reduced\") -> (Tensor Q, Tensor R)", gradFn: "LinalgQrBackward0",
            exposure: [.linalg], samples: OpSamples(shapes: ["A": [3, 2]]),
            returningTuple: {
                let r = try $0.tensor("A").qr(mode: $0.string("mode"))
                return [r.q, r.r]
            })
    ]
}

extension Tensor {
    /// PyTorch's checks on a batch of (not necessarily square) float matrices for `api`, and
    /// the work and memory a decomposition of them takes.
    func checkFloatingMatrices(_ api: String) throws {
        guard dim >= 2 else { throw TorchError.runtime("\(api): The input tensor A must have at least 2 dimensions.") }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation(
                "\(api): Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        let (m, n) = (shape[dim - 2], shape[dim - 1])
        try WorkBudget.reserveProducts(batch: m * n == 0 ? 0 : numel / (m * n), m: m, k: n, n: Swift.max(m, n))
        try MemoryBudget.reserve(numel, itemSize: 4 * DType.float64.itemSize, shape: shape)
    }

    /// `linalg.qr(A, mode)`: `Q` with orthonormal columns and upper-triangular `R` with
    /// `A = Q R`, per matrix: `reduced` gives `m×k` and `k×n` (k = min(m, n)), `complete` `m×m`
    /// and `m×n`, `r` only `R` (`Q` is empty). Both are batched column-major, as PyTorch's are
    /// (LinalgQrBackward0 on both, saving `Q`, `R` and `mode`).
    public func qr(mode: String = "reduced") throws -> (q: Tensor, r: Tensor) {
        try checkFloatingMatrices("linalg.qr")
        let (computeQ, reduced): (Bool, Bool)
        switch mode {
        case "reduced": (computeQ, reduced) = (true, true)
        case "complete": (computeQ, reduced) = (true, false)
        case "r": (computeQ, reduced) = (false, true)
        default:
            throw TorchError.runtime(
                "qr received unrecognized mode '\(mode)' but expected one of 'reduced' (default), 'r', or 'complete'")
        }
        let (m, n) = (shape[dim - 2], shape[dim - 1])
        let k = Swift.min(m, n)
        let batchShape = Array(shape.dropLast(2))
        var factored = ColumnMajorBatch(self)
        let count = factored.count
        let tau = try LAPACKCalls.householderQR(&factored, dtype: dtype)
        let rRows = reduced ? k : m
        var rValues = [Double](repeating: 0, count: count * rRows * n)
        for b in 0..<count {
            for c in 0..<n {
                for r in 0..<Swift.min(c + 1, rRows) {
                    rValues[b * rRows * n + c * rRows + r] = factored.values[b * m * n + c * m + r]
                }
            }
        }
        let r = ColumnMajorBatch(rows: rRows, columns: n, count: count, values: rValues)
            .columnMajorTensor(batchShape: batchShape, dtype: dtype)
        var q = Tensor.fromValues([], shape: [0], dtype: dtype)
        if computeQ {
            let qColumns = reduced ? k : m
            var qValues = [Double](repeating: 0, count: count * m * qColumns)
            for b in 0..<count {
                for c in 0..<Swift.min(n, qColumns) {
                    for row in 0..<m { qValues[b * m * qColumns + c * m + row] = factored.values[b * m * n + c * m + row] }
                }
            }
            var householder = ColumnMajorBatch(rows: m, columns: qColumns, count: count, values: qValues)
            try LAPACKCalls.householderProduct(&householder, tau: tau, reflectors: k, dtype: dtype)
            q = householder.columnMajorTensor(batchShape: batchShape, dtype: dtype)
        }
        record(
            "linalg_qr", .linalgQrBackward0, inputs: [self], outputs: [q, r],
            saving: [.output("Q", 0), .output("R", 1)], keeping: [("mode", .string(mode))]
        ) { ctx in
            guard computeQ else {
                throw TorchError.runtime(
                    "The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr."
                )
            }
            guard reduced || m <= n else {
                throw TorchError.runtime("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.")
            }
            return [
                try Tensor.qrBackward(
                    gQ: ctx.receivedGrad(0) ? ctx.grads[0] : nil, gR: ctx.receivedGrad(1) ? ctx.grads[1] : nil,
                    q: ctx.saved(0), r: ctx.saved(1))
            ]
        }
        return (q, r)
    }

    /// PyTorch's `linalg_qr_backward` for real matrices, from the gradients the outputs
    /// received (nil: none). With `G = gR Rᵀ - Qᵀ gQ`: for m ≥ n, `(Q sym(triu G) + gQ) R⁻ᵀ`
    /// (sym: `X + Xᵀ` with the diagonal halved); for m < n, `[Q tril(Gᵀ - G) R₁⁻ᵀ, 0] + Q gR`
    /// with `R₁` the leading m×m block of R.
    static func qrBackward(gQ: Tensor?, gR: Tensor?, q: Tensor, r: Tensor) throws -> Tensor? {
        let (m, n) = (q.shape[q.dim - 2], r.shape[r.dim - 1])
        let qT = try q.mT
        var g: Tensor
        switch (gQ, gR) {
        case (let gQ?, let gR?): g = try gR.matmul(r.mT).sub(.tensor(qT.matmul(gQ)))
        case (let gQ?, nil): g = try qT.matmul(gQ).neg()
        case (nil, let gR?): g = try gR.matmul(r.mT)
        case (nil, nil): return nil
        }
        if m >= n {
            let upper = try g.triu()
            let symmetrized = try upper.add(.tensor(upper.mT)).sub(.tensor(upper.diagonal(dim1: -2, dim2: -1).diagEmbed()))
            var gA = try q.matmul(symmetrized)
            if let gQ { gA = try gA.add(.tensor(gQ)) }
            return try rightSolveTransposed(gA, upper: r)
        }
        let x = try g.neg()
        var gA = try q.matmul(x.sub(.tensor(x.mT)).tril())
        gA = try rightSolveTransposed(gA, upper: r.narrow(-1, start: 0, length: m))
        var zerosShape = r.shape
        zerosShape[zerosShape.count - 1] = n - m
        gA = try Tensor.cat([gA, Tensor.zeros(zerosShape, dtype: gA.dtype)], dim: -1)
        if let gR { gA = try gA.add(.tensor(q.matmul(gR))) }
        return gA
    }

    /// `X` with `X Uᵀ = G` for each upper-triangular `U`, as PyTorch's
    /// `linalg_solve_triangular(U.mH(), G, upper=False, left=False)` computes it: one `?trsm`
    /// on a column-major copy of `G` (a fresh tensor outside the graph).
    private static func rightSolveTransposed(_ g: Tensor, upper u: Tensor) throws -> Tensor {
        var rhs = ColumnMajorBatch(g)
        try LAPACKCalls.transposedUpperTriangularRightSolve(ColumnMajorBatch(u), &rhs, dtype: g.dtype)
        return rhs.columnMajorTensor(batchShape: Array(g.shape.dropLast(2)), dtype: g.dtype)
    }
}

extension NodeKind {
    static let linalgQrBackward0 = NodeKind("LinalgQrBackward0")
}
