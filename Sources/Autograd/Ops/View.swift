/// view and reshape: the shape ops every backward formula relies on, and expand.
enum ViewOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "view(Tensor self, int[] size) -> Tensor", gradFn: "ViewBackward0", exposure: [.method],
            samples: OpSamples(arguments: ["size": .intList([3, 2])], acceptsNonContiguous: false),
            forward: { try $0.tensor("self").view($0.intList("size")) }),
        OpDeclaration(
            "reshape(Tensor self, int[] shape) -> Tensor", gradFn: "ViewBackward0", exposure: [.torch, .method],
            samples: OpSamples(arguments: ["shape": .intList([3, -1])]),
            forward: { try $0.tensor("self").reshape($0.intList("shape")) }),
        OpDeclaration(
            "expand(Tensor self, int[] size) -> Tensor", gradFn: "ExpandBackward0", exposure: [.method],
            samples: OpSamples(shapes: ["self": [1, 3]], arguments: ["size": .intList([2, -1])]),
            forward: { try $0.tensor("self").expand($0.intList("size")) })
    ]
}

extension Tensor {
    /// Resolves one `-1` in a requested shape against `numel`, with PyTorch's errors.
    func inferShape(_ requested: [Int]) throws -> [Int] {
        var shape = requested
        let inferred = requested.indices.filter { requested[$0] == -1 }
        if inferred.count > 1 { throw TorchError.runtime("only one dimension can be inferred") }
        if let bad = requested.first(where: { $0 < -1 }) { throw TorchError.runtime("invalid shape dimension \(bad)") }
        let known = try MemoryBudget.checkedNumel(requested.filter { $0 != -1 })
        if let i = inferred.first {
            guard known != 0, numel % known == 0 else { throw shapeError(requested) }
            shape[i] = numel / known
        }
        guard shape.reduce(1, *) == numel else { throw shapeError(requested) }
        return shape
    }

    private func shapeError(_ requested: [Int]) -> TorchError {
        .runtime("shape '[\(requested.map(String.init).joined(separator: ", "))]' is invalid for input of size \(numel)")
    }

    /// Strides that present this tensor's elements in `newShape` without copying, if possible
    /// (PyTorch's computeStride).
    func viewStrides(for newShape: [Int]) -> [Int]? {
        if isContiguous { return contiguousStrides(newShape) }
        if numel == 0 { return contiguousStrides(newShape) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewD = newShape.count - 1
        var chunkBase = strides.last ?? 1
        var tensorNumel = 1
        var viewNumel = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            tensorNumel *= shape[d]
            if d == 0 || (shape[d - 1] != 1 && strides[d - 1] != tensorNumel * chunkBase) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBase
                    viewNumel *= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if d > 0 {
                    chunkBase = strides[d - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
        }
        return viewD == -1 ? newStrides : nil
    }

    /// A view sharing storage and version counter with `self`; records `backward` as its grad_fn.
    func makeView(
        shape newShape: [Int], strides newStrides: [Int], offset newOffset: Int? = nil,
        op: String, backward: NodeKind, keeping: [(name: String, value: SavedValue)] = [], formula: @escaping FormulaNode.Formula
    ) -> Tensor {
        let v = Tensor(
            storage: storage, shape: newShape, strides: newStrides, offset: newOffset ?? offset,
            version: versionCounter)
        v.base = base ?? self
        record(op, backward, inputs: [self], outputs: [v], keeping: keeping, formula: formula)
        return v
    }

    /// `view(*shape)`: same storage, new shape; fails when strides do not allow it.
    public func view(_ requested: [Int]) throws -> Tensor {
        let newShape = try inferShape(requested)
        guard let st = viewStrides(for: newShape) else {
            throw TorchError.runtime(
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead."
            )
        }
        let old = shape
        return makeView(shape: newShape, strides: st, op: "view", backward: .viewBackward0) { ctx in
            [try ctx.grad.reshape(old)]
        }
    }

    /// `reshape(*shape)`: a view when possible (ViewBackward0 for contiguous input,
    /// ReshapeAliasBackward0 otherwise), else a copy.
    public func reshape(_ requested: [Int]) throws -> Tensor {
        let newShape = try inferShape(requested)
        if isContiguous { return try view(newShape) }
        let old = shape
        if let st = viewStrides(for: newShape) {
            return makeView(shape: newShape, strides: st, op: "reshape", backward: .reshapeAliasBackward0) { ctx in
                [try ctx.grad.reshape(old)]
            }
        }
        let copy = try contiguousCopy()
        let out = Tensor(storage: copy.storage, shape: newShape)
        record("reshape", .unsafeViewBackward0, inputs: [copy], outputs: [out]) { ctx in
            [try ctx.grad.reshape(old)]
        }
        return out
    }

    /// A contiguous copy recorded as CloneBackward0.
    func contiguousCopy() throws -> Tensor {
        let out = materialized()
        record("clone", .cloneBackward0, inputs: [self], outputs: [out]) { ctx in [ctx.grad] }
        return out
    }
}

extension Tensor {
    /// `expand(*sizes)`: a broadcast view (stride 0 on expanded dims); -1 keeps a size.
    public func expand(_ sizes: [Int]) throws -> Tensor {
        guard sizes.count >= dim else {
            throw TorchError.runtime(
                "expand(torch.FloatTensor{[\(shape.map(String.init).joined(separator: ", "))]}, size=[\(sizes.map(String.init).joined(separator: ", "))]): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))"
            )
        }
        let lead = sizes.count - dim
        var target = sizes
        for i in 0..<dim where sizes[lead + i] == -1 { target[lead + i] = shape[i] }
        for i in (0..<dim).reversed() where shape[i] != 1 && target[lead + i] != shape[i] {
            throw TorchError.runtime(
                "The expanded size of the tensor (\(target[lead + i])) must match the existing size (\(shape[i])) at non-singleton dimension \(lead + i).  Target sizes: [\(sizes.map(String.init).joined(separator: ", "))].  Tensor sizes: [\(shape.map(String.init).joined(separator: ", "))]"
            )
        }
        try MemoryBudget.checkedNumel(target, allocating: dtype)
        if target == shape && GradMode.isEnabled == false { return self }
        let old = shape
        return makeView(
            shape: target, strides: broadcastStrides(shape: shape, strides: strides, to: target),
            op: "expand", backward: .expandBackward0
        ) { ctx in
            [try ctx.grad.sumTo(old)]
        }
    }
}

extension NodeKind {
    static let cloneBackward0 = NodeKind("CloneBackward0")
    static let expandBackward0 = NodeKind("ExpandBackward0")
    static let reshapeAliasBackward0 = NodeKind("ReshapeAliasBackward0")
    static let viewBackward0 = NodeKind("ViewBackward0")
}
