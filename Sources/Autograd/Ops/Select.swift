/// select, slice and narrow (views), and the gather/scatter pair behind advanced indexing.
/// (`slice` is Python's `x[a:b]`, not a Python-facing name.)
enum SelectOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "select.int(Tensor self, int dim, int index) -> Tensor", gradFn: "SelectBackward0",
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").select($0.int("dim"), $0.int("index")) }),
        OpDeclaration(
            "narrow(Tensor self, int dim, int start, int length) -> Tensor", gradFn: "SliceBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["length": .int(2)]),
            forward: { try $0.tensor("self").narrow($0.int("dim"), start: $0.int("start"), length: $0.int("length")) })
    ]
}

extension Tensor {
    /// `select(dim, index)`: the view at `index` along `dim`, which is removed (SelectBackward0).
    public func select(_ dimension: Int, _ index: Int) throws -> Tensor {
        guard dim > 0 else { throw TorchError.index("select() cannot be applied to a 0-dim tensor.") }
        let d = try normalizeDim(dimension, rank: dim)
        let size = shape[d]
        guard index >= -size && index < size else {
            throw TorchError.index(
                "select(): index \(index) out of range for tensor of size [\(shape.map(String.init).joined(separator: ", "))] at dimension \(d)"
            )
        }
        let i = index < 0 ? index + size : index
        var newShape = shape
        var newStrides = strides
        newShape.remove(at: d)
        newStrides.remove(at: d)
        let old = shape
        return makeView(
            shape: newShape, strides: newStrides, offset: offset + i * strides[d],
            op: "select", backward: .selectBackward0
        ) { ctx in
            [try ctx.grad.selectBackward(inputShape: old, dim: d, index: i)]
        }
    }

    /// `slice(dim, start, end, step)` (Python's `x[start:end:step]` along `dim`): bounds are
    /// wrapped and clamped like Python's; a view (SliceBackward0).
    public func slice(_ dimension: Int = 0, start: Int? = nil, end: Int? = nil, step: Int = 1) throws -> Tensor {
        guard dim > 0 else { throw TorchError.index("slice() cannot be applied to a 0-dim tensor.") }
        guard step > 0 else { throw TorchError.runtime("slice step must be positive") }
        let d = try normalizeDim(dimension, rank: dim)
        let (s, e) = sliceBounds(size: shape[d], start: start, end: end)
        var newShape = shape
        var newStrides = strides
        newShape[d] = e > s ? (e - s - 1) / step + 1 : 0
        // A step past the end leaves at most one element, whose stride does not matter.
        newStrides[d] = newShape[d] > 1 ? strides[d] * step : strides[d]
        let old = shape
        return makeView(
            shape: newShape, strides: newStrides, offset: offset + s * strides[d],
            op: "slice", backward: .sliceBackward0
        ) { ctx in
            [try ctx.grad.sliceBackward(inputShape: old, dim: d, start: s, end: e, step: step)]
        }
    }

    /// `narrow(dim, start, length)`: a slice of `length` elements from `start`.
    public func narrow(_ dimension: Int, start: Int, length: Int) throws -> Tensor {
        guard dim > 0 else { throw TorchError.runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let d = try normalizeDim(dimension, rank: dim)
        let size = shape[d]
        guard start >= -size && start <= size else {
            throw TorchError.index("start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let s = start < 0 ? start + size : start
        guard length >= 0 && s <= size - length else {
            throw TorchError.runtime("start (\(s)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return try slice(d, start: s, end: s + length)
    }

    /// `select_backward`: zeros of `inputShape` holding `self` at `index` along `dim`.
    func selectBackward(inputShape: [Int], dim d: Int, index: Int) throws -> Tensor {
        let out = Tensor.zeros(inputShape, dtype: dtype)
        try GradMode.noGrad { try out.select(d, index).writeUnchecked(self) }
        record("select_backward", .selectBackwardBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.select(d, index)]
        }
        return out
    }

    /// `slice_backward`: zeros of `inputShape` holding `self` in the slice `start..<end` by `step`.
    func sliceBackward(inputShape: [Int], dim d: Int, start: Int, end: Int, step: Int) throws -> Tensor {
        let out = Tensor.zeros(inputShape, dtype: dtype)
        try GradMode.noGrad { try out.slice(d, start: start, end: end, step: step).writeUnchecked(self) }
        record("slice_backward", .sliceBackwardBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.slice(d, start: start, end: end, step: step)]
        }
        return out
    }

    /// The elements at row-major `positions` of this tensor, shaped `shape` (a copy,
    /// IndexBackward0); its backward scatters the gradient back.
    func gatherFlat(_ positions: [Int], shape outShape: [Int]) -> Tensor {
        let src = contiguousStorage()
        let out = Storage.uninitialized(dtype, count: positions.count)
        dtype.dispatch(OffsetGatherVisitor(source: src, offsets: positions, out: out))
        let result = Tensor(storage: out, shape: outShape)
        let inputShape = shape
        record("index", .indexBackward0, inputs: [self], outputs: [result]) { ctx in
            [ctx.grad.scatterAddFlat(positions, into: inputShape)]
        }
        return result
    }

    /// Zeros of `shape` with this tensor's elements added at row-major `positions`
    /// (`index_put_(..., accumulate=True)` on zeros, IndexPutImplBackward0).
    func scatterAddFlat(_ positions: [Int], into outShape: [Int]) -> Tensor {
        let result = Tensor.zeros(outShape, dtype: dtype)
        dtype.dispatch(
            OffsetScatterVisitor(
                values: contiguousStorage(), offsets: positions,
                destination: result.storage, accumulate: true))
        let valuesShape = shape
        record("_index_put_impl_", .indexPutImplBackward0, inputs: [nil, self], outputs: [result]) { ctx in
            [nil, ctx.grad.gatherFlat(positions, shape: valuesShape)]
        }
        return result
    }
}

/// Python's slice bounds for a dimension of `size` (step > 0): negative values count from
/// the end, everything is clamped to `0...size`, and an empty range keeps `end == start`.
func sliceBounds(size: Int, start: Int?, end: Int?) -> (Int, Int) {
    func clamp(_ v: Int) -> Int {
        let w = v < 0 ? v + size : v
        return min(max(w, 0), size)
    }
    let s = clamp(start ?? 0)
    let e = max(clamp(end ?? size), s)
    return (s, e)
}

extension NodeKind {
    static let indexBackward0 = NodeKind("IndexBackward0")
    static let indexPutImplBackward0 = NodeKind("IndexPutImplBackward0")
    static let selectBackward0 = NodeKind("SelectBackward0")
    static let selectBackwardBackward0 = NodeKind("SelectBackwardBackward0")
    static let sliceBackward0 = NodeKind("SliceBackward0")
    static let sliceBackwardBackward0 = NodeKind("SliceBackwardBackward0")
}
