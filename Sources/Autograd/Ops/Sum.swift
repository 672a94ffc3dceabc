/// Sum reductions, and summing a broadcast gradient back to an input's shape. (`dtype=` is
/// not supported yet, so the declared signatures leave it out.)
enum SumOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "sum(Tensor self, *, ScalarType? dtype=None) -> Tensor", gradFn: "SumBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").sum(dtype: $0.optionalDType("dtype")) }),
        OpDeclaration(
            "sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
            gradFn: "SumBackward1", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").sum(
                    dims: $0.optionalIntList("dim") ?? [], keepdim: $0.bool("keepdim"), dtype: $0.optionalDType("dtype"))
            })
    ]
}

/// Floating sums in PyTorch's order and precision (CascadeSum.swift).
private struct FloatSumVisitor: FloatVisitor {
    let input: Tensor
    let outputStrides: [Int]
    let out: Storage

    func visit<T: FloatElement>(_ type: T.Type) {
        let dst = out.pointer(T.self)
        for i in 0..<out.count { dst[i] = 0 }
        let walk = ReductionWalk(shape: input.shape, inputStrides: input.strides, outputStrides: outputStrides)
        cascadeSum(input.storage.pointer(T.self), inputOffset: input.offset, walk: walk, into: dst)
    }
}

/// Integer and bool sums, exactly in int64 (wrapping on overflow, as PyTorch's do).
private func integerSum(_ input: Tensor, outputStrides: [Int], into out: Storage) {
    let dst = out.pointer(Int64.self)
    for i in 0..<out.count { dst[i] = 0 }
    func accumulate<T>(_ src: UnsafeMutablePointer<T>, _ value: (T) -> Int64) {
        forEachOffsetPair(
            shape: input.shape, stridesA: input.strides, offsetA: input.offset,
            stridesB: outputStrides, offsetB: 0
        ) { i, o in
            dst[o] &+= value(src[i])
        }
    }
    switch input.dtype {
    case .bool: accumulate(input.storage.pointer(Bool.self)) { $0 ? 1 : 0 }
    case .uint8: accumulate(input.storage.pointer(UInt8.self)) { Int64($0) }
    case .int8: accumulate(input.storage.pointer(Int8.self)) { Int64($0) }
    case .int16: accumulate(input.storage.pointer(Int16.self)) { Int64($0) }
    case .int32: accumulate(input.storage.pointer(Int32.self)) { Int64($0) }
    default: accumulate(input.storage.pointer(Int64.self)) { $0 }
    }
}

extension Tensor {
    /// Normalized, sorted, de-duplicated reduction dims with PyTorch's errors.
    func reductionDims(_ dims: [Int]) throws -> [Int] {
        var seen = Set<Int>()
        for d in dims {
            let n = try normalizeDim(d, rank: dim)
            if !seen.insert(n).inserted {
                throw TorchError.runtime("dim \(n) appears multiple times in the list of dims")
            }
        }
        return seen.sorted()
    }

    /// Shape after reducing `dims`, keeping them as size 1 or dropping them.
    func reducedShape(_ dims: [Int], keepdim: Bool) -> [Int] {
        var out = [Int]()
        for (i, s) in shape.enumerated() {
            if dims.contains(i) { if keepdim { out.append(1) } } else { out.append(s) }
        }
        return out
    }

    /// Sums over `dims` (all dims when empty) without recording; integers and bools sum to int64.
    func sumValues(_ dims: [Int], keepdim: Bool) throws -> Tensor {
        let all = dims.isEmpty ? Array(0..<dim) : dims
        let keptShape = reducedShape(all, keepdim: true)
        let outDType: DType = dtype.isFloatingPoint ? dtype : .int64
        let out = Storage.uninitialized(outDType, count: try MemoryBudget.checkedNumel(keptShape, allocating: outDType))
        var rs = contiguousStrides(keptShape)
        for d in all where d < rs.count { rs[d] = 0 }
        if dtype.isFloatingPoint {
            dtype.dispatchFloat(FloatSumVisitor(input: self, outputStrides: rs, out: out))
        } else {
            integerSum(self, outputStrides: rs, into: out)
        }
        return Tensor(storage: out, shape: dims.isEmpty && !keepdim ? [] : reducedShape(all, keepdim: keepdim))
    }

    /// This tensor's values in `dtype`, unrecorded: the input of a reduction given `dtype=`,
    /// which PyTorch's reduction iterator casts to the output dtype before reducing.
    func reductionInput(_ dtype: DType?) -> Tensor {
        guard let dtype, dtype != self.dtype else { return self }
        return Tensor(storage: contiguousStorage(as: dtype), shape: shape)
    }

    /// `gradient` in `dtype` (an input's), as the engine casts a gradient that a reduction
    /// given `dtype=` computed in its output dtype.
    static func gradient(_ gradient: Tensor, castTo dtype: DType) throws -> Tensor {
        gradient.dtype == dtype ? gradient : try gradient.to(dtype)
    }

    /// The sum over `dims` of this tensor's values in `dtype` (the default: integers and bools
    /// sum to int64), unrecorded.
    private func sumValues(_ dims: [Int], keepdim: Bool, dtype: DType?) throws -> Tensor {
        let out = try reductionInput(dtype).sumValues(dims, keepdim: keepdim)
        guard let dtype, out.dtype != dtype else { return out }
        return Tensor(storage: out.contiguousStorage(as: dtype), shape: out.shape)
    }

    /// `sum()` (SumBackward0) or `sum(dims, keepdim)` (SumBackward1); with `dtype`, the input
    /// is cast to it before summing, and the gradient cast back.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws -> Tensor {
        let (old, own) = (shape, self.dtype)
        guard let dims else {
            let out = try sumValues([], keepdim: false, dtype: dtype)
            record("sum", .sumBackward0, inputs: [self], outputs: [out], keeping: [("self_sym_sizes", .ints(old))]) { ctx in
                [try Tensor.gradient(ctx.grad.expand(old), castTo: own)]
            }
            return out
        }
        let rd = try reductionDims(dims)
        let out = try sumValues(rd.isEmpty ? Array(0..<dim) : rd, keepdim: keepdim, dtype: dtype)
        // sum_backward: unsqueeze each reduced dim in ascending order (UnsqueezeBackward0 under
        // create_graph, as in PyTorch), then expand.
        let reduced = (rd.isEmpty ? Array(0..<dim) : rd).sorted()
        record(
            "sum", .sumBackward1, inputs: [self], outputs: [out],
            keeping: [("dim", .ints(dims)), ("keepdim", .bool(keepdim)), ("self_sym_sizes", .ints(old))]
        ) { ctx in
            var g = ctx.grad
            if !keepdim { for d in reduced { g = try g.unsqueeze(d) } }
            return [try Tensor.gradient(g.expand(old), castTo: own)]
        }
        return out
    }

    /// Sums a broadcast gradient back down to `target` (PyTorch's sum_to).
    public func sumTo(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = dim - target.count
        var dims = Array(0..<Swift.max(lead, 0))
        for (i, s) in target.enumerated() where s == 1 && shape[lead + i] != 1 { dims.append(lead + i) }
        if dims.isEmpty { return self }
        let summed = try sum(dims: dims, keepdim: true)
        return lead > 0 ? try summed.view(target) : summed
    }
}

extension NodeKind {
    static let sumBackward0 = NodeKind("SumBackward0")
    static let sumBackward1 = NodeKind("SumBackward1")
}
