import CSleef
import RealModule

/// `torch.lgamma` (LgammaBackward0, saving self): the log of the gamma function's absolute value by
/// SLEEF's 1-ulp `lgamma` on every element (PyTorch 2.15 runs it through `vml::vlgamma`,
/// `Vectorized::lgamma` over whole rows and their tails), with the gradient `grad * digamma(self)`;
/// `torch.digamma` (DigammaBackward0, gradient `grad * polygamma(1, self)`) and `torch.polygamma`
/// (PolygammaBackward0, gradient `grad * polygamma(n + 1, self)`), so every order differentiates
/// again. The kernels are PyTorch's `calc_digamma`, `calc_trigamma` and `calc_polygamma` over
/// cephes' `zeta` (aten/src/ATen/native/Math.h).
enum GammaOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "lgamma(Tensor self) -> Tensor", gradFn: "LgammaBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            forward: { try $0.tensor("self").lgamma() }, inPlace: { try $0.tensor("self").lgamma_() }),
        OpDeclaration(
            "digamma(Tensor self) -> Tensor", gradFn: "DigammaBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").digamma() }, inPlace: { try $0.tensor("self").digamma_() }),
        OpDeclaration(
            "polygamma(int n, Tensor self) -> Tensor", gradFn: "PolygammaBackward0", exposure: [.torch],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").polygamma($0.int("n")) })
    ]
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

/// `trigamma` in the tensor's type (ATen's float overload keeps its series in float, `1.f/6`, and the
/// AVX-512 build contracts the series' multiply-adds into FMAs), and
/// `calc_polygamma` for higher orders: `(-1)^(n+1) n! zeta(n + 1, x)` in double.
private struct PolygammaF: PointwiseFunction {
    let n: Int

    func apply<T: FloatElement>(_ value: T) -> T {
        switch n {
        case 0: return DigammaF.apply(value)
        case 1:
            var x = value
            var sign: T = 1
            var result: T = 0
            let pi = T(fromDouble: Double.pi)
            if x < T(fromDouble: 0.5) {
                sign = -1
                let sinPiX = T.sin(pi * x)
                result -= (pi * pi) / (sinPiX * sinPiX)
                x = 1 - x
            }
            for _ in 0..<6 {
                result += 1 / (x * x)
                x += 1
            }
            let ixx = 1 / (x * x)
            let series = (T(1) / 6).addingProduct(-ixx, (T(1) / 30).addingProduct(-ixx, T(1) / 42))
            result += (1 + 1 / (2 * x)).addingProduct(ixx, series) / x
            return sign * result
        default:
            let factorial = Double.exp(Double.logGamma(Double(n) + 1))
            return T(fromDouble: (n % 2 == 1 ? 1.0 : -1.0) * factorial * hurwitzZeta(Double(n + 1), value.doubleValue))
        }
    }
}

/// Cephes' Hurwitz zeta function `zeta(x, q)`, as aten/src/ATen/native/Math.h has it.
private func hurwitzZeta(_ x: Double, _ q: Double) -> Double {
    let machineEpsilon = 1.11022302462515654042E-16
    let coefficients: [Double] = [
        12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10,
        -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15, 1.8152105401943546773e17,
        -7.1661652561756670113e18
    ]
    if x == 1 { return .infinity }
    if x < 1 { return .nan }
    if q <= 0 {
        if q == q.rounded(.down) { return .infinity }
        if x != x.rounded(.down) { return .nan }
    }
    var s = Double.pow(q, -x)
    var a = q
    var b = 0.0
    var i = 0
    while i < 9 || a <= 9 {
        i += 1
        a += 1
        b = Double.pow(a, -x)
        s += b
        if -machineEpsilon * s < b && b < machineEpsilon * s { return s }
    }
    let w = a
    s += b * w / (x - 1)
    s -= 0.5 * b
    a = 1
    var k = 0.0
    for coefficient in coefficients {
        a *= x + k
        b /= w
        let t = a * b / coefficient
        s += t
        if Swift.abs(t / s) < machineEpsilon { return s }
        k += 1
        a *= x + k
        b /= w
        k += 1
    }
    return s
}

extension Tensor {
    /// `torch.lgamma(self)`; integer inputs give float32.
    public func lgamma() throws -> Tensor {
        let out = mapSleef(self, float32: Sleef_lgammaf1_u10purecfma, float64: Sleef_lgammad1_u10purecfma)
        record("lgamma", .lgammaBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).digamma()))]
        }
        return out
    }

    /// `torch.digamma(self)`, the logarithmic derivative of the gamma function.
    public func digamma() throws -> Tensor {
        let out = mapFloat(DigammaF.self, self)
        record("digamma", .digammaBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).polygamma(1)))]
        }
        return out
    }

    /// `self.digamma_()`.
    @discardableResult public func digamma_() throws -> Tensor { try inPlaceMath("digamma_") { try digamma() } }

    /// `torch.polygamma(n, self)`: the `n`-th derivative of digamma.
    public func polygamma(_ n: Int) throws -> Tensor {
        guard n >= 0 else { throw TorchError.runtime("polygamma(n, x) does not support negative n.") }
        let out = mapPointwise(PolygammaF(n: n), self)
        record(
            "polygamma", .polygammaBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)],
            keeping: [("n", .int(n))]
        ) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).polygamma(n + 1)))]
        }
        return out
    }

    /// `self.lgamma_()`.
    @discardableResult public func lgamma_() throws -> Tensor { try inPlaceMath("lgamma_") { try lgamma() } }
}

extension NodeKind {
    static let digammaBackward0 = NodeKind("DigammaBackward0")
    static let lgammaBackward0 = NodeKind("LgammaBackward0")
    static let polygammaBackward0 = NodeKind("PolygammaBackward0")
}
