/// Python-style indexing: `x[...]` (`index`) and `x[...] = v` (`indexAssign`).

/// One item of a Python index expression.
public enum TensorIndex {
    /// `x[2]`: selects (and removes) a dimension.
    case int(Int)
    /// `x[start:stop:step]`; nil parts are Python's defaults.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `x[None]`: inserts a size-1 dimension.
    case newAxis
    /// `x[...]`: as many full slices as the other items leave.
    case ellipsis
    /// An int64 index tensor or a bool mask (advanced indexing, which copies).
    case tensor(Tensor)
}

/// The basic part of an index expression applied: a view of the tensor, plus the advanced
/// indices (int64, one per indexed dimension of that view, ascending).
struct SlicedIndex {
    var view: Tensor
    var dims: [Int] = []
    var indices: [Tensor] = []
}

extension Tensor {
    /// `self[items]` with Python's rules: ints, slices, None and `...` give views; index
    /// tensors and bool masks give a copy (IndexBackward0).
    public func index(_ items: [TensorIndex]) throws -> Tensor {
        if items.count == 1, let simple = try simpleIndex(items[0]) { return simple }
        let sliced = try applySlicing(items, skipFullSlices: true)
        if sliced.dims.isEmpty { return sliced.view === self ? aliasView() : sliced.view }
        return try sliced.view.advancedIndex(dims: sliced.dims, indices: sliced.indices)
    }

    /// The single-item forms Python handles before the general path.
    private func simpleIndex(_ item: TensorIndex) throws -> Tensor? {
        switch item {
        case .newAxis: return try unsqueeze(0)
        case .ellipsis: return aliasView()
        case .int(let i):
            guard dim > 0 else {
                throw TorchError.index(
                    "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number"
                )
            }
            return try selectIndexing(0, i, realDim: 0)
        case .slice(let start, let stop, let step):
            return try sliceIndexing(0, start: start, stop: stop, step: step, skipFull: false)
        case .tensor: return nil
        }
    }

    /// `select` with the bounds message of Python indexing.
    private func selectIndexing(_ d: Int, _ i: Int, realDim: Int) throws -> Tensor {
        let size = shape[d]
        guard i >= -size && i < size else {
            throw TorchError.index("index \(i) is out of bounds for dimension \(realDim) with size \(size)")
        }
        return try select(d, i)
    }

    /// A slice item; a full `:` inside a tuple is skipped as PyTorch does.
    private func sliceIndexing(_ d: Int, start: Int?, stop: Int?, step: Int?, skipFull: Bool) throws -> Tensor {
        let st = step ?? 1
        guard st > 0 else { throw TorchError.value("step must be greater than zero") }
        if skipFull && (start ?? 0) == 0 && (stop ?? Int.max) >= shape[d] && st == 1 { return self }
        return try slice(d, start: start, end: stop, step: st)
    }

    /// Applies ints, slices, None and `...` left to right (PyTorch's applySlicing) and collects
    /// the tensor indices, converting bool masks to int64 coordinates.
    func applySlicing(_ items: [TensorIndex], skipFullSlices: Bool) throws -> SlicedIndex {
        var specified = 0
        var ellipses = 0
        for item in items {
            switch item {
            case .int, .slice: specified += 1
            case .tensor(let t): specified += t.dtype == .bool ? t.dim : 1
            case .ellipsis: ellipses += 1
            case .newAxis: break
            }
        }
        if ellipses > 1 { throw TorchError.index("an index can only have a single ellipsis ('...')") }
        if specified > dim { throw TorchError.index("too many indices for tensor of dimension \(dim)") }

        var result = SlicedIndex(view: self)
        var d = 0
        var realDim = 0
        for item in items {
            switch item {
            case .int(let i):
                result.view = try result.view.selectIndexing(d, i, realDim: realDim)
                realDim += 1
            case .slice(let start, let stop, let step):
                result.view = try result.view.sliceIndexing(
                    d, start: start, stop: stop, step: step,
                    skipFull: skipFullSlices)
                d += 1
                realDim += 1
            case .ellipsis:
                d += dim - specified
                realDim += dim - specified
            case .newAxis:
                result.view = try result.view.unsqueeze(d)
                d += 1
            case .tensor(let t):
                try addTensorIndex(t, to: &result, dim: &d, realDim: &realDim)
            }
        }
        return result
    }

    private func addTensorIndex(
        _ t: Tensor, to result: inout SlicedIndex, dim d: inout Int,
        realDim: inout Int
    ) throws {
        switch t.dtype {
        case .float32, .float64, .int8, .int16:
            throw TorchError.index("tensors used as indices must be long, int, byte or bool tensors")
        case .int32:
            try addTensorIndex(t.materialized(as: .int64), to: &result, dim: &d, realDim: &realDim)
        case .uint8:
            Diagnostics.warn(
                "indexing with dtype torch.uint8 is now deprecated, please use a dtype torch.bool instead. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/IndexingUtils.h:37.)"
            )
            try addTensorIndex(t.materialized(as: .bool), to: &result, dim: &d, realDim: &realDim)
        case .int64 where t.dim == 0:
            let i = Int(Int64(fromDouble: t.doubles()[0]))
            result.view = try result.view.selectIndexing(d, i, realDim: realDim)
            realDim += 1
        case .int64:
            result.dims.append(d)
            result.indices.append(t)
            d += 1
            realDim += 1
        case .bool where t.dim == 0:
            result.view = try result.view.unsqueeze(d)
            let keep = t.doubles()[0] != 0
            result.dims.append(d)
            result.indices.append(Tensor.fromValues(keep ? [0] : [], shape: [keep ? 1 : 0], dtype: .int64))
            d += 1
        case .bool:
            let viewShape = result.view.shape
            for k in 0..<t.dim where d + k >= viewShape.count || t.shape[k] != viewShape[d + k] {
                throw TorchError.index(
                    "The shape of the mask [\(t.shape.map(String.init).joined(separator: ", "))] at index \(k) does not match the shape of the indexed tensor [\(viewShape.map(String.init).joined(separator: ", "))] at index \(d + k)"
                )
            }
            for (k, coordinates) in t.nonzeroCoordinates().enumerated() {
                result.dims.append(d + k)
                result.indices.append(coordinates)
            }
            d += t.dim
            realDim += t.dim
        }
    }

    /// One int64 tensor per dimension holding the coordinates of the true elements of a mask.
    func nonzeroCoordinates() -> [Tensor] {
        let values = doubles()
        let strides = contiguousStrides(shape)
        var coordinates = [[Double]](repeating: [], count: dim)
        for (flat, v) in values.enumerated() where v != 0 {
            for k in 0..<dim { coordinates[k].append(Double((flat / strides[k]) % shape[k])) }
        }
        return coordinates.map { c in
            Tensor(
                storage: {
                    let s = Storage.uninitialized(.int64, count: c.count)
                    DType.int64.dispatch(FillFromDoubles(values: c, storage: s))
                    return s
                }(),
                shape: [c.count])
        }
    }

    /// The broadcast shape of the index tensors and their values wrapped into range.
    func resolveIndices(dims: [Int], indices: [Tensor]) throws -> (block: [Int], values: [[Int]]) {
        var block = indices.first?.shape ?? []
        for t in indices.dropFirst() {
            do {
                block = try broadcastShapes(block, t.shape)
            } catch {
                let shapes = indices.map { "[" + $0.shape.map(String.init).joined(separator: ", ") + "]" }
                throw TorchError.index(
                    "shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes.joined(separator: ", "))"
                )
            }
        }
        var values = [[Int]]()
        for (t, d) in zip(indices, dims) {
            let size = shape[d]
            let s = t.contiguousStorage(as: .int64, broadcastTo: block)
            let p = s.pointer(Int64.self)
            var column = [Int](repeating: 0, count: s.count)
            for i in 0..<s.count {
                let v = Int(p[i])
                guard v >= -size && v < size else {
                    throw TorchError.index("index \(v) is out of bounds for dimension \(d) with size \(size)")
                }
                column[i] = v < 0 ? v + size : v
            }
            values.append(column)
        }
        return (block, values)
    }

    /// `index(indices)` (advanced indexing): a copy that saves the indices (IndexBackward0).
    func advancedIndex(dims: [Int], indices: [Tensor]) throws -> Tensor {
        let (block, values) = try resolveIndices(dims: dims, indices: indices)
        let kept = shape.indices.filter { !dims.contains($0) }.map { shape[$0] }
        try MemoryBudget.checkedNumel(block + kept, allocating: .int64)
        let plan = advancedIndexOffsets(
            shape: shape, strides: strides, offset: offset, dims: dims,
            indices: values, blockShape: block)
        let out = Storage.uninitialized(dtype, count: plan.offsets.count)
        dtype.dispatch(OffsetGatherVisitor(source: storage, offsets: plan.offsets, out: out))
        let result = Tensor(storage: out, shape: plan.shape)
        let inputShape = shape
        record(
            "index", .indexBackward0, inputs: [self], outputs: [result],
            saving: indices.map { .input("indices", $0) }
        ) { ctx in
            let saved = try (0..<dims.count).map { try ctx.saved($0) }
            let zeros = Tensor.zeros(inputShape, dtype: ctx.grad.dtype)
            let (b, v) = try zeros.resolveIndices(dims: dims, indices: saved)
            let flat = advancedIndexOffsets(
                shape: inputShape, strides: contiguousStrides(inputShape), offset: 0,
                dims: dims, indices: v, blockShape: b)
            return [ctx.grad.scatterAddFlat(flat.offsets, into: inputShape)]
        }
        return result
    }
}
