import RealModule

/// `torch.lgamma` (LgammaBackward0, saving self): the log of the gamma function's absolute
/// value by the C library's `lgamma`, and the gradient `grad * digamma(self)` with PyTorch's
/// `calc_digamma` (aten/src/ATen/native/Math.h) computed in the tensor's type.
enum GammaOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "lgamma(Tensor self) -> Tensor", gradFn: "LgammaBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            forward: { try $0.tensor("self").lgamma() }, inPlace: { try $0.tensor("self").lgamma_() })
    ]
}

private enum LgammaF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { T.logGamma(x) }
}

private enum DigammaF: UnaryFloatFunction {
    /// digamma(10), where the recurrence lands for integer arguments.
    private static let psi10 = 2.25175258906672110764
    /// The asymptotic series' coefficients, highest power first (`polevl` order).
    private static let series: [Double] = [
        8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
        -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
        8.33333333333333333333E-2
    ]

    static func apply<T: FloatElement>(_ value: T) -> T {
        var x = value
        if x == 0 { return T.infinity * (x.sign == .minus ? 1 : -1) }
        if x < 0 {
            if x == x.rounded(.towardZero) { return .nan }
            // Reflection through the fractional part, whose tangent is the more accurate.
            let fraction = x.doubleValue - x.doubleValue.rounded(.towardZero)
            return apply(1 - x) - T(fromDouble: Double.pi / Double.tan(Double.pi * fraction))
        }
        var result: T = 0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        if x == 10 { return result + T(fromDouble: psi10) }
        var y: T = 0
        if x < T(fromDouble: 1e17) {
            let z = 1 / (x * x)
            y = z * series.reduce(T(0)) { $0 * z + T(fromDouble: $1) }
        }
        return result + T.log(x) - (T(fromDouble: 0.5) / x) - y
    }
}

extension Tensor {
    /// `torch.lgamma(self)`; integer inputs give float32.
    public func lgamma() throws -> Tensor {
        let out = mapFloat(LgammaF.self, self)
        record("lgamma", "LgammaBackward0", inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try mapFloat(DigammaF.self, ctx.saved(0)).mul(.tensor(ctx.grad))]
        }
        return out
    }

    /// `self.lgamma_()`.
    @discardableResult public func lgamma_() throws -> Tensor { try inPlaceMath("lgamma_") { try lgamma() } }
}
