/// `x[...] = v`: in-place assignment through an index expression.
extension Tensor {
    /// `self[items] = value` with Python's rules: the value broadcasts to the indexed region and
    /// is converted to this tensor's dtype; the version counter is bumped. With autograd
    /// involved, the tensor whose storage this is (the base of a view) gets the history:
    /// CopySlices when a view was written, else CopyBackwards (basic) or IndexPutBackward0
    /// (advanced).
    public func indexAssign(_ items: [TensorIndex], _ value: Operand) throws {
        try checkInPlace()
        let sliced = try GradMode.noGrad { () throws -> SlicedIndex in
            if items.count == 1, case .ellipsis = items[0] { return SlicedIndex(view: self) }
            if items.count == 1, case .slice = items[0] {
                return SlicedIndex(view: try index(items))
            }
            return try applySlicing(items, skipFullSlices: true)
        }
        let advanced = !sliced.dims.isEmpty
        let source: Tensor
        switch value {
        case .scalar(let s): source = Tensor.wrapped(s, dtype: dtype)
        case .tensor(let t): source = t
        }
        let target = sliced.view
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
        bumpVersion(advanced ? "index_put_" : "copy_")
        guard GradMode.isEnabled, dtype.isFloatingPoint,
            root.requiresGrad || requiresGrad || source.requiresGrad
        else { return }
        try recordAssignment(
            root: root, viewWritten: target !== self || root !== self, advanced: advanced,
            region: region, source: source, strippedShape: stripped)
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
            _ = try GradMode.noGrad { try source.view(stripped).expand(region) }
        }
        let flat = Tensor(storage: source.contiguousStorage(as: dtype), shape: stripped)
        return flat.contiguousStorage(broadcastTo: region)
    }

    /// Gives `root` the history of the assignment (and `self`, if a view, a fresh view node).
    private func recordAssignment(
        root: Tensor, viewWritten: Bool, advanced: Bool,
        region: (shape: [Int], offsets: [Int]), source: Tensor,
        strippedShape: [Int]
    ) throws {
        let positions = try root.flatPositions(ofStorageOffsets: region.offsets)
        let rootShape = root.shape
        let regionShape = region.shape
        let sourceShape = source.shape
        let name = viewWritten ? "CopySlices" : (advanced ? "IndexPutBackward0" : "CopyBackwards")
        record(advanced ? "index_put_" : "copy_", name, inputs: [root, source], outputs: [root]) { ctx in
            var selfGrad: Tensor? = nil
            if ctx.needsGrad(0) {
                let mask = Tensor.ones(rootShape, dtype: ctx.grad.dtype)
                mask.dtype.dispatch(
                    OffsetScatterVisitor(
                        values: Tensor.zeros([positions.count], dtype: mask.dtype).storage,
                        offsets: positions, destination: mask.storage, accumulate: false))
                selfGrad = try ctx.grad.mul(.tensor(mask))
            }
            var valueGrad: Tensor? = nil
            if ctx.needsGrad(1) {
                valueGrad = try ctx.grad.gatherFlat(positions, shape: regionShape).sumTo(strippedShape).reshape(sourceShape)
            }
            return [selfGrad, valueGrad]
        }
        if let fn = root.gradFn as? FormulaNode { fn.outputMeta = [OutputMeta(shape: rootShape, dtype: root.dtype)] }
        if self !== root {
            var own = [Int]()
            forEachOffset(shape: shape, strides: strides, offset: offset) { own.append($0) }
            let ownPositions = try root.flatPositions(ofStorageOffsets: own)
            record("as_strided", "AsStridedBackward0", inputs: [root], outputs: [self]) { ctx in
                [ctx.grad.scatterAddFlat(ownPositions, into: rootShape)]
            }
        }
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
