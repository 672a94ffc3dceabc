/// Pooling over the last three dims of `[N, C, D, H, W]` or `[C, D, H, W]` inputs:
/// `F.max_pool3d` (MaxPool3DWithIndicesBackward0, saving self and the argmax indices),
/// `F.avg_pool3d` (AvgPool3DBackward0), `F.adaptive_avg_pool3d` (AdaptiveAvgPool3DBackward0; a
/// mean for a 1x1x1 output) and `F.adaptive_max_pool3d` (AdaptiveMaxPool3DBackward0), with the
/// window rules, accumulation in the input's dtype and division order of PyTorch's CPU kernels
/// (aten/src/ATen/native/cpu/MaxPoolKernel.cpp, AvgPoolKernel.cpp, AdaptiveAvgPoolKernel.cpp,
/// AdaptiveMaxPoolKernel.cpp) and the argument checks of DilatedMaxPool3d.cpp, AveragePool3d.cpp
/// and Pool.h, in their order.
enum Pooling3DOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "max_pool3d(Tensor self, int[3] kernel_size, int[3] stride=[], int[3] padding=[0], int[3] dilation=[1], bool ceil_mode=False) -> Tensor",
            gradFn: "MaxPool3DWithIndicesBackward0", exposure: [.torch],
            // Every window holds distinct sample values: a tie has no derivative to check.
            samples: OpSamples(
                shapes: ["self": [1, 3, 2, 5]], arguments: ["kernel_size": .intList([2]), "ceil_mode": .bool(true)]),
            forward: {
                try $0.tensor("self").maxPool3dWithIndices(
                    kernelSize: $0.intList("kernel_size"), stride: $0.intList("stride"),
                    padding: $0.intList("padding"), dilation: $0.intList("dilation"), ceilMode: $0.bool("ceil_mode")
                ).values
            }),
        OpDeclaration(
            "avg_pool3d(Tensor self, int[3] kernel_size, int[3] stride=[], int[3] padding=[0], bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None) -> Tensor",
            gradFn: "AvgPool3DBackward0", exposure: [.functional],
            samples: OpSamples(
                shapes: ["self": [2, 4, 5, 4]],
                arguments: ["kernel_size": .intList([2, 3, 2]), "padding": .intList([1]), "stride": .intList([2])]),
            forward: {
                try $0.tensor("self").avgPool3d(
                    kernelSize: $0.intList("kernel_size"), stride: $0.intList("stride"), padding: $0.intList("padding"),
                    ceilMode: $0.bool("ceil_mode"), countIncludePad: $0.bool("count_include_pad"),
                    divisorOverride: $0.optionalInt("divisor_override"))
            })
    ]
}

/// The pooled volumes of an input: `planes` volumes of `d.size x h.size x w.size`.
struct PoolVolume {
    let planes: Int, d: PoolDim, h: PoolDim, w: PoolDim
    var inVolume: Int { d.size * h.size * w.size }
    var outVolume: Int { d.out * h.out * w.out }
    var outSizes: [Int] { [d.out, h.out, w.out] }
}

/// Max pooling forward: per output the first maximum (or NaN) of its dilated window in
/// depth-row-column order, and that value's index within its input volume.
private struct MaxPool3DVisitor: FloatVisitor {
    let g: PoolVolume, input: Storage, out: Storage, indices: Storage
    func visit<T: FloatElement>(_ type: T.Type) {
        let x = input.pointer(T.self)
        let y = out.pointer(T.self)
        let idx = indices.pointer(Int64.self)
        /// The window along one dim: its first in-range start and its end.
        func window(_ o: Int, _ dim: PoolDim) -> (Int, Int) {
            var start = o * dim.stride - dim.pad
            let end = Swift.min(start + (dim.kernel - 1) * dim.dilation + 1, dim.size)
            while start < 0 { start += dim.dilation }
            return (start, end)
        }
        var o = 0
        for p in 0..<g.planes {
            let volume = x + p * g.inVolume
            for od in 0..<g.d.out {
                let (ds, de) = window(od, g.d)
                for oh in 0..<g.h.out {
                    let (hs, he) = window(oh, g.h)
                    for ow in 0..<g.w.out {
                        let (ws, we) = window(ow, g.w)
                        var best = (ds * g.h.size + hs) * g.w.size + ws
                        var value = -T.infinity
                        for id in stride(from: ds, to: de, by: g.d.dilation) {
                            for ih in stride(from: hs, to: he, by: g.h.dilation) {
                                for iw in stride(from: ws, to: we, by: g.w.dilation) {
                                    let at = (id * g.h.size + ih) * g.w.size + iw
                                    let v = volume[at]
                                    if v > value || v.isNaN { (value, best) = (v, at) }
                                }
                            }
                        }
                        y[o] = value
                        idx[o] = Int64(best)
                        o += 1
                    }
                }
            }
        }
    }
}

/// The window of one output along one dim of an average pooling: the clamped range and the
/// padded length count_include_pad divides by.
private func averageWindow(_ o: Int, _ dim: PoolDim) -> (start: Int, end: Int, padded: Int) {
    let start = o * dim.stride - dim.pad
    let end = Swift.min(start + dim.kernel, dim.size + dim.pad)
    return (Swift.max(start, 0), Swift.min(end, dim.size), end - start)
}

/// Average pooling forward (`backward: false`) or its adjoint on a gradient (`backward: true`).
private struct AvgPool3DVisitor: FloatVisitor {
    let g: PoolVolume, source: Storage, destination: Storage
    let countIncludePad: Bool, divisorOverride: Int?, backward: Bool
    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward { d.initialize(repeating: 0, count: g.planes * g.inVolume) }
        var o = 0
        for p in 0..<g.planes {
            let volume = p * g.inVolume
            for od in 0..<g.d.out {
                let (ds, de, pd) = averageWindow(od, g.d)
                for oh in 0..<g.h.out {
                    let (hs, he, ph) = averageWindow(oh, g.h)
                    for ow in 0..<g.w.out {
                        let (ws, we, pw) = averageWindow(ow, g.w)
                        defer { o += 1 }
                        guard de > ds && he > hs && we > ws else {
                            if !backward { d[o] = 0 }
                            continue
                        }
                        let count = countIncludePad ? pd * ph * pw : (de - ds) * (he - hs) * (we - ws)
                        let divisor = T(divisorOverride ?? count)
                        if backward {
                            let share = s[o] / divisor
                            for id in ds..<de {
                                for ih in hs..<he {
                                    for iw in ws..<we { d[volume + (id * g.h.size + ih) * g.w.size + iw] += share }
                                }
                            }
                        } else {
                            var sum: T = 0
                            for id in ds..<de {
                                for ih in hs..<he {
                                    for iw in ws..<we { sum += s[volume + (id * g.h.size + ih) * g.w.size + iw] }
                                }
                            }
                            d[o] = sum / divisor
                        }
                    }
                }
            }
        }
    }
}

extension Tensor {
    /// A pooling argument of one or three ints (`empty` allowed for a stride that defaults to
    /// the kernel), with the op's message otherwise.
    private static func triple(_ list: [Int], _ message: String, default fallback: [Int]? = nil) throws -> [Int] {
        if list.isEmpty, let fallback { return fallback }
        if list.count == 1 { return [list[0], list[0], list[0]] }
        guard list.count == 3 else { throw TorchError.runtime(message) }
        return list
    }

    /// The 4-D or 5-D input check of the 3-D poolings, before any output size.
    private func requireVolumes() throws {
        guard dim == 4 || dim == 5 else {
            throw TorchError.runtime("non-empty 4D or 5D (batch mode) tensor expected for input")
        }
    }

    /// `pooling_output_shape` per dim then `pool3d_shape_check` (for `name`), with ATen's
    /// messages in its order: the pooled geometry.
    private func poolVolume(
        _ name: String, kernel k: [Int], stride s: [Int], padding p: [Int], dilation dl: [Int], ceilMode: Bool,
        checkInputSize: Bool
    ) throws -> PoolVolume {
        let sizes = Array(shape.suffix(3))
        var dims: [PoolDim] = []
        for i in 0..<3 {
            guard s[i] != 0 else { throw TorchError.runtime("stride should not be zero") }
            guard p[i] >= 0 else { throw TorchError.runtime("pad must be non-negative, but got pad: \(p[i])") }
            guard p[i] <= ((k[i] - 1) * dl[i] + 1) / 2 else {
                throw TorchError.runtime(
                    "pad should be at most half of effective kernel size, but got pad=\(p[i]), kernel_size=\(k[i]) and dilation=\(dl[i])"
                )
            }
            dims.append(PoolDim(size: sizes[i], kernel: k[i], stride: s[i], pad: p[i], dilation: dl[i], ceilMode: ceilMode))
        }
        guard k.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("kernel size should be greater than zero, but got kT: \(k[0]) kH: \(k[1]) kW: \(k[2])")
        }
        guard s.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("stride should be greater than zero, but got dT: \(s[0]) dH: \(s[1]) dW: \(s[2])")
        }
        guard dl.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime(
                "dilation should be greater than zero, but got dilationT: \(dl[0]) dilationH: \(dl[1]) dilationW: \(dl[2])")
        }
        let firstChecked = dim == 5 ? 1 : 0
        if let d = (firstChecked..<dim).first(where: { shape[$0] == 0 }) {
            throw TorchError.runtime(
                "\(name): Expected input to have non-zero size for non-batch dimensions, but input has sizes [\(shape.map(String.init).joined(separator: ", "))] with dimension \(d) being empty"
            )
        }
        if checkInputSize, !(0..<3).allSatisfy({ sizes[$0] >= k[$0] }) {
            throw TorchError.runtime(
                "input image (T: \(sizes[0]) H: \(sizes[1]) W: \(sizes[2])) smaller than kernel size (kT: \(k[0]) kH: \(k[1]) kW: \(k[2]))"
            )
        }
        let planes = shape.dropLast(3).reduce(1, *)
        let g = PoolVolume(planes: planes, d: dims[0], h: dims[1], w: dims[2])
        guard g.outSizes.allSatisfy({ $0 >= 1 }) else {
            let channels = shape[dim - 4]
            throw TorchError.runtime(
                "Given input size: (\(channels)x\(sizes.map(String.init).joined(separator: "x"))). Calculated output size: (\(channels)x\(g.outSizes.map(String.init).joined(separator: "x"))). Output size is too small"
            )
        }
        return g
    }

    /// `F.max_pool3d(self, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)`
    /// (`max_pool3d_with_indices`): the pooled values (MaxPool3DWithIndicesBackward0, keeping its
    /// arguments as PyTorch's `_saved_*` values) and the int64 index of each maximum within its
    /// `D x H x W` input volume.
    public func maxPool3dWithIndices(
        kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0], dilation: [Int] = [1], ceilMode: Bool = false
    ) throws -> (values: Tensor, indices: Tensor) {
        let k = try Self.triple(kernelSize, "max_pool3d: kernel_size must either be a single int, or a tuple of three ints")
        let s = try Self.triple(
            stride, "max_pool3d: stride must either be omitted, a single int, or a tuple of three ints", default: k)
        let p = try Self.triple(padding, "max_pool3d: padding must either be a single int, or a tuple of three ints")
        let d = try Self.triple(dilation, "max_pool3d: dilation must be either a single int, or a tuple of three ints")
        try requireVolumes()
        let g = try poolVolume(
            "max_pool3d_with_indices_out_cpu_template()", kernel: k, stride: s, padding: p, dilation: d,
            ceilMode: ceilMode, checkInputSize: false)
        try requireFloatingPoint("max_pool3d_with_indices_cpu")
        return volumeMaxPooling(
            "max_pool3d_with_indices", .maxPool3DWithIndicesBackward0, planes: g.planes, inVolume: g.inVolume,
            outSizes: g.outSizes,
            keeping: [
                ("ceil_mode", .bool(ceilMode)), ("dilation", .ints(Self.asGiven(dilation))),
                ("kernel_size", .ints(Self.asGiven(kernelSize))), ("padding", .ints(Self.asGiven(padding))),
                ("stride", .ints(Self.asGiven(stride)))
            ]
        ) { MaxPool3DVisitor(g: g, input: $0, out: $1, indices: $2) }
    }

    /// Runs a 3-D max pooling whose `visitor(input, out, indices)` fills `planes` volumes of
    /// `outSizes` maxima and their indices, and records `node` over them (keeping `kept`).
    func volumeMaxPooling<V: FloatVisitor>(
        _ op: String, _ node: NodeKind, planes: Int, inVolume: Int, outSizes: [Int],
        keeping kept: [(name: String, value: SavedValue)] = [], visitor: (Storage, Storage, Storage) -> V
    ) -> (values: Tensor, indices: Tensor) {
        let outShape = Array(shape.dropLast(3)) + outSizes
        let outVolume = outSizes.reduce(1, *)
        let out = Storage.uninitialized(dtype, count: planes * outVolume)
        let indexStorage = Storage.uninitialized(.int64, count: planes * outVolume)
        _ = dtype.dispatchFloat(visitor(contiguousStorage(), out, indexStorage))
        let result = Tensor(storage: out, shape: outShape)
        let indices = Tensor(storage: indexStorage, shape: outShape)
        recordMaxPooling(
            op, node, result: result, indices: indices, planes: planes, inPlane: inVolume, outPlane: outVolume,
            keeping: kept)
        return (result, indices)
    }

    /// An `int[3]` argument as its grad_fn keeps it: a single int stands for three.
    private static func asGiven(_ list: [Int]) -> [Int] { list.count == 1 ? Array(repeating: list[0], count: 3) : list }

    /// `F.avg_pool3d(self, kernel_size, stride, padding, ceil_mode, count_include_pad,
    /// divisor_override)` (AvgPool3DBackward0, saving self and keeping its arguments).
    public func avgPool3d(
        kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0], ceilMode: Bool = false,
        countIncludePad: Bool = true, divisorOverride: Int? = nil
    ) throws -> Tensor {
        let k = try Self.triple(kernelSize, "avg_pool3d: kernel_size must be a single int, or a tuple of three ints")
        let s = try Self.triple(
            stride, "avg_pool3d: stride must be omitted, a single int, or a tuple of three ints", default: k)
        let p = try Self.triple(padding, "avg_pool3d: padding must be a single int, or a tuple of three ints")
        try requireVolumes()
        if let divisorOverride, divisorOverride == 0 { throw TorchError.runtime("divisor must be not zero") }
        let g = try poolVolume(
            "avg_pool3d()", kernel: k, stride: s, padding: p, dilation: [1, 1, 1], ceilMode: ceilMode,
            checkInputSize: true)
        try requireFloatingPoint("avg_pool3d_out_frame")
        let out = Storage.uninitialized(dtype, count: g.planes * g.outVolume)
        dtype.dispatchFloat(
            AvgPool3DVisitor(
                g: g, source: contiguousStorage(), destination: out, countIncludePad: countIncludePad,
                divisorOverride: divisorOverride, backward: false))
        let result = Tensor(storage: out, shape: Array(shape.dropLast(3)) + g.outSizes)
        let inputShape = shape
        var kept: [(name: String, value: SavedValue)] = [
            ("ceil_mode", .bool(ceilMode)), ("count_include_pad", .bool(countIncludePad))
        ]
        if let divisorOverride { kept.append(("divisor_override", .int(divisorOverride))) }
        kept += [
            ("kernel_size", .ints(Self.asGiven(kernelSize))), ("padding", .ints(Self.asGiven(padding))),
            ("stride", .ints(Self.asGiven(stride)))
        ]
        record(
            "avg_pool3d", .avgPool3DBackward0, inputs: [self], outputs: [result], saving: [.input("self", self)],
            keeping: kept
        ) { ctx in
            _ = try ctx.saved(0) // unpacking fails, as in PyTorch, once self was freed or modified in place
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                AvgPool3DVisitor(
                    g: g, source: ctx.grad.contiguousStorage(), destination: grad,
                    countIncludePad: countIncludePad, divisorOverride: divisorOverride, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }
}

extension NodeKind {
    static let avgPool3DBackward0 = NodeKind("AvgPool3DBackward0")
    static let maxPool3DWithIndicesBackward0 = NodeKind("MaxPool3DWithIndicesBackward0")
}
