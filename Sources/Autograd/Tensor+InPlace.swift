/// The machinery of in-place ops: the leaf check, writing values back, version bumps and
/// rebasing the tensor's history onto the new node.
extension Tensor {
    /// Raises PyTorch's error for in-place ops on leaves (or views of leaves) that require grad.
    func checkInPlace() throws {
        guard GradMode.isEnabled else { return }
        if isLeaf && leafRequiresGrad { throw TorchError.runtime(AutogradMessages.leafInPlace) }
        if let b = base, b.isLeaf && b.leafRequiresGrad && base != nil && requiresGrad {
            throw TorchError.runtime(AutogradMessages.viewOfLeafInPlace)
        }
    }

    /// Copies `values` (broadcast to this shape, converted to this dtype) into this tensor's
    /// elements, without autograd bookkeeping.
    func writeUnchecked(_ values: Tensor) throws {
        let target = try broadcastShapes(shape, values.shape)
        guard target == shape else {
            throw TorchError.runtime(
                "output with shape [\(shape.map(String.init).joined(separator: ", "))] doesn't match the broadcast shape [\(target.map(String.init).joined(separator: ", "))]"
            )
        }
        let src = values.contiguousStorage(as: dtype, broadcastTo: shape)
        dtype.dispatch(ScatterVisitor(source: src, destination: self))
    }

    /// Bumps the version counter and tells the observer.
    func bumpVersion(_ op: String) {
        versionCounter.bump()
        Observation.observer?.versionBumped(self, op: op)
    }

    /// Runs an in-place op: checks, computes `result` out of place, writes it back, bumps the
    /// version, and (when autograd recorded the result) makes its grad_fn this tensor's history.
    @discardableResult
    func applyInPlace(_ op: String, _ compute: () throws -> Tensor) throws -> Tensor {
        try checkInPlace()
        let result = try compute()
        try checkCastable(result.dtype)
        try writeUnchecked(result)
        bumpVersion(op)
        if let fn = result.gradFn {
            gradFn = fn
            outputNr = result.outputNr
            if let formula = fn as? FormulaNode { formula.outputMeta = [OutputMeta(shape: shape, dtype: dtype)] }
        }
        return self
    }

    /// Adds `other` into this tensor's values with no autograd bookkeeping (gradient accumulation).
    func addInPlaceUnchecked(_ other: Tensor) throws {
        let sum = try GradMode.noGrad { try self.add(.tensor(other)) }
        try writeUnchecked(sum)
    }

    /// `zero_()` (recorded as `zero_` with PyTorch's `ZeroBackward0`).
    @discardableResult
    public func zero_() throws -> Tensor { try fill(0, op: "zero_", node: .zeroBackward0) }

    /// `fill_(value)` (PyTorch's `fill_.Scalar`, whose node is FillBackward2).
    @discardableResult
    public func fill_(_ value: Double) throws -> Tensor { try fill(value, op: "fill_", node: .fillBackward2) }

    /// Fills with `value` in place, reporting the op as `op` with grad_fn `node` (the
    /// op first, then the version bump that makes it in place, as for the other in-place ops).
    private func fill(_ value: Double, op: String, node: NodeKind) throws -> Tensor {
        try checkInPlace()
        fillUnchecked(value)
        if requiresGrad && GradMode.isEnabled {
            let out = Tensor.full(shape, value, dtype: dtype)
            record(op, node, inputs: [self], outputs: [out]) { ctx in [try ctx.grad.mulScalar(0)] }
            gradFn = out.gradFn
        }
        bumpVersion(op)
        return self
    }

    /// `copy_(src)`.
    @discardableResult
    public func copy_(_ src: Tensor) throws -> Tensor {
        try applyInPlace("copy_") {
            // the conversion and broadcast happen inside PyTorch's one copy_ kernel
            let out = try Observation.hidden { try src.to(dtype).expand(shape).materialized() }
            let srcShape = src.shape
            record("copy_", .copyBackwards, inputs: [self, src], outputs: [out]) { ctx in
                [
                    ctx.needsGrad(0) ? try ctx.grad.mulScalar(0) : nil,
                    ctx.needsGrad(1) ? try ctx.grad.sumTo(srcShape) : nil
                ]
            }
            return out
        }
    }

    /// `requires_grad_()`.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Tensor {
        try setRequiresGrad(flag)
        return self
    }

    /// `detach_()`.
    @discardableResult
    public func detach_() -> Tensor {
        detachInPlace()
        return self
    }
}

private struct ScatterVisitor: ElementVisitor {
    let source: Storage
    let destination: Tensor
    func visit<T: TensorElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.storage.pointer(T.self)
        if destination.isContiguous {
            (d + destination.offset).update(from: s, count: destination.numel)
            return
        }
        var i = 0
        forEachOffset(shape: destination.shape, strides: destination.strides, offset: destination.offset) { o in
            d[o] = s[i]
            i += 1
        }
    }
}

extension NodeKind {
    static let zeroBackward0 = NodeKind("ZeroBackward0")
}
