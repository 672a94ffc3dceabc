/// In-place math: the helper every family's `X_` variant runs through (declared next to its
/// op in `Ops/`), and `pow_` and `neg_` until their families move there. They reuse the
/// out-of-place grad_fn names; like PyTorch they save the modified tensor itself as `result`
/// and a clone of the original as `self`, so later in-place edits are detected.
extension Tensor {
    /// Raises PyTorch's error when an in-place result cannot be stored in this dtype.
    func checkCastable(_ result: DType) throws {
        if result.category > dtype.category {
            throw TorchError.runtime("result type \(result.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
    }

    /// Runs `compute` (the out-of-place op on `self`) in place and re-points the new node's
    /// saved tensors: outputs to `self` at its new version, inputs aliasing `self` to a clone
    /// of its original values.
    func inPlaceMath(_ op: String, _ compute: () throws -> Tensor) throws -> Tensor {
        var node: Node? = nil
        var original: Tensor? = nil
        try applyInPlace(op) {
            let result = try compute()
            if let fn = result.gradFn {
                node = fn
                if fn.saved.contains(where: { !$0.isOutput && $0.storageID == ObjectIdentifier(storage) }) {
                    original = try contiguousCopy()
                }
            }
            return result
        }
        if let node {
            node.saved = node.saved.map { slot in
                if slot.isOutput {
                    return SavedTensor(role: slot.role, tensor: self, isOutput: true, outputNr: 0, savingNode: node.name)
                }
                if slot.storageID == ObjectIdentifier(storage), let original {
                    return SavedTensor(role: slot.role, tensor: original, isOutput: false)
                }
                return slot
            }
        }
        return self
    }

    /// `neg_()`.
    @discardableResult
    public func neg_() throws -> Tensor { try inPlaceMath("neg_") { try neg() } }

    /// `pow_(exponent)`.
    @discardableResult
    public func pow_(_ exponent: ScalarValue) throws -> Tensor {
        try inPlaceMath("pow_") { try pow(exponent) }
    }

    /// `pow_(exponent)` with a float exponent.
    @discardableResult
    public func pow_(_ exponent: Double) throws -> Tensor { try pow_(.double(exponent)) }
}
