/// Kernels for advanced indexing: reading and writing elements at listed storage offsets.

/// Copies `source[offsets[i]]` into element `i` of `out` (same dtype).
struct OffsetGatherVisitor: ElementVisitor {
    let source: Storage
    let offsets: [Int]
    let out: Storage

    func visit<T: TensorElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = out.pointer(T.self)
        offsets.withUnsafeBufferPointer { o in
            for i in 0..<o.count { d[i] = s[o[i]] }
        }
    }
}

/// Writes element `i` of `values` (contiguous, same dtype) to `destination[offsets[i]]`,
/// adding to what is there when `accumulate` is set (`index_put_`).
struct OffsetScatterVisitor: ElementVisitor {
    let values: Storage
    let offsets: [Int]
    let destination: Storage
    let accumulate: Bool

    func visit<T: TensorElement>(_ type: T.Type) {
        guard accumulate else {
            let s = values.pointer(T.self)
            let d = destination.pointer(T.self)
            offsets.withUnsafeBufferPointer { o in
                for i in 0..<o.count { d[o[i]] = s[i] }
            }
            return
        }
        switch T.self {
        case is Float.Type: add(Float.self, +)
        case is Double.Type: add(Double.self, +)
        case is Int64.Type: add(Int64.self, &+)
        case let narrow as any NarrowIntegerElement.Type: addWrapping(narrow)
        default: add(Bool.self) { $0 || $1 }
        }
    }

    private func addWrapping<N: NarrowIntegerElement>(_: N.Type) { add(N.self, &+) }

    @inline(__always)
    private func add<T>(_: T.Type, _ f: (T, T) -> T) {
        let s = values.pointer(T.self)
        let d = destination.pointer(T.self)
        offsets.withUnsafeBufferPointer { o in
            for i in 0..<o.count { d[o[i]] = f(d[o[i]], s[i]) }
        }
    }
}

/// Where advanced indexing reads: the result shape and, in result order, the storage offset
/// of every selected element.
///
/// `indices[k]` indexes dimension `dims[k]` (ascending) and holds in-range values laid out in
/// `blockShape`. As in NumPy and PyTorch, the block of indexed dimensions stays in place when
/// those dimensions are adjacent and moves to the front otherwise.
func advancedIndexOffsets(
    shape: [Int], strides: [Int], offset: Int, dims: [Int], indices: [[Int]],
    blockShape: [Int]
) -> (shape: [Int], offsets: [Int]) {
    guard let first = dims.first, let last = dims.last else {
        var all = [Int]()
        forEachOffset(shape: shape, strides: strides, offset: offset) { all.append($0) }
        return (shape, all)
    }
    let adjacent = last - first + 1 == dims.count
    var prefixShape = [Int]()
    var prefixStrides = [Int]()
    var suffixShape = [Int]()
    var suffixStrides = [Int]()
    for d in shape.indices where !dims.contains(d) {
        if adjacent && d < first {
            prefixShape.append(shape[d])
            prefixStrides.append(strides[d])
        } else {
            suffixShape.append(shape[d])
            suffixStrides.append(strides[d])
        }
    }
    let blockCount = blockShape.reduce(1, *)
    var blockOffsets = [Int](repeating: 0, count: blockCount)
    for (k, d) in dims.enumerated() {
        let st = strides[d]
        for b in 0..<blockCount { blockOffsets[b] += indices[k][b] * st }
    }
    let outShape = prefixShape + blockShape + suffixShape
    var offsets = [Int]()
    offsets.reserveCapacity(outShape.reduce(1, *))
    forEachOffset(shape: prefixShape, strides: prefixStrides, offset: offset) { p in
        for b in blockOffsets {
            forEachOffset(shape: suffixShape, strides: suffixStrides, offset: p + b) { offsets.append($0) }
        }
    }
    return (outShape, offsets)
}
