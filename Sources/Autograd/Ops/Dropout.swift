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
            let featureShape =
                channelDims == 0
                ? nil : Array(input.shape.prefix(channelDims)) + Array(repeating: 1, count: input.dim - channelDims)
            noise = try input.dropoutNoise(p: p, noiseShape: featureShape, generator: generator)
        }
        return inPlace ? try input.mul_(.tensor(noise)) : try input.mul(.tensor(noise))
    }
}

/// `F.alpha_dropout`, `_dropout_impl`'s alpha branch: the Bernoulli keep-mask `m` becomes
/// `noise = m * a` and `b = (m - 1) * alpha * a + alpha * a * p` with SELU's `alpha` and
/// `a = 1 / sqrt((alpha² p + 1)(1 - p))`, and the result is `(input * noise).add_(b)`
/// (AddBackward0), keeping the SELU self-normalizing mean and variance.
extension Tensor {
    /// `F.alpha_dropout(input, p, training, inplace)`.
    public static func alphaDropout(
        _ input: Tensor, p: Double = 0.5, training: Bool = false, inPlace: Bool = false,
        generator: Generator? = nil
    ) throws -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw TorchError.value("dropout probability has to be between 0 and 1, but got \(p)")
        }
        if p == 0 || !training || input.numel == 0 { return input }
        if p == 1 {
            let zero = Tensor.zeros([], dtype: input.dtype)
            return inPlace ? try input.mul_(.tensor(zero)) : try input.mul(.tensor(zero))
        }
        let mask = try Tensor.empty(input.shape, dtype: input.dtype)
        try mask.drawBernoulli(p: 1 - p, Generator.resolve(generator))
        let alpha = 1.7580993408473766
        let a = 1 / ((alpha * alpha * p + 1) * (1 - p)).squareRoot()
        // Each step rounds in the input's dtype, as the float kernels with a scalar operand do.
        let rounded: (Double) -> Double = input.dtype == .float32 ? { Double(Float($0)) } : { $0 }
        let kept = mask.doubles()
        let b = kept.map { rounded(rounded(rounded($0 - 1) * rounded(alpha * a)) + rounded(alpha * a * p)) }
        let noise = kept.map { rounded($0 * rounded(a)) }
        let noiseTensor = Tensor.fromValues(noise, shape: input.shape, dtype: input.dtype)
        let scaled = inPlace ? try input.mul_(.tensor(noiseTensor)) : try input.mul(.tensor(noiseTensor))
        return try scaled.add_(.tensor(Tensor(b, shape: input.shape, dtype: input.dtype)))
    }
}
