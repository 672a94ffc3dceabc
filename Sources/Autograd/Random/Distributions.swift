#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How PyTorch turns the generator's bits into one value, after
/// aten/src/ATen/core/DistributionsHelper.h and aten/src/ATen/core/TransformationHelper.h.
/// `a * b + c` is fused wherever GCC contracts it in PyTorch's build (`addingProduct`).
extension Generator {
    /// `uniform_real_distribution<float>`: the low 24 bits of one 32-bit draw, scaled in float.
    @inline(__always) func uniformFloat(from: Float = 0, to: Float = 1) -> Float {
        let x = Float(random32() & 0xff_ffff) * (1 / Float(1 << 24))
        return from.addingProduct(x, to - from)
    }

    /// `uniform_real_distribution<double>`: the low 53 bits of one 64-bit draw, scaled in double.
    @inline(__always) func uniformDouble(from: Double = 0, to: Double = 1) -> Double {
        let x = Double(random64() & (1 << 53 - 1)) * (1 / Double(UInt64(1) << 53))
        return from.addingProduct(x, to - from)
    }

    /// `normal_distribution<double>`: Box–Muller on two double uniforms; returns the cosine
    /// value and caches the sine one for the next call.
    func normalDouble(mean: Double, std: Double) -> Double {
        if let cached = nextDoubleNormal {
            nextDoubleNormal = nil
            return mean.addingProduct(cached, std)
        }
        let u1 = uniformDouble()
        let u2 = uniformDouble()
        let r = sqrt(-2.0 * log1p(-u2))
        let theta = 2.0 * Double.pi * u1
        nextDoubleNormal = r * sin(theta)
        return mean.addingProduct(r * cos(theta), std)
    }

    /// `uniform_int_from_to_distribution`: `draw % range + base`, drawing 64 bits from a range
    /// of 2^28 on (ATen/core/DistributionsHelper.h outside fbcode, for every element type).
    @inline(__always) func integer(range: UInt64, base: Int64) -> Int64 {
        let bits = range >= 1 << 28 ? random64() : UInt64(random32())
        return Int64(bitPattern: bits % range &+ UInt64(bitPattern: base))
    }

    /// `exponential_distribution<double>`: `-1/lambda * log1p(-u)`.
    func exponential(lambda: Double) -> Double { -1.0 / lambda * log1p(-uniformDouble()) }

    /// `cauchy_distribution<double>`: `median + sigma * tan(pi * (u - 0.5))` on one double
    /// uniform (TransformationHelper.h's double `cauchy`, which does not clip `u`).
    func cauchy(median: Double, sigma: Double) -> Double {
        median.addingProduct(sigma, tan(Double.pi * (uniformDouble() - 0.5)))
    }
}
