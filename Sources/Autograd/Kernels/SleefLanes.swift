import CSleef

/// One lane of PyTorch's vectorised `Vectorized<T>::exp()`, `log()`, `log1p()`, `expm1()`,
/// `tanh()` and `pow()` (SLEEF's 1-ULP `Sleef_expf16_u10`, `Sleef_logf16_u10`, ... and their
/// float64 forms in the AVX-512 kernels, `Sleef_expf8_u10` in the AVX2 ones): SLEEF's scalar FMA
/// builds, which give every vector lane's bits (exp and log checked against the AVX-512 builds on
/// four million inputs each; log1p, expm1 and tanh against PyTorch's activations on 131,072
/// inputs; pow against cdist's gradients).
enum SleefLanes {
    /// `exp` of one lane.
    @inline(__always)
    static func exp<T: FloatElement>(_ x: T) -> T { lane(x, Sleef_expf1_u10purecfma, Sleef_expd1_u10purecfma) }

    /// `log` of one lane.
    @inline(__always)
    static func log<T: FloatElement>(_ x: T) -> T { lane(x, Sleef_logf1_u10purecfma, Sleef_logd1_u10purecfma) }

    /// `log1p` of one lane.
    @inline(__always)
    static func log1p<T: FloatElement>(_ x: T) -> T { lane(x, Sleef_log1pf1_u10purecfma, Sleef_log1pd1_u10purecfma) }

    /// `expm1` of one lane.
    @inline(__always)
    static func expm1<T: FloatElement>(_ x: T) -> T { lane(x, Sleef_expm1f1_u10purecfma, Sleef_expm1d1_u10purecfma) }

    /// `tanh` of one lane.
    @inline(__always)
    static func tanh<T: FloatElement>(_ x: T) -> T { lane(x, Sleef_tanhf1_u10purecfma, Sleef_tanhd1_u10purecfma) }

    /// `pow` of one lane.
    @inline(__always)
    static func pow<T: FloatElement>(_ x: T, _ y: T) -> T {
        if T.self == Float.self {
            return unsafeBitCast(
                Sleef_powf1_u10purecfma(unsafeBitCast(x, to: Float.self), unsafeBitCast(y, to: Float.self)), to: T.self)
        }
        return unsafeBitCast(
            Sleef_powd1_u10purecfma(unsafeBitCast(x, to: Double.self), unsafeBitCast(y, to: Double.self)), to: T.self)
    }

    /// `float32(x)` or `float64(x)`, whichever `T` is.
    @inline(__always)
    private static func lane<T: FloatElement>(
        _ x: T, _ float32: (Float) -> Float, _ float64: (Double) -> Double
    ) -> T {
        if T.self == Float.self { return unsafeBitCast(float32(unsafeBitCast(x, to: Float.self)), to: T.self) }
        return unsafeBitCast(float64(unsafeBitCast(x, to: Double.self)), to: T.self)
    }
}
