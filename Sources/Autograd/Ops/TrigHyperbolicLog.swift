import CSleef
import RealModule

/// `tan`, the inverse trigonometric functions, `sinh`/`cosh`/`asinh`, `log2`/`log10` and
/// `rsqrt`: the declarations, the kernels PyTorch 2.15 computes them with (oneMKL's VML for
/// tan, asin, acos, atan, log2 and log10 when it is loaded; the C library's `sinhf`/`coshf`, and
/// SLEEF's float64 `sinh`/`cosh` on whole vector blocks (`mapSleef`); the C library's `asinh`;
/// `1 / sqrt(x)`), each forward with its backward formula as derivatives.yaml writes it, and the
/// in-place variants. Integer inputs give float32.
enum TrigHyperbolicLogOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "tan(Tensor self) -> Tensor", gradFn: "TanBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").tan() }, inPlace: { try $0.tensor("self").tan_() }),
        OpDeclaration(
            "asin(Tensor self) -> Tensor", gradFn: "AsinBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .unitInterval),
            forward: { try $0.tensor("self").asin() }, inPlace: { try $0.tensor("self").asin_() }),
        OpDeclaration(
            "acos(Tensor self) -> Tensor", gradFn: "AcosBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .unitInterval),
            forward: { try $0.tensor("self").acos() }, inPlace: { try $0.tensor("self").acos_() }),
        OpDeclaration(
            "atan(Tensor self) -> Tensor", gradFn: "AtanBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").atan() }, inPlace: { try $0.tensor("self").atan_() }),
        OpDeclaration(
            "sinh(Tensor self) -> Tensor", gradFn: "SinhBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").sinh() }, inPlace: { try $0.tensor("self").sinh_() }),
        OpDeclaration(
            "cosh(Tensor self) -> Tensor", gradFn: "CoshBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").cosh() }, inPlace: { try $0.tensor("self").cosh_() }),
        OpDeclaration(
            "asinh(Tensor self) -> Tensor", gradFn: "AsinhBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            underivedInPlaceGradFn: "AsinhBackward1",
            forward: { try $0.tensor("self").asinh() }, inPlace: { try $0.tensor("self").asinh_() }),
        OpDeclaration(
            "log2(Tensor self) -> Tensor", gradFn: "Log2Backward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").log2() }, inPlace: { try $0.tensor("self").log2_() }),
        OpDeclaration(
            "log10(Tensor self) -> Tensor", gradFn: "Log10Backward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").log10() }, inPlace: { try $0.tensor("self").log10_() }),
        OpDeclaration(
            "rsqrt(Tensor self) -> Tensor", gradFn: "RsqrtBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").rsqrt() }, inPlace: { try $0.tensor("self").rsqrt_() })
    ]
}

private enum TanF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.tan(x) } }
private enum AsinF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.asin(x) } }
private enum AcosF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.acos(x) } }
private enum AtanF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.atan(x) } }
private enum AsinhF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.asinh(x) } }
private enum Log2F: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.log2(x) } }
private enum Log10F: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.log10(x) } }
private enum RsqrtF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { 1 / x.squareRoot() } }

extension Tensor {
    /// Tangent; backward `grad * (1 + result²)`.
    public func tan() throws -> Tensor {
        let out = mapVectorMath(.tan, fallback: TanF.self, self)
        record("tan", .tanBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).pow(2).addScalar(1)))]
        }
        return out
    }

    /// Arcsine; backward `grad * rsqrt(1 - self²)`.
    public func asin() throws -> Tensor {
        let out = mapVectorMath(.asin, fallback: AsinF.self, self)
        record("asin", .asinBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(Tensor.oneMinusSquareRsqrt(ctx.saved(0))))]
        }
        return out
    }

    /// Arccosine; backward `grad * -rsqrt(1 - self²)`.
    public func acos() throws -> Tensor {
        let out = mapVectorMath(.acos, fallback: AcosF.self, self)
        record("acos", .acosBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(Tensor.oneMinusSquareRsqrt(ctx.saved(0)).neg()))]
        }
        return out
    }

    /// Arctangent; backward `grad / (self² + 1)`.
    public func atan() throws -> Tensor {
        let out = mapVectorMath(.atan, fallback: AtanF.self, self)
        record("atan", .atanBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let x = try ctx.saved(0)
            return [try ctx.grad.div(.tensor(x.mul(.tensor(x)).addScalar(1)))]
        }
        return out
    }

    /// Hyperbolic sine; backward `grad * cosh(self)`.
    public func sinh() throws -> Tensor {
        let out = mapSleef(
            self, float32: { Float.sinh($0) }, float64: Sleef_sinhd1_u10purecfma, float64Rest: { Double.sinh($0) })
        record("sinh", .sinhBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).cosh()))]
        }
        return out
    }

    /// Hyperbolic cosine; backward `grad * sinh(self)`.
    public func cosh() throws -> Tensor {
        let out = mapSleef(
            self, float32: { Float.cosh($0) }, float64: Sleef_coshd1_u10purecfma, float64Rest: { Double.cosh($0) })
        record("cosh", .coshBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).sinh()))]
        }
        return out
    }

    /// Inverse hyperbolic sine; backward `grad * rsqrt(self² + 1)`.
    public func asinh() throws -> Tensor {
        let out = mapFloat(AsinhF.self, self)
        record("asinh", .asinhBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).pow(2).addScalar(1).rsqrt()))]
        }
        return out
    }

    /// Base-2 logarithm; backward `grad / (self · ln 2)`.
    public func log2() throws -> Tensor {
        let out = mapVectorMath(.log2, fallback: Log2F.self, self)
        record("log2", .log2Backward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.div(.tensor(ctx.saved(0).mulScalar(0.6931471805599453)))]
        }
        return out
    }

    /// Base-10 logarithm; backward `grad / (self · ln 10)`.
    public func log10() throws -> Tensor {
        let out = mapVectorMath(.log10, fallback: Log10F.self, self)
        record("log10", .log10Backward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.div(.tensor(ctx.saved(0).mulScalar(2.302585092994046)))]
        }
        return out
    }

    /// `1 / sqrt(self)`; backward `-0.5 · grad · result³`.
    public func rsqrt() throws -> Tensor {
        let out = mapFloat(RsqrtF.self, self)
        record("rsqrt", .rsqrtBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try ctx.grad.mulScalar(-0.5).mul(.tensor(ctx.saved(0).pow(3)))]
        }
        return out
    }

    /// `rsqrt(-x * x + 1)`, the slope of asin (and, negated, of acos), in derivatives.yaml's order.
    private static func oneMinusSquareRsqrt(_ x: Tensor) throws -> Tensor {
        try x.neg().mul(.tensor(x)).addScalar(1).rsqrt()
    }

    /// `tan_()`.
    @discardableResult public func tan_() throws -> Tensor { try inPlaceMath("tan_") { try tan() } }
    /// `asin_()`.
    @discardableResult public func asin_() throws -> Tensor { try inPlaceMath("asin_") { try asin() } }
    /// `acos_()`.
    @discardableResult public func acos_() throws -> Tensor { try inPlaceMath("acos_") { try acos() } }
    /// `atan_()`.
    @discardableResult public func atan_() throws -> Tensor { try inPlaceMath("atan_") { try atan() } }
    /// `sinh_()`.
    @discardableResult public func sinh_() throws -> Tensor { try inPlaceMath("sinh_") { try sinh() } }
    /// `cosh_()`.
    @discardableResult public func cosh_() throws -> Tensor { try inPlaceMath("cosh_") { try cosh() } }
    /// `asinh_()`: its grad_fn, AsinhBackward1, has no derivative (PyTorch's
    /// `not_implemented("inplace version of asinh")`).
    @discardableResult public func asinh_() throws -> Tensor {
        try inPlaceMath("asinh_") { recordedWithoutDerivative("asinh", .asinhBackward1, mapFloat(AsinhF.self, self)) }
    }
    /// `log2_()`.
    @discardableResult public func log2_() throws -> Tensor { try inPlaceMath("log2_") { try log2() } }
    /// `log10_()`.
    @discardableResult public func log10_() throws -> Tensor { try inPlaceMath("log10_") { try log10() } }
    /// `rsqrt_()`.
    @discardableResult public func rsqrt_() throws -> Tensor { try inPlaceMath("rsqrt_") { try rsqrt() } }
}

extension NodeKind {
    static let acosBackward0 = NodeKind("AcosBackward0")
    static let asinBackward0 = NodeKind("AsinBackward0")
    static let asinhBackward0 = NodeKind("AsinhBackward0")
    static let atanBackward0 = NodeKind("AtanBackward0")
    static let coshBackward0 = NodeKind("CoshBackward0")
    static let log10Backward0 = NodeKind("Log10Backward0")
    static let log2Backward0 = NodeKind("Log2Backward0")
    static let rsqrtBackward0 = NodeKind("RsqrtBackward0")
    static let sinhBackward0 = NodeKind("SinhBackward0")
    static let tanBackward0 = NodeKind("TanBackward0")
}
