/// `F.dropout` as PyTorch's CPU `_dropout_impl` runs it: nothing for `p == 0`, eval mode or an
/// empty input (the input itself is returned), `input * 0` for `p == 1`, else
/// `input * noise` with the Bernoulli noise of `dropoutNoise` (MulBackward0 either way). Not
/// declared in the registry: its gradient check would draw new noise on every evaluation.
extension Tensor {
    /// `F.dropout(input, p, training)`.
    public static func dropout(
        _ input: Tensor, p: Double = 0.5, training: Bool = true,
        generator: Generator? = nil
    ) throws -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(p)")
        }
        if p == 0 || !training || input.numel == 0 { return input }
        if p == 1 { return try input.mul(.tensor(Tensor.zeros([], dtype: input.dtype))) }
        return try input.mul(.tensor(input.dropoutNoise(p: p, generator: generator)))
    }
}
