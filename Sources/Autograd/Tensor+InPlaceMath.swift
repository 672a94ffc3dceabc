/// In-place math: the helper every family's `X_` variant runs through (declared next to its
/// op in `Ops/`). Those variants reuse the out-of-place grad_fn names; like PyTorch they save
/// the modified tensor itself as `result` and a clone of the original as `self`, so later
/// in-place edits are detected.
extension Tensor {
    /// Raises PyTorch's error when an in-place result cannot be stored in this dtype.
    func checkCastable(_ result: DType) throws {
        if result.category > dtype.category {
            throw TorchError.runtime(
                "result type \(result.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
    }

    /// Runs `compute` (the out-of-place op on `self`) in place and re-points the new node's
    /// saved tensors: outputs to `self` at its new version, the saved `self` to a clone of its
    /// original values. Other saved inputs stay as they are, so `c.mul_(c)` still fails in
    /// backward like PyTorch (its saved `other` was modified).
    func inPlaceMath(_ op: String, _ compute: () throws -> Tensor) throws -> Tensor {
        var node: Node? = nil
        var original: Tensor? = nil
        try applyInPlace(op) {
            let result = try compute()
            if let fn = result.gradFn {
                node = fn
                if fn.saved.contains(where: { isOriginalSelf($0) }) {
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
                if isOriginalSelf(slot), let original {
                    return SavedTensor(role: slot.role, tensor: original, isOutput: false)
                }
                return slot
            }
        }
        return self
    }

    /// Whether `slot` is the op's saved `self` input (this tensor before the write).
    private func isOriginalSelf(_ slot: SavedTensor) -> Bool {
        !slot.isOutput && slot.role == "self" && slot.storageID == ObjectIdentifier(storage)
    }
}
