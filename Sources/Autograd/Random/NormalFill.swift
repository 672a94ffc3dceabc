#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// PyTorch's `normal_fill` for contiguous tensors of 16 or more elements
/// (aten/src/ATen/native/cpu/DistributionTemplates.h): every element first gets a uniform
/// value, then each block of 16 becomes 8 Box–Muller pairs (element j with element j + 8);
/// when the size is not a multiple of 16 the last 16 elements are drawn again and transformed
/// once more. float32 follows `normal_fill_AVX2` (avx_mathfun's log and sincos, see
/// `AVXMathFun`), the kernel x86 machines run: the AVX512 build registers no normal kernel of
/// its own, so dispatch falls back to AVX2 (aten/src/ATen/native/DispatchStub.h). float64
/// follows the scalar `normal_fill_16` with the C library's log, cos and sin, each product
/// that feeds an addition fused as GCC contracts it.
protocol NormalFillElement: TensorElement {
    static func uniform(_ generator: Generator) -> Self
    /// Turns `data[0..<16]` (uniforms) into 16 normal values.
    static func boxMuller16(_ data: UnsafeMutablePointer<Self>, mean: Self, std: Self)
}

extension Float: NormalFillElement {
    static func uniform(_ generator: Generator) -> Float { generator.uniformFloat() }
    static func boxMuller16(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        let twoPi = Float(2.0 * Double.pi)
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = (-2 * AVXMathFun.log(u1)).squareRoot()
            let (sine, cosine) = AVXMathFun.sincos(twoPi * u2)
            data[j] = mean.addingProduct(radius * cosine, std)
            data[j + 8] = mean.addingProduct(radius * sine, std)
        }
    }
}

extension Double: NormalFillElement {
    static func uniform(_ generator: Generator) -> Double { generator.uniformDouble() }
    static func boxMuller16(_ data: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = sqrt(-2 * log(u1))
            let theta = 2.0 * Double.pi * u2
            data[j] = mean.addingProduct(radius * cos(theta), std)
            data[j + 8] = mean.addingProduct(radius * sin(theta), std)
        }
    }
}

/// Fills `count` contiguous elements at `data` with normal values, consuming the generator
/// exactly as PyTorch's `normal_fill` does (`count` must be at least 16).
func normalFill<T: NormalFillElement>(_ data: UnsafeMutablePointer<T>, count: Int, mean: T, std: T, generator: Generator) {
    for i in 0..<count { data[i] = T.uniform(generator) }
    var i = 0
    while i + 16 <= count {
        T.boxMuller16(data + i, mean: mean, std: std)
        i += 16
    }
    if count % 16 != 0 {
        let tail = data + count - 16
        for k in 0..<16 { tail[k] = T.uniform(generator) }
        T.boxMuller16(tail, mean: mean, std: std)
    }
}
