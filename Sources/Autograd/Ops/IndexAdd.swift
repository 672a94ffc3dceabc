/// `index_fill` (IndexFillBackward0), `index_add` (IndexAddBackward0) and `index_copy`
/// (IndexCopyBackward0), with their in-place variants: whole slices along `dim` at the listed
/// indices set to a value, increased by slices of `source`, or replaced by them.
enum IndexAddOps {
    private static let rows = OpSamples.Constant([1, 0], shape: [2], dtype: .int64)

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "index_fill.int_Scalar(Tensor self, int dim, Tensor index, Scalar value) -> Tensor",
            gradFn: "IndexFillBackward0", exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(arguments: ["dim": .int(1), "value": .scalar(.double(-1.5))], constants: ["index": rows]),
            forward: {
                try $0.tensor("self").indexFill(dim: $0.int("dim"), index: $0.tensor("index"), value: $0.scalar("value"))
            },
            inPlace: {
                try $0.tensor("self").indexFill_(dim: $0.int("dim"), index: $0.tensor("index"), value: $0.scalar("value"))
            }),
        OpDeclaration(
            "index_add(Tensor self, int dim, Tensor index, Tensor source, *, Scalar alpha=1) -> Tensor",
            gradFn: "IndexAddBackward0", exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(
                shapes: ["source": [2, 2]], arguments: ["dim": .int(1), "alpha": .scalar(.double(2))],
                constants: ["index": OpSamples.Constant([2, 2], shape: [2], dtype: .int64)]),
            forward: {
                try $0.tensor("self").indexAdd(
                    dim: $0.int("dim"), index: $0.tensor("index"), source: $0.tensor("source"), alpha: $0.scalar("alpha"))
            },
            inPlace: {
                try $0.tensor("self").indexAdd_(
                    dim: $0.int("dim"), index: $0.tensor("index"), source: $0.tensor("source"), alpha: $0.scalar("alpha"))
            }),
        OpDeclaration(
            "index_copy(Tensor self, int dim, Tensor index, Tensor source) -> Tensor",
            gradFn: "IndexCopyBackward0", exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(shapes: ["source": [2, 2]], arguments: ["dim": .int(1)], constants: ["index": rows]),
            forward: {
                try $0.tensor("self").indexCopy(dim: $0.int("dim"), index: $0.tensor("index"), source: $0.tensor("source"))
            },
            inPlace: {
                try $0.tensor("self").indexCopy_(dim: $0.int("dim"), index: $0.tensor("index"), source: $0.tensor("source"))
            })
    ]
}

extension Tensor {
    /// The indices of `index` along dim `d` of this tensor, negative ones wrapped when
    /// `wrapping` (index_fill) and refused otherwise (index_add). index_add also takes int32
    /// indices, index_fill only int64 ones.
    private func indexAlong(
        _ d: Int, _ index: Tensor, op: String, wrapping: Bool, error: (Int, Int) -> TorchError
    ) throws -> [Int] {
        guard index.dtype == .int64 || (!wrapping && index.dtype == .int32) else {
            throw TorchError.index("\(op)(): Expected dtype int64 for index.")
        }
        guard index.dim <= 1 else { throw TorchError.index("\(op)(): Index is supposed to be a vector") }
        let size = dim == 0 ? 1 : shape[d]
        return try index.int64Values().map { raw in
            let i = Int(raw)
            guard i >= (wrapping ? -size : 0) && i < size else { throw error(i, size) }
            return i < 0 ? i + size : i
        }
    }

    /// The slice at `i` along `d` (the tensor itself when 0-dim).
    private func slab(_ d: Int, _ i: Int) throws -> Tensor { dim == 0 ? self : try select(d, i) }

    /// `torch.index_fill(self, dim, index, value)`: the slices at `index` along `dim` set to `value`.
    public func indexFill(dim dimension: Int, index: Tensor, value: ScalarValue) throws -> Tensor {
        let d = dim == 0 ? 0 : try normalizeDim(dimension, rank: dim)
        let picked = try indexAlong(d, index, op: "index_fill_", wrapping: true) { i, size in
            TorchError.index("index \(i) is out of bounds for dimension \(d) with size \(size)")
        }
        let out = try GradMode.noGrad { () throws -> Tensor in
            let copy = try clone()
            for i in picked { try copy.slab(d, i).writeUnchecked(Tensor.full([], value.doubleValue, dtype: dtype)) }
            return copy
        }
        record("index_fill", .indexFillBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.indexFill(dim: d, index: index, value: .int(0))]
        }
        return out
    }

    /// `index_fill_(dim, index, value)`.
    @discardableResult
    public func indexFill_(dim dimension: Int, index: Tensor, value: ScalarValue) throws -> Tensor {
        try inPlaceMath("index_fill_") { try indexFill(dim: dimension, index: index, value: value) }
    }

    /// `torch.index_add(self, dim, index, source, alpha=1)`: `alpha * source[k]` (along `dim`)
    /// added to the slice at `index[k]`, repeated indices accumulating.
    public func indexAdd(dim dimension: Int, index: Tensor, source: Tensor, alpha: ScalarValue = .int(1)) throws -> Tensor {
        let d = dim == 0 ? 0 : try normalizeDim(dimension, rank: dim)
        let picked = try indexAlong(d, index, op: "index_add_", wrapping: false) { i, size in
            TorchError.runtime("index \(i) is out of bounds for dimension \(d) with size \(size)")
        }
        let sourceCount = source.dim == 0 ? 1 : source.shape[d]
        guard picked.count == sourceCount else {
            throw TorchError.runtime(
                "index_add_(): Number of indices (\(picked.count)) should be equal to source.size(dim): (\(sourceCount)), for dim: \(d)"
            )
        }
        let scale = alpha.doubleValue
        let out = try GradMode.noGrad { () throws -> Tensor in
            let copy = try clone()
            for (k, i) in picked.enumerated() {
                let target = try copy.slab(d, i)
                try target.writeUnchecked(target.add(.tensor(source.slab(d, k)), alpha: scale))
            }
            return copy
        }
        let sourceShape = source.shape
        record("index_add", .indexAddBackward0, inputs: [self, source], outputs: [out]) { ctx in
            var gradSource = sourceShape.isEmpty ? try ctx.grad.reshape([]) : try ctx.grad.indexSelect(dim: d, index: index)
            if scale != 1 { gradSource = try gradSource.mul(.scalar(alpha)) }
            return [ctx.grad, gradSource]
        }
        return out
    }

    /// `index_add_(dim, index, source, alpha=1)`.
    @discardableResult
    public func indexAdd_(dim dimension: Int, index: Tensor, source: Tensor, alpha: ScalarValue = .int(1)) throws -> Tensor {
        try inPlaceMath("index_add_") { try indexAdd(dim: dimension, index: index, source: source, alpha: alpha) }
    }

    /// `torch.index_copy(self, dim, index, source)`: the slices at `index[k]` along `dim`
    /// replaced by `source`'s slice `k` (the last write wins for a repeated index), with
    /// `index_copy_meta`'s checks. Backward: `grad` with those slices zeroed for `self`, the
    /// slices of `grad` at `index` for `source`.
    public func indexCopy(dim dimension: Int, index: Tensor, source: Tensor) throws -> Tensor {
        let d = dim == 0 ? 0 : try normalizeDim(dimension, rank: dim)
        try checkIndexCopy(d, index: index, source: source)
        let picked = try index.int64Values().map { raw -> Int in
            let size = dim == 0 ? 1 : shape[d]
            guard raw >= 0 && raw < size else {
                throw TorchError.index("index_copy_(): index \(raw) is out of bounds for dimension \(d) with size \(size)")
            }
            return Int(raw)
        }
        let out = try GradMode.noGrad { () throws -> Tensor in
            let copy = try clone()
            for (k, i) in picked.enumerated() { try copy.slab(d, i).writeUnchecked(source.slab(d, k)) }
            return copy
        }
        let sourceShape = source.shape
        record(
            "index_copy", .indexCopyBackward0, inputs: [self, source], outputs: [out],
            saving: [.input("index", index), .input("source", source)],
            keeping: [("dim", .int(d)), ("source_dim", .int(source.dim))]
        ) { ctx in
            let gradSelf = try ctx.grad.indexFill(dim: d, index: index, value: .int(0))
            let gradSource = sourceShape.isEmpty ? try ctx.grad.reshape([]) : try ctx.grad.indexSelect(dim: d, index: index)
            return [gradSelf, gradSource]
        }
        return out
    }

    /// `index_copy_(dim, index, source)`.
    @discardableResult
    public func indexCopy_(dim dimension: Int, index: Tensor, source: Tensor) throws -> Tensor {
        try inPlaceMath("index_copy_") { try indexCopy(dim: dimension, index: index, source: source) }
    }

    /// `index_copy_meta`'s checks of `index` and `source` against this tensor, in its order.
    private func checkIndexCopy(_ d: Int, index: Tensor, source: Tensor) throws {
        guard index.dim < 2 else {
            throw TorchError.index("index_copy_(): Index should have dimension 1 or 0 (got \(index.dim))")
        }
        if source.dim == 0 && index.numel != 1 {
            throw TorchError.index(
                "index_copy_(): When source is scalar, index should have one element (got \(index.numel))")
        } else if source.dim != dim && source.dim != 0 && dim != 0 {
            throw TorchError.index(
                "index_copy_(): When source and destination are not scalars, their dimensionality must match. Source dimensionality (\(source.dim)), destination dimensionality (\(dim))"
            )
        }
        guard index.dtype == .int64 else {
            throw TorchError.runtime("index_copy_(): Expected a long tensor for index, but got \(index.dtype.scalarTypeName)")
        }
        guard dtype == source.dtype else {
            throw TorchError.runtime(
                "index_copy_(): self and source expected to have the same dtype, but got (self) \(dtype.scalarTypeName) and (source) \(source.dtype.scalarTypeName)"
            )
        }
        func sliced(_ s: [Int]) -> [Int] { s.isEmpty ? s : s.enumerated().filter { $0.offset != d }.map(\.element) }
        let (selfSlice, sourceSlice) = (sliced(shape), sliced(source.shape))
        guard selfSlice == sourceSlice else {
            func text(_ s: [Int]) -> String { s.map(String.init).joined(separator: " ") }
            throw TorchError.runtime(
                "index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: \(text(selfSlice)) at dimension \(d) and source slice shape: \(text(sourceSlice)) at dimension 0."
            )
        }
        guard source.dim == 0 || index.numel == source.shape[d] else {
            throw TorchError.index(
                "index_copy_(): Number of indices (\(index.numel)) should be equal to source.size(dim) (\(source.shape[d]))")
        }
    }
}

extension NodeKind {
    static let indexCopyBackward0 = NodeKind("IndexCopyBackward0")
    static let indexAddBackward0 = NodeKind("IndexAddBackward0")
    static let indexFillBackward0 = NodeKind("IndexFillBackward0")
}
