import CSleef
import RealModule

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rounding toward zero, the error functions, `atan2` and `fmod`: the declarations, the
/// kernels, each forward with its backward formula (as in `derivatives.yaml`), and the in-place
/// variants.
enum SpecialMathOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "trunc(Tensor self) -> Tensor", gradFn: "TruncBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").trunc() }, inPlace: { try $0.tensor("self").trunc_() }),
        OpDeclaration(
            "fix(Tensor self) -> Tensor", gradFn: "TruncBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").trunc() }, inPlace: { try $0.tensor("self").trunc_() }),
        OpDeclaration(
            "erf(Tensor self) -> Tensor", gradFn: "ErfBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").erf() }, inPlace: { try $0.tensor("self").erf_() }),
        OpDeclaration(
            "erfc(Tensor self) -> Tensor", gradFn: "ErfcBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").erfc() }, inPlace: { try $0.tensor("self").erfc_() }),
        OpDeclaration(
            "erfinv(Tensor self) -> Tensor", gradFn: "ErfinvBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(domain: .unitInterval),
            forward: { try $0.tensor("self").erfinv() }, inPlace: { try $0.tensor("self").erfinv_() }),
        OpDeclaration(
            "atan2(Tensor self, Tensor other) -> Tensor", gradFn: "Atan2Backward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").atan2($0.tensor("other")) },
            inPlace: { try $0.tensor("self").atan2_($0.tensor("other")) }),
        OpDeclaration(
            "fmod.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: "FmodBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").fmod(.tensor($0.tensor("other"))) },
            inPlace: { try $0.tensor("self").fmod_(.tensor($0.tensor("other"))) }),
        OpDeclaration(
            "fmod.Scalar(Tensor self, Scalar other) -> Tensor", gradFn: "FmodBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(arguments: ["other": .scalar(.double(0.75))]),
            forward: { try $0.tensor("self").fmod(.scalar($0.scalar("other"))) },
            inPlace: { try $0.tensor("self").fmod_(.scalar($0.scalar("other"))) })
    ]
}

private enum TruncF: SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.rounded(.towardZero) }
    static func apply(_ x: Int64) -> Int64 { x }
}
private enum ErfF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.erf(x) } }
private enum ErfcF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.erfc(x) } }
private enum ErfinvF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { T(fromDouble: inverseErf(x.doubleValue)) }

    /// Giles' single-precision approximation refined by Newton steps on `erf(x) - y` in double.
    private static func inverseErf(_ y: Double) -> Double {
        if y.isNaN || Swift.abs(y) > 1 { return .nan }
        if Swift.abs(y) == 1 { return y * .infinity }
        var w = -Double.log((1 - y) * (1 + y))
        var p: Double
        if w < 5 {
            w -= 2.5
            p = 2.81022636e-08
            for c in [
                3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                -0.00417768164, 0.246640727, 1.50140941
            ] { p = c + p * w }
        } else {
            w = w.squareRoot() - 3
            p = -0.000200214257
            for c in [
                0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
                0.00943887047, 1.00167406, 2.83297682
            ] { p = c + p * w }
        }
        var x = p * y
        for _ in 0..<3 {
            let slope = 2 / Double.pi.squareRoot() * Double.exp(-x * x)
            guard slope > 0 else { break }
            x -= (Double.erf(x) - y) / slope
        }
        return x
    }
}
/// `atan2_kernel`'s `cpu_kernel_vec`: SLEEF's 1-ulp `atan2` in the vector lanes, the C
/// library's `atan2` elsewhere.
private struct Atan2F: VectorisedBinaryFunction {
    func vector(_ a: Float, _ b: Float) -> Float { Sleef_atan2f1_u10purecfma(a, b) }
    func scalar(_ a: Float, _ b: Float) -> Float { atan2f(a, b) }
    func vector(_ a: Double, _ b: Double) -> Double { Sleef_atan2d1_u10purecfma(a, b) }
    func scalar(_ a: Double, _ b: Double) -> Double { Glibc.atan2(a, b) }
}
/// C's `fmod`: the remainder has the sign of the dividend; integer division by zero is
/// rejected before the kernel runs.
private enum FmodF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { T(fromDouble: fmod(a.doubleValue, b.doubleValue)) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? 0 : a % b }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a && !b }
}

extension Tensor {
    /// Rounds toward zero; integer tensors are returned as a copy. The gradient is zero.
    public func trunc() throws -> Tensor {
        if dtype == .bool { throw TorchError.unsupportedOperation("\"trunc_vml_cpu\" not implemented for 'Bool'") }
        let out = mapSigned(TruncF.self, self)
        record("trunc", .truncBackward0, inputs: [self], outputs: [out]) { ctx in [Tensor.zerosLike(ctx.grad)] }
        return out
    }

    /// `exp(-self²) · 2/√π`, the derivative of `erf` (negated for `erfc`).
    private static func erfSlope(_ x: Tensor, sign: Double) throws -> Tensor {
        try x.pow(2).neg().exp().mulScalar(sign * 2 / Double.pi.squareRoot())
    }

    /// The error function; integer inputs give float32.
    public func erf() throws -> Tensor {
        let out = mapVectorMath(.erf, fallback: ErfF.self, self)
        record("erf", .erfBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try Tensor.erfSlope(ctx.saved(0), sign: 1).mul(.tensor(ctx.grad))]
        }
        return out
    }

    /// The complementary error function `1 - erf(self)`.
    public func erfc() throws -> Tensor {
        let out = mapVectorMath(.erfc, fallback: ErfcF.self, self)
        record("erfc", .erfcBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try Tensor.erfSlope(ctx.saved(0), sign: -1).mul(.tensor(ctx.grad))]
        }
        return out
    }

    /// The inverse error function: ±inf at ±1, NaN outside [-1, 1].
    public func erfinv() throws -> Tensor {
        let out = mapVectorMath(.erfinv, fallback: ErfinvF.self, self)
        record("erfinv", .erfinvBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let y = try ctx.saved(0).erfinv()
            return [try y.pow(2).exp().mulScalar(0.5 * Double.pi.squareRoot()).mul(.tensor(ctx.grad))]
        }
        return out
    }

    /// The angle of the point `(other, self)`; integer inputs give float32.
    public func atan2(_ other: Tensor) throws -> Tensor {
        var dt = resultType([self, other])
        if !dt.isFloatingPoint { dt = .float32 }
        let out = try mapVectorised(Atan2F(), self, other, dtype: dt)
        let (sa, sb) = (shape, other.shape)
        record(
            "atan2", .atan2Backward0, inputs: [self, other], outputs: [out],
            saving: [.input("self", self), .input("other", other)]
        ) { ctx in
            let (a, b) = (try ctx.saved("self"), try ctx.saved("other"))
            let recip = try a.mul(.tensor(a)).add(.tensor(b.mul(.tensor(b)))).reciprocal()
            return [
                ctx.needsGrad(0) ? try ctx.grad.mul(.tensor(b)).mul(.tensor(recip)).sumTo(sa) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(a.neg())).mul(.tensor(recip)).sumTo(sb) : nil
            ]
        }
        return out
    }

    /// C's `fmod`: the remainder has the sign of `self`. FmodBackward0 for a Python number,
    /// FmodBackward1 for a tensor.
    public func fmod(_ other: Operand) throws -> Tensor {
        let (dt, o) = promote(other)
        if !dt.isFloatingPoint && o.doubles().contains(0) { throw TorchError.runtime("ZeroDivisionError") }
        let out = try mapBinary(FmodF.self, self, o, dtype: dt)
        guard case .tensor = other else {
            record("fmod", .fmodBackward0, inputs: [self], outputs: [out]) { ctx in [ctx.grad] }
            return out
        }
        let (sa, sb) = (shape, o.shape)
        record(
            "fmod", .fmodBackward1, inputs: [self, o], outputs: [out],
            saving: [.input("self", self), .input("other", o)]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try ctx.grad.sumTo(sa) : nil,
                ctx.needsGrad(1)
                    ? try ctx.grad.neg().mul(.tensor(ctx.saved("self").div(.tensor(ctx.saved("other"))).trunc())).sumTo(sb)
                    : nil
            ]
        }
        return out
    }

    @discardableResult public func trunc_() throws -> Tensor { try inPlaceMath("trunc_") { try trunc() } }
    @discardableResult public func erf_() throws -> Tensor { try inPlaceMath("erf_") { try erf() } }
    @discardableResult public func erfc_() throws -> Tensor { try inPlaceMath("erfc_") { try erfc() } }
    @discardableResult public func erfinv_() throws -> Tensor { try inPlaceMath("erfinv_") { try erfinv() } }
    @discardableResult public func atan2_(_ other: Tensor) throws -> Tensor {
        try inPlaceMath("atan2_") { try atan2(other) }
    }
    @discardableResult public func fmod_(_ other: Operand) throws -> Tensor {
        try inPlaceMath("fmod_") { try fmod(other) }
    }
}

extension NodeKind {
    static let atan2Backward0 = NodeKind("Atan2Backward0")
    static let erfBackward0 = NodeKind("ErfBackward0")
    static let erfcBackward0 = NodeKind("ErfcBackward0")
    static let erfinvBackward0 = NodeKind("ErfinvBackward0")
    static let fmodBackward0 = NodeKind("FmodBackward0")
    static let fmodBackward1 = NodeKind("FmodBackward1")
    static let truncBackward0 = NodeKind("TruncBackward0")
}
