/// The elementwise functions PyTorch 2.15 computes with MKL's vector math (VML) for float32 and
/// float64 tensors, contiguous or not (aten/src/ATen/cpu/vml.h, UnaryOpsKernel.cpp's
/// IMPLEMENT_FLOAT_KERNEL / IMPLEMENT_COMPLEX_KERNEL). expm1, log1p, sigmoid and the hyperbolic
/// functions are not among them: PyTorch computes those with SLEEF or the C library.
enum VectorMathFunction: CaseIterable, Sendable {
    case exp, log, log2, log10, sqrt, sin, cos, tan, asin, acos, atan, tanh, erf, erfc, erfinv

    /// The VML routine's name after its `vms`/`vmd` prefix.
    var mklName: String {
        switch self {
        case .exp: "Exp"
        case .log: "Ln"
        case .log2: "Log2"
        case .log10: "Log10"
        case .sqrt: "Sqrt"
        case .sin: "Sin"
        case .cos: "Cos"
        case .tan: "Tan"
        case .asin: "Asin"
        case .acos: "Acos"
        case .atan: "Atan"
        case .tanh: "Tanh"
        case .erf: "Erf"
        case .erfc: "Erfc"
        case .erfinv: "ErfInv"
        }
    }
}

/// PyTorch's VML mode: high accuracy, denormals kept, errors ignored
/// (`VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE`).
private let vmlMode: Int64 = 0x2 | 0x14_0000 | 0x100

/// Applies `function` to every element as PyTorch does: through oneMKL's VML when it is loaded
/// (in chunks of at most `Int32.max` elements, as vml.h splits them), else with `fallback`.
/// Integer inputs are promoted to float32 first.
func mapVectorMath<F: UnaryFloatFunction>(_ function: VectorMathFunction, fallback: F.Type, _ t: Tensor) -> Tensor {
    guard let mkl = MKLLibrary.loaded else { return mapFloat(fallback, t) }
    return inIteratorLayout([t], shape: t.shape) { operands, shape in
        let dt: DType = t.dtype.isFloatingPoint ? t.dtype : .float32
        let n = t.numel
        let source = operands[0].contiguousStorage(as: dt)
        let out = Storage.uninitialized(dt, count: n)
        var start = 0
        while start < n {
            let chunk = Swift.min(n - start, Int(Int32.max))
            if dt == .float64 {
                mkl.vector64[function]!(
                    Int32(chunk), source.pointer(Double.self) + start, out.pointer(Double.self) + start, vmlMode)
            } else {
                mkl.vector32[function]!(
                    Int32(chunk), source.pointer(Float.self) + start, out.pointer(Float.self) + start, vmlMode)
            }
            start += chunk
        }
        return Tensor(storage: out, shape: shape)
    }
}
