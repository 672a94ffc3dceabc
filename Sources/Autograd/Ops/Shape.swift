/// Shape ops that are views: transpose, t, permute, squeeze (all, one dim or several), unsqueeze,
/// flatten, unflatten, contiguous; transpose_, t_, squeeze_ and unsqueeze_ change this tensor's own shape and strides in place.
/// (`contiguous` is not declared: on a contiguous input it returns the input itself.)
enum ShapeOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "transpose.int(Tensor self, int dim0, int dim1) -> Tensor", gradFn: "TransposeBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], inPlaceGradFn: "TransposeBackward1",
            samples: OpSamples(arguments: ["dim0": .int(0), "dim1": .int(1)]),
            forward: { try $0.tensor("self").transpose($0.int("dim0"), $0.int("dim1")) },
            inPlace: { try $0.tensor("self").transpose_($0.int("dim0"), $0.int("dim1")) }),
        OpDeclaration(
            "t(Tensor self) -> Tensor", gradFn: "TBackward0", exposure: [.torch, .method], inPlaceExposure: [.method],
            inPlaceGradFn: "TBackward1", forward: { try $0.tensor("self").t() }, inPlace: { try $0.tensor("self").t_() }),
        OpDeclaration(
            "permute(Tensor self, int[] dims) -> Tensor", gradFn: "PermuteBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["dims": .intList([1, 0])]),
            forward: { try $0.tensor("self").permute($0.intList("dims")) }),
        OpDeclaration(
            "squeeze(Tensor self) -> Tensor", gradFn: "SqueezeBackward0", exposure: [.torch, .method],
            inPlaceExposure: [.method], inPlaceGradFn: "SqueezeBackward3", samples: OpSamples(shapes: ["self": [2, 1, 3]]),
            forward: { try $0.tensor("self").squeeze() }, inPlace: { try $0.tensor("self").squeeze_() }),
        OpDeclaration(
            "squeeze.dim(Tensor self, int dim) -> Tensor", gradFn: "SqueezeBackward1", exposure: [.torch, .method],
            inPlaceExposure: [.method], inPlaceGradFn: "SqueezeBackward4", samples: OpSamples(shapes: ["self": [2, 1, 3]]),
            forward: { try $0.tensor("self").squeeze($0.int("dim")) },
            inPlace: { try $0.tensor("self").squeeze_($0.int("dim")) }),
        OpDeclaration(
            "squeeze.dims(Tensor self, int[] dim) -> Tensor", gradFn: "SqueezeBackward2", exposure: [.torch, .method],
            inPlaceExposure: [.method], inPlaceGradFn: "SqueezeBackward5",
            samples: OpSamples(shapes: ["self": [2, 1, 3, 1]], arguments: ["dim": .intList([1, -1])]),
            forward: { try $0.tensor("self").squeeze(dims: $0.intList("dim")) },
            inPlace: { try $0.tensor("self").squeeze_(dims: $0.intList("dim")) }),
        OpDeclaration(
            "unsqueeze(Tensor self, int dim) -> Tensor", gradFn: "UnsqueezeBackward0", exposure: [.torch, .method],
            inPlaceExposure: [.method], inPlaceGradFn: "UnsqueezeBackward1",
            forward: { try $0.tensor("self").unsqueeze($0.int("dim")) },
            inPlace: { try $0.tensor("self").unsqueeze_($0.int("dim")) }),
        OpDeclaration(
            "flatten.using_ints(Tensor self, int start_dim=0, int end_dim=-1) -> Tensor", gradFn: "ViewBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").flatten(startDim: $0.int("start_dim"), endDim: $0.int("end_dim")) }),
        OpDeclaration(
            "unflatten.int(Tensor self, int dim, int[] sizes) -> Tensor", gradFn: "ViewBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["dim": .int(1), "sizes": .intList([-1, 1])]),
            forward: { try $0.tensor("self").unflatten($0.int("dim"), sizes: $0.intList("sizes")) })
    ]
}

extension Tensor {
    /// `transpose(dim0, dim1)`: swaps two dimensions (TransposeBackward0).
    public func transpose(_ dim0: Int, _ dim1: Int) throws -> Tensor {
        try transposeView(dim0, dim1, op: "transpose", backward: .transposeBackward0)
    }

    /// `transpose_(dim0, dim1)`: swaps two dimensions of this tensor in place (TransposeBackward1).
    @discardableResult
    public func transpose_(_ dim0: Int, _ dim1: Int) throws -> Tensor {
        try restride("transpose_") { try transposeView(dim0, dim1, op: "transpose_", backward: .transposeBackward1) }
    }

    private func transposeView(_ dim0: Int, _ dim1: Int, op: String, backward: NodeKind) throws -> Tensor {
        let d0 = try normalizeDim(dim0, rank: dim)
        let d1 = try normalizeDim(dim1, rank: dim)
        var newShape = shape
        var newStrides = strides
        if dim > 0 {
            newShape.swapAt(d0, d1)
            newStrides.swapAt(d0, d1)
        }
        return makeView(
            shape: newShape, strides: newStrides, op: op, backward: backward, keeping: [("dim0", .int(d0)), ("dim1", .int(d1))]
        ) { ctx in
            [try ctx.grad.transpose(d0, d1)]
        }
    }

    /// `t()`: transposes a matrix; 0-D and 1-D tensors come back as views of themselves (TBackward0).
    public func t() throws -> Tensor { try matrixTransposeView(op: "t", backward: .tBackward0) }

    /// `t_()`: transposes this matrix in place (TBackward1).
    @discardableResult
    public func t_() throws -> Tensor {
        try restride("t_") { try matrixTransposeView(op: "t_", backward: .tBackward1) }
    }

    private func matrixTransposeView(op: String, backward: NodeKind) throws -> Tensor {
        guard dim <= 2 else {
            throw TorchError.runtime("\(op)() expects a tensor with <= 2 dimensions, but self is \(dim)D")
        }
        var newShape = shape
        var newStrides = strides
        if dim == 2 {
            newShape.swapAt(0, 1)
            newStrides.swapAt(0, 1)
        }
        return makeView(shape: newShape, strides: newStrides, op: op, backward: backward) { ctx in
            [try ctx.grad.t()]
        }
    }

    /// `permute(*dims)`: reorders the dimensions (PermuteBackward0).
    public func permute(_ dims: [Int]) throws -> Tensor {
        guard dims.count == dim else {
            throw TorchError.runtime(
                "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(dims.count)"
            )
        }
        var seen = [Bool](repeating: false, count: dim)
        var order = [Int]()
        for d in dims {
            let n = try normalizeDim(d, rank: dim)
            if seen[n] { throw TorchError.runtime("permute(): duplicate dims are not allowed.") }
            seen[n] = true
            order.append(n)
        }
        var inverse = [Int](repeating: 0, count: dim)
        for (i, d) in order.enumerated() { inverse[d] = i }
        return makeView(
            shape: order.map { shape[$0] }, strides: order.map { strides[$0] },
            op: "permute", backward: .permuteBackward0
        ) { ctx in
            [try ctx.grad.permute(inverse)]
        }
    }

    /// `.T`: reverses all dimensions through `permute` (PermuteBackward0), with PyTorch's
    /// deprecation warnings for tensors that are not matrices.
    public var T: Tensor {
        get throws {
            if dim != 2 && dim != 0 {
                Diagnostics.warn(
                    "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor."
                )
            }
            if dim == 0 {
                Diagnostics.warn("Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases.")
            }
            return try permute(Array((0..<dim).reversed()))
        }
    }

    /// `.mT`: transposes the last two dimensions (`transpose(-2, -1)`, TransposeBackward0).
    public var mT: Tensor {
        get throws {
            guard dim >= 2 else {
                throw TorchError.runtime("tensor.mT is only supported on matrices or batches of matrices. Got \(dim)-D tensor.")
            }
            return try transpose(-2, -1)
        }
    }

    /// `squeeze()`: drops every size-1 dimension (SqueezeBackward0).
    public func squeeze() throws -> Tensor { squeezeAllView(op: "squeeze", backward: .squeezeBackward0) }

    /// `squeeze_()`: drops every size-1 dimension of this tensor in place (SqueezeBackward3).
    @discardableResult
    public func squeeze_() throws -> Tensor {
        try restride("squeeze_") { squeezeAllView(op: "squeeze_", backward: .squeezeBackward3) }
    }

    /// `squeeze_(dim)`: drops `dim` of this tensor in place if its size is 1 (SqueezeBackward4).
    @discardableResult
    public func squeeze_(_ dimension: Int) throws -> Tensor {
        let d = try normalizeDim(dimension, rank: dim)
        return try restride("squeeze_") { squeezeView(d, backward: .squeezeBackward4, op: "squeeze_") }
    }

    /// `squeeze(dims)`: drops those of `dims` whose size is 1 (SqueezeBackward2; a view).
    public func squeeze(dims: [Int]) throws -> Tensor {
        let d = try reductionDims(dims)
        return squeezeDimsView(d, given: dims, op: "squeeze", backward: .squeezeBackward2)
    }

    /// `squeeze_(dims)`: drops those of `dims` whose size is 1 from this tensor in place (SqueezeBackward5).
    @discardableResult
    public func squeeze_(dims: [Int]) throws -> Tensor {
        let d = try reductionDims(dims)
        return try restride("squeeze_") { squeezeDimsView(d, given: dims, op: "squeeze_", backward: .squeezeBackward5) }
    }

    /// A view without the sorted dims `dims` whose size is 1; the node keeps the dims as given.
    private func squeezeDimsView(_ dims: [Int], given: [Int], op: String, backward: NodeKind) -> Tensor {
        let dropped = dim == 0 ? [] : dims.filter { shape[$0] == 1 }
        let kept = shape.indices.filter { !dropped.contains($0) }
        let old = shape
        return makeView(
            shape: kept.map { shape[$0] }, strides: kept.map { strides[$0] }, op: op, backward: backward,
            keeping: [("dim", .ints(given)), ("self_sym_sizes", .ints(old))]
        ) { ctx in
            var g = ctx.grad
            for d in dropped { g = try g.unsqueeze(d) }
            return [g]
        }
    }

    private func squeezeAllView(op: String, backward: NodeKind) -> Tensor {
        let kept = shape.indices.filter { shape[$0] != 1 }
        let old = shape
        return makeView(
            shape: kept.map { shape[$0] }, strides: kept.map { strides[$0] }, op: op, backward: backward,
            keeping: [("self_sym_sizes", .ints(old))]
        ) { ctx in
            var g = ctx.grad
            for (d, s) in old.enumerated() where s == 1 { g = try g.unsqueeze(d) }
            return [g]
        }
    }

    /// `squeeze(dim)`: drops `dim` if its size is 1 (SqueezeBackward1; a view either way).
    public func squeeze(_ dimension: Int) throws -> Tensor {
        let d = try normalizeDim(dimension, rank: dim)
        return squeezeView(d, backward: .squeezeBackward1, op: "squeeze")
    }

    /// A view without dimension `d` when its size is 1, recorded under `backward`.
    func squeezeView(_ d: Int, backward: NodeKind, op: String) -> Tensor {
        var newShape = shape
        var newStrides = strides
        let squeezes = dim > 0 && shape[d] == 1
        if squeezes {
            newShape.remove(at: d)
            newStrides.remove(at: d)
        }
        return makeView(
            shape: newShape, strides: newStrides, op: op, backward: backward,
            keeping: [("dim", .int(d)), ("self_sym_sizes", .ints(shape))]
        ) { ctx in
            [squeezes ? try ctx.grad.unsqueeze(d) : ctx.grad]
        }
    }

    /// `unsqueeze(dim)`: inserts a size-1 dimension (UnsqueezeBackward0).
    public func unsqueeze(_ dimension: Int) throws -> Tensor {
        try unsqueezeView(dimension, op: "unsqueeze", backward: .unsqueezeBackward0)
    }

    /// `unsqueeze_(dim)`: inserts a size-1 dimension into this tensor in place (UnsqueezeBackward1).
    @discardableResult
    public func unsqueeze_(_ dimension: Int) throws -> Tensor {
        try restride("unsqueeze_") { try unsqueezeView(dimension, op: "unsqueeze_", backward: .unsqueezeBackward1) }
    }

    private func unsqueezeView(_ dimension: Int, op: String, backward: NodeKind) throws -> Tensor {
        let d = try normalizeDim(dimension, rank: dim + 1)
        var newShape = shape
        var newStrides = strides
        newShape.insert(1, at: d)
        newStrides.insert(d < dim ? shape[d] * strides[d] : 1, at: d)
        return makeView(
            shape: newShape, strides: newStrides, op: op, backward: backward, keeping: [("dim", .int(d))]
        ) { ctx in
            [try ctx.grad.squeeze(d)]
        }
    }

    /// Runs an in-place view op (`t_`, `transpose_`, `squeeze_`, `unsqueeze_`), as PyTorch does:
    /// after the in-place checks, this tensor takes the shape, strides and offset of the view
    /// `restrided` makes (recorded under the in-place op's grad_fn, which becomes this tensor's
    /// history), and its version is bumped.
    private func restride(_ op: String, _ restrided: () throws -> Tensor) throws -> Tensor {
        try checkInPlace()
        let view = try restrided()
        (shape, strides, offset) = (view.shape, view.strides, view.offset)
        if let node = view.gradFn {
            gradFn = node
            outputNr = view.outputNr
        }
        bumpVersion(op)
        return self
    }

    /// `flatten(start_dim, end_dim)`: merges a range of dimensions through `reshape`.
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if dim == 0 { return try reshape([1]) }
        let s = try normalizeDim(startDim, rank: dim)
        let e = try normalizeDim(endDim, rank: dim)
        guard s <= e else {
            throw TorchError.runtime("flatten() has invalid args: start_dim cannot come after end_dim")
        }
        if s == e { return self }
        let merged = shape[s...e].reduce(1, *)
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// `unflatten(dim, sizes)`: splits dimension `dim` into `sizes` (one may be -1) through `view`.
    public func unflatten(_ dim: Int, sizes: [Int]) throws -> Tensor {
        guard self.dim > 0 else {
            throw TorchError.runtime(
                "unflatten got an unexpected error:\nDimension specified as \(dim) but tensor has no dimensions")
        }
        let d = try normalizeDim(dim, rank: self.dim)
        guard !sizes.isEmpty else { throw TorchError.runtime("unflatten: sizes must be non-empty") }
        if sizes.filter({ $0 == -1 }).count > 1 { throw TorchError.runtime("unflatten: only one dimension can be inferred") }
        if let bad = sizes.first(where: { $0 < -1 }) { throw TorchError.runtime("unflatten: invalid shape dimension \(bad)") }
        let known = sizes.filter { $0 != -1 }.reduce(1, *)
        let inferred = sizes.map { $0 == -1 && known != 0 ? shape[d] / known : $0 }
        guard inferred.reduce(1, *) == shape[d] else {
            throw TorchError.runtime(
                "unflatten: Provided sizes [\(sizes.map(String.init).joined(separator: ", "))] don't multiply up to the size of dim \(d) (\(shape[d])) in the input tensor"
            )
        }
        return try view(Array(shape[..<d]) + inferred + Array(shape[(d + 1)...]))
    }

    /// `contiguous()`: `self` when already contiguous, else a contiguous copy (CloneBackward0).
    public func contiguous() throws -> Tensor {
        isContiguous ? self : try contiguousCopy()
    }

    /// `alias()`: a view with the same geometry (AliasBackward0), as `x[...]` returns.
    func aliasView() -> Tensor {
        makeView(shape: shape, strides: strides, op: "alias", backward: .aliasBackward0) { ctx in [ctx.grad] }
    }
}

extension NodeKind {
    static let aliasBackward0 = NodeKind("AliasBackward0")
    static let permuteBackward0 = NodeKind("PermuteBackward0")
    static let squeezeBackward0 = NodeKind("SqueezeBackward0")
    static let squeezeBackward1 = NodeKind("SqueezeBackward1")
    static let squeezeBackward2 = NodeKind("SqueezeBackward2")
    static let squeezeBackward3 = NodeKind("SqueezeBackward3")
    static let squeezeBackward5 = NodeKind("SqueezeBackward5")
    static let tBackward0 = NodeKind("TBackward0")
    static let tBackward1 = NodeKind("TBackward1")
    static let transposeBackward0 = NodeKind("TransposeBackward0")
    static let transposeBackward1 = NodeKind("TransposeBackward1")
    static let unsqueezeBackward0 = NodeKind("UnsqueezeBackward0")
    static let unsqueezeBackward1 = NodeKind("UnsqueezeBackward1")
}
