/// The random part of dropout in training mode. On the CPU `torch.nn.functional.dropout` runs
/// aten/src/ATen/native/Dropout.cpp `_dropout_impl`: `noise = empty_like(input).bernoulli_(1 - p)`,
/// `noise.div_(1 - p)`, then `input * noise` (so its grad_fn is MulBackward0); p == 0, p == 1,
/// eval mode and empty inputs draw nothing.
extension Tensor {
    /// The noise dropout multiplies this tensor by: keep-masks drawn with probability `1 - p`
    /// (one double uniform per element, in this tensor's dtype) scaled by `1 / (1 - p)`.
    /// Only for 0 < p < 1 and a non-empty tensor, the cases where PyTorch draws.
    public func dropoutNoise(p: Double, generator: Generator? = nil) throws -> Tensor {
        let noise = try Tensor.empty(shape, dtype: dtype).bernoulli_(p: 1 - p, generator: generator)
        return try noise.div_(.scalar(.double(1 - p)))
    }
}
