/// One lane of PyTorch 2.15's `Vectorized<T>::erf()` in its AVX-512 kernels: float32 is ATen's
/// own Abramowitz and Stegun formula 7.1.26 with SLEEF's exp (vec512_float.h), float64 is
/// SLEEF's `Sleef_erfd8_u10` (`SleefErf`).
enum VectorisedErf {
    /// `erf` of one lane.
    @inline(__always)
    static func lane<T: FloatElement>(_ x: T) -> T {
        if T.self == Float.self { return unsafeBitCast(float32(unsafeBitCast(x, to: Float.self)), to: T.self) }
        return unsafeBitCast(SleefErf.erf(unsafeBitCast(x, to: Double.self)), to: T.self)
    }

    /// `sign(x) * (1 - r(t) * t * exp(-x^2))`, `t = 1 / (1 + p|x|)`, with the intrinsics' fused
    /// multiply-adds.
    private static func float32(_ x: Float) -> Float {
        let t = 1 / Float(1).addingProduct(0.3275911, x.magnitude)
        var r: Float = 1.061405429
        for coefficient: Float in [-1.453152027, 1.421413741, -0.284496736, 0.254829592] {
            r = coefficient.addingProduct(r, t)
        }
        let e = Float(1).addingProduct(-SleefLanes.exp(-(x * x)) * t, r)
        return Float(bitPattern: e.bitPattern ^ (x.bitPattern & 0x8000_0000))
    }
}
