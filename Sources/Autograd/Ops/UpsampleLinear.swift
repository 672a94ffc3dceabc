/// Linear upsampling of `[N, C, W]`, `[N, C, H, W]` and `[N, C, D, H, W]` inputs
/// (`torch._C._nn.upsample_linear1d`, `upsample_bilinear2d`, `upsample_trilinear3d`, what
/// `F.interpolate(mode="linear" | "bilinear" | "trilinear")` and `nn.Upsample` call;
/// UpsampleLinear1DBackward0, UpsampleBilinear2DBackward0, UpsampleTrilinear3DBackward0).
///
/// Source indices and weights follow aten's UpSample.h (`area_pixel_compute_scale`,
/// `area_pixel_compute_source_index`, `guard_index_and_lambda`) in the tensor's type. The forward
/// blends along the last dim first, then outwards, as `upsample_non_separable_Nd_kernel_impl`
/// does (aten/src/ATen/native/cpu/UpSampleKernel.cpp); 2-D outputs with `H + W <= 128`, and every
/// 2-D input with 3 channels (PyTorch on one thread), take `upsample_linear_channels_last`
/// instead, which sums the four weighted corners in another order. The backward scatters each
/// output gradient into its sources in output order (`cpu_upsample_linear_backward`,
/// UpSampleMoreKernel.cpp). GCC's FMA contraction of each `a * b + c * d` was measured against
/// PyTorch 2.15 (notes/audit/interpolate_audit.py).
enum UpsampleLinearOps {
    static let declarations: [OpDeclaration] = [1, 2, 3].map { dims in
        let scaleNames = UpsampleGeometry.scaleNames(dims)
        let scales = scaleNames.map { "float? \($0)=None" }.joined(separator: ", ")
        return OpDeclaration(
            "\(linearOpName(dims))(Tensor self, int[\(dims)] output_size, bool align_corners, \(scales)) -> Tensor",
            gradFn: UpsampleGeometry.gradFn(linearModeName(dims), dims), exposure: [],
            samples: OpSamples(
                shapes: ["self": [1, 2] + [2, 2, 3].suffix(dims)], arguments: ["output_size": .intList([3, 4, 5].suffix(dims))]),
            forward: { args in
                try args.tensor("self").upsampleLinear(
                    outputSize: args.intList("output_size"), alignCorners: args.bool("align_corners"),
                    scales: try scaleNames.map { try args.optionalDouble($0) })
            })
    }
}

private func linearOpName(_ dims: Int) -> String {
    ["upsample_linear1d", "upsample_bilinear2d", "upsample_trilinear3d"][dims - 1]
}
private func linearModeName(_ dims: Int) -> String { ["Linear", "Bilinear", "Trilinear"][dims - 1] }

/// One output index's two sources and their weights along one dimension.
struct LinearTap<T: FloatElement> {
    let index0: Int, index1: Int
    let lambda0: T, lambda1: T

    /// aten's `compute_source_index_and_lambda` for output index `i`. `scale * (i + 0.5) - 0.5` is
    /// one fused multiply-add except in the float forward kernel, which rounds the product first
    /// (both measured against PyTorch 2.15).
    init(_ i: Int, input: Int, output: Int, alignCorners: Bool, scale: Double?, fusedSource: Bool) {
        guard input != output else {
            (index0, index1, lambda0, lambda1) = (i, i, 1, 0)
            return
        }
        let ratio = areaPixelScale(T.self, input: input, output: output, alignCorners: alignCorners, scale: scale)
        let real: T
        if alignCorners {
            real = ratio * T(fromDouble: Double(i))
        } else {
            let half = T(fromDouble: Double(i)) + 0.5
            let source = fusedSource ? T(-0.5).addingProduct(ratio, half) : ratio * half - 0.5
            real = source < 0 ? 0 : source
        }
        index0 = Swift.min(Int(Float(real.doubleValue).rounded(.down)), input - 1)
        lambda1 = Swift.min(Swift.max(real - T(fromDouble: Double(index0)), 0), 1)
        index1 = index0 + (index0 < input - 1 ? 1 : 0)
        lambda0 = 1 - lambda1
    }
}

/// aten's `area_pixel_compute_scale` in the type `T`.
func areaPixelScale<T: FloatElement>(_: T.Type, input: Int, output: Int, alignCorners: Bool, scale: Double?) -> T {
    if alignCorners {
        return output > 1 ? T(fromDouble: Double(input - 1)) / T(fromDouble: Double(output - 1)) : 0
    }
    if let scale, scale > 0 { return T(fromDouble: 1 / scale) }
    return T(fromDouble: Double(input)) / T(fromDouble: Double(output))
}

/// Interpolates (forward) or scatters back (backward) every plane.
private struct LinearVisitor: FloatVisitor {
    let geometry: UpsampleGeometry, alignCorners: Bool, scales: [Double?], channels: Int
    let source: Storage, destination: Storage, backward: Bool

    func visit<T: FloatElement>(_: T.Type) {
        let g = geometry
        let padded = Array(repeating: nil, count: 3 - g.dims) + scales
        let taps = (0..<3).map { k in
            (0..<g.output[k]).map {
                LinearTap<T>(
                    $0, input: g.input[k], output: g.output[k], alignCorners: alignCorners, scale: padded[k],
                    fusedSource: backward || T.self == Double.self)
            }
        }
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward {
            d.initialize(repeating: 0, count: g.inputCount)
            scatter(taps, s, d)
        } else if g.dims == 2 && (g.output[1] + g.output[2] <= 128 || channels == 3) {
            blendChannelsLast(taps[1], taps[2], s, d)
        } else {
            blend(taps, s, d)
        }
    }

    /// `t0 * w0 + t1 * w1`, which GCC fuses into `fma(t0, w0, t1 * w1)`.
    @inline(__always) private func mix<T: FloatElement>(_ t0: T, _ t1: T, _ tap: LinearTap<T>) -> T {
        (t1 * tap.lambda1).addingProduct(t0, tap.lambda0)
    }

    /// Calls `body` with each output element's index, its plane's offset in the input and its
    /// taps along D, H and W, in row-major output order.
    @inline(__always)
    private func forEachOutput<T: FloatElement>(
        _ taps: [[LinearTap<T>]], _ body: (_ o: Int, _ plane: Int, LinearTap<T>, LinearTap<T>, LinearTap<T>) -> Void
    ) {
        let planeSize = geometry.input.reduce(1, *)
        var o = 0
        for p in 0..<geometry.planes {
            for td in taps[0] {
                for th in taps[1] {
                    for tw in taps[2] {
                        body(o, p * planeSize, td, th, tw)
                        o += 1
                    }
                }
            }
        }
    }

    /// The generic kernel: blend along W, then H, then D.
    private func blend<T: FloatElement>(_ taps: [[LinearTap<T>]], _ s: UnsafeMutablePointer<T>, _ d: UnsafeMutablePointer<T>) {
        let (inH, inW) = (geometry.input[1], geometry.input[2])
        let dims = geometry.dims
        forEachOutput(taps) { o, plane, td, th, tw in
            func row(_ id: Int, _ ih: Int) -> Int { plane + (id * inH + ih) * inW }
            func along(_ base: Int) -> T { mix(s[base + tw.index0], s[base + tw.index1], tw) }
            func plane2(_ id: Int) -> T { mix(along(row(id, th.index0)), along(row(id, th.index1)), th) }
            switch dims {
            case 1: d[o] = along(row(0, 0))
            case 2: d[o] = plane2(0)
            default: d[o] = mix(plane2(td.index0), plane2(td.index1), td)
            }
        }
    }

    /// `upsample_linear_channels_last` on a 2-D input: the four corner weights are products of the
    /// row and column weights; channels past the last full vector (16 floats or 8 doubles with
    /// AVX-512) are summed left to right, the vectorised ones right to left.
    private func blendChannelsLast<T: FloatElement>(
        _ rows: [LinearTap<T>], _ columns: [LinearTap<T>], _ s: UnsafeMutablePointer<T>, _ d: UnsafeMutablePointer<T>
    ) {
        let (inH, inW) = (geometry.input[1], geometry.input[2])
        let vectorWidth = 64 / MemoryLayout<T>.size
        let vectorised = channels - channels % vectorWidth
        var o = 0
        for p in 0..<geometry.planes {
            let plane = p * inH * inW
            let c = p % channels
            for r in rows {
                for col in columns {
                    let (w00, w01) = (r.lambda0 * col.lambda0, r.lambda0 * col.lambda1)
                    let (w10, w11) = (r.lambda1 * col.lambda0, r.lambda1 * col.lambda1)
                    let i00 = s[plane + r.index0 * inW + col.index0]
                    let i01 = s[plane + r.index0 * inW + col.index1]
                    let i10 = s[plane + r.index1 * inW + col.index0]
                    let i11 = s[plane + r.index1 * inW + col.index1]
                    if c < vectorised {
                        d[o] = (i11 * w11).addingProduct(i10, w10).addingProduct(i01, w01).addingProduct(i00, w00)
                    } else {
                        d[o] = (i00 * w00).addingProduct(i01, w01).addingProduct(i10, w10).addingProduct(i11, w11)
                    }
                    o += 1
                }
            }
        }
    }

    /// `cpu_upsample_linear_backward`: `grad_input[i] += (d * h * w) * g`, fused by GCC into
    /// `fma(d * h * w, g, grad_input[i])`.
    private func scatter<T: FloatElement>(_ taps: [[LinearTap<T>]], _ s: UnsafeMutablePointer<T>, _ d: UnsafeMutablePointer<T>) {
        let (inH, inW) = (geometry.input[1], geometry.input[2])
        let dims = geometry.dims
        forEachOutput(taps) { o, plane, td, th, tw in
            let g = s[o]
            for (id, ld) in dims == 3 ? [(td.index0, td.lambda0), (td.index1, td.lambda1)] : [(0, 1)] {
                for (ih, lh) in dims >= 2 ? [(th.index0, th.lambda0), (th.index1, th.lambda1)] : [(0, 1)] {
                    let row = plane + (id * inH + ih) * inW
                    let weight = dims == 3 ? ld * lh : lh
                    let (w0, w1) = dims == 1 ? (tw.lambda0, tw.lambda1) : (weight * tw.lambda0, weight * tw.lambda1)
                    d[row + tw.index0] = d[row + tw.index0].addingProduct(w0, g)
                    d[row + tw.index1] = d[row + tw.index1].addingProduct(w1, g)
                }
            }
        }
    }
}

extension Tensor {
    /// `upsample_linear1d`, `upsample_bilinear2d` or `upsample_trilinear3d(self, output_size,
    /// align_corners, scales...)` by the length of `outputSize`; the scales, when given and
    /// `align_corners` is false, set the source positions instead of the size ratio.
    public func upsampleLinear(outputSize: [Int], alignCorners: Bool, scales: [Double?]) throws -> Tensor {
        let dims = outputSize.count
        try checkUpsampleSizes(outputSize, dims: dims)
        try requireFloatingPoint(dims == 2 ? "upsample_bilinear2d_channels_last" : "upsample_generic_Nd")
        let geometry = UpsampleGeometry(inputShape: shape, outputSize: outputSize)
        let channels = shape[1]
        let out = Storage.uninitialized(dtype, count: geometry.outputCount)
        dtype.dispatchFloat(
            LinearVisitor(
                geometry: geometry, alignCorners: alignCorners, scales: scales, channels: channels,
                source: contiguousStorage(), destination: out, backward: false))
        let result = Tensor(storage: out, shape: Array(shape.prefix(2)) + outputSize)
        let inputShape = shape
        record(
            linearOpName(dims), UpsampleGeometry.nodeKind(linearModeName(dims), dims), inputs: [self], outputs: [result],
            keeping: UpsampleGeometry.kept(
                alignCorners: alignCorners, outputSize: outputSize, scales: scales, inputShape: inputShape)
        ) { ctx in
            let grad = Storage.uninitialized(ctx.grad.dtype, count: geometry.inputCount)
            ctx.grad.dtype.dispatchFloat(
                LinearVisitor(
                    geometry: geometry, alignCorners: alignCorners, scales: scales, channels: channels,
                    source: ctx.grad.contiguousStorage(), destination: grad, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }
}
