extension Tensor {
    /// `copy.deepcopy(t)`, as PyTorch's `Tensor.__deepcopy__` and `Parameter.__deepcopy__` make it
    /// (torch/_tensor.py, torch/nn/parameter.py): new memory holding the same values, outside any
    /// graph. A Parameter becomes a new Parameter with the same `requires_grad` and no gradient; any
    /// other tensor keeps `requires_grad` and gets a deep copy of its `.grad`. Only leaves can be
    /// copied.
    public func deepCopy() throws -> Tensor {
        if isParameter { return try materialized().makeParameter(requiresGrad: requiresGrad) }
        guard isLeaf else {
            throw TorchError.runtime(
                "Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  "
                    + "If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, "
                    + "see https://github.com/pytorch/pytorch/pull/103001")
        }
        let copy = materialized()
        if requiresGrad { try copy.setRequiresGrad(true) }
        if let storedGrad { try copy.setGrad(try storedGrad.deepCopy()) }
        return copy
    }
}
