extension Tensor {
    /// `nn.Parameter(data, requires_grad)`, as PyTorch's `Tensor._make_subclass` makes it: a new
    /// leaf over this tensor's storage and version counter, flagged `isParameter`. The observer
    /// sees a tensor created by `Parameter`, not a detach.
    public func makeParameter(requiresGrad: Bool) throws -> Tensor {
        let parameter = alias()
        try parameter.setRequiresGrad(requiresGrad)
        parameter.isParameter = true
        reportCreated(parameter, "Parameter")
        return parameter
    }
}
