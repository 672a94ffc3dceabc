/// Kernels that pick elements: `where`, and gather/scatter along one dimension.
private struct WhereVisitor: ElementVisitor {
    let condition: Storage, a: Storage, b: Storage, out: Storage, count: Int

    func visit<T: TensorElement>(_ type: T.Type) {
        let c = condition.pointer(Bool.self)
        let pa = a.pointer(T.self)
        let pb = b.pointer(T.self)
        let po = out.pointer(T.self)
        for i in 0..<count { po[i] = c[i] ? pa[i] : pb[i] }
    }
}

/// `condition ? a : b` elementwise with broadcasting, in `dtype`.
func selectWhere(_ condition: Tensor, _ a: Tensor, _ b: Tensor, dtype: DType) throws -> Tensor {
    let shape = try broadcastShapes(broadcastShapes(condition.shape, a.shape), b.shape)
    return try inIteratorLayout([condition, a, b], shape: shape) { operands, shape in
        try selectWhereRowMajor(operands[0], operands[1], operands[2], shape: shape, dtype: dtype)
    }
}

/// `selectWhere`'s kernel for operands that broadcast to `shape`, with a row-major result
/// (also masked_fill's, which fills a contiguous clone of the expanded input).
func selectWhereRowMajor(_ condition: Tensor, _ a: Tensor, _ b: Tensor, shape: [Int], dtype: DType) throws -> Tensor {
    let n = try MemoryBudget.checkedNumel(shape, allocating: dtype)
    let c = condition.contiguousStorage(as: .bool, broadcastTo: shape)
    let sa = a.contiguousStorage(as: dtype, broadcastTo: shape)
    let sb = b.contiguousStorage(as: dtype, broadcastTo: shape)
    let out = Storage.uninitialized(dtype, count: n)
    dtype.dispatch(WhereVisitor(condition: c, a: sa, b: sb, out: out, count: n))
    return Tensor(storage: out, shape: shape)
}

/// The geometry of a gather/scatter along `dim`: the index tensor's shape split into
/// (outer, size, inner) and the matching strides of the indexed tensor.
private struct AlongDim {
    let outer: Int, indexSize: Int, inner: Int, dataSize: Int

    init(indexShape: [Int], dataShape: [Int], dim: Int) {
        outer = indexShape[..<dim].reduce(1, *)
        indexSize = indexShape[dim]
        inner = indexShape[(dim + 1)...].reduce(1, *)
        dataSize = dataShape[dim]
    }

    /// Calls `body(indexPosition, dataPosition)` for every index element; throws on an
    /// index outside the data dimension.
    func forEach(_ index: UnsafeMutablePointer<Int64>, dim: Int, _ body: (Int, Int) -> Void) throws {
        for o in 0..<outer {
            for k in 0..<indexSize {
                for i in 0..<inner {
                    let p = (o * indexSize + k) * inner + i
                    let j = Int(index[p])
                    guard j >= 0 && j < dataSize else {
                        throw TorchError.runtime(
                            "index \(j) is out of bounds for dimension \(dim) with size \(dataSize)")
                    }
                    body(p, (o * dataSize + j) * inner + i)
                }
            }
        }
    }
}

private struct GatherVisitorAlongDim: ElementVisitor {
    let data: Storage, index: Storage, out: Storage, geometry: AlongDim, dim: Int

    func visit<T: TensorElement>(_ type: T.Type) -> Error? {
        let src = data.pointer(T.self)
        let dst = out.pointer(T.self)
        do {
            try geometry.forEach(index.pointer(Int64.self), dim: dim) { p, q in dst[p] = src[q] }
            return nil
        } catch { return error }
    }
}

/// `data.gather(dim, index)` for an index of the same rank whose other dims match data's.
func gatherValues(_ data: Tensor, dim: Int, index: Tensor) throws -> Tensor {
    let geometry = AlongDim(indexShape: index.shape, dataShape: data.shape, dim: dim)
    let out = Storage.uninitialized(data.dtype, count: index.numel)
    if let error = data.dtype.dispatch(
        GatherVisitorAlongDim(
            data: data.contiguousStorage(), index: index.contiguousStorage(as: .int64), out: out,
            geometry: geometry, dim: dim))
    {
        throw error
    }
    return Tensor(storage: out, shape: index.shape)
}

private struct ScatterVisitorAlongDim: ElementVisitor {
    let source: Storage, index: Storage, out: Storage, geometry: AlongDim, dim: Int, accumulate: Bool

    func visit<T: TensorElement>(_ type: T.Type) -> Error? {
        switch T.self {
        case is Float.Type: return run(Float.self, +)
        case is Double.Type: return run(Double.self, +)
        case is Int64.Type: return run(Int64.self, &+)
        case let narrow as any NarrowIntegerElement.Type: return runWrapping(narrow)
        default: return run(Bool.self) { $0 || $1 }
        }
    }

    private func runWrapping<N: NarrowIntegerElement>(_: N.Type) -> Error? { run(N.self, &+) }

    private func run<T>(_: T.Type, _ add: (T, T) -> T) -> Error? {
        let src = source.pointer(T.self)
        let dst = out.pointer(T.self)
        do {
            try geometry.forEach(index.pointer(Int64.self), dim: dim) { p, q in
                dst[q] = accumulate ? add(dst[q], src[p]) : src[p]
            }
            return nil
        } catch { return error }
    }
}

/// A zero tensor of `shape` with `source` written (or added, with `accumulate`) at `index`
/// along `dim` (`zeros.scatter(dim, index, source)` / `scatter_add`).
func scatterValues(into shape: [Int], dim: Int, index: Tensor, source: Tensor, accumulate: Bool) throws -> Tensor {
    let result = Tensor.zeros(shape, dtype: source.dtype)
    let geometry = AlongDim(indexShape: index.shape, dataShape: shape, dim: dim)
    if let error = source.dtype.dispatch(
        ScatterVisitorAlongDim(
            source: source.contiguousStorage(), index: index.contiguousStorage(as: .int64),
            out: result.storage, geometry: geometry, dim: dim, accumulate: accumulate))
    {
        throw error
    }
    return result
}
