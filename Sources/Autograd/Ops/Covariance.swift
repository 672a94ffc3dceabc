/// `cov` and `corrcoef`, composed of recorded ops as ATen composes them (Correlation.cpp), so
/// that their values, graphs (SqueezeBackward0 over DivBackward0 over MmBackward0 for `cov`,
/// ClampBackward1 for `corrcoef`) and gradients are PyTorch's.
enum CovarianceOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "cov(Tensor self, *, int correction=1, Tensor? fweights=None, Tensor? aweights=None) -> Tensor",
            gradFn: "SqueezeBackward0", exposure: [.torch, .method],
            forward: {
                try $0.tensor("self").cov(
                    correction: $0.int("correction"), fweights: $0.optionalTensor("fweights"),
                    aweights: $0.optionalTensor("aweights"))
            }),
        OpDeclaration(
            "corrcoef(Tensor self) -> Tensor", gradFn: "ClampBackward1", exposure: [.torch, .method],
            forward: { try $0.tensor("self").corrcoef() })
    ]
}

extension Tensor {
    /// The covariance matrix of the variables in the rows of `self` (a 1-D input is one
    /// variable), observations in the columns, optionally weighted by integer frequencies
    /// `fweights` and float `aweights`, divided by their total minus `correction`; squeezed.
    public func cov(correction: Int = 1, fweights: Tensor? = nil, aweights: Tensor? = nil) throws -> Tensor {
        guard dim <= 2 else {
            throw TorchError.runtime(
                "cov(): expected input to have two or fewer dimensions but got an input with \(dim) dimensions")
        }
        if dtype == .bool { throw TorchError.unsupportedOperation("cov(): bool dtype is not supported for input") }
        var input = dim < 2 ? try view([1, -1]) : self
        let observations = input.shape[1]
        var weights = try fweights.map { try Tensor.checkedCovWeights($0, "fweights", observations) }
        if let aweights {
            let checked = try Tensor.checkedCovWeights(aweights, "aweights", observations)
            weights = try weights.map { try $0.mul(.tensor(checked)) } ?? checked
        }
        let total = try weights?.sum() ?? Tensor.scalar(Double(observations), dtype: .int64)
        if weights != nil, total.doubles()[0] == 0 {
            throw TorchError.runtime("cov(): weights sum to zero, can't be normalized")
        }
        let average = try (weights.map { try input.mul(.tensor($0)) } ?? input).sum(dims: [1]).div(.tensor(total))
        var normalization: Tensor
        if let weights, let aweights, correction != 0 {
            let adjustment = try weights.mul(.tensor(aweights)).sum().mul(.scalar(.int(Int64(correction)))).div(.tensor(total))
            normalization = try total.sub(.tensor(adjustment))
        } else {
            normalization = try total.sub(.scalar(.int(Int64(correction))))
        }
        if normalization.doubles()[0] <= 0 {
            Diagnostics.warn(
                "cov(): degrees of freedom is <= 0. Correction should be strictly less than the number of observations. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Correlation.cpp:129.)"
            )
            normalization = try normalization.zero_()
        }
        input = try input.sub(.tensor(average.unsqueeze(1)))
        let products = try input.mm((weights.map { try input.mul(.tensor($0)) } ?? input).t())
        return try products.div(.tensor(normalization)).squeeze()
    }

    /// `fweights` (integers) or `aweights` (floats): one non-negative weight per observation.
    private static func checkedCovWeights(_ w: Tensor, _ name: String, _ observations: Int) throws -> Tensor {
        guard w.dim <= 1 else {
            throw TorchError.runtime(
                "cov(): expected \(name) to have one or fewer dimensions but got \(name) with \(w.dim) dimensions")
        }
        let integral = name == "fweights"
        guard integral ? w.dtype == .int64 : w.dtype.isFloatingPoint else {
            throw TorchError.runtime(
                "cov(): expected \(name) to have \(integral ? "integral" : "floating point") dtype but got \(name) with \(w.dtype.scalarTypeName) dtype"
            )
        }
        guard w.numel == observations else {
            throw TorchError.runtime(
                "cov(): expected \(name) to have the same numel as there are observations in the input but got \(w.numel) != \(observations)"
            )
        }
        if observations > 0 && (w.doubles().min() ?? 0) < 0 { throw TorchError.runtime("cov(): \(name) cannot be negative") }
        return w
    }

    /// The correlation coefficients of the variables in the rows of `self`: `cov()` divided by
    /// the standard deviations along both dims, clipped to [-1, 1] (`c / c` for one variable).
    public func corrcoef() throws -> Tensor {
        guard dim <= 2 else {
            throw TorchError.runtime(
                "corrcoef(): expected input to have two or fewer dimensions but got an input with \(dim) dimensions")
        }
        let c = try cov()
        if c.dim == 0 { return try c.div(.tensor(c)) }
        let deviations = try c.diagonal().sqrt()
        let scaled = try c.div(.tensor(deviations.view([-1, 1]))).div(.tensor(deviations.view([1, -1])))
        return try scaled.clamp(min: .int(-1), max: .int(1))
    }
}
