/// `torch._standard_gamma`, `_standard_gamma_grad`, `_sample_dirichlet` and `_dirichlet_grad`,
/// the C++ samplers behind `torch.distributions.Gamma`, `Dirichlet`, `Beta` and `Chi2`, as
/// aten/src/ATen/native/Distributions.cpp runs them on the CPU: one element after another in
/// row-major order of the (contiguous) result, drawing from the generator as `GammaSampling`
/// describes.
extension Tensor {
    /// `torch._standard_gamma(alpha)`: a Gamma(alpha, 1) sample per element, at least the
    /// dtype's smallest normal number (StandardGammaBackward0: `grad * _standard_gamma_grad(self, result)`).
    public func standardGamma(generator: Generator? = nil) throws -> Tensor {
        try checkFloatingPoint("gamma_cpu")
        let g = Generator.resolve(generator)
        let alphas = doubles()
        let samples: [Double] =
            dtype == .float32
            ? alphas.map { Double(Self.atLeastSmallestNormal(g.standardGamma(Float($0)))) }
            : alphas.map { Self.atLeastSmallestNormal(g.standardGamma($0)) }
        let out = Tensor.fromValues(samples, shape: shape, dtype: dtype)
        record(
            "_standard_gamma", .standardGammaBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .output("result", 0)]
        ) { ctx in
            [try ctx.grad.mul(.tensor(Tensor.standardGammaGrad(ctx.saved(0), output: ctx.saved(1))))]
        }
        return out
    }

    /// `torch._standard_gamma_grad(self, output)`: d(sample)/d(alpha) of the Gamma(alpha, 1)
    /// samples `output` drawn with concentrations `self` (not differentiable itself).
    public static func standardGammaGrad(_ alpha: Tensor, output: Tensor) throws -> Tensor {
        try alpha.checkFloatingPoint("_standard_gamma_grad_cpu")
        let x = try output.values(broadcastTo: alpha.shape)
        let grads = zip(alpha.doubles(), x).map { GammaGradients.standardGammaGrad(alpha: $0, x: $1) }
        let out = Tensor.fromValues(grads, shape: alpha.shape, dtype: alpha.dtype)
        reportNonDifferentiable("_standard_gamma_grad", inputs: [alpha, output], outputs: [out])
        return out
    }

    /// `torch._sample_dirichlet(alpha)`: Dirichlet samples over the last dimension, from double
    /// gamma samples normalised by their sum, clamped to [smallest normal, the float below 1].
    public func sampleDirichlet(generator: Generator? = nil) throws -> Tensor {
        try checkFloatingPoint("dirichlet")
        let g = Generator.resolve(generator)
        let gammas = Tensor.fromValues(
            doubles().map { Self.atLeastSmallestNormal(g.standardGamma($0)) }, shape: shape, dtype: .float64)
        let sums = try Observation.hidden { try gammas.sum(dims: [-1], keepdim: true).expand(shape) }.doubles()
        let ratios = zip(gammas.doubles(), sums).map { $0 / $1 }
        let values: [Double] =
            dtype == .float32
            ? ratios.map { Double(Self.clampedBelowOne(Float($0))) }
            : ratios.map { Self.clampedBelowOne($0) }
        let out = Tensor.fromValues(values, shape: shape, dtype: dtype)
        reportNonDifferentiable("_sample_dirichlet", inputs: [self], outputs: [out])
        return out
    }

    /// `torch._dirichlet_grad(x, alpha, total)`: the reparameterised gradient of Beta(alpha,
    /// total - alpha) samples `x`, element by element (not differentiable itself).
    public static func dirichletGrad(_ x: Tensor, alpha: Tensor, total: Tensor) throws -> Tensor {
        try x.checkFloatingPoint("_dirichlet_grad_cpu")
        let a = try alpha.values(broadcastTo: x.shape)
        let t = try total.values(broadcastTo: x.shape)
        let xs = x.doubles()
        let grads: [Double] = (0..<xs.count).map { i in
            x.dtype == .float32
                ? Double(GammaGradients.dirichletGrad(x: Float(xs[i]), alpha: Float(a[i]), total: Float(t[i])))
                : GammaGradients.dirichletGrad(x: xs[i], alpha: a[i], total: t[i])
        }
        let out = Tensor.fromValues(grads, shape: x.shape, dtype: x.dtype)
        reportNonDifferentiable("_dirichlet_grad", inputs: [x, alpha, total], outputs: [out])
        return out
    }

    /// The elements broadcast to `shape`, in row-major order, as doubles (no op of the graph).
    private func values(broadcastTo shape: [Int]) throws -> [Double] {
        try Observation.hidden { try expand(shape) }.doubles()
    }

    /// `std::max(std::numeric_limits<T>::min(), sample)` (NaN gives the minimum too).
    private static func atLeastSmallestNormal<T: FloatElement>(_ sample: T) -> T {
        T.leastNormalMagnitude < sample ? sample : T.leastNormalMagnitude
    }

    /// `std::min(nexttoward(1, 0), std::max(std::numeric_limits<T>::min(), ratio))`.
    private static func clampedBelowOne<T: FloatElement>(_ ratio: T) -> T {
        let clamped = atLeastSmallestNormal(ratio)
        return clamped < T(1).nextDown ? clamped : T(1).nextDown
    }

    /// AT_DISPATCH_FLOATING_TYPES' error for other dtypes.
    private func checkFloatingPoint(_ kernel: String) throws {
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.unsupportedOperation("\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }
}

extension NodeKind {
    static let standardGammaBackward0 = NodeKind("StandardGammaBackward0")
}
