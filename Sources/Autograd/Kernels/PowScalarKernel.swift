import CSleef

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `base ** exponent` for a floating-point tensor and a Python number, as PyTorch 2.15's
/// pow_tensor_scalar_kernel computes it (aten/src/ATen/native/cpu/PowKernel.cpp): 0.5 is
/// sqrt_kernel (VML), -0.5 rsqrt (`1 / sqrt(x)`), -1 reciprocal, 2, 3 and -2 are the products
/// `x * x`, `x * x * x` and `1 / (x * x)` rounded after each step. Other exponents take
/// cpu_kernel_vec's split (aten/src/ATen/native/cpu/Loops.h, `vectorized_loop`; the kernel is
/// registered for AVX-512): the elements the vector op computes (`VectorisedSplit`: whole blocks of
/// two 64-byte vectors of each row) through SLEEF's `pow_u10` (the exponent rounded to
/// the type), the rest through `std::pow` in double. The result takes TensorIterator's layout.
func powScalarFloat(_ t: Tensor, exponent: Double, dtype: DType) -> Tensor {
    inIteratorLayout([t], shape: t.shape) { operands, _ in
        powScalarRowMajor(operands[0], exponent: exponent, dtype: dtype)
    }
}

/// `powScalarFloat`'s kernel, with a row-major result.
private func powScalarRowMajor(_ t: Tensor, exponent: Double, dtype: DType) -> Tensor {
    let base = t.dtype == dtype ? t : Tensor(storage: t.contiguousStorage(as: dtype), shape: t.shape)
    if exponent == 0.5 { return mapVectorMath(.sqrt, fallback: SquareRoot.self, base) }
    let n = base.numel
    let source = base.contiguousStorage(as: dtype)
    let out = Storage.uninitialized(dtype, count: n)
    let split = VectorisedSplit(shape: base.shape, operands: [base])
    dtype.dispatchFloat(PowScalarVisitor(source: source, destination: out, count: n, split: split, exponent: exponent))
    return Tensor(storage: out, shape: base.shape)
}

private enum SquareRoot: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.squareRoot() }
}

/// The kernel's loops, concrete for `Float` and `Double` (unoptimised builds call a function per
/// element in generic loops).
private struct PowScalarVisitor: FloatVisitor {
    let source: Storage, destination: Storage, count: Int, split: VectorisedSplit, exponent: Double

    func visit<T: FloatElement>(_ type: T.Type) {
        if T.self == Float.self {
            run(source.pointer(Float.self), destination.pointer(Float.self))
        } else {
            run(source.pointer(Double.self), destination.pointer(Double.self))
        }
    }

    private func run(_ s: UnsafeMutablePointer<Float>, _ d: UnsafeMutablePointer<Float>) {
        var i = 0
        switch exponent {
        case -0.5:
            while i < count {
                d[i] = 1 / s[i].squareRoot()
                i += 1
            }
        case -1:
            while i < count {
                d[i] = 1 / s[i]
                i += 1
            }
        case 2:
            while i < count {
                d[i] = s[i] * s[i]
                i += 1
            }
        case 3:
            while i < count {
                d[i] = s[i] * s[i] * s[i]
                i += 1
            }
        case -2:
            while i < count {
                d[i] = 1 / (s[i] * s[i])
                i += 1
            }
        default:
            let e = Float(exponent)
            split.forEach(
                count: count, block: 32, vector: { d[$0] = Sleef_powf1_u10purecfma(s[$0], e) },
                scalar: { d[$0] = Float(pow(Double(s[$0]), exponent)) })
        }
    }

    private func run(_ s: UnsafeMutablePointer<Double>, _ d: UnsafeMutablePointer<Double>) {
        var i = 0
        switch exponent {
        case -0.5:
            while i < count {
                d[i] = 1 / s[i].squareRoot()
                i += 1
            }
        case -1:
            while i < count {
                d[i] = 1 / s[i]
                i += 1
            }
        case 2:
            while i < count {
                d[i] = s[i] * s[i]
                i += 1
            }
        case 3:
            while i < count {
                d[i] = s[i] * s[i] * s[i]
                i += 1
            }
        case -2:
            while i < count {
                d[i] = 1 / (s[i] * s[i])
                i += 1
            }
        default:
            split.forEach(
                count: count, block: 16, vector: { d[$0] = Sleef_powd1_u10purecfma(s[$0], exponent) },
                scalar: { d[$0] = pow(s[$0], exponent) })
        }
    }
}
