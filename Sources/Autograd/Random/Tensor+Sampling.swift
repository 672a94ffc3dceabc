/// In-place sampling (`uniform_`, `normal_`, `random_`, `bernoulli_`, `exponential_`, `cauchy_`): the
/// leaf check, the kernel, then the version bump. The kernels (`Tensor+SamplingKernels.swift`)
/// also fill the random factories, whose results PyTorch leaves at version 0.
extension Tensor {
    /// Uniform values in [from, to) (`uniform_`).
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("uniform_") { try drawUniform(from: from, to: to, Generator.resolve(generator)) }
    }

    /// Normal values (`normal_`).
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("normal_") { try drawNormal(mean: mean, std: std, Generator.resolve(generator)) }
    }

    /// Integers in [from, to) (`random_(from, to)`).
    @discardableResult
    public func random_(from: Int64, to: Int64, generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("random_") { try drawIntegers(from: from, to: to, Generator.resolve(generator)) }
    }

    /// Integers in [0, 2^63) for int64, [0, 2^53] for float64, [0, 2^24] for float32, or
    /// random booleans (`random_()`).
    @discardableResult
    public func random_(generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("random_") { drawIntegers(Generator.resolve(generator)) }
    }

    /// Ones with probability `p`, else zeros (`bernoulli_(p)`).
    @discardableResult
    public func bernoulli_(p: Double, generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("bernoulli_") { try drawBernoulli(p: p, Generator.resolve(generator)) }
    }

    /// Ones where a uniform draw falls below the matching probability in `p`, broadcast to
    /// this shape (`bernoulli_(p_tensor)`).
    @discardableResult
    public func bernoulli_(probabilities p: Tensor, generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("bernoulli_") { try drawBernoulli(probabilities: p, Generator.resolve(generator)) }
    }

    /// Exponential values with rate `lambda` (`exponential_`).
    @discardableResult
    public func exponential_(lambda: Double = 1, generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("exponential_") { try drawExponential(lambda: lambda, Generator.resolve(generator)) }
    }

    /// Cauchy values with location `median` and scale `sigma` (`cauchy_`).
    @discardableResult
    public func cauchy_(median: Double = 0, sigma: Double = 1, generator: Generator? = nil) throws -> Tensor {
        try sampleInPlace("cauchy_") { try drawCauchy(median: median, sigma: sigma, Generator.resolve(generator)) }
    }

    private func sampleInPlace(_ op: String, _ kernel: () throws -> Void) throws -> Tensor {
        try checkInPlace()
        try kernel()
        bumpVersion(op)
        return self
    }
}
