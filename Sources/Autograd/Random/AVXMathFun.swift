/// Scalar, bit-exact versions of the single-precision `log256_ps` and `sincos256_ps` of
/// aten/src/ATen/native/cpu/avx_mathfun.h (Cephes polynomials, after Julien Pommier's
/// sse_mathfun), which PyTorch's AVX2 `normal_fill_16_AVX2` uses. The wheel is compiled with
/// GCC's default floating-point contraction, so a product feeding only an addition becomes a
/// fused multiply-add; `addingProduct` reproduces exactly those fusions.
enum AVXMathFun {
    /// `log256_ps` for one positive, finite lane.
    static func log(_ input: Float) -> Float {
        let minNormal = Float(bitPattern: 0x0080_0000)
        var x = Swift.max(input, minNormal)
        let exponentBits = Int32(bitPattern: x.bitPattern >> 23) - 0x7f
        x = Float(bitPattern: (x.bitPattern & ~0x7f80_0000) | Float(0.5).bitPattern)
        var e = Float(exponentBits) + 1
        let below = x < Float(0.707106781186547524)
        let tmp: Float = below ? x : 0
        x = x - 1
        e = e - (below ? 1 : 0)
        x = x + tmp

        let z = x * x
        var y = Float(-1.1514610310E-1).addingProduct(Float(7.0376836292E-2), x)
        for p in [
            Float(1.1676998740E-1), -1.2420140846E-1, 1.4249322787E-1, -1.6668057665E-1,
            2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1
        ] {
            y = p.addingProduct(y, x)
        }
        y = y * x
        y = (e * Float(-2.12194440e-4)).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        x = x + y
        return x.addingProduct(e, 0.693359375)
    }

    /// `sincos256_ps` for one finite lane: (sine, cosine).
    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        var x = Swift.abs(input)
        var sinSignBit = input.bitPattern & 0x8000_0000
        var j = Int32(x * Float(1.27323954473516))
        j = (j &+ 1) & ~1
        let y0 = Float(j)
        sinSignBit ^= UInt32(bitPattern: (j & 4) << 29)
        let usesSinPolynomial = j & 2 == 0
        let cosSignBit = UInt32(bitPattern: (~(j &- 2) & 4) << 29)

        x = x.addingProduct(y0, -0.78515625)
        x = x.addingProduct(y0, -2.4187564849853515625e-4)
        x = x.addingProduct(y0, -3.77489497744594108e-8)

        let z = x * x
        var c = Float(-1.388731625493765E-003).addingProduct(Float(2.443315711809948E-005), z)
        c = Float(4.166664568298827E-002).addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1

        var s = Float(8.3321608736E-3).addingProduct(Float(-1.9515295891E-4), z)
        s = Float(-1.6666654611E-1).addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)

        let (sine, cosine) = usesSinPolynomial ? (s, c) : (c, s)
        return (Float(bitPattern: sine.bitPattern ^ sinSignBit), Float(bitPattern: cosine.bitPattern ^ cosSignBit))
    }
}
