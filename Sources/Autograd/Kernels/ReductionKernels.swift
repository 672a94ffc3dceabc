/// Kernels for max/min/argmax/argmin along a dimension and for all/any.

/// Element types with an order; NaN counts as the extreme value, so max and min propagate it.
protocol OrderedElement: TensorElement, Comparable {
    var isNaNValue: Bool { get }
}
extension Float: OrderedElement { @inline(__always) var isNaNValue: Bool { isNaN } }
extension Double: OrderedElement { @inline(__always) var isNaNValue: Bool { isNaN } }
extension Int64: OrderedElement { @inline(__always) var isNaNValue: Bool { false } }

/// Which extreme a value-selecting reduction picks.
enum Extreme {
    case max, min

    /// Whether `candidate` replaces `best`: strictly better, or the first NaN.
    @inline(__always)
    func prefers<T: OrderedElement>(_ candidate: T, over best: T) -> Bool {
        if best.isNaNValue { return false }
        if candidate.isNaNValue { return true }
        return self == .max ? candidate > best : candidate < best
    }
}

/// The extreme value and its first index along the middle axis of an (outer, size, inner)
/// contiguous layout; `size` must be positive.
private func selectExtreme<T: OrderedElement>(
    _: T.Type, _ extreme: Extreme, source: Storage,
    outer: Int, size: Int, inner: Int,
    values: Storage, indices: Storage
) {
    let s = source.pointer(T.self)
    let idx = indices.pointer(Int64.self)
    let v = values.pointer(T.self)
    for o in 0..<outer {
        for i in 0..<inner {
            let base = o * size * inner + i
            var best = s[base]
            var bestIndex = 0
            if size > 1 {
                for k in 1..<size {
                    let x = s[base + k * inner]
                    if extreme.prefers(x, over: best) {
                        best = x
                        bestIndex = k
                    }
                }
            }
            idx[o * inner + i] = Int64(bestIndex)
            v[o * inner + i] = best
        }
    }
}

/// Reduces `t` (a 0-dim tensor counts as shape `[1]`) along `dim`, which must have a
/// positive size, returning the extreme values (in `t`'s dtype) and their first int64
/// indices, both shaped like `t` with `dim` of size 1.
func extremeAlongDim(_ t: Tensor, dim: Int, extreme: Extreme) -> (values: Tensor, indices: Tensor) {
    let shape = t.shape.isEmpty ? [1] : t.shape
    let outer = shape[..<dim].reduce(1, *)
    let size = shape[dim]
    let inner = shape[(dim + 1)...].reduce(1, *)
    var kept = shape
    kept[dim] = 1
    let computeType: DType = t.dtype.isFloatingPoint ? t.dtype : .int64
    let src = t.contiguousStorage(as: computeType)
    let indices = Storage.uninitialized(.int64, count: outer * inner)
    let values = Storage.uninitialized(computeType, count: outer * inner)
    switch computeType {
    case .float32:
        selectExtreme(Float.self, extreme, source: src, outer: outer, size: size, inner: inner, values: values, indices: indices)
    case .float64:
        selectExtreme(Double.self, extreme, source: src, outer: outer, size: size, inner: inner, values: values, indices: indices)
    default:
        selectExtreme(Int64.self, extreme, source: src, outer: outer, size: size, inner: inner, values: values, indices: indices)
    }
    let valueTensor = Tensor(storage: values, shape: kept)
    return (
        t.dtype == computeType ? valueTensor : valueTensor.materialized(as: t.dtype),
        Tensor(storage: indices, shape: kept)
    )
}

private struct TruthReduceVisitor: ElementVisitor {
    let input: Tensor
    let reduceStrides: [Int]
    let out: Storage
    let all: Bool

    func visit<T: TensorElement>(_ type: T.Type) {
        let src = input.storage.pointer(T.self)
        let dst = out.pointer(Bool.self)
        for i in 0..<out.count { dst[i] = all }
        forEachOffsetPair(
            shape: input.shape, stridesA: input.strides, offsetA: input.offset,
            stridesB: reduceStrides, offsetB: 0
        ) { i, o in
            let truthy = src[i].doubleValue != 0 || src[i].doubleValue.isNaN
            if all { if !truthy { dst[o] = false } } else if truthy { dst[o] = true }
        }
    }
}

/// `all`/`any` over `dims` (sorted, normalized; all dims when empty) into a bool tensor
/// shaped with the reduced dims kept as size 1.
func truthReduce(_ t: Tensor, dims: [Int], all: Bool) -> Tensor {
    let reduced = dims.isEmpty ? Array(0..<t.dim) : dims
    var kept = t.shape
    for d in reduced { kept[d] = 1 }
    var strides = contiguousStrides(kept)
    for d in reduced { strides[d] = 0 }
    let out = Storage.uninitialized(.bool, count: kept.reduce(1, *))
    t.dtype.dispatch(TruthReduceVisitor(input: t, reduceStrides: strides, out: out, all: all))
    return Tensor(storage: out, shape: kept)
}
