/// The random part of dropout in training mode. On the CPU `torch.nn.functional.dropout` runs
/// aten/src/ATen/native/Dropout.cpp `_dropout_impl`: `noise = empty_like(input).bernoulli_(1 - p)`,
/// `noise.div_(1 - p)`, then `input * noise` (so its grad_fn is MulBackward0); p == 0, p == 1,
/// eval mode and empty inputs draw nothing.
extension Tensor {
    /// The noise dropout multiplies this tensor by: keep-masks drawn with probability `1 - p`
    /// (one double uniform per element, in this tensor's dtype) scaled by `1 / (1 - p)`.
    /// Only for 0 < p < 1 and a non-empty tensor, the cases where PyTorch draws. `noiseShape`
    /// is the input's shape, or for feature dropout `make_feature_noise`'s `[N, C, 1, ...]`.
    public func dropoutNoise(p: Double, noiseShape: [Int]? = nil, generator: Generator? = nil) throws -> Tensor {
        // empty_like(input) keeps a permuted input's layout, and bernoulli_ fills memory order.
        let noise =
            try noiseShape.map { try Tensor.empty($0, dtype: dtype) } ?? Tensor.empty(shape, dtype: dtype).inLayout(of: self)
        try noise.drawBernoulli(p: 1 - p, Generator.resolve(generator))
        switch dtype {
        case .float32: noise.scaleNoise(by: Float(1 - p))
        case .float64: noise.scaleNoise(by: 1 - p)
        case .bool, .uint8, .int8, .int16, .int32, .int64:
            throw TorchError.runtime("result type Float can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        return noise
    }

    /// `noise.div_(1 - p)` on the fresh, dense noise tensor.
    private func scaleNoise<T: FloatElement>(by keep: T) {
        let values = storage.pointer(T.self)
        for i in 0..<numel { values[i] = values[i] / keep }
    }
}
