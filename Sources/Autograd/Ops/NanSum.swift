/// `nansum` (NansumBackward0) and `nanmean` (composed as ATen composes it: `nansum` divided by
/// the count of non-NaN elements, DivBackward0): sums and means that skip NaN.
enum NanSumOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "nansum(Tensor self, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "NansumBackward0", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").nansum(
                    dims: $0.optionalIntList("dim"), keepdim: $0.bool("keepdim"), dtype: $0.optionalDType("dtype"))
            }),
        OpDeclaration(
            "nanmean(Tensor self, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "DivBackward0", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").nanmean(
                    dims: $0.optionalIntList("dim"), keepdim: $0.bool("keepdim"), dtype: $0.optionalDType("dtype"))
            })
    ]
}

/// NaN as 0, other values as they are.
private struct NanToZero: PointwiseFunction {
    func apply<T: FloatElement>(_ x: T) -> T { x.isNaN ? 0 : x }
}

extension Tensor {
    /// The sum over `dims` (all dims when nil or empty) counting NaN as 0, in `dtype` when given
    /// (the input is converted first, as ATen does); integers and bools sum to int64. Backward:
    /// the gradient expanded to `self`'s shape, times `self` not being NaN.
    public func nansum(dims: [Int]? = nil, keepdim: Bool = false, dtype requested: DType? = nil) throws -> Tensor {
        let source = requested.map { materialized(as: $0) } ?? self
        let reduced = try reductionDims(dims ?? [])
        let all = reduced.isEmpty ? Array(0..<dim) : reduced
        let finite = source.dtype.isFloatingPoint ? mapPointwise(NanToZero(), source) : source
        let out = try finite.sumValues(all, keepdim: keepdim)
        let (sizes, inputDType) = (shape, dtype)
        record(
            "nansum", .nansumBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)],
            keeping: [("dim", .ints(dims ?? [])), ("keepdim", .bool(keepdim))]
        ) { ctx in
            var grad = try ctx.grad.to(inputDType)
            if !keepdim { for d in all.sorted() { grad = try grad.unsqueeze(d) } }
            let kept = try ctx.saved("self").isnan().logical("logical_not", nil) { a, _ in !a }
            return [try grad.expand(sizes).mul(.tensor(kept))]
        }
        return out
    }

    /// The mean of the non-NaN values over `dims`: `nansum` divided by their count (floating
    /// inputs only).
    public func nanmean(dims: [Int]? = nil, keepdim: Bool = false, dtype requested: DType? = nil) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation(
                "nanmean(): expected input to have floating point or complex dtype but got \(dtype.scalarTypeName)")
        }
        let counts = try isnan().logical("logical_not", nil) { a, _ in !a }.sum(dims: dims ?? [], keepdim: keepdim)
        return try nansum(dims: dims, keepdim: keepdim, dtype: requested).div(.tensor(counts))
    }
}

extension NodeKind {
    static let nansumBackward0 = NodeKind("NansumBackward0")
}
