/// Bilinear upsampling of `[N, C, H, W]` inputs (`torch._C._nn.upsample_bilinear2d`, what
/// `F.interpolate(mode="bilinear")` and `nn.Upsample(mode="bilinear")` call;
/// UpsampleBilinear2DBackward0). Source indices and weights follow aten's UpSample.h
/// (`area_pixel_compute_scale`, `area_pixel_compute_source_index`, `guard_index_and_lambda`) in
/// the tensor's type; the forward blends rows of column blends as `upsample_generic_Nd_kernel_impl`
/// does (PyTorch runs a channels-last kernel instead for small outputs, so forward values can
/// differ from its in the last bit), the backward scatters each output gradient into its four
/// sources in output order (`cpu_upsample_linear_backward`, measured bit-identical).
enum UpsampleBilinearOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "upsample_bilinear2d(Tensor self, int[2] output_size, bool align_corners, float? scales_h=None, float? scales_w=None) -> Tensor",
            gradFn: "UpsampleBilinear2DBackward0", exposure: [],
            samples: OpSamples(shapes: ["self": [1, 2, 2, 3]], arguments: ["output_size": .intList([4, 5])]),
            forward: {
                try $0.tensor("self").upsampleBilinear2d(
                    outputSize: $0.intList("output_size"), alignCorners: $0.bool("align_corners"),
                    scales: [$0.optionalDouble("scales_h"), $0.optionalDouble("scales_w")])
            })
    ]
}

/// One output index's two sources and their weights along one dimension.
private struct LinearTap<T: FloatElement> {
    let index0: Int, index1: Int
    let lambda0: T, lambda1: T

    /// aten's `compute_source_index_and_lambda` for output index `i`.
    init(_ i: Int, input: Int, output: Int, alignCorners: Bool, scale: Double?) {
        guard input != output else {
            (index0, index1, lambda0, lambda1) = (i, i, 1, 0)
            return
        }
        let ratio: T
        if alignCorners {
            ratio = output > 1 ? T(fromDouble: Double(input - 1)) / T(fromDouble: Double(output - 1)) : 0
        } else if let scale, scale > 0 {
            ratio = T(fromDouble: 1 / scale)
        } else {
            ratio = T(fromDouble: Double(input)) / T(fromDouble: Double(output))
        }
        let real: T
        if alignCorners {
            real = ratio * T(fromDouble: Double(i))
        } else {
            // `scale * (dst_index + 0.5) - 0.5` is evaluated in double, then stored in the type.
            let source = T(fromDouble: ratio.doubleValue * (Double(i) + 0.5) - 0.5)
            real = source < 0 ? 0 : source
        }
        index0 = Swift.min(Int(Float(real.doubleValue).rounded(.down)), input - 1)
        lambda1 = Swift.min(Swift.max(real - T(fromDouble: Double(index0)), 0), 1)
        index1 = index0 + (index0 < input - 1 ? 1 : 0)
        lambda0 = 1 - lambda1
    }
}

/// Interpolates (forward) or scatters back (backward) `planes` planes.
private struct BilinearVisitor: FloatVisitor {
    let planes: Int, inH: Int, inW: Int, outH: Int, outW: Int
    let alignCorners: Bool, scales: [Double?]
    let source: Storage, destination: Storage, backward: Bool

    func visit<T: FloatElement>(_: T.Type) {
        let rows = (0..<outH).map { LinearTap<T>($0, input: inH, output: outH, alignCorners: alignCorners, scale: scales[0]) }
        let columns = (0..<outW).map {
            LinearTap<T>($0, input: inW, output: outW, alignCorners: alignCorners, scale: scales[1])
        }
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward { d.initialize(repeating: 0, count: planes * inH * inW) }
        var o = 0
        for p in 0..<planes {
            let plane = p * inH * inW
            for r in rows {
                for c in columns {
                    let (i00, i01) = (plane + r.index0 * inW + c.index0, plane + r.index0 * inW + c.index1)
                    let (i10, i11) = (plane + r.index1 * inW + c.index0, plane + r.index1 * inW + c.index1)
                    if backward {
                        let g = s[o]
                        // `grad_input[i] += h * w * g`, which GCC fuses into `fma(h * w, g, grad_input[i])`.
                        d[i00] = d[i00].addingProduct(r.lambda0 * c.lambda0, g)
                        d[i01] = d[i01].addingProduct(r.lambda0 * c.lambda1, g)
                        d[i10] = d[i10].addingProduct(r.lambda1 * c.lambda0, g)
                        d[i11] = d[i11].addingProduct(r.lambda1 * c.lambda1, g)
                    } else {
                        let top = (s[i01] * c.lambda1).addingProduct(s[i00], c.lambda0)
                        let bottom = (s[i11] * c.lambda1).addingProduct(s[i10], c.lambda0)
                        d[o] = (bottom * r.lambda1).addingProduct(top, r.lambda0)
                    }
                    o += 1
                }
            }
        }
    }
}

extension Tensor {
    /// `upsample_bilinear2d(self, output_size, align_corners, scales_h, scales_w)`
    /// (UpsampleBilinear2DBackward0); the scales, when given and `align_corners` is false, set the
    /// source positions instead of the size ratio.
    public func upsampleBilinear2d(outputSize: [Int], alignCorners: Bool, scales: [Double?] = [nil, nil]) throws -> Tensor {
        try checkUpsample2dSizes(outputSize)
        try requireFloatingPoint("upsample_bilinear2d_channels_last")
        let planes = shape[0] * shape[1]
        let (inH, inW, outH, outW) = (shape[2], shape[3], outputSize[0], outputSize[1])
        let out = Storage.uninitialized(dtype, count: planes * outH * outW)
        dtype.dispatchFloat(
            BilinearVisitor(
                planes: planes, inH: inH, inW: inW, outH: outH, outW: outW, alignCorners: alignCorners, scales: scales,
                source: contiguousStorage(), destination: out, backward: false))
        let result = Tensor(storage: out, shape: Array(shape.prefix(2)) + outputSize)
        let inputShape = shape
        func saved(_ scale: Double?) -> SavedValue? { scale.map { .scalar(.double($0)) } }
        record(
            "upsample_bilinear2d", .upsampleBilinear2DBackward0, inputs: [self], outputs: [result],
            keeping: [
                ("align_corners", .bool(alignCorners)), ("output_size", .ints(outputSize)),
                ("self_sym_sizes", .ints(inputShape))
            ]
                + [("scales_h", saved(scales[0])), ("scales_w", saved(scales[1]))].compactMap { name, value in
                    value.map { (name, $0) }
                }
        ) { ctx in
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                BilinearVisitor(
                    planes: planes, inH: inH, inW: inW, outH: outH, outW: outW, alignCorners: alignCorners, scales: scales,
                    source: ctx.grad.contiguousStorage(), destination: grad, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }
}

extension NodeKind {
    static let upsampleBilinear2DBackward0 = NodeKind("UpsampleBilinear2DBackward0")
}
