import RealModule

/// The math of one element of a PyTorch 2.15 activation kernel whose vector op (`Vectorized<T>`)
/// and scalar op share their arithmetic and differ only in the library they call: SLEEF in the
/// vector lanes (`SleefLanes`, `VectorisedErf`), the C library elsewhere.
struct LaneMath {
    /// Whether the element falls in a vector block (`VectorisedSplit`).
    let inLanes: Bool

    @inline(__always) func exp<T: FloatElement>(_ x: T) -> T { inLanes ? SleefLanes.exp(x) : T.exp(x) }
    @inline(__always) func expm1<T: FloatElement>(_ x: T) -> T { inLanes ? SleefLanes.expm1(x) : T.expMinusOne(x) }
    @inline(__always) func log1p<T: FloatElement>(_ x: T) -> T { inLanes ? SleefLanes.log1p(x) : T.log(onePlus: x) }
    @inline(__always) func tanh<T: FloatElement>(_ x: T) -> T { inLanes ? SleefLanes.tanh(x) : T.tanh(x) }
    @inline(__always) func erf<T: FloatElement>(_ x: T) -> T { inLanes ? VectorisedErf.lane(x) : T.erf(x) }
}

/// A `VectorisedUnaryFunction` written once for both dtypes and both ops.
protocol VectorisedActivation: VectorisedUnaryFunction {
    func apply<T: FloatElement>(_ x: T, _ math: LaneMath) -> T
}

extension VectorisedActivation {
    func vector(_ x: Float) -> Float { apply(x, LaneMath(inLanes: true)) }
    func scalar(_ x: Float) -> Float { apply(x, LaneMath(inLanes: false)) }
    func vector(_ x: Double) -> Double { apply(x, LaneMath(inLanes: true)) }
    func scalar(_ x: Double) -> Double { apply(x, LaneMath(inLanes: false)) }
}

/// A `VectorisedBinaryFunction` of an incoming gradient and a saved value (a backward kernel),
/// written once for both dtypes and both ops.
protocol VectorisedActivationGradient: VectorisedBinaryFunction {
    func apply<T: FloatElement>(_ g: T, _ x: T, _ math: LaneMath) -> T
}

extension VectorisedActivationGradient {
    func vector(_ a: Float, _ b: Float) -> Float { apply(a, b, LaneMath(inLanes: true)) }
    func scalar(_ a: Float, _ b: Float) -> Float { apply(a, b, LaneMath(inLanes: false)) }
    func vector(_ a: Double, _ b: Double) -> Double { apply(a, b, LaneMath(inLanes: true)) }
    func scalar(_ a: Double, _ b: Double) -> Double { apply(a, b, LaneMath(inLanes: false)) }
}

/// Applies the backward kernel `f` to `grad` (broadcast to `saved`'s shape) and `saved` as
/// `cpu_kernel_vec` does, in `grad`'s floating dtype.
func mapActivationGradient<F: VectorisedActivationGradient>(_ f: F, _ grad: Tensor, _ saved: Tensor) throws -> Tensor {
    let dtype: DType = grad.dtype.isFloatingPoint ? grad.dtype : .float32
    return try mapVectorised(f, grad, saved, dtype: dtype)
}
