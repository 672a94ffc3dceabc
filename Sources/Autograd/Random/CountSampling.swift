#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Poisson and binomial counts as ATen's CPU kernels draw them (aten/src/ATen/native/
/// Distributions.cpp `sample_poisson`, Distributions.h `sample_binomial`, `btrs`,
/// `binomial_inversion`), one double uniform per draw. The binomial keeps the element type
/// (`T`, ATen's `scalar_t`) where its template does, so float32 counts round as PyTorch's do.
extension Generator {
    /// `sample_poisson(lambda)`: Hörmann's transformed rejection for `lambda >= 10`, else the
    /// product of uniforms.
    func poisson(_ lambda: Double) -> Int64 {
        if lambda >= 10 {
            let slam = lambda.squareRoot()
            let loglam = log(lambda)
            let b = 0.931 + 2.53 * slam
            let a = -0.059 + 0.02483 * b
            let invalpha = 1.1239 + 1.1328 / (b - 3.4)
            let vr = 0.9277 - 3.6224 / (b - 2)
            while true {
                let u = uniformDouble() - 0.5
                let v = uniformDouble()
                let us = 0.5 - abs(u)
                let k = Self.truncatedToInt64(((2 * a / us + b) * u + lambda + 0.43).rounded(.down))
                if us >= 0.07 && v <= vr { return k }
                if k < 0 || (us < 0.013 && v > us) { continue }
                if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lambda + Double(k) * loglam - lgamma(Double(k) + 1) {
                    return k
                }
            }
        }
        if lambda == 0 { return 0 }
        let enlam = exp(-lambda)
        var x: Int64 = 0
        var product = 1.0
        while true {
            product *= uniformDouble()
            if product > enlam { x += 1 } else { return x }
        }
    }

    /// `sample_binomial<scalar_t, double>(count, prob)`.
    func binomial<T: FloatElement>(count: T, prob: T) -> T {
        if count <= 0 || prob <= 0 { return 0 }
        if prob >= 1 { return count }
        if prob <= 0.5 {
            return Double(count * prob) >= 10 ? btrs(count: count, prob: prob) : binomialInversion(count: count, prob: prob)
        }
        if prob > 0.5 {
            let qprob = 1 - prob
            return count
                - (Double(count * qprob) >= 10 ? btrs(count: count, prob: qprob) : binomialInversion(count: count, prob: qprob))
        }
        return .nan
    }

    /// `(int64_t)` of a double as x86-64's cvttsd2si gives it: NaN and out-of-range values are
    /// INT64_MIN (a zero `us` makes the Poisson proposal infinite).
    private static func truncatedToInt64(_ value: Double) -> Int64 {
        value.isFinite && value >= -0x1p63 && value < 0x1p63 ? Int64(value) : .min
    }

    /// `binomial_inversion`: counts geometric waiting times until they pass `count`.
    private func binomialInversion<T: FloatElement>(count: T, prob: T) -> T {
        var geomSum = 0.0
        var numGeom: T = 0
        let logprob = Double(T.log(onePlus: -prob))
        while true {
            let geom = (log(uniformDouble()) / logprob).rounded(.up)
            geomSum += geom
            if geomSum > Double(count) { return numGeom }
            numGeom = numGeom + 1
        }
    }

    /// `btrs`: Hörmann's transformed rejection with squeeze (as TensorFlow's random_binomial_op).
    private func btrs<T: FloatElement>(count: T, prob: T) -> T {
        let stddev = Double((count * prob * (1 - prob)).squareRoot())
        let b = 1.15 + 2.53 * stddev
        let a = -0.0873 + 0.0248 * b + 0.01 * Double(prob)
        let c = Double(count * prob) + 0.5
        let vR = 0.92 - 4.2 / b
        let r = Double(prob / (1 - prob))
        let alpha = (2.83 + 5.1 / b) * stddev
        let m = Double(((count + 1) * prob).rounded(.down))
        let n = Double(count)
        while true {
            let u = uniformDouble() - 0.5
            var v = uniformDouble()
            let us = 0.5 - abs(u)
            let k = T(((2 * a / us + b) * u + c).rounded(.down))
            if k < 0 || k > count { continue }
            if us >= 0.07 && v <= vR { return k }
            v = log(v * alpha / (a / (us * us) + b))
            let kk = Double(k)
            let t1: Double = (m + 0.5) * log((m + 1) / (r * (n - m + 1)))
            let t2: Double = Double(count + 1) * log((n - m + 1) / Double(count - k + 1))
            let t3: Double = (kk + 0.5) * log(r * Double(count - k + 1) / Double(k + 1))
            var upperbound: Double = t1 + t2 + t3 + stirlingApproxTail(m)
            upperbound = upperbound + stirlingApproxTail(n - m) - stirlingApproxTail(kk) - stirlingApproxTail(Double(count - k))
            if v <= upperbound { return k }
        }
    }

    /// `stirling_approx_tail<double>(k)`: the tail of Stirling's series for log(k!).
    private func stirlingApproxTail(_ k: Double) -> Double {
        let tailValues = [
            0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
            0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287
        ]
        if k <= 9 { return tailValues[Int(k)] }
        let kp1sq = (k + 1) * (k + 1)
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)
    }
}

extension Tensor {
    /// `torch.poisson(rates)`: one Poisson count per element, in the rates' dtype
    /// (PoissonBackward0: zero gradient).
    public func poisson(generator: Generator? = nil) throws -> Tensor {
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.unsupportedOperation("\"poisson_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let g = Generator.resolve(generator)
        var counts = [Double]()
        for rate in doubles() {
            guard rate >= 0 else { throw TorchError.runtime("invalid Poisson rate, expected rate to be non-negative") }
            counts.append(Double(g.poisson(rate)))
        }
        let out = Tensor.fromValues(counts, shape: shape, dtype: dtype)
        record("poisson", .poissonBackward0, inputs: [self], outputs: [out]) { ctx in [Tensor.zerosLike(ctx.grad)] }
        return out
    }

    /// `torch.binomial(count, prob)`: one Binomial(count, prob) count per element of `count`
    /// (prob broadcast to it). PyTorch gives the result a NotImplemented grad_fn when an input
    /// requires grad; here it has none.
    public static func binomial(count: Tensor, prob: Tensor, generator: Generator? = nil) throws -> Tensor {
        guard count.dtype == .float32 || count.dtype == .float64 else {
            throw TorchError.value("binomial only supports floating-point dtypes for count, got: \(count.dtype.scalarTypeName)")
        }
        guard prob.dtype == .float32 || prob.dtype == .float64 else {
            throw TorchError.value("binomial only supports floating-point dtypes for prob, got: \(prob.dtype.scalarTypeName)")
        }
        let g = Generator.resolve(generator)
        let probs = try Observation.hidden { try prob.expand(count.shape) }.doubles()
        let counts = count.doubles()
        let values: [Double] = zip(counts, probs).map { n, p in
            count.dtype == .float32 ? Double(g.binomial(count: Float(n), prob: Float(p))) : g.binomial(count: n, prob: p)
        }
        let out = Tensor.fromValues(values, shape: count.shape, dtype: count.dtype)
        reportNonDifferentiable("binomial", inputs: [count, prob], outputs: [out])
        return out
    }
}

extension NodeKind {
    static let poissonBackward0 = NodeKind("PoissonBackward0")
}
