/// Kernels that move elements by computed offsets: gather/scatter along a dim whose index may be
/// smaller than the data in the other dims, index_select, take and masked fill/select.

/// How a scatter combines a source element with the one already in the destination.
enum ScatterMode: Sendable {
    case assign, add, multiply
    /// The larger (`scatter_reduce`'s amax; a NaN source wins), or the smaller (amin).
    case maximum, minimum
}

/// Copies `count` elements from `source` to `destination`, the k-th from `sourceOffsets[k]`
/// (or k) to `destinationOffsets[k]` (or k), combining per `mode`.
private struct MoveVisitor: ElementVisitor {
    let source: Storage, sourceOffsets: [Int]?, destination: Storage, destinationOffsets: [Int]?
    let count: Int, mode: ScatterMode

    func visit<T: TensorElement>(_ type: T.Type) {
        switch T.self {
        case is Float.Type: run(Float.self, +, *, extreme(Float.self))
        case is Double.Type: run(Double.self, +, *, extreme(Double.self))
        case is Int64.Type: run(Int64.self, &+, &*, extreme(Int64.self))
        case let narrow as any NarrowIntegerElement.Type: runWrapping(narrow)
        default: run(Bool.self, { $0 || $1 }, { $0 && $1 }, { mode == .maximum ? $0 || $1 : $0 && $1 })
        }
    }

    private func runWrapping<N: NarrowIntegerElement>(_: N.Type) { run(N.self, &+, &*, extreme(N.self)) }

    /// ATen's ReduceMaximum / ReduceMinimum (`std::max(current, new)`, `std::min`, which keep
    /// `current` on ties): a NaN source replaces the destination.
    private func extreme<T: Comparable>(_: T.Type) -> (T, T) -> T {
        let maximum = mode == .maximum
        return { current, new in
            if new != new { return new }
            return maximum ? (current < new ? new : current) : (new < current ? new : current)
        }
    }

    private func run<T>(_: T.Type, _ add: (T, T) -> T, _ multiply: (T, T) -> T, _ extreme: (T, T) -> T) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        for k in 0..<count {
            let i = sourceOffsets?[k] ?? k
            let j = destinationOffsets?[k] ?? k
            switch mode {
            case .assign: d[j] = s[i]
            case .add: d[j] = add(d[j], s[i])
            case .multiply: d[j] = multiply(d[j], s[i])
            case .maximum, .minimum: d[j] = extreme(d[j], s[i])
            }
        }
    }
}

/// Moves elements between contiguous storages of one dtype (see `MoveVisitor`).
func moveElements(
    from source: Storage, at sourceOffsets: [Int]?, to destination: Storage, at destinationOffsets: [Int]?,
    count: Int, mode: ScatterMode = .assign
) {
    source.dtype.dispatch(
        MoveVisitor(
            source: source, sourceOffsets: sourceOffsets, destination: destination,
            destinationOffsets: destinationOffsets, count: count, mode: mode))
}

/// For each element of an index tensor of `indexShape` (row-major), the flat offset in a
/// contiguous tensor of `shape`: at the element's own coordinates, or, with `indices`, with its
/// coordinate along `dim` replaced by its index value (checked against `shape[dim]` with
/// PyTorch's message).
func offsetsAlongDim(indexShape: [Int], shape: [Int], dim: Int, indices: [Int64]? = nil) throws -> [Int] {
    let strides = contiguousStrides(shape)
    let count = indexShape.reduce(1, *)
    var offsets = [Int](repeating: 0, count: count)
    var coordinates = [Int](repeating: 0, count: indexShape.count)
    for k in 0..<count {
        var offset = 0
        for d in 0..<indexShape.count where d != dim || indices == nil { offset += coordinates[d] * strides[d] }
        if let indices, !shape.isEmpty {
            let j = Int(indices[k])
            guard j >= 0 && j < shape[dim] else {
                throw TorchError.runtime("index \(j) is out of bounds for dimension \(dim) with size \(shape[dim])")
            }
            offset += j * strides[dim]
        } else if let indices, indices[k] != 0 {
            throw TorchError.runtime("index \(indices[k]) is out of bounds for dimension 0 with size 1")
        }
        offsets[k] = offset
        var d = indexShape.count - 1
        while d >= 0 {
            coordinates[d] += 1
            if coordinates[d] < indexShape[d] { break }
            coordinates[d] = 0
            d -= 1
        }
    }
    return offsets
}
