/// Diagonals and triangles of matrices (diagonal, diag_embed, diag, trace, tril, triu): the
/// declarations, each forward with its backward formula, and the in-place `tril_`/`triu_`.
enum DiagonalOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "diagonal(Tensor self, int offset=0, int dim1=0, int dim2=1) -> Tensor", gradFn: "DiagonalBackward0",
            exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").diagonal(offset: $0.int("offset"), dim1: $0.int("dim1"), dim2: $0.int("dim2"))
            }),
        OpDeclaration(
            "diag_embed(Tensor self, int offset=0, int dim1=-2, int dim2=-1) -> Tensor", gradFn: "DiagEmbedBackward0",
            exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").diagEmbed(offset: $0.int("offset"), dim1: $0.int("dim1"), dim2: $0.int("dim2"))
            }),
        OpDeclaration(
            "diag(Tensor self, int diagonal=0) -> Tensor", gradFn: "DiagonalBackward0_copy",
            exposure: [.torch, .method], forward: { try $0.tensor("self").diag($0.int("diagonal")) }),
        OpDeclaration(
            "trace(Tensor self) -> Tensor", gradFn: "TraceBackward0",
            exposure: [.torch, .method], forward: { try $0.tensor("self").trace() }),
        OpDeclaration(
            "tril(Tensor self, int diagonal=0) -> Tensor", gradFn: "TrilBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            forward: { try $0.tensor("self").tril($0.int("diagonal")) },
            inPlace: { try $0.tensor("self").tril_($0.int("diagonal")) }),
        OpDeclaration(
            "triu(Tensor self, int diagonal=0) -> Tensor", gradFn: "TriuBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            forward: { try $0.tensor("self").triu($0.int("diagonal")) },
            inPlace: { try $0.tensor("self").triu_($0.int("diagonal")) })
    ]
}

extension Tensor {
    /// The dims `dim1`, `dim2` normalised, rejecting equal ones with PyTorch's message.
    private func diagonalDims(_ dim1: Int, _ dim2: Int, rank: Int) throws -> (Int, Int) {
        let d1 = try normalizeDim(dim1, rank: rank)
        let d2 = try normalizeDim(dim2, rank: rank)
        if d1 == d2 { throw TorchError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        return (d1, d2)
    }

    /// The view of the diagonal `offset` of the planes spanned by `dim1` and `dim2`, which
    /// become the last dim.
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws -> Tensor {
        let (d1, d2) = try diagonalDims(dim1, dim2, rank: dim)
        let length = Swift.max(
            0, offset >= 0 ? Swift.min(shape[d1], shape[d2] - offset) : Swift.min(shape[d1] + offset, shape[d2]))
        let start = length == 0 ? 0 : offset >= 0 ? offset * strides[d2] : -offset * strides[d1]
        let keep = (0..<dim).filter { $0 != d1 && $0 != d2 }
        let old = shape
        return makeView(
            shape: keep.map { shape[$0] } + [length], strides: keep.map { strides[$0] } + [strides[d1] + strides[d2]],
            offset: self.offset + start, op: "diagonal", backward: .diagonalBackward0
        ) { ctx in [try Tensor.diagonalBackward(ctx.grad, inputShape: old, offset: offset, dim1: d1, dim2: d2)] }
    }

    /// Zeros of `inputShape` with `grad` written on the diagonal `diagonal(offset, dim1, dim2)`
    /// reads: the gradient of `diagonal`, recorded so that create_graph differentiates it.
    static func diagonalBackward(_ grad: Tensor, inputShape: [Int], offset: Int, dim1: Int, dim2: Int) throws -> Tensor {
        let out = Tensor.zeros(inputShape, dtype: grad.dtype)
        _ = try GradMode.noGrad { try out.diagonal(offset: offset, dim1: dim1, dim2: dim2).copy_(grad) }
        record("diagonal_backward", .diagonalBackwardBackward0, inputs: [grad], outputs: [out]) { ctx in
            [try ctx.grad.diagonal(offset: offset, dim1: dim1, dim2: dim2)]
        }
        return out
    }

    /// A tensor whose planes (`dim1`, `dim2`) hold the last dim of `self` on diagonal `offset`.
    public func diagEmbed(offset: Int = 0, dim1: Int = -2, dim2: Int = -1) throws -> Tensor {
        let (d1, d2) = try diagonalDims(dim1, dim2, rank: dim + 1)
        let n = (shape.last ?? 1) + Swift.abs(offset)
        var outShape = Array(shape.dropLast())
        for d in [d1, d2].sorted() { outShape.insert(n, at: d) }
        let out = Tensor.zeros(outShape, dtype: dtype)
        _ = try GradMode.noGrad { try out.diagonal(offset: offset, dim1: d1, dim2: d2).copy_(self) }
        record("diag_embed", .diagEmbedBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.diagonal(offset: offset, dim1: d1, dim2: d2)]
        }
        return out
    }

    /// `torch.diag`: a 1-D input becomes the diagonal `diagonal` of a square matrix; a 2-D
    /// input gives a copy of its diagonal `diagonal`.
    public func diag(_ diagonal: Int = 0) throws -> Tensor {
        if dim == 1 { return try diagEmbed(offset: diagonal, dim1: 0, dim2: 1) }
        guard dim == 2 else { throw TorchError.runtime("diag(): Supports 1D or 2D tensors. Got \(dim)D") }
        let out = try GradMode.noGrad { try self.diagonal(offset: diagonal).contiguousCopy() }
        let old = shape
        record("diag", .diagonalBackward0Copy, inputs: [self], outputs: [out]) { ctx in
            [try Tensor.diagonalBackward(ctx.grad, inputShape: old, offset: diagonal, dim1: 0, dim2: 1)]
        }
        return out
    }

    /// The sum of the main diagonal of a matrix; floating values are added in order in double
    /// precision, as `trace_cpu` accumulates in its `acc_type`.
    public func trace() throws -> Tensor {
        guard dim == 2 else { throw TorchError.runtime("trace: expected a matrix, but got tensor with dim \(dim)") }
        let out = try GradMode.noGrad {
            let diagonal = try self.diagonal()
            guard dtype.isFloatingPoint else { return try diagonal.sum() }
            return Tensor.fromValues([diagonal.doubles().reduce(0, +)], shape: [], dtype: dtype)
        }
        let old = shape
        let n = Swift.min(shape[0], shape[1])
        record("trace", .traceBackward0, inputs: [self], outputs: [out]) { ctx in
            [try Tensor.diagonalBackward(ctx.grad.expand([n]), inputShape: old, offset: 0, dim1: 0, dim2: 1)]
        }
        return out
    }

    /// Keeps the elements of the last two dims with `column - row <= diagonal` (`lower`) or
    /// `>= diagonal`, zeroing the rest.
    private func triangle(_ diagonal: Int, lower: Bool) throws -> Tensor {
        let name = lower ? "tril" : "triu"
        guard dim >= 2 else { throw TorchError.runtime("\(name): input tensor must have at least 2 dimensions") }
        let (rows, cols) = (shape[dim - 2], shape[dim - 1])
        var keep = [Double](repeating: 0, count: rows * cols)
        for r in 0..<rows {
            for c in 0..<cols where lower ? c - r <= diagonal : c - r >= diagonal { keep[r * cols + c] = 1 }
        }
        let mask = Tensor.fromValues(keep, shape: [rows, cols], dtype: .bool)
        let out = try selectWhere(mask, self, Tensor.zeros([], dtype: dtype), dtype: dtype)
        record(name, lower ? .trilBackward0 : .triuBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.triangle(diagonal, lower: lower)]
        }
        return out
    }

    /// The lower triangle from diagonal `diagonal` down.
    public func tril(_ diagonal: Int = 0) throws -> Tensor { try triangle(diagonal, lower: true) }
    /// The upper triangle from diagonal `diagonal` up.
    public func triu(_ diagonal: Int = 0) throws -> Tensor { try triangle(diagonal, lower: false) }
    @discardableResult public func tril_(_ diagonal: Int = 0) throws -> Tensor {
        try inPlaceMath("tril_") { try tril(diagonal) }
    }
    @discardableResult public func triu_(_ diagonal: Int = 0) throws -> Tensor {
        try inPlaceMath("triu_") { try triu(diagonal) }
    }
}

extension NodeKind {
    static let diagonalBackward0Copy = NodeKind("DiagonalBackward0_copy")
    static let diagEmbedBackward0 = NodeKind("DiagEmbedBackward0")
    static let diagonalBackward0 = NodeKind("DiagonalBackward0")
    static let diagonalBackwardBackward0 = NodeKind("DiagonalBackwardBackward0")
    static let traceBackward0 = NodeKind("TraceBackward0")
    static let trilBackward0 = NodeKind("TrilBackward0")
    static let triuBackward0 = NodeKind("TriuBackward0")
}
