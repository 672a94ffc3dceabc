/// Calls `body` with the storage index of every element of a strided view, in row-major order.
@inline(__always)
func forEachOffset(shape: [Int], strides: [Int], offset: Int, _ body: (Int) -> Void) {
    let rank = shape.count
    if rank == 0 {
        body(offset)
        return
    }
    var total = 1
    for s in shape { total *= s }
    if total == 0 { return }
    let inner = shape[rank - 1]
    let innerStride = strides[rank - 1]
    var outerCount = total / inner
    var index = [Int](repeating: 0, count: rank)
    var base = offset
    while true {
        var o = base
        for _ in 0..<inner {
            body(o)
            o += innerStride
        }
        outerCount -= 1
        if outerCount == 0 { return }
        var d = rank - 2
        while d >= 0 {
            index[d] += 1
            base += strides[d]
            if index[d] < shape[d] { break }
            base -= strides[d] * shape[d]
            index[d] = 0
            d -= 1
        }
    }
}

/// Calls `body` with every index of `shape` in row-major order (one array, updated in place).
func forEachIndex(_ shape: [Int], _ body: ([Int]) -> Void) {
    guard !shape.contains(0) else { return }
    var index = [Int](repeating: 0, count: shape.count)
    while true {
        body(index)
        var d = shape.count - 1
        while d >= 0 {
            index[d] += 1
            if index[d] < shape[d] { break }
            index[d] = 0
            d -= 1
        }
        if d < 0 { return }
    }
}

/// Broadcasts two shapes with PyTorch's rules and error text.
public func broadcastShapes(_ a: [Int], _ b: [Int]) throws -> [Int] {
    if a == b || b.isEmpty { return a }
    if a.isEmpty { return b }
    let rank = max(a.count, b.count)
    var out = [Int](repeating: 1, count: rank)
    for i in stride(from: rank - 1, through: 0, by: -1) {
        let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
        let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
        if da == db || db == 1 {
            out[i] = da
        } else if da == 1 {
            out[i] = db
        } else {
            throw TorchError.runtime(AutogradMessages.sizeMismatch(da, db, dim: i))
        }
    }
    return out
}

/// Strides that view a tensor of `shape`/`strides` as `target` (stride 0 on broadcast dims).
func broadcastStrides(shape: [Int], strides: [Int], to target: [Int]) -> [Int] {
    let lead = target.count - shape.count
    var out = [Int](repeating: 0, count: target.count)
    for i in 0..<shape.count where !(shape[i] == 1 && target[lead + i] != 1) {
        out[lead + i] = strides[i]
    }
    return out
}

/// Copies (and converts) the elements of a strided view into a contiguous buffer.
struct GatherVisitor<D: TensorElement>: ElementVisitor {
    let source: Storage
    let shape: [Int]
    let strides: [Int]
    let offset: Int
    let destination: UnsafeMutablePointer<D>

    func visit<S: TensorElement>(_ type: S.Type) {
        let src = source.pointer(S.self)
        var i = 0
        if S.self == D.self {
            let dst = UnsafeMutableRawPointer(destination).assumingMemoryBound(to: S.self)
            forEachOffset(shape: shape, strides: strides, offset: offset) { o in
                dst[i] = src[o]
                i += 1
            }
        } else if D.dtype.isNarrowInteger, S.dtype.isIntegral, let from = S.self as? any FixedWidthInteger.Type,
            let to = D.self as? any NarrowIntegerElement.Type
        {
            // The dtype tests come first: float conversions pay no dynamic cast.
            gatherWrapping(from, to)
        } else {
            forEachOffset(shape: shape, strides: strides, offset: offset) { o in
                destination[i] = D(fromDouble: src[o].doubleValue)
                i += 1
            }
        }
    }
}

extension GatherVisitor {
    /// Integers into a narrower integer type: the low bits kept, as C++'s conversion keeps them
    /// (exact also past 2^53, where going through Double would round).
    private func gatherWrapping<S: FixedWidthInteger, T: FixedWidthInteger>(_: S.Type, _: T.Type) {
        let src = source.pointer(S.self)
        let dst = UnsafeMutableRawPointer(destination).assumingMemoryBound(to: T.self)
        var i = 0
        forEachOffset(shape: shape, strides: strides, offset: offset) { o in
            dst[i] = T(truncatingIfNeeded: src[o])
            i += 1
        }
    }
}

struct ContiguousCopyVisitor: ElementVisitor {
    let tensor: Tensor
    let shape: [Int]
    let strides: [Int]
    let storage: Storage

    func visit<D: TensorElement>(_ type: D.Type) {
        tensor.dtype.dispatch(
            GatherVisitor(
                source: tensor.storage, shape: shape, strides: strides,
                offset: tensor.offset, destination: storage.pointer(D.self)))
    }
}

extension Tensor {
    /// The values in row-major order as a contiguous storage of `dtype`, broadcast to `shape`
    /// if given. Returns the tensor's own storage when no copy is needed: treat it as read-only.
    func contiguousStorage(as dtype: DType? = nil, broadcastTo target: [Int]? = nil) -> Storage {
        let dt = dtype ?? self.dtype
        if dt == self.dtype && isDense && (target == nil || target! == shape) { return storage }
        let outShape = target ?? shape
        let viewStrides = target.map { broadcastStrides(shape: shape, strides: strides, to: $0) } ?? strides
        let out = Storage.uninitialized(dt, count: outShape.reduce(1, *))
        dt.dispatch(ContiguousCopyVisitor(tensor: self, shape: outShape, strides: viewStrides, storage: out))
        return out
    }

    /// A contiguous copy of the values in new storage of the same dtype, even when the tensor is dense.
    func freshContiguousStorage() -> Storage {
        let out = Storage.uninitialized(dtype, count: numel)
        dtype.dispatch(ContiguousCopyVisitor(tensor: self, shape: shape, strides: strides, storage: out))
        return out
    }

    /// A new contiguous tensor with this tensor's values converted to `dtype`.
    func materialized(as dtype: DType? = nil) -> Tensor {
        let s = contiguousStorage(as: dtype)
        if s === storage { return Tensor(storage: copyStorage(s), shape: shape) }
        return Tensor(storage: s, shape: shape)
    }
}

func copyStorage(_ s: Storage) -> Storage {
    let out = Storage.uninitialized(s.dtype, count: s.count)
    out.data.copyMemory(from: s.data, byteCount: s.byteCount)
    return out
}

/// Walks a shape with two stride sets at once, calling `body` with both storage indices.
@inline(__always)
func forEachOffsetPair(
    shape: [Int], stridesA: [Int], offsetA: Int, stridesB: [Int], offsetB: Int,
    _ body: (Int, Int) -> Void
) {
    let rank = shape.count
    if rank == 0 {
        body(offsetA, offsetB)
        return
    }
    var total = 1
    for s in shape { total *= s }
    if total == 0 { return }
    let inner = shape[rank - 1]
    let sa = stridesA[rank - 1]
    let sb = stridesB[rank - 1]
    var outerCount = total / inner
    var index = [Int](repeating: 0, count: rank)
    var baseA = offsetA
    var baseB = offsetB
    while true {
        var a = baseA
        var b = baseB
        for _ in 0..<inner {
            body(a, b)
            a += sa
            b += sb
        }
        outerCount -= 1
        if outerCount == 0 { return }
        var d = rank - 2
        while d >= 0 {
            index[d] += 1
            baseA += stridesA[d]
            baseB += stridesB[d]
            if index[d] < shape[d] { break }
            baseA -= stridesA[d] * shape[d]
            baseB -= stridesB[d] * shape[d]
            index[d] = 0
            d -= 1
        }
    }
}
