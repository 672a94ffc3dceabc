import CSleef

/// One lane of PyTorch's vectorised `Vectorized<T>::exp()`, `log()` and `pow()` (SLEEF's 1-ULP
/// `Sleef_expf16_u10` / `Sleef_logf16_u10` and their float64 forms in the AVX-512 kernels,
/// `Sleef_expf8_u10` in the AVX2 ones): SLEEF's scalar FMA builds, which give every vector
/// lane's bits (checked against the AVX-512 builds on four million inputs each).
enum SleefLanes {
    /// `exp` of one lane.
    @inline(__always)
    static func exp<T: FloatElement>(_ x: T) -> T {
        if T.self == Float.self { return unsafeBitCast(Sleef_expf1_u10purecfma(unsafeBitCast(x, to: Float.self)), to: T.self) }
        return unsafeBitCast(Sleef_expd1_u10purecfma(unsafeBitCast(x, to: Double.self)), to: T.self)
    }

    /// `log` of one lane.
    @inline(__always)
    static func log<T: FloatElement>(_ x: T) -> T {
        if T.self == Float.self { return unsafeBitCast(Sleef_logf1_u10purecfma(unsafeBitCast(x, to: Float.self)), to: T.self) }
        return unsafeBitCast(Sleef_logd1_u10purecfma(unsafeBitCast(x, to: Double.self)), to: T.self)
    }

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
}
