/// `flip` / `fliplr` / `flipud` (FlipBackward0), `roll` (RollBackward0) and `rot90`
/// (Rot90Backward0): copies that reorder elements along some dims; each backward applies the
/// inverse reordering to the gradient.
enum FlipOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "flip(Tensor self, int[] dims) -> Tensor", gradFn: "FlipBackward0", exposure: [.torch, .method],
            samples: OpSamples(arguments: ["dims": .intList([0, -1])]),
            forward: { try $0.tensor("self").flip($0.intList("dims")) }),
        OpDeclaration(
            "fliplr(Tensor self) -> Tensor", gradFn: "FlipBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").fliplr() }),
        OpDeclaration(
            "flipud(Tensor self) -> Tensor", gradFn: "FlipBackward0", exposure: [.torch, .method],
            forward: { try $0.tensor("self").flipud() }),
        OpDeclaration(
            "roll(Tensor self, int[1] shifts, int[1] dims=[]) -> Tensor", gradFn: "RollBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["shifts": .intList([1, -4]), "dims": .intList([0, 1])]),
            forward: { try $0.tensor("self").roll($0.intList("shifts"), dims: $0.intList("dims")) }),
        OpDeclaration(
            "rot90(Tensor self, int k=1, int[] dims=[0,1]) -> Tensor", gradFn: "Rot90Backward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["k": .int(-3)]),
            forward: { try $0.tensor("self").rot90($0.int("k"), dims: $0.intList("dims")) })
    ]
}

extension Tensor {
    /// A copy whose element at each output index is this tensor's element at `source(index)`
    /// (same shape), recorded by the caller; row-major, or laid out with `outputStrides`.
    private func reordered(outputStrides: [Int]? = nil, _ source: ([Int]) -> [Int]) -> Tensor {
        let strides = contiguousStrides(shape)
        let outStrides = outputStrides ?? strides
        var positions = [Int](repeating: 0, count: numel)
        forEachIndex(shape) { index in
            let slot = zip(index, outStrides).reduce(0) { $0 + $1.0 * $1.1 }
            positions[slot] = zip(source(index), strides).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let out = Storage.uninitialized(dtype, count: positions.count)
        dtype.dispatch(OffsetGatherVisitor(source: contiguousStorage(), offsets: positions, out: out))
        return Tensor(storage: out, shape: shape, strides: outStrides, offset: 0)
    }

    /// `torch.flip(self, dims)`: the elements in reverse order along each of `dims`.
    public func flip(_ dims: [Int]) throws -> Tensor {
        var flipped = [Bool](repeating: false, count: Swift.max(dim, 1))
        for requested in dims {
            let d = try normalizeDim(requested, rank: dim)
            guard !flipped[d] else { throw TorchError.runtime("dim \(d) appears multiple times in the list of dims") }
            flipped[d] = true
        }
        let sizes = shape
        // ATen's flip writes into `empty_like(self, MemoryFormat::Preserve)`: a dense input's
        // strides are kept (a transposed matrix flips into a transposed matrix).
        let kept = isNonOverlappingAndDense && !isContiguous ? strides : nil
        let out = reordered(outputStrides: kept) { index in
            index.enumerated().map { flipped[$0.offset] ? sizes[$0.offset] - 1 - $0.element : $0.element }
        }
        record("flip", .flipBackward0, inputs: [self], outputs: [out]) { ctx in [try ctx.grad.flip(dims)] }
        return out
    }

    /// `torch.rot90(self, k, dims)`: rotated by `k` quarter turns from `dims[0]` towards
    /// `dims[1]`, as ATen computes it: a flip, then for odd `k` a transposed view of it (so the
    /// result is not contiguous), or a contiguous copy for `k % 4 == 0`. Backward rotates the
    /// gradient back (`rot90(-k, dims)`).
    public func rot90(_ k: Int = 1, dims: [Int] = [0, 1]) throws -> Tensor {
        guard dims.count == 2 else { throw TorchError.runtime("expected total rotation dims == 2, but got dims = \(dims.count)") }
        guard dim >= 2 else { throw TorchError.runtime("expected total dims >= 2, but got total dims = \(dim)") }
        let (d0, d1) = (try normalizeDim(dims[0], rank: dim), try normalizeDim(dims[1], rank: dim))
        guard dims[0] != dims[1] && Swift.abs(dims[0] - dims[1]) != dim else {
            throw TorchError.runtime("expected rotation dims to be different, but got dim0 = \(dims[0]) and dim1 = \(dims[1])")
        }
        let turns = (4 + k % 4) % 4
        let flipped: Set<Int> = turns == 1 ? [d1] : turns == 2 ? [d0, d1] : turns == 3 ? [d0] : []
        let sizes = shape
        let copy = reordered { index in
            index.enumerated().map { flipped.contains($0.offset) ? sizes[$0.offset] - 1 - $0.element : $0.element }
        }
        var out = copy
        if turns % 2 == 1 {
            var (viewShape, viewStrides) = (copy.shape, copy.strides)
            viewShape.swapAt(d0, d1)
            viewStrides.swapAt(d0, d1)
            out = Tensor(storage: copy.storage, shape: viewShape, strides: viewStrides, offset: 0)
        }
        record("rot90", .rot90Backward0, inputs: [self], outputs: [out], keeping: [("dims", .ints(dims)), ("k", .int(k))]) {
            ctx in [try ctx.grad.rot90(-k, dims: dims)]
        }
        return out
    }

    /// `torch.fliplr(self)`: `flip(self, [1])` for tensors of at least two dims.
    public func fliplr() throws -> Tensor {
        guard dim >= 2 else { throw TorchError.runtime("Input must be >= 2-d.") }
        return try flip([1])
    }

    /// `torch.flipud(self)`: `flip(self, [0])` for tensors of at least one dim.
    public func flipud() throws -> Tensor {
        guard dim >= 1 else { throw TorchError.runtime("Input must be >= 1-d.") }
        return try flip([0])
    }

    /// `torch.roll(self, shifts, dims)`: the elements shifted circularly by `shifts[i]` along
    /// `dims[i]`; with no dims, along the flattened tensor.
    public func roll(_ shifts: [Int], dims: [Int] = []) throws -> Tensor {
        guard !shifts.isEmpty else { throw TorchError.runtime("`shifts` required") }
        if dims.isEmpty && shifts.count != 1 {
            throw TorchError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:0")
        }
        guard dims.isEmpty || dims.count == shifts.count else {
            throw TorchError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        let out: Tensor
        if dims.isEmpty {
            let n = numel
            let shift = n == 0 ? 0 : ((shifts[0] % n) + n) % n
            let storage = Storage.uninitialized(dtype, count: n)
            let positions = (0..<n).map { ($0 - shift + n) % n }
            dtype.dispatch(OffsetGatherVisitor(source: contiguousStorage(), offsets: positions, out: storage))
            out = Tensor(storage: storage, shape: shape)
        } else {
            var amounts = [Int](repeating: 0, count: dim)
            for (requested, shift) in zip(dims, shifts) {
                let d = try normalizeDim(requested, rank: dim)
                amounts[d] += shift
            }
            let sizes = shape
            out = reordered { index in
                index.enumerated().map { d, i in
                    let n = sizes[d]
                    return n == 0 ? i : ((i - amounts[d]) % n + n) % n
                }
            }
        }
        record("roll", .rollBackward0, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.roll(shifts.reversed().map { -$0 }, dims: dims.reversed())]
        }
        return out
    }
}

extension NodeKind {
    static let flipBackward0 = NodeKind("FlipBackward0")
    static let rollBackward0 = NodeKind("RollBackward0")
    static let rot90Backward0 = NodeKind("Rot90Backward0")
}
