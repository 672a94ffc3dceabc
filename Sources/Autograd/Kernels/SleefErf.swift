/// One lane of SLEEF's 1-ULP double erf (`xerf_u1`, `Sleef_erfd8_u10` in PyTorch's AVX-512
/// kernels) as SLEEF 3.6 and later compute it: PyTorch 2.15 bundles such a SLEEF, while Debian's
/// libsleef (3.5.1) still has the older algorithm, which differs on about 2% of inputs. The
/// FMA build's arithmetic (`ENABLE_FMA_DP`, no other contraction: SLEEF compiles with
/// `-ffp-contract=off`), written out from src/libm/sleefsimddp.c and src/common/dd.h. Every lane
/// is independent: the all-lanes-below-2.5 shortcut computes those lanes as the general path does.
enum SleefErf {
    /// `xerf_u1(a)`.
    static func erf(_ a: Double) -> Double {
        let x = a.magnitude
        let x2 = x * x
        let x4 = x2 * x2
        let x8 = x4 * x4
        let x16 = x8 * x8
        var t2: DoubleDouble
        if x <= 2.5 {
            // Abramowitz and Stegun: 1 - 1 / (1 + p(x) x)^16 in double-double.
            let t = poly21(x, x2, x4, x8, x16, nearCoefficients)
            t2 = poly4dd(x, t, nearTail[0], nearTail[1], nearTail[2])
            t2 = DoubleDouble.add(1, t2.times(x))
            for _ in 0..<4 { t2 = t2.squared() }
            t2 = t2.reciprocal()
        } else {
            let t = poly21(x, x2, x4, x8, x16, farCoefficients)
            t2 = DoubleDouble(expk(poly4dd(x, t, farTail[0], farTail[1], farTail[2])), 0)
        }
        t2 = t2.plus2(-1)
        var z = -(t2.x + t2.y)
        if x < 1e-8 { z = x * 1.12837916709551262756245475959 }
        if x >= 6 || a.isInfinite { z = 1 }
        if a == 0 { z = 0 }
        return Double(bitPattern: z.bitPattern ^ (a.bitPattern & 0x8000_0000_0000_0000))
    }

    /// `expk`: exp of a double-double, rounded to a double.
    private static func expk(_ d: DoubleDouble) -> Double {
        let u = (d.x + d.y) * 1.442695040888963407359924681001892137426645954152985934135449406931
        let dq = u.rounded(.toNearestOrEven)
        let q = convertToInt32(dq)
        var s = d.plus2(dq * -0.69314718055966295651160180568695068359375)
        s = s.plus2(dq * -0.28235290563031577122588448175013436025525412068e-12)
        s = s.normalized()
        let s2 = s.x * s.x
        let s4 = s2 * s2
        let s8 = s4 * s4
        let c = expkCoefficients
        let p = fma(s8, fma(s.x, c[0], c[1]), poly8(s.x, s2, s4, c, from: 2))
        var t = DoubleDouble.add(1, s)
        t = t.plus(s.squared().times(p))
        let scaled = ldexp2(t.x + t.y, q)
        return d.x < -1000 ? 0 : scaled
    }

    /// `vrint_vi_vd` (`vcvtpd2dq`): out-of-range values and NaN give the integer indefinite.
    private static func convertToInt32(_ v: Double) -> Int32 {
        v > -2147483649.0 && v < 2147483648.0 ? Int32(v.rounded(.toNearestOrEven)) : .min
    }

    /// `vldexp2_vd_vd_vi`: `d * 2^(e >> 1) * 2^(e - (e >> 1))`.
    private static func ldexp2(_ d: Double, _ e: Int32) -> Double {
        d * pow2i(e >> 1) * pow2i(e &- (e >> 1))
    }

    /// `vpow2i_vd_vi`: `(q + 0x3ff) << 20` in the upper half of the double.
    private static func pow2i(_ q: Int32) -> Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: (q &+ 0x3ff) &<< 20)) << 32)
    }

    /// `MLA(x, y, z)`: `x * y + z` with one rounding.
    @inline(__always) private static func fma(_ x: Double, _ y: Double, _ z: Double) -> Double {
        z.addingProduct(x, y)
    }

    /// Estrin's scheme as estrin.h's POLY4/POLY8/POLY16/POLY21 nest it; `c` is highest degree
    /// first and the scheme reads `count` coefficients of it from `from`.
    private static func poly4(_ x: Double, _ x2: Double, _ c: [Double], from i: Int) -> Double {
        fma(x2, fma(x, c[i], c[i + 1]), fma(x, c[i + 2], c[i + 3]))
    }

    private static func poly8(_ x: Double, _ x2: Double, _ x4: Double, _ c: [Double], from i: Int) -> Double {
        fma(x4, poly4(x, x2, c, from: i), poly4(x, x2, c, from: i + 4))
    }

    private static func poly21(
        _ x: Double, _ x2: Double, _ x4: Double, _ x8: Double, _ x16: Double, _ c: [Double]
    ) -> Double {
        let high = fma(x4, c[0], poly4(x, x2, c, from: 1))
        let low = fma(x8, poly8(x, x2, x4, c, from: 5), poly8(x, x2, x4, c, from: 13))
        return fma(x16, high, low)
    }

    /// `poly4dd`: `(c3 x + c2) x^2 + (c1 x + c0)` in double-double.
    private static func poly4dd(
        _ x: Double, _ c3: Double, _ c2: DoubleDouble, _ c1: DoubleDouble, _ c0: DoubleDouble
    ) -> DoubleDouble {
        let high = c2.plus(DoubleDouble(c3, 0).times(x))
        let low = c0.plus(c1.times(x))
        return low.plus(high.times(x * x))
    }

    private static let nearCoefficients: [Double] = [
        -0.2083271002525222097e-14, +0.7151909970790897009e-13, -0.1162238220110999364e-11,
        +0.1186474230821585259e-10, -0.8499973178354613440e-10, +0.4507647462598841629e-9,
        -0.1808044474288848915e-8, +0.5435081826716212389e-8, -0.1143939895758628484e-7,
        +0.1215442362680889243e-7, +0.1669878756181250355e-7, -0.9808074602255194288e-7,
        +0.1389000557865837204e-6, +0.2945514529987331866e-6, -0.1842918273003998283e-5,
        +0.3417987836115362136e-5, +0.3860236356493129101e-5, -0.3309403072749947546e-4,
        +0.1060862922597579532e-3, +0.2323253155213076174e-3, +0.1490149719145544729e-3
    ]

    private static let nearTail: [DoubleDouble] = [
        DoubleDouble(0.0092877958392275604405, 7.9287559463961107493e-19),
        DoubleDouble(0.042275531758784692937, 1.3785226620501016138e-19),
        DoubleDouble(0.07052369794346953491, 9.5846628070792092842e-19)
    ]

    private static let farCoefficients: [Double] = [
        -0.4024015130752621932e-18, +0.3847193332817048172e-16, -0.1749316241455644088e-14,
        +0.5029618322872872715e-13, -0.1025221466851463164e-11, +0.1573695559331945583e-10,
        -0.1884658558040203709e-9, +0.1798167853032159309e-8, -0.1380745342355033142e-7,
        +0.8525705726469103499e-7, -0.4160448058101303405e-6, +0.1517272660008588485e-5,
        -0.3341634127317201697e-5, -0.2515023395879724513e-5, +0.6539731269664907554e-4,
        -0.3551065097428388658e-3, +0.1210736097958368864e-2, -0.2605566912579998680e-2,
        +0.1252823202436093193e-2, +0.1820191395263313222e-1, -0.1021557155453465954e+0
    ]

    private static let farTail: [DoubleDouble] = [
        DoubleDouble(-0.63691044383641748361, -2.4249477526539431839e-17),
        DoubleDouble(-1.1282926061803961737, -6.2970338860410996505e-17),
        DoubleDouble(-1.2261313785184804967e-05, -5.5329707514490107044e-22)
    ]

    private static let expkCoefficients: [Double] = [
        2.51069683420950419527139e-08, 2.76286166770270649116855e-07, 2.75572496725023574143864e-06,
        2.48014973989819794114153e-05, 0.000198412698809069797676111, 0.0013888888939977128960529,
        0.00833333333332371417601081, 0.0416666666665409524128449, 0.166666666666666740681535,
        0.500000000000000999200722
    ]
}

/// SLEEF's double-double (`vdouble2`) with dd.h's FMA operations.
private struct DoubleDouble {
    var x: Double
    var y: Double

    init(_ x: Double, _ y: Double) { (self.x, self.y) = (x, y) }

    /// `ddadd_vd2_vd_vd2(a, b)`.
    static func add(_ a: Double, _ b: DoubleDouble) -> DoubleDouble {
        let s = a + b.x
        return DoubleDouble(s, (a - s) + b.x + b.y)
    }

    /// `ddadd_vd2_vd2_vd2(self, b)` (|self| >= |b|).
    func plus(_ b: DoubleDouble) -> DoubleDouble {
        let s = x + b.x
        return DoubleDouble(s, (x - s) + b.x + y + b.y)
    }

    /// `ddadd2_vd2_vd2_vd(self, b)`.
    func plus2(_ b: Double) -> DoubleDouble {
        let s = x + b
        let v = s - x
        let w = (x - (s - v)) + (b - v)
        return DoubleDouble(s, w + y)
    }

    /// `ddmul_vd2_vd2_vd(self, b)`.
    func times(_ b: Double) -> DoubleDouble {
        let s = x * b
        return DoubleDouble(s, (-s).addingProduct(x, b).addingProduct(y, b))
    }

    /// `ddsqu_vd2_vd2(self)`.
    func squared() -> DoubleDouble {
        let s = x * x
        return DoubleDouble(s, (-s).addingProduct(x, x).addingProduct(x + x, y))
    }

    /// `ddrec_vd2_vd2(self)`.
    func reciprocal() -> DoubleDouble {
        let s = 1 / x
        return DoubleDouble(s, s * Double(1).addingProduct(-x, s).addingProduct(-y, s))
    }

    /// `ddnormalize_vd2_vd2(self)`.
    func normalized() -> DoubleDouble {
        let s = x + y
        return DoubleDouble(s, (x - s) + y)
    }
}
