#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gamma sampling as ATen's CPU kernels do it (aten/src/ATen/native/Distributions.h
/// `sample_gamma`, called by `_s_gamma_cpu` and `_s_dirichlet_cpu`): Marsaglia and Tsang's
/// acceptance-rejection on the generator's double normals and double uniforms, with numpy's
/// boost for `alpha < 1`. `alpha` keeps its element type where ATen's template does (`scalar_t`),
/// so float32 concentrations round as PyTorch's do; the float literals are float constants.
extension Generator {
    func standardGamma<T: FloatElement>(_ concentration: T) -> T {
        var alpha = concentration
        var scale = 1.0
        if alpha < 1 {
            if alpha == 0 { return 0 }
            scale *= pow(1 - uniformDouble(), Double(1 / alpha))
            alpha += 1
        }
        let d = Double(alpha - T(Float(1) / Float(3)))
        let c = 1.0 / (9.0 * d).squareRoot()
        while true {
            var x: Double
            var y: Double
            repeat {
                x = normalDouble(mean: 0, std: 1)
                y = 1.0 + c * x
            } while y <= 0
            let v = y * y * y
            let u = 1 - uniformDouble()
            let xx = x * x
            if u < 1.0 - Double(Float(0.0331)) * xx * xx { return T(scale * d * v) }
            if log(u) < 0.5 * xx + d * (1.0 - v + log(v)) { return T(scale * d * v) }
        }
    }
}

/// The reparameterised gradients of gamma and Dirichlet samples, after ATen's
/// Distributions.h (`digamma_one`, `standard_gamma_grad_one`, `dirichlet_grad_one` and its
/// beta helpers), in the same mix of element-type (`T`, ATen's `scalar_t`) and double
/// (`accscalar_t`) arithmetic, operation by operation.
enum GammaGradients {
    /// Cephes' digamma in ATen's `digamma_one<scalar_t, double>`.
    static func digamma<T: FloatElement>(_ value: T) -> T {
        let psi10 = 2.25175258906672110764
        if value == 0 { return .infinity }
        var x = value
        var additionalSummand = 0.0
        if x < 0 {
            if x == x.rounded(.down) { return .infinity }
            additionalSummand = Double(-T.pi / T.tan(T.pi * x))
            x = 1 - x
        }
        var result = 0.0
        while x < 10 {
            result -= Double(1 / x)
            x += 1
        }
        if x == 10 { return T(result + psi10 + additionalSummand) }
        let coefficients: [Double] = [
            8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
            -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
            8.33333333333333333333E-2
        ]
        var y = 0.0
        if Double(x) < Double(Float(1.0e17)) {
            let z = 1.0 / Double(x * x)
            var polynomial = 0.0
            for a in coefficients { polynomial = polynomial * z + a }
            y = z * polynomial
        }
        return T(result + Double(T.log(x)) - Double(T(0.5) / x) - y + additionalSummand)
    }

    /// `standard_gamma_grad_one<scalar_t, double>(alpha, x)`: -(d/dalpha cdf(x; alpha)) / pdf(x; alpha).
    static func standardGammaGrad(alpha: Double, x: Double) -> Double {
        if x < Double(Float(0.8)) {
            var numer = 1.0
            var denom = alpha
            var series1 = numer / denom
            var series2 = numer / (denom * denom)
            for i in 1...5 {
                numer *= -x / Double(i)
                denom += 1
                series1 += numer / denom
                series2 += numer / (denom * denom)
            }
            let powXAlpha = pow(x, alpha)
            let gammaPDF = pow(x, alpha - 1) * exp(-x)
            let gammaCDF = powXAlpha * series1
            let gammaCDFAlpha = (log(x) - digamma(alpha)) * gammaCDF - powXAlpha * series2
            let result = -gammaCDFAlpha / gammaPDF
            return result.isNaN ? 0 : result
        }
        if alpha > 8 {
            if Double(Float(0.9)) * alpha <= x && x <= Double(Float(1.1)) * alpha {
                let numer1 = 1 + 24 * alpha * (1 + 12 * alpha)
                let numer2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - 65 * x * x / alpha + alpha * (107 + 3600 * x)
                let denom = 1244160 * (alpha * alpha) * (alpha * alpha)
                return numer1 * numer2 / denom
            }
            let denom = (8 * alpha).squareRoot()
            let term2 = denom / (alpha - x)
            let term3 = pow(x - alpha - alpha * log(x / alpha), -1.5)
            let term23 = x < alpha ? term2 - term3 : term2 + term3
            let term1 = log(x / alpha) * term23 - (2 / alpha).squareRoot() * (alpha + x) / ((alpha - x) * (alpha - x))
            let stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha))
            let numer = x * term1
            return -stirling * numer / denom
        }
        let u = log(x / alpha)
        let v = log(alpha)
        let coefficients: [[Double]] = [
            [0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084],
            [0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623],
            [0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367, -1.5247877e-07]
        ]
        let c = (0..<8).map { coefficients[0][$0] + u * (coefficients[1][$0] + u * coefficients[2][$0]) }
        let p = c[0] + v * (c[1] + v * (c[2] + v * c[3]))
        let q = c[4] + v * (c[5] + v * (c[6] + v * c[7]))
        return exp(p / q)
    }

    /// `dirichlet_grad_one<scalar_t, double>(x, alpha, total)`: the scaled reparameterised
    /// gradient -(d/dalpha cdf(x; alpha, beta)) / pdf(x; alpha, beta) / (1 - x) of a
    /// Beta(alpha, total - alpha) sample `x`.
    static func dirichletGrad<T: FloatElement>(x: T, alpha: T, total: T) -> T {
        let (x64, alpha64, total64) = (Double(x), Double(alpha), Double(total))
        let beta = total - alpha
        let beta64 = total64 - alpha64
        let boundary = total * x * (1 - x)
        if x <= 0.5 && boundary < 2.5 { return betaGradAlphaSmall(x: x, alpha: alpha, beta: beta) }
        if x >= 0.5 && boundary < 0.75 { return -betaGradBetaSmall(x: 1 - x, alpha: beta, beta: alpha) }
        if alpha > 6 && beta > 6 { return T(betaGradAlphaMid(x: x64, alpha: alpha64, beta: beta64)) }
        let u = log(x64)
        let a = log(alpha64) - u
        let b = log(total64) - a
        let powU = [1, u, u * u]
        let powA = [1, a, a * a]
        var p = 0.0
        var q = 0.0
        for i in 0..<3 {
            for j in 0..<3 {
                let ua = powU[i] * powA[j]
                let cp = rationalCorrection[0][i][j]
                let cq = rationalCorrection[1][i][j]
                p += ua * (cp[0] + b * (cp[1] + b * (cp[2] + b * cp[3])))
                q += ua * (cq[0] + b * (cq[1] + b * (cq[2] + b * cq[3])))
            }
        }
        let approx = x64 * (Double(digamma(T(total64))) - Double(digamma(T(alpha64)))) / beta64
        return T(p / q * approx)
    }

    /// `_beta_grad_alpha_small`: a Taylor expansion for `x` near 0, in the element type.
    private static func betaGradAlphaSmall<T: FloatElement>(x: T, alpha: T, beta: T) -> T {
        let factor = digamma(alpha) - digamma(alpha + beta) - T.log(x)
        var numer: T = 1
        var series = numer / alpha * (factor + 1 / alpha)
        for i in 1...10 {
            let ci = T(i)
            numer *= (ci - beta) * x / ci
            let denom = alpha + ci
            series += numer / denom * (factor + 1 / denom)
        }
        let result = x * T.pow(1 - x, -beta) * series
        return result.isNaN ? 0 : result
    }

    /// `_beta_grad_beta_small`: a Taylor expansion for `x` near 0, in the element type.
    private static func betaGradBetaSmall<T: FloatElement>(x: T, alpha: T, beta: T) -> T {
        let factor = digamma(alpha + beta) - digamma(beta)
        var numer: T = 1
        var betas: T = 1
        var dbetas: T = 0
        var series = factor / alpha
        for i in 1...8 {
            let ci = T(i)
            numer *= -x / ci
            dbetas = dbetas * (beta - ci) + betas
            betas = betas * (beta - ci)
            series += numer / (alpha + ci) * (dbetas + factor * betas)
        }
        let result = -T.pow(1 - x, 1 - beta) * series
        return result.isNaN ? 0 : result
    }

    /// `_beta_grad_alpha_mid`: a Rice saddle point expansion for large alpha and beta, in double.
    private static func betaGradAlphaMid(x: Double, alpha: Double, beta: Double) -> Double {
        let total = alpha + beta
        let mean = alpha / total
        let std = (alpha * beta / (total + 1)).squareRoot() / total
        if mean - 0.1 * std <= x && x <= mean + 0.1 * std {
            let inner4 = 8 * (1 - x) * (135 * beta - 11)
            let inner3 = (453 + 1620 * beta * (1 - x) - 455 * x) * beta + alpha * inner4
            let inner2 = 3 * (59 + 180 * beta - 90 * x) * (beta * beta) + alpha * inner3
            let inner1 = (43 + 20 * (16 + 27 * beta) * x) * (beta * beta) * beta + alpha * inner2
            let poly = 47 * x * (beta * beta) * (beta * beta) + alpha * inner1
            let prefactorNum = (1 + 12 * alpha) * (1 + 12 * beta) / (total * total)
            let prefactorDen = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total)
            return prefactorNum / (1 - x) * poly / prefactorDen
        }
        let prefactor = -x / (2 * alpha * beta / total).squareRoot()
        let stirling =
            (1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha)) * (1 + 1 / (12 * beta) + 1 / (288 * beta * beta))
            / (1 + 1 / (12 * total) + 1 / (288 * total * total))
        let term1Num = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * (beta * beta)
        let axbx = alpha * (x - 1) + beta * x
        let term1Den = (2 * alpha / beta).squareRoot() * pow(total, 1.5) * axbx * axbx
        let term1 = term1Num / term1Den
        let term2 = 0.5 * log(alpha / (total * x))
        let term3 = (8 * alpha * beta / total).squareRoot() / (beta * x + alpha * (x - 1))
        let term4Base = beta * log(beta / (total * (1 - x))) + alpha * log(alpha / (total * x))
        let term4 = pow(term4Base, -1.5)
        let term1234 = term1 + term2 * (term3 + (x < mean ? term4 : -term4))
        return stirling * prefactor * term1234
    }

    /// `dirichlet_grad_one`'s rational correction coefficients, `c[p or q][i][j][k]`.
    private static let rationalCorrection: [[[[Double]]]] = [
        [
            [
                [1.003668233, -0.01061107488, -0.0657888334, 0.01201642863],
                [0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033],
                [-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013]
            ],
            [
                [0.221950385, -0.3187676331, 0.01799915743, 0.01074823814],
                [-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057],
                [0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-05]
            ],
            [
                [-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565],
                [0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181],
                [0.005900514878, -0.001936558688, -9.495446725e-06, 5.385558597e-05]
            ]
        ],
        [
            [
                [1, -0.02924021934, -0.04438342661, 0.007285809825],
                [0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521],
                [-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149]
            ],
            [
                [0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273],
                [0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956],
                [-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-05]
            ],
            [
                [0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-05],
                [0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-05],
                [-0.0003477407336, 6.959756487e-05, 1.097287507e-05, -1.650964693e-06]
            ]
        ]
    ]
}
