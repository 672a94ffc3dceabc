/// Bicubic upsampling of `[N, C, H, W]` inputs (`torch._C._nn.upsample_bicubic2d`, what
/// `F.interpolate(mode="bicubic")` and `nn.Upsample(mode="bicubic")` call;
/// UpsampleBicubic2DBackward0), with Keys' cubic convolution (A = -0.75) over four clamped
/// sources per dimension.
///
/// The forward follows `upsample_non_separable_Nd_kernel_impl` with `HelperInterpCubic`
/// (aten/src/ATen/native/cpu/UpSampleKernel.cpp): each row of four sources is summed left to
/// right, then the four rows, each `out += t * w` fused by GCC into `fma(t, w, out)`. The backward
/// is `upsample_bicubic2d_backward_out_frame` (UpSampleBicubic2d.cpp): for each output, column by
/// column of the 4x4 window, `grad_input += (g * wy) * wx`, fused the same way.
enum UpsampleBicubicOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "upsample_bicubic2d(Tensor self, int[2] output_size, bool align_corners, float? scales_h=None, float? scales_w=None) -> Tensor",
            gradFn: "UpsampleBicubic2DBackward0", exposure: [],
            samples: OpSamples(shapes: ["self": [1, 2, 2, 3]], arguments: ["output_size": .intList([4, 5])]),
            forward: {
                try $0.tensor("self").upsampleBicubic2d(
                    outputSize: $0.intList("output_size"), alignCorners: $0.bool("align_corners"),
                    scales: [$0.optionalDouble("scales_h"), $0.optionalDouble("scales_w")])
            })
    ]
}

/// One output index's four (clamped) sources and Keys weights along one dimension
/// (`HelperInterpCubic::compute_indices_weights`).
private struct CubicTap<T: FloatElement> {
    /// The unclamped first source (`input_index - 1`), what the backward's bounded increments use.
    let first: Int
    let indices: [Int]
    let weights: [T]

    init(_ i: Int, input: Int, output: Int, alignCorners: Bool, scale: Double?) {
        let ratio = areaPixelScale(T.self, input: input, output: output, alignCorners: alignCorners, scale: scale)
        // `area_pixel_compute_source_index(..., cubic=true)`: no clamp at 0.
        let real: T =
            alignCorners
            ? ratio * T(fromDouble: Double(i))
            : (ratio * (T(fromDouble: Double(i)) + 0.5)) - 0.5
        // `guard_index_and_lambda`.
        let index = Swift.min(Int(Float(real.doubleValue).rounded(.down)), input - 1)
        let t = Swift.min(Swift.max(real - T(fromDouble: Double(index)), 0), 1)
        first = index - 1
        indices = (0..<4).map { Swift.min(Swift.max(index + $0 - 1, 0), input - 1) }
        weights = cubicCoefficients(t)
    }
}

/// `get_cubic_upsample_coefficients` with A = -0.75: `cubic_convolution2(t + 1)`,
/// `cubic_convolution1(t)`, `cubic_convolution1(1 - t)`, `cubic_convolution2(2 - t)`, with the
/// products and sums GCC contracts into FMAs.
private func cubicCoefficients<T: FloatElement>(_ t: T) -> [T] {
    let a: T = -0.75
    // ((A + 2) * x - (A + 3)) * x * x + 1
    func near(_ x: T) -> T { T(1).addingProduct((-(a + 3)).addingProduct(a + 2, x) * x, x) }
    // ((A * x - 5A) * x + 8A) * x - 4A
    func far(_ x: T) -> T { (-4 * a).addingProduct((8 * a).addingProduct((-5 * a).addingProduct(a, x), x), x) }
    let u = 1 - t
    return [far(t + 1), near(t), near(u), far(u + 1)]
}

/// Interpolates (forward) or scatters back (backward) every plane.
private struct BicubicVisitor: FloatVisitor {
    let planes: Int, inH: Int, inW: Int, outH: Int, outW: Int
    let alignCorners: Bool, scales: [Double?]
    let source: Storage, destination: Storage, backward: Bool

    func visit<T: FloatElement>(_: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward && inH == outH && inW == outW {
            d.update(from: s, count: planes * inH * inW)
            return
        }
        let rows = (0..<outH).map { CubicTap<T>($0, input: inH, output: outH, alignCorners: alignCorners, scale: scales[0]) }
        let columns = (0..<outW).map {
            CubicTap<T>($0, input: inW, output: outW, alignCorners: alignCorners, scale: scales[1])
        }
        if backward { d.initialize(repeating: 0, count: planes * inH * inW) }
        var o = 0
        for p in 0..<planes {
            let plane = p * inH * inW
            for r in rows {
                for c in columns {
                    if backward {
                        let g = s[o]
                        for i in 0..<4 {
                            let x = Swift.min(Swift.max(c.first + i, 0), inW - 1)
                            for j in 0..<4 {
                                let y = Swift.min(Swift.max(r.first + j, 0), inH - 1)
                                let k = plane + y * inW + x
                                d[k] = d[k].addingProduct(g * r.weights[j], c.weights[i])
                            }
                        }
                    } else {
                        func row(_ j: Int) -> T {
                            let base = plane + r.indices[j] * inW
                            var sum = s[base + c.indices[0]] * c.weights[0]
                            for i in 1..<4 { sum = sum.addingProduct(s[base + c.indices[i]], c.weights[i]) }
                            return sum
                        }
                        var sum = row(0) * r.weights[0]
                        for j in 1..<4 { sum = sum.addingProduct(row(j), r.weights[j]) }
                        d[o] = sum
                    }
                    o += 1
                }
            }
        }
    }
}

extension Tensor {
    /// `upsample_bicubic2d(self, output_size, align_corners, scales_h, scales_w)`
    /// (UpsampleBicubic2DBackward0); the scales, when given and `align_corners` is false, set the
    /// source positions instead of the size ratio.
    public func upsampleBicubic2d(outputSize: [Int], alignCorners: Bool, scales: [Double?]) throws -> Tensor {
        try checkUpsampleSizes(outputSize, dims: 2)
        try requireFloatingPoint("upsample_bicubic2d")
        let planes = shape[0] * shape[1]
        let (inH, inW, outH, outW) = (shape[2], shape[3], outputSize[0], outputSize[1])
        let out = Storage.uninitialized(dtype, count: planes * outH * outW)
        dtype.dispatchFloat(
            BicubicVisitor(
                planes: planes, inH: inH, inW: inW, outH: outH, outW: outW, alignCorners: alignCorners, scales: scales,
                source: contiguousStorage(), destination: out, backward: false))
        let result = Tensor(storage: out, shape: Array(shape.prefix(2)) + outputSize)
        let inputShape = shape
        record(
            "upsample_bicubic2d", "UpsampleBicubic2DBackward0", inputs: [self], outputs: [result],
            keeping: UpsampleGeometry.kept(
                alignCorners: alignCorners, outputSize: outputSize, scales: scales, inputShape: inputShape)
        ) { ctx in
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                BicubicVisitor(
                    planes: planes, inH: inH, inW: inW, outH: outH, outW: outW, alignCorners: alignCorners, scales: scales,
                    source: ctx.grad.contiguousStorage(), destination: grad, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }
}
