/// `x[...] = v`: in-place assignment through an index expression.
extension Tensor {
    /// `self[items] = value` as PyTorch runs it: the basic part of the index (ints, slices,
    /// None) as views under the current grad mode, then one in-place op on that view: `fill_`
    /// (a Python number), `copy_` (a tensor, after the `view`/`expand` that shape it),
    /// `masked_fill_` or `index_fill_` (a Python number and one mask or index tensor) or
    /// `index_put_`. Values broadcast and convert to this tensor's dtype; the version counter
    /// is bumped. With autograd involved, the tensor whose storage this is (the base of a view)
    /// gets the history: CopySlices when a view was written, else the op's own node.
    public func indexAssign(_ items: [TensorIndex], _ value: Operand) throws {
        let sliced = try applySlicing(items, skipFullSlices: true)
        let target = sliced.view
        try target.checkInPlace()
        let advanced = !sliced.dims.isEmpty
        let assignment = try SetItemAssignment(
            target: target, value: value, advanced: advanced, indexTensors: items.indexTensors,
            firstIndexedDim: sliced.dims.first ?? 0)
        let source: Tensor
        switch value {
        case .scalar(let s): source = Tensor.wrapped(s, dtype: dtype)
        case .tensor(let t): source = t
        }
        let region: (shape: [Int], offsets: [Int])
        if advanced {
            let (block, values) = try target.resolveIndices(dims: sliced.dims, indices: sliced.indices)
            region = advancedIndexOffsets(
                shape: target.shape, strides: target.strides, offset: target.offset,
                dims: sliced.dims, indices: values, blockShape: block)
        } else {
            region = advancedIndexOffsets(
                shape: target.shape, strides: target.strides, offset: target.offset,
                dims: [], indices: [], blockShape: [])
        }
        let stripped = Array(source.shape.drop(while: { $0 == 1 }))
        var isTensorValue = false
        if case .tensor = value { isTensorValue = true }
        let values = try assignedValues(
            source, stripped: stripped, region: region.shape, advanced: advanced,
            checkDType: isTensorValue)
        dtype.dispatch(
            OffsetScatterVisitor(
                values: values, offsets: region.offsets, destination: storage,
                accumulate: false))
        let root = base ?? self
        let differentiable = assignment.value
        var node: FormulaNode? = nil
        if GradMode.isEnabled, dtype.isFloatingPoint,
            root.requiresGrad || target.requiresGrad || differentiable?.requiresGrad == true
        {
            node = try recordAssignment(
                root: root, viewWritten: target !== self || root !== self, op: assignment.op,
                region: region, value: differentiable)
        }
        Observation.observer?.opExecuted(
            OpEvent(name: assignment.op.name, inputs: assignment.observed, outputs: [target], gradFn: node, isInPlace: false))
        target.bumpVersion(assignment.op.name)
    }

    /// The assigned values in region order, broadcast and converted, with PyTorch's errors.
    private func assignedValues(
        _ source: Tensor, stripped: [Int], region: [Int], advanced: Bool,
        checkDType: Bool
    ) throws -> Storage {
        if advanced && checkDType && source.dtype != dtype {
            throw TorchError.runtime(
                "Index put requires the source and destination dtypes match, got \(dtype.scalarTypeName) for the destination and \(source.dtype.scalarTypeName) for the source."
            )
        }
        let compatible =
            stripped.count <= region.count && zip(stripped.reversed(), region.reversed()).allSatisfy { $0 == $1 || $0 == 1 }
        if !compatible {
            if advanced {
                throw TorchError.runtime(
                    "shape mismatch: value tensor of shape [\(source.shape.map(String.init).joined(separator: ", "))] cannot be broadcast to indexing result of shape [\(region.map(String.init).joined(separator: ", "))]"
                )
            }
            _ = try Observation.hidden { try GradMode.noGrad { try source.view(stripped).expand(region) } }
        }
        let flat = Tensor(storage: source.contiguousStorage(as: dtype), shape: stripped)
        return flat.contiguousStorage(broadcastTo: region)
    }

    /// Gives `root` the history of the assignment (and `self`, if a view, a fresh view node):
    /// a node whose inputs are `root` and, for the ops that read a tensor value, that value.
    private func recordAssignment(
        root: Tensor, viewWritten: Bool, op: SetItemAssignment.Op,
        region: (shape: [Int], offsets: [Int]), value: Tensor?
    ) throws -> FormulaNode {
        let positions = try root.flatPositions(ofStorageOffsets: region.offsets)
        let rootShape = root.shape
        let regionShape = region.shape
        let valueShape = value?.shape ?? []
        let valueStripped = Array(valueShape.drop(while: { $0 == 1 }))
        let readsValue = value != nil
        let inputs = [root] + (value.map { [$0] } ?? [])
        let node = FormulaNode(
            kind: viewWritten ? .copySlices : op.nodeKind, nextEdges: inputs.map(\.gradientEdge), numOutputs: 1
        ) { ctx in
            var selfGrad: Tensor? = nil
            if ctx.needsGrad(0) {
                let mask = Tensor.ones(rootShape, dtype: ctx.grad.dtype)
                mask.dtype.dispatch(
                    OffsetScatterVisitor(
                        values: Tensor.zeros([positions.count], dtype: mask.dtype).storage,
                        offsets: positions, destination: mask.storage, accumulate: false))
                selfGrad = try ctx.grad.mul(.tensor(mask))
            }
            guard readsValue else { return [selfGrad] }
            var valueGrad: Tensor? = nil
            if ctx.needsGrad(1) {
                valueGrad = try ctx.grad.gatherFlat(positions, shape: regionShape).sumTo(valueStripped).reshape(valueShape)
            }
            return [selfGrad, valueGrad]
        }
        attach(node, outputs: [root])
        node.outputMeta = [OutputMeta(shape: rootShape, dtype: root.dtype)]
        if self !== root {
            var own = [Int]()
            forEachOffset(shape: shape, strides: strides, offset: offset) { own.append($0) }
            let ownPositions = try root.flatPositions(ofStorageOffsets: own)
            // autograd's regenerated view of the written base: no op of the user's graph
            Observation.hidden {
                record("as_strided", .asStridedBackward0, inputs: [root], outputs: [self]) { ctx in
                    [ctx.grad.scatterAddFlat(ownPositions, into: rootShape)]
                }
            }
        }
        return node
    }
    /// Row-major positions within this tensor of elements at the given storage offsets.
    func flatPositions(ofStorageOffsets offsets: [Int]) throws -> [Int] {
        if isContiguous { return offsets.map { $0 - offset } }
        var position = [Int: Int]()
        var k = 0
        forEachOffset(shape: shape, strides: strides, offset: offset) { o in
            position[o] = k
            k += 1
        }
        return try offsets.map { o in
            guard let p = position[o] else {
                throw TorchError.runtime("setitem: the written view does not lie inside its base")
            }
            return p
        }
    }
}

extension NodeKind {
    static let asStridedBackward0 = NodeKind("AsStridedBackward0")
    static let copySlices = NodeKind("CopySlices")
}
