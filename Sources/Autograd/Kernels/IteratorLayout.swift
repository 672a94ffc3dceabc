/// The memory layout PyTorch 2.15's TensorIterator gives the output of an elementwise op
/// (aten/src/ATen/TensorIterator.cpp): `order` lists the output's dims from the slowest-moving
/// to the fastest in memory, `strides` are the output's strides.
struct IteratorLayout {
    let order: [Int]
    let strides: [Int]

    /// The layout of an elementwise result of `shape` computed from `operands`, or nil when it
    /// is row-major (every operand contiguous, or TensorIterator's order comes out inverted).
    ///
    /// Mirrors `compute_fast_setup_type`: operands of the output's shape that are all
    /// channels-last give a channels-last output, all non-overlapping and dense with equal
    /// strides give those strides. Otherwise `compute_strides` (broadcast dims stride 0) and
    /// `reorder_dimensions` (an insertion sort of the dims by stride where the first operand
    /// that tells two dims apart decides, equal strides putting the smaller dim first) order
    /// the dims, and `allocate_or_resize_outputs` lays the output densely in that order.
    init?(shape: [Int], operands: [Tensor]) {
        if shape.count < 2 || operands.allSatisfy({ $0.isContiguous }) { return nil }
        if operands.allSatisfy({ $0.shape == shape }), let fast = IteratorLayout(sameShape: shape, operands: operands) {
            self = fast
            return
        }
        let perm = IteratorLayout.reorderedDims(shape: shape, operands: operands)
        if perm.elementsEqual(shape.indices.reversed()) { return nil }
        var strides = [Int](repeating: 0, count: shape.count)
        var next = 1
        for d in perm {
            strides[d] = next
            next *= shape[d]
        }
        self.init(order: perm.reversed(), strides: strides)
    }

    private init(order: [Int], strides: [Int]) {
        self.order = order
        self.strides = strides
    }

    /// `fast_set_up`'s layouts for operands that all have the output's shape, nil when it
    /// falls back to the general rule (contiguous operands are handled before).
    private init?(sameShape shape: [Int], operands: [Tensor]) {
        let strides: [Int]
        if shape.count == 4, operands.allSatisfy({ $0.isChannelsLastContiguous }) {
            let c = shape[1]
            let w = shape[3]
            let h = shape[2]
            strides = [h * w * c, 1, w * c, c]
        } else if let first = operands.first, operands.allSatisfy({ $0.isNonOverlappingAndDense }),
            operands.allSatisfy({ $0.strides == first.strides })
        {
            strides = first.strides
        } else {
            return nil
        }
        let order = shape.indices.sorted { strides[$0] > strides[$1] || (strides[$0] == strides[$1] && $0 < $1) }
        self.init(order: order, strides: strides)
    }

    /// TensorIterator's `perm_` after `reorder_dimensions`: output dims from the fastest-moving.
    private static func reorderedDims(shape: [Int], operands: [Tensor]) -> [Int] {
        let strides = operands.map { iteratorStrides($0, shape: shape) }
        return reorderDimensions(count: shape.count) { d0, d1 in
            strides.lazy.compactMap { strideVerdict($0, shape: shape, d0, d1) }.first ?? 0
        }
    }

    /// `compute_strides`: an operand's strides aligned to the output's dims, 0 where it is
    /// broadcast (missing leading dims, or size 1 against a larger output dim).
    static func iteratorStrides(_ t: Tensor, shape: [Int]) -> [Int] {
        let lead = shape.count - t.shape.count
        var strides = [Int](repeating: 0, count: shape.count)
        for i in t.shape.indices where !(t.shape[i] == 1 && shape[lead + i] != 1) {
            strides[lead + i] = t.strides[i]
        }
        return strides
    }
}

extension Tensor {
    /// Whether a 4-D tensor is laid out as channels-last (`is_contiguous(memory_format=torch.channels_last)`).
    var isChannelsLastContiguous: Bool {
        guard shape.count == 4 else { return false }
        var expected = 1
        for d in [1, 3, 2, 0] where shape[d] != 1 {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// Whether the elements fill a block of storage without gaps or overlaps in some order of the
    /// dims (c10's `is_non_overlapping_and_dense`).
    var isNonOverlappingAndDense: Bool {
        let dims = shape.indices.filter { shape[$0] >= 2 }.sorted { strides[$0] < strides[$1] }
        var required = 1
        for d in dims {
            if strides[d] != required { return false }
            required *= shape[d]
        }
        return true
    }

    /// A view of this tensor's values aligned to an output of rank `layout.order.count` (missing
    /// leading dims of size 1) with its dims in `layout.order`, for a kernel that walks the
    /// output in memory order. It records nothing: kernels read it, they never return it.
    func iteratorView(_ layout: IteratorLayout) -> Tensor {
        let lead = layout.order.count - shape.count
        let alignedShape = [Int](repeating: 1, count: lead) + shape
        let alignedStrides = [Int](repeating: 0, count: lead) + strides
        return Tensor(
            storage: storage, shape: layout.order.map { alignedShape[$0] },
            strides: layout.order.map { alignedStrides[$0] }, offset: offset)
    }
}

/// Runs the row-major elementwise kernel `body` so that its result has the layout PyTorch's
/// TensorIterator gives an output of `shape` from `operands`: `body` gets the operands as
/// `iteratorView`s and the output's shape in memory order, and its row-major result is
/// re-strided. Without such a layout (contiguous operands) `body` runs on the operands as given.
func inIteratorLayout(
    _ operands: [Tensor], shape: [Int], _ body: ([Tensor], [Int]) throws -> Tensor
) rethrows -> Tensor {
    guard let layout = IteratorLayout(shape: shape, operands: operands) else { return try body(operands, shape) }
    let result = try body(operands.map { $0.iteratorView(layout) }, layout.order.map { shape[$0] })
    return Tensor(storage: result.storage, shape: shape, strides: layout.strides, offset: result.offset)
}

/// `inIteratorLayout` for a binary op. The common row-major cases (rank below 2, both
/// operands contiguous, as `IteratorLayout` checks first) call `body` without building the
/// operand array, which is most of the cost of an op on a small tensor.
func inIteratorLayout(
    _ a: Tensor, _ b: Tensor, shape: [Int], _ body: (Tensor, Tensor, [Int]) throws -> Tensor
) rethrows -> Tensor {
    if shape.count < 2 || (a.isContiguous && b.isContiguous) { return try body(a, b, shape) }
    return try inIteratorLayout([a, b], shape: shape) { operands, shape in try body(operands[0], operands[1], shape) }
}

extension Tensor {
    /// This row-major tensor's storage re-strided to the layout `empty_like(model)` gives
    /// (`memory_format=torch.preserve_format`), for values that do not depend on position.
    public func inLayout(of model: Tensor) -> Tensor {
        guard let layout = IteratorLayout(shape: model.shape, operands: [model]) else { return self }
        return Tensor(storage: storage, shape: shape, strides: layout.strides, offset: offset)
    }
}
