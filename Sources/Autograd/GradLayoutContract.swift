/// PyTorch's "gradient layout contract" for a leaf's `.grad`
/// (torch/csrc/autograd/utils/grad_layout_contract.h).
extension Tensor {
    /// Whether this gradient may become `variable`'s `.grad` as it is (`obeys_layout_contract`):
    /// for a non-overlapping dense variable, the same strides on every dim of size above 1 and
    /// no 0 stride on the others; for any other variable, a contiguous gradient.
    func obeysLayoutContract(of variable: Tensor) -> Bool {
        guard variable.isNonOverlappingAndDense else { return isContiguous }
        for d in shape.indices {
            if shape[d] != 1 ? strides[d] != variable.strides[d] : strides[d] == 0 { return false }
        }
        return true
    }

    /// A copy of this gradient laid out as the contract asks (`clone_obey_contract`): with
    /// `variable`'s strides when it is non-overlapping and dense, else contiguous.
    func cloneObeyingLayoutContract(of variable: Tensor) -> Tensor {
        guard variable.isNonOverlappingAndDense, !variable.isContiguous,
            let layout = IteratorLayout(shape: variable.shape, operands: [variable])
        else { return materialized() }
        let values = iteratorView(layout).materialized()
        return Tensor(storage: values.storage, shape: shape, strides: layout.strides)
    }
}
