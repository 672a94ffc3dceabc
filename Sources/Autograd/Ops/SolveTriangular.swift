/// `torch.linalg.solve_triangular(A, B, *, upper, left=True, unitriangular=False)`
/// (LinalgSolveTriangularBackward0): `X` with `A X = B` (`X A = B` when not `left`) for
/// triangular `A`, through BLAS's `?trsm` called as ATen's `linalg_solve_triangular_out` calls
/// it: the result Fortran-contiguous (row-major when `B` has one row, the problem then
/// transposed), `A` passed as it lies in memory (a row-major `A` as the transpose of a
/// column-major one, `upper` flipped), so that the triangular solve takes PyTorch's side,
/// triangle and transpose and rounds as PyTorch's does. The backward is ATen's
/// `linalg_solve_triangular_backward`: `gB = solve_triangular(A.mH, gX, !upper, left)`,
/// `gA = -gB Xᴴ` (`-Xᴴ gB`) restricted to `A`'s triangle.
enum SolveTriangularOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "linalg_solve_triangular(Tensor self, Tensor B, *, bool upper, bool left=True, bool unitriangular=False) -> Tensor",
            gradFn: "LinalgSolveTriangularBackward0", exposure: [.linalg],
            samples: OpSamples(shapes: ["self": [3, 3], "B": [3, 2]], arguments: ["upper": .bool(true)]),
            forward: {
                try Tensor.linalgSolveTriangular(
                    $0.tensor("self"), $0.tensor("B"), upper: $0.bool("upper"), left: $0.bool("left"),
                    unitriangular: $0.bool("unitriangular"))
            })
    ]
}

extension Tensor {
    /// `linalg.solve_triangular(A, B, upper:, left:, unitriangular:)`; batch dims broadcast,
    /// mixed float dtypes promote.
    public static func linalgSolveTriangular(
        _ a: Tensor, _ b: Tensor, upper: Bool, left: Bool = true, unitriangular: Bool = false
    ) throws -> Tensor {
        let api = "linalg.solve_triangular"
        try a.checkSquareMatrices(api, floatingPoint: false)
        guard b.dim >= 2 else { throw TorchError.runtime("\(api): The input tensor B must have at least 2 dimensions.") }
        let n = a.shape[a.dim - 1]
        let (rows, columns) = (b.shape[b.dim - 2], b.shape[b.dim - 1])
        guard (left ? rows : columns) == n else {
            throw TorchError.runtime(
                "\(api): Incompatible shapes of A and B for the equation \(left ? "AX = B" : "XA = B") (\(n)x\(n) and \(rows)x\(columns))"
            )
        }
        let dtype = a.dtype.promoted(with: b.dtype)
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"triangular_solve_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let batch = try broadcastShapes(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)))
        let x = try triangularSolve(
            a.to(dtype), b.to(dtype).expand(batch + [rows, columns]), batch: batch, upper: upper, left: left,
            unitriangular: unitriangular)
        let (aShape, bShape) = (a.shape, b.shape)
        record(
            "linalg_solve_triangular", .linalgSolveTriangularBackward0, inputs: [a, b], outputs: [x],
            saving: [.input("self", a), .output("result", 0)],
            keeping: [("left", .bool(left)), ("unitriangular", .bool(unitriangular)), ("upper", .bool(upper))]
        ) { ctx in
            let (savedA, savedX) = (try ctx.saved("self"), try ctx.saved("result"))
            let aH = try savedA.transpose(-2, -1)
            let gB = try linalgSolveTriangular(aH, ctx.grad, upper: !upper, left: left, unitriangular: unitriangular)
            var gA: Tensor? = nil
            if ctx.needsGrad(0) {
                let xH = try savedX.transpose(-2, -1)
                let product = try (left ? gB.matmul(xH) : xH.matmul(gB)).neg()
                let diagonal = unitriangular ? 1 : 0
                gA = try (upper ? product.triu(diagonal) : product.tril(-diagonal)).sumTo(aShape)
            }
            return [gA, ctx.needsGrad(1) ? try gB.sumTo(bShape) : nil]
        }
        return x
    }

    /// The forward's `?trsm` calls on `b` (already of the batch shape) and `a` (broadcast).
    private static func triangularSolve(
        _ a: Tensor, _ b: Tensor, batch: [Int], upper: Bool, left: Bool, unitriangular: Bool
    ) throws -> Tensor {
        let n = a.shape[a.dim - 1]
        let (rows, columns) = (b.shape[b.dim - 2], b.shape[b.dim - 1])
        let count = batch.reduce(1, *)
        guard count > 0, rows > 0, columns > 0 else {
            return Tensor.zeros(batch + [rows, columns], dtype: b.dtype)
        }
        // A Fortran-contiguous result of one row has a unit last stride: ATen then solves the
        // transposed problem on the row.
        let transposed = rows == 1
        let solveLeft = transposed ? !left : left
        // `A` goes to BLAS as it lies: row-major when contiguous, column-major when its transpose
        // is; otherwise copied, row-major when the problem is transposed.
        let aFull = try a.expand(batch + [n, n])
        let aIsRowMajor = try aFull.isContiguous || (!aFull.transpose(-2, -1).isContiguous && transposed)
        let aValues = aIsRowMajor ? aFull.doubles() : ColumnMajorBatch(aFull).values
        let uplo = (aIsRowMajor ? !upper : upper) ? "U" : "L"
        let trans = (aIsRowMajor == transposed) ? "N" : "T"
        var factor = ColumnMajorBatch(rows: n, columns: n, count: count, values: aValues)
        var rhs =
            transposed ? ColumnMajorBatch(rows: columns, columns: 1, count: count, values: b.doubles()) : ColumnMajorBatch(b)
        let trsm = try LAPACK.shared.get().decompositions.trsm(b.dtype)
        let (m, k, rhsSize) = (solveLeft ? n : rhs.rows, rhs.columns, rhs.rows * rhs.columns)
        func run<T: FloatElement>(_ type: T.Type) {
            var (m32, k32, lda, ldb) = (Int32(m), Int32(k), Int32(n), Int32(transposed ? columns : rows))
            factor.withBuffer(type) { aBuffer in
                rhs.withBuffer(type) { bBuffer in
                    var one: T = 1
                    withUnsafeMutablePointer(to: &one) { alpha in
                        for i in 0..<count {
                            trsm(
                                solveLeft ? "L" : "R", uplo, trans, unitriangular ? "U" : "N", &m32, &k32, alpha,
                                aBuffer + i * n * n, &lda, bBuffer + i * rhsSize, &ldb, 1, 1, 1, 1)
                        }
                    }
                }
            }
        }
        if b.dtype == .float64 { run(Double.self) } else { run(Float.self) }
        if transposed {
            // The row of a Fortran-contiguous `[1, columns]` result: strides `[1, 1]`.
            let flat = Tensor.fromValues(rhs.values, shape: batch + [rows, columns], dtype: b.dtype)
            return Tensor(storage: flat.storage, shape: flat.shape, strides: flat.strides.dropLast(2) + [1, 1], offset: 0)
        }
        return rhs.columnMajorTensor(batchShape: batch, dtype: b.dtype)
    }
}

extension NodeKind {
    static let linalgSolveTriangularBackward0 = NodeKind("LinalgSolveTriangularBackward0")
}
