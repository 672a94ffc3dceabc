#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `base ** exponent` for a floating-point tensor and a Python number, as PyTorch 2.15's
/// pow_tensor_scalar_kernel computes it (aten/src/ATen/native/cpu/PowKernel.cpp): 0.5 is
/// sqrt_kernel (VML), -0.5 rsqrt (`1 / sqrt(x)`), -1 reciprocal, 2, 3 and -2 are the products
/// `x * x`, `x * x * x` and `1 / (x * x)` rounded after each step; other exponents go through pow.
func powScalarFloat(_ t: Tensor, exponent: Double, dtype: DType) -> Tensor {
    let base = t.dtype == dtype ? t : Tensor(storage: t.contiguousStorage(as: dtype), shape: t.shape)
    if exponent == 0.5 { return mapVectorMath(.sqrt, fallback: SquareRoot.self, base) }
    let n = base.numel
    let source = base.contiguousStorage(as: dtype)
    let out = Storage(uninitialized: dtype, count: n)
    dtype.dispatchFloat(PowScalarVisitor(source: source, destination: out, count: n, exponent: exponent))
    return Tensor(storage: out, shape: base.shape)
}

private enum SquareRoot: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.squareRoot() }
}

private struct PowScalarVisitor: FloatVisitor {
    let source: Storage, destination: Storage, count: Int, exponent: Double

    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        switch exponent {
        case -0.5: for i in 0..<count { d[i] = 1 / s[i].squareRoot() }
        case -1: for i in 0..<count { d[i] = 1 / s[i] }
        case 2: for i in 0..<count { d[i] = s[i] * s[i] }
        case 3: for i in 0..<count { d[i] = s[i] * s[i] * s[i] }
        case -2: for i in 0..<count { d[i] = 1 / (s[i] * s[i]) }
        default: for i in 0..<count { d[i] = T(fromDouble: pow(s[i].doubleValue, exponent)) }
        }
    }
}
