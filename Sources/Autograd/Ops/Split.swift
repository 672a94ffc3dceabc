/// `split`, `split_with_sizes`, `chunk` and `unbind`: views of consecutive pieces of a tensor
/// along one dimension, all outputs of one node as in PyTorch (SplitBackward0,
/// SplitWithSizesBackward0, UnbindBackward0), whose backward joins the pieces' gradients with
/// `cat` (`stack` for unbind), zeros standing in for pieces that got none.
extension Tensor {
    /// `split(split_size, dim)`: pieces of `size` elements along `dim`, the last one shorter
    /// when `size` does not divide the dimension (SplitBackward0).
    public func split(_ size: Int, dim dimension: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let d = try normalizeDim(dimension, rank: dim)
        guard size >= 0 else { throw TorchError.runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        let length = shape[d]
        guard size > 0 || length == 0 else {
            throw TorchError.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(length)")
        }
        return pieces(
            Self.pieceSizes(size, of: length), along: d, op: "split", backward: .splitBackward0,
            keeping: [("dim", .int(d)), ("self_sym_sizes", .ints(shape)), ("split_size", .int(size))])
    }

    /// `split_with_sizes(split_sizes, dim)`: pieces of the given sizes, which must add up to
    /// the dimension (SplitWithSizesBackward0).
    public func split(sizes: [Int], dim dimension: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let d = try normalizeDim(dimension, rank: dim)
        for size in sizes where size < 0 {
            throw TorchError.runtime(
                "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=\(listText(sizes))")
        }
        guard sizes.reduce(0, +) == shape[d] else {
            throw TorchError.runtime(
                "split_with_sizes expects split_sizes to sum exactly to \(shape[d]) (input tensor's size at dimension \(d)), but got split_sizes=\(listText(sizes))"
            )
        }
        return pieces(
            sizes, along: d, op: "split_with_sizes", backward: .splitWithSizesBackward0,
            keeping: [("dim", .int(d)), ("self_sym_sizes", .ints(shape)), ("split_sizes", .ints(sizes))])
    }

    /// `chunk(chunks, dim)`: `split` with pieces of `ceil(size / chunks)` (so possibly fewer
    /// than `chunks` pieces), as ATen computes it.
    public func chunk(_ chunks: Int, dim dimension: Int = 0) throws -> [Tensor] {
        let (d, size) = try chunkSize(chunks, dim: dimension)
        if size == 0 && shape[d] == 0 { return try split(sizes: [Int](repeating: 0, count: chunks), dim: d) }
        return try split(size, dim: d)
    }

    /// `unsafe_chunk(chunks, dim)`: `chunk`'s pieces on the same storage, but not views to
    /// autograd (UnsafeSplitBackward0) and each with its own version counter, so an in-place op
    /// on one records itself as on any tensor (ATen's RNN cells apply `sigmoid_` to their gates'
    /// chunks).
    public func unsafeChunk(_ chunks: Int, dim dimension: Int = 0) throws -> [Tensor] {
        let (d, size) = try chunkSize(chunks, dim: dimension)
        return pieces(
            Self.pieceSizes(size, of: shape[d]), along: d, op: "unsafe_split", backward: .unsafeSplitBackward0,
            keeping: [("dim", .int(d)), ("self_sym_sizes", .ints(shape)), ("split_size", .int(size))], asViews: false)
    }

    /// `chunk`'s checked dim and piece size: `ceil(size / chunks)`.
    private func chunkSize(_ chunks: Int, dim dimension: Int) throws -> (dim: Int, size: Int) {
        guard dim > 0 else { throw TorchError.runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw TorchError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let d = try normalizeDim(dimension, rank: dim)
        return (d, (shape[d] + chunks - 1) / chunks)
    }

    /// The sizes of `split(size)`'s pieces of a dimension of `length`: `size` each, the last
    /// one shorter, one piece for size 0.
    private static func pieceSizes(_ size: Int, of length: Int) -> [Int] {
        let count = size == 0 ? 1 : Swift.max((length + size - 1) / size, 1)
        return (0..<count).map { Swift.min(size, length - $0 * size) }
    }

    /// `tensor_split(sections, dim)`: `sections` slices along `dim` (SliceBackward0 each), the
    /// first `size % sections` of them one element longer.
    public func tensorSplit(sections: Int, dim dimension: Int = 0) throws -> [Tensor] {
        let d = try tensorSplitDim(dimension)
        guard sections > 0 else { throw TorchError.runtime("number of sections must be larger than 0, got \(sections)") }
        let (base, extra) = (shape[d] / sections, shape[d] % sections)
        var start = 0
        return try (0..<sections).map { i in
            let size = base + (i < extra ? 1 : 0)
            defer { start += size }
            return try slice(d, start: start, end: start + size)
        }
    }

    /// `tensor_split(indices, dim)`: the slices between consecutive `indices` along `dim`.
    public func tensorSplit(indices: [Int], dim dimension: Int = 0) throws -> [Tensor] {
        let d = try tensorSplitDim(dimension)
        let bounds = [0] + indices + [shape[d]]
        return try indices.indices.map { try slice(d, start: bounds[$0], end: bounds[$0 + 1]) }
            + [slice(d, start: bounds[indices.count], end: shape[d])]
    }

    /// `tensor_split`'s dim, after its check that the tensor has one.
    private func tensorSplitDim(_ dimension: Int) throws -> Int {
        guard dim > 0 else {
            throw TorchError.runtime(
                "tensor_split expected at least a 1-dimensional tensor, but got a tensor with \(dim) dims")
        }
        return try normalizeDim(dimension, rank: dim)
    }

    /// `unbind(dim)`: every index along `dim`, with `dim` removed (UnbindBackward0).
    public func unbind(dim dimension: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.index("Dimension specified as \(dimension) but tensor has no dimensions") }
        let d = try normalizeDim(dimension, rank: dim)
        var pieceShape = shape
        var pieceStrides = strides
        pieceShape.remove(at: d)
        pieceStrides.remove(at: d)
        let views = (0..<shape[d]).map { pieceView(shape: pieceShape, strides: pieceStrides, offset: offset + $0 * strides[d]) }
        record("unbind", .unbindBackward0, inputs: [self], outputs: views, keeping: [("dim", .int(d))]) { ctx in
            [try Tensor.stack(ctx.grads, dim: d)]
        }
        return views
    }

    /// Consecutive pieces of `sizes` along `d`, the outputs of one `backward` node: views, or
    /// with `asViews` false tensors that share the storage only (no base, own version counters).
    private func pieces(
        _ sizes: [Int], along d: Int, op: String, backward: NodeKind, keeping: [(name: String, value: SavedValue)],
        asViews: Bool = true
    ) -> [Tensor] {
        var start = 0
        var views = [Tensor]()
        for size in sizes {
            var pieceShape = shape
            pieceShape[d] = size
            let pieceOffset = offset + start * strides[d]
            views.append(
                asViews
                    ? pieceView(shape: pieceShape, strides: strides, offset: pieceOffset)
                    : Tensor(storage: storage, shape: pieceShape, strides: strides, offset: pieceOffset))
            start += size
        }
        record(op, backward, inputs: [self], outputs: views, keeping: keeping) { ctx in
            [try Tensor.cat(ctx.grads, dim: d)]
        }
        return views
    }

    /// A view of `self`'s storage and version counter with no grad_fn yet (the caller's node
    /// becomes it).
    private func pieceView(shape: [Int], strides: [Int], offset: Int) -> Tensor {
        let v = Tensor(storage: storage, shape: shape, strides: strides, offset: offset, version: versionCounter)
        v.base = base ?? self
        return v
    }
}

/// `[1, 2]`, as ATen's messages print integer lists.
private func listText(_ values: [Int]) -> String { "[\(values.map(String.init).joined(separator: ", "))]" }

extension NodeKind {
    static let splitBackward0 = NodeKind("SplitBackward0")
    static let splitWithSizesBackward0 = NodeKind("SplitWithSizesBackward0")
    static let unbindBackward0 = NodeKind("UnbindBackward0")
    static let unsafeSplitBackward0 = NodeKind("UnsafeSplitBackward0")
}
