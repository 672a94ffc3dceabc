/// PyTorch's `out=` argument: the result is written into a given tensor, which is resized
/// (with PyTorch's deprecation warning when it had elements) and returned.
extension Tensor {
    /// Runs `compute` and writes its result into this tensor as `op(..., out=self)` does:
    /// no autograd (an error when `inputs` or this tensor require grad with grad mode on), the
    /// result cast to this tensor's dtype when PyTorch allows it, a new contiguous shape when
    /// the result's differs, and a version bump.
    @discardableResult
    package func assignOut(_ op: String, inputs: [Tensor], _ compute: () throws -> Tensor) throws -> Tensor {
        if GradMode.isEnabled && (requiresGrad || inputs.contains(where: \.requiresGrad)) {
            throw TorchError.runtime(
                "\(op)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad."
            )
        }
        let result = try compute()
        try checkCastable(result.dtype)
        if shape != result.shape {
            if numel != 0 {
                Diagnostics.warn(
                    "An output with one or more elements was resized since it had shape \(shape), which does not match the required output shape \(result.shape). This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Resize.cpp:30.)"
                )
            }
            storage = Storage.uninitialized(dtype, count: result.numel)
            shape = result.shape
            strides = contiguousStrides(result.shape)
            offset = 0
        }
        try writeUnchecked(result)
        bumpVersion(op)
        return self
    }
}
