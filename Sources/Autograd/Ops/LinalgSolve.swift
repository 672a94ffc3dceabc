/// Inverses, determinants and linear solves through an LU factorization (`?getrf`/`?getrs`), as
/// PyTorch 2.15's BatchLinearAlgebra.cpp computes them: `linalg.inv`/`inverse`, `linalg.det`/
/// `det`, `linalg.slogdet`/`slogdet`, `logdet` and `linalg.solve`, batched over leading dims.
enum LinalgSolveOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_inv(Tensor A) -> Tensor", gradFn: "LinalgInvExBackward0", exposure: [.linalg],
            samples: OpSamples(shapes: ["A": [3, 3]]),
            forward: { try $0.tensor("A").inverse() }),
        OpDeclaration(
            "inverse(Tensor self) -> Tensor", gradFn: "LinalgInvExBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["self": [3, 3]]),
            forward: { try $0.tensor("self").inverse() }),
        OpDeclaration(
            "linalg_det(Tensor A) -> Tensor", gradFn: "LinalgDetBackward0", exposure: [.linalg],
            samples: OpSamples(shapes: ["A": [3, 3]]),
            forward: { try $0.tensor("A").determinant(api: "linalg.det") }),
        OpDeclaration(
            "det(Tensor self) -> Tensor", gradFn: "LinalgDetBackward0", exposure: [.torch, .method],
            samples: OpSamples(shapes: ["self": [3, 3]]),
            forward: { try $0.tensor("self").determinant(api: "linalg.det") }),
        OpDeclaration(
            "linalg_slogdet(Tensor A) -> (Tensor sign, Tensor logabsdet)", gradFn: "LinalgSlogdetBackward0",
            exposure: [.linalg], samples: OpSamples(shapes: ["A": [3, 3]]),
            returningTuple: {
                let r = try $0.tensor("A").signAndLogDeterminant(api: "linalg.slogdet")
                return [r.sign, r.logabsdet]
            }),
        OpDeclaration(
            "slogdet(Tensor self) -> (Tensor sign, Tensor logabsdet)", gradFn: "LinalgSlogdetBackward0",
            exposure: [.torch, .method], samples: OpSamples(shapes: ["self": [3, 3]]),
            returningTuple: {
                let r = try $0.tensor("self").signAndLogDeterminant(api: "linalg.slogdet")
                return [r.sign, r.logabsdet]
            }),
        OpDeclaration(
            "logdet(Tensor self) -> Tensor", gradFn: "WhereBackward0", exposure: [.torch, .method],
            samples: OpSamples(domain: .positiveDefinite, shapes: ["self": [3, 3]]),
            forward: { try $0.tensor("self").logDeterminant() }),
        OpDeclaration(
            "linalg_solve(Tensor A, Tensor B, *, bool left=True) -> Tensor", gradFn: "LinalgSolveExBackward0",
            exposure: [.linalg], samples: OpSamples(shapes: ["A": [3, 3], "B": [3, 2]]),
            forward: { try Tensor.linalgSolve($0.tensor("A"), $0.tensor("B"), left: $0.bool("left")) })
    ]
}

/// A batch of square matrices factored as PyTorch factors them for `det`, `slogdet`, `solve` and
/// `inv`: the LU of `Aᵀ` when `A` is contiguous (its row-major values are `Aᵀ` column-major,
/// so PyTorch needs no copy), else of `A`.
struct LUFactors {
    var lu: ColumnMajorBatch
    let pivots: [Int32]
    let info: [Int32]
    /// Whether `lu` factors `Aᵀ`.
    let transposed: Bool
    /// How many matrices (`lu.count` is 0 for a batch of empty ones).
    let matrices: Int

    init(_ a: Tensor) throws {
        transposed = a.isContiguous
        matrices = a.shape.dropLast(2).reduce(1, *)
        var batch = ColumnMajorBatch(a)
        if transposed {
            batch = ColumnMajorBatch(rows: batch.rows, columns: batch.columns, count: batch.count, values: batch.rowMajor)
        }
        (pivots, info) = try LAPACKCalls.luFactor(&batch, dtype: a.dtype)
        lu = batch
    }

    /// The diagonal of each U, row after row: `[batch, n]`.
    var diagonals: [Double] {
        let n = lu.rows
        return (0..<lu.count).flatMap { b in (0..<n).map { lu.values[b * n * n + $0 * n + $0] } }
    }

    /// The determinant of each permutation, ±1 (PyTorch's `lu_det_P`; 1 for an empty matrix).
    var permutationSigns: [Double] {
        let n = lu.rows
        return (0..<matrices).map { b in
            (0..<n).filter { Int(pivots[b * n + $0]) != $0 + 1 }.count % 2 == 0 ? 1 : -1
        }
    }

    /// Solves `A X = B` (`Aᵀ X = B` when `adjoint`) for each column-major right-hand side.
    func solve(_ rhs: inout ColumnMajorBatch, adjoint: Bool, dtype: DType) throws {
        try LAPACKCalls.luSolve(lu, pivots: pivots, &rhs, transpose: adjoint != transposed, dtype: dtype)
    }

    /// `A⁻ᵀ diag(d)` per matrix, for the determinant's gradients (PyTorch's `lu_solve` of a
    /// diagonal right-hand side), as a tensor of `shape`.
    func inverseTransposeTimesDiagonal(_ d: [Double], shape: [Int], dtype: DType) throws -> Tensor {
        let n = lu.rows
        var values = [Double](repeating: 0, count: lu.count * n * n)
        for b in 0..<lu.count { for i in 0..<n { values[b * n * n + i * n + i] = d[b] } }
        var rhs = ColumnMajorBatch(rows: n, columns: n, count: lu.count, values: values)
        try solve(&rhs, adjoint: true, dtype: dtype)
        return Tensor.fromValues(rhs.rowMajor, shape: shape, dtype: dtype)
    }
}

extension Tensor {
    /// PyTorch's checks on a batch of square (float, unless not `floatingPoint`) matrices for
    /// `api` (`linalg.inv`, ...).
    func checkSquareMatrices(_ api: String, name: String = "A", floatingPoint: Bool = true) throws {
        guard dim >= 2 else { throw TorchError.runtime("\(api): The input tensor \(name) must have at least 2 dimensions.") }
        guard shape[dim - 1] == shape[dim - 2] else {
            throw TorchError.runtime(
                "\(api): \(name) must be batches of square matrices, but they are \(shape[dim - 2]) by \(shape[dim - 1]) matrices"
            )
        }
        guard dtype.isFloatingPoint || !floatingPoint else {
            throw TorchError.unsupportedOperation(
                "\(api): Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        let n = shape[dim - 1]
        try WorkBudget.reserveProducts(batch: n == 0 ? 0 : numel / (n * n), m: n, k: n, n: n)
        try MemoryBudget.reserve(numel, itemSize: 4 * DType.float64.itemSize, shape: shape)
    }

    /// PyTorch's `_linalg_check_errors`: the first failing matrix's `info` as a `LinAlgError`
    /// of `api`, naming its batch index when the input is batched.
    static func checkLinalgInfo(_ info: [Int32], api: String, batched: Bool, _ message: (Int) -> String) throws {
        guard let k = info.firstIndex(where: { $0 > 0 }) else { return }
        let batchElement = batched ? "(Batch element \(k)): " : ""
        throw TorchError.linalg("\(api): \(batchElement)\(message(Int(info[k])))")
    }

    /// `linalg.inv(A)`: each matrix's inverse, solving `A X = I` through the LU (getrf, getrs)
    /// as `linalg_inv_ex` does (LinalgInvExBackward0, saving `inverse`).
    public func inverse() throws -> Tensor {
        try checkSquareMatrices("linalg.inv")
        let n = shape[dim - 1]
        let factors = try LUFactors(self)
        try Tensor.checkLinalgInfo(factors.info, api: "linalg.inv", batched: dim > 2) {
            "The diagonal element \($0) is zero, the inversion could not be completed because the input matrix is singular."
        }
        var identity = [Double](repeating: 0, count: factors.lu.count * n * n)
        for b in 0..<factors.lu.count { for i in 0..<n { identity[b * n * n + i * n + i] = 1 } }
        var rhs = ColumnMajorBatch(rows: n, columns: n, count: factors.lu.count, values: identity)
        try factors.solve(&rhs, adjoint: false, dtype: dtype)
        let out = rhs.tensor(batchShape: Array(shape.dropLast(2)), dtype: dtype)
        record(
            "linalg_inv_ex", .linalgInvExBackward0, inputs: [self], outputs: [out],
            saving: [.output("inverse", 0)]
        ) { ctx in
            let inverseT = try ctx.saved(0).transpose(-2, -1)
            return [try inverseT.matmul(ctx.grad.matmul(inverseT)).neg()]
        }
        return out
    }

    /// The LU factors of each matrix, U's diagonals (`[*, n]`) and the pivoting's signs (`[*]`),
    /// for `det` and `slogdet`.
    private func determinantFactors(_ api: String) throws -> (LUFactors, diagonals: Tensor, signs: Tensor) {
        try checkSquareMatrices(api)
        let n = shape[dim - 1]
        let batchShape = Array(shape.dropLast(2))
        let factors = try LUFactors(self)
        let diagonals = Tensor.fromValues(factors.diagonals, shape: batchShape + [n], dtype: dtype)
        let signs = Tensor.fromValues(factors.permutationSigns, shape: batchShape, dtype: dtype)
        return (factors, diagonals, signs)
    }

    /// `linalg.det(A)`: the sign of the pivoting times the product of U's diagonal
    /// (LinalgDetBackward0, saving `A` and `result`; the formula keeps the LU factors itself,
    /// which PyTorch saves as `LU` and `pivots`).
    func determinant(api: String) throws -> Tensor {
        let (factors, diagonals, signs) = try determinantFactors(api)
        let n = shape[dim - 1]
        let out = try Observation.hidden { try signs.mul(.tensor(diagonals.prod(dim: -1))) }
        record(
            "linalg_det", .linalgDetBackward0, inputs: [self], outputs: [out],
            saving: [.input("A", self), .output("result", 0)]
        ) { [factors, shape, dtype] ctx in
            let (a, det) = (try ctx.saved(0), try ctx.saved(1))
            let scale = try ctx.grad.mul(.tensor(det)).doubles()
            let gradient = try factors.inverseTransposeTimesDiagonal(scale, shape: shape, dtype: dtype)
            let determinants = det.doubles()
            guard determinants.contains(0) else { return [gradient] }
            // A singular matrix has no inverse: its gradient is its cofactors times grad (with
            // create_graph) or, as PyTorch's LU path leaves it without, times grad * det: zeros.
            let factor = GradMode.isEnabled ? ctx.grad.doubles() : scale
            let slices = Slices(a, dims: [a.dim - 2, a.dim - 1])
            var values = gradient.doubles()
            let size = n * n
            for b in determinants.indices where determinants[b] == 0 {
                let cofactors = Tensor.cofactors(slices.slice(b), n: n)
                for i in 0..<size { values[b * size + i] = factor[b] * cofactors[i] }
            }
            return [Tensor.fromValues(values, shape: shape, dtype: dtype)]
        }
        return out
    }

    /// `linalg.slogdet(A)`: the sign of each determinant (the pivoting's times the product of
    /// the signs of U's diagonal) and the sum of the logs of that diagonal's absolute values
    /// (LinalgSlogdetBackward0 on both, saving `A` and `sign`; the formula keeps the LU factors
    /// itself, which PyTorch saves as `LU` and `pivots`).
    func signAndLogDeterminant(api: String) throws -> (sign: Tensor, logabsdet: Tensor) {
        let (factors, diagonals, signs) = try determinantFactors(api)
        let (sign, logabsdet) = try Observation.hidden {
            (try diagonals.sgn().prod(dim: -1).mul(.tensor(signs)), try diagonals.abs().log().sum(dims: [-1]))
        }
        record(
            "linalg_slogdet", .linalgSlogdetBackward0, inputs: [self], outputs: [sign, logabsdet],
            saving: [.input("A", self), .output("sign", 0)]
        ) { [factors, shape, dtype] ctx in
            [try factors.inverseTransposeTimesDiagonal(ctx.grads[1].doubles(), shape: shape, dtype: dtype)]
        }
        return (sign, logabsdet)
    }

    /// `logdet(A)`: `linalg.slogdet`'s `logabsdet` where the sign is not -1, NaN where it is
    /// (WhereBackward0 over LinalgSlogdetBackward0, as PyTorch composes it).
    public func logDeterminant() throws -> Tensor {
        let (sign, logabsdet) = try signAndLogDeterminant(api: "logdet")
        return try Tensor.maskedWhere(
            sign.eq(.scalar(.double(-1))), Tensor.wrapped(.double(.nan), dtype: .float64), logabsdet)
    }

    /// The cofactor matrix of a row-major `n`×`n` matrix (each entry the signed determinant of
    /// its minor, by Gaussian elimination with partial pivoting), row-major.
    static func cofactors(_ a: [Double], n: Int) -> [Double] {
        guard n > 1 else { return [1] }
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var minor = [Double]()
                minor.reserveCapacity((n - 1) * (n - 1))
                for r in 0..<n where r != i { for c in 0..<n where c != j { minor.append(a[r * n + c]) } }
                out[i * n + j] = ((i + j) % 2 == 0 ? 1 : -1) * eliminationDeterminant(minor, n: n - 1)
            }
        }
        return out
    }

    private static func eliminationDeterminant(_ matrix: [Double], n: Int) -> Double {
        var m = matrix
        var det = 1.0
        for k in 0..<n {
            let p = (k..<n).max { Swift.abs(m[$0 * n + k]) < Swift.abs(m[$1 * n + k]) }!
            if m[p * n + k] == 0 { return 0 }
            if p != k {
                for c in 0..<n { m.swapAt(k * n + c, p * n + c) }
                det = -det
            }
            det *= m[k * n + k]
            for r in (k + 1)..<Swift.max(k + 1, n) {
                let f = m[r * n + k] / m[k * n + k]
                for c in k..<n { m[r * n + c] -= f * m[k * n + c] }
            }
        }
        return det
    }
}

extension Tensor {
    /// `linalg.solve(A, B, left:)`: `X` with `A X = B` (`X A = B` when not `left`), through the
    /// LU of `A` (of `Aᵀ` when `A` is contiguous, solving with `getrs`' transpose, as PyTorch
    /// does); `B` is a vector right-hand side when it is 1-D or has `A`'s batch shape with the
    /// last extent dropped; batch dims broadcast (LinalgSolveExBackward0, saving `A` and
    /// `result` and keeping `left`; the formula keeps the LU factors itself, which PyTorch saves
    /// as `LU` and `pivots`).
    public static func linalgSolve(_ a: Tensor, _ b: Tensor, left: Bool = true) throws -> Tensor {
        try a.checkSquareMatrices("linalg.solve")
        guard b.dtype == a.dtype else {
            throw TorchError.runtime(
                "linalg.solve: Expected A and B to have the same dtype, but found A of type \(a.dtype.scalarTypeName) and B of type \(b.dtype.scalarTypeName) instead"
            )
        }
        let n = a.shape[a.dim - 1]
        let vectorCase = b.dim == 1 || (a.dim - 1 == b.dim && Array(b.shape) == Array(a.shape.dropLast()))
        let bMatrix = vectorCase ? try b.unsqueeze(-1) : b
        guard bMatrix.dim >= 2 else {
            throw TorchError.runtime("linalg.solve: The input tensor B must have at least 2 dimensions.")
        }
        let bRows = bMatrix.shape[bMatrix.dim - (left ? 2 : 1)]
        guard bRows == n else {
            let (r, c) = (bMatrix.shape[bMatrix.dim - 2], bMatrix.shape[bMatrix.dim - 1])
            throw TorchError.runtime(
                "linalg.solve: Incompatible shapes of A and B for the equation \(left ? "AX = B" : "XA = B") (\(n)x\(n) and \(r)x\(c))"
            )
        }
        guard left || !vectorCase else {
            throw TorchError.runtime(
                "linalg.solve: Vector broadcasting of the left hand side is not supported for left=False. In this case linalg.solve is equivalent to B / A.squeeze(-1)"
            )
        }
        let batch = try broadcastShapes(Array(a.shape.dropLast(2)), Array(bMatrix.shape.dropLast(2)))
        let aFull = a.shape.dropLast(2).elementsEqual(batch) ? a : try a.expand(batch + [n, n]).contiguous()
        let bFull = try bMatrix.expand(batch + Array(bMatrix.shape.suffix(2)))
        let factors = try LUFactors(aFull)
        try checkLinalgInfo(factors.info, api: "torch.linalg.solve", batched: aFull.dim > 2) { _ in
            "The solver failed because the input matrix is singular."
        }
        // X A = B is Aᵀ Xᵀ = Bᵀ.
        var rhs = ColumnMajorBatch(left ? bFull : try bFull.transpose(-2, -1))
        try factors.solve(&rhs, adjoint: !left, dtype: a.dtype)
        let solved =
            left
            ? rhs.tensor(batchShape: batch, dtype: a.dtype) : try rhs.tensor(batchShape: batch, dtype: a.dtype).transpose(-2, -1)
        let out = vectorCase ? try solved.squeeze(-1) : solved
        record(
            "linalg_solve_ex", .linalgSolveExBackward0, inputs: [a, b], outputs: [out],
            saving: [.input("A", a), .output("result", 0)],
            keeping: [("left", .bool(left))]
        ) { [factors, aShape = a.shape, bShape = b.shape] ctx in
            let x = try ctx.saved(1)
            let gX = vectorCase ? try ctx.grad.unsqueeze(-1) : ctx.grad
            let xMatrix = vectorCase ? try x.unsqueeze(-1) : x
            // gB solves the adjoint system: Aᵀ gB = gX (gB Aᵀ = gX when not left).
            var adjointRHS = ColumnMajorBatch(left ? gX : try gX.transpose(-2, -1))
            try factors.solve(&adjointRHS, adjoint: left, dtype: x.dtype)
            let gBFull =
                left
                ? adjointRHS.tensor(batchShape: batch, dtype: x.dtype)
                : try adjointRHS.tensor(batchShape: batch, dtype: x.dtype).transpose(-2, -1)
            var gA: Tensor? = nil
            if ctx.needsGrad(0) {
                let product =
                    left
                    ? try gBFull.matmul(xMatrix.transpose(-2, -1)) : try xMatrix.transpose(-2, -1).matmul(gBFull)
                gA = try product.neg().sumTo(aShape)
            }
            let gB = ctx.needsGrad(1) ? try (vectorCase ? gBFull.squeeze(-1) : gBFull).sumTo(bShape) : nil
            return [gA, gB]
        }
        return out
    }
}

extension NodeKind {
    static let linalgDetBackward0 = NodeKind("LinalgDetBackward0")
    static let linalgInvExBackward0 = NodeKind("LinalgInvExBackward0")
    static let linalgSlogdetBackward0 = NodeKind("LinalgSlogdetBackward0")
    static let linalgSolveExBackward0 = NodeKind("LinalgSolveExBackward0")
}
