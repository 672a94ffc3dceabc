/// `F.dropout` and the feature (channel-wise) dropout behind `F.dropout1d/2d/3d`, as PyTorch's CPU
/// `_dropout_impl` runs them: nothing for `p == 0`, eval mode or an empty input (the input itself
/// is returned), `input * 0` for `p == 1`, else `input * noise` with the Bernoulli noise of
/// `dropoutNoise` (MulBackward0 either way; the in-place forms `mul_` into the input). Not declared
/// in the registry: its gradient check would draw new noise on every evaluation.
extension Tensor {
    /// `F.dropout(input, p, training, inplace)`.
    public static func dropout(
        _ input: Tensor, p: Double = 0.5, training: Bool = true, inPlace: Bool = false,
        generator: Generator? = nil
    ) throws -> Tensor {
        try dropoutImpl(input, p: p, training: training, inPlace: inPlace, generator: generator)
    }

    /// `torch.feature_dropout(input, p, training)` (and `feature_dropout_`): one keep-or-drop draw
    /// per `[N, C]` channel, broadcast over the remaining dims. `batched: false` treats the input
    /// as one sample `[C, ...]` (what `dropout1d`/`dropout3d` do by adding a batch dim of one).
    public static func featureDropout(
        _ input: Tensor, p: Double = 0.5, training: Bool = true, inPlace: Bool = false, batched: Bool = true,
        generator: Generator? = nil
    ) throws -> Tensor {
        try dropoutImpl(
            input, p: p, training: training, inPlace: inPlace, channelDims: batched ? 2 : 1, generator: generator)
    }

    /// `channelDims` is 0 for elementwise dropout, else how many leading dims get their own draws.
    private static func dropoutImpl(
        _ input: Tensor, p: Double, training: Bool, inPlace: Bool, channelDims: Int = 0, generator: Generator?
    ) throws -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(p)")
        }
        if channelDims == 2 && input.dim < 2 {
            throw TorchError.runtime("Feature dropout requires at least 2 dimensions in the input")
        }
        if p == 0 || !training || input.numel == 0 { return input }
        let noise: Tensor
        if p == 1 {
            noise = Tensor.zeros([], dtype: input.dtype)
        } else {
            let shape =
                channelDims == 0
                ? input.shape
                : Array(input.shape.prefix(channelDims)) + Array(repeating: 1, count: input.dim - channelDims)
            noise = try input.dropoutNoise(p: p, noiseShape: shape, generator: generator)
        }
        return inPlace ? try input.mul_(.tensor(noise)) : try input.mul(.tensor(noise))
    }
}
