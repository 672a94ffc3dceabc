/// Pooling over the last two dims of `[N, C, H, W]` or `[C, H, W]` inputs: `F.max_pool2d`
/// (MaxPool2DWithIndicesBackward0, saving self and the argmax indices), `F.avg_pool2d`
/// (AvgPool2DBackward0) and `F.adaptive_avg_pool2d` (AdaptiveAvgPool2DBackward0; a mean for a
/// 1x1 output), with
/// PyTorch's CPU kernels' window rules, accumulation in the input's dtype and division order
/// (aten/src/ATen/native/cpu/MaxPoolKernel.cpp, AvgPoolKernel.cpp, AdaptiveAvgPoolKernel.cpp).
enum PoolingOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=[0], int[2] dilation=[1], bool ceil_mode=False) -> Tensor",
            gradFn: "MaxPool2DWithIndicesBackward0", exposure: [.torch, .functional],
            samples: OpSamples(shapes: ["self": [2, 4, 5]], arguments: ["kernel_size": .intList([2]), "ceil_mode": .bool(true)]),
            forward: {
                try $0.tensor("self").maxPool2d(
                    kernelSize: $0.intList("kernel_size"), stride: $0.intList("stride"),
                    padding: $0.intList("padding"), dilation: $0.intList("dilation"),
                    ceilMode: $0.bool("ceil_mode"))
            }),
        OpDeclaration(
            "avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=[0], bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None) -> Tensor",
            gradFn: "AvgPool2DBackward0", exposure: [.functional],
            samples: OpSamples(
                shapes: ["self": [2, 5, 4]],
                arguments: [
                    "kernel_size": .intList([3, 2]), "padding": .intList([1]),
                    "stride": .intList([2])
                ]),
            forward: {
                try $0.tensor("self").avgPool2d(
                    kernelSize: $0.intList("kernel_size"), stride: $0.intList("stride"),
                    padding: $0.intList("padding"), ceilMode: $0.bool("ceil_mode"),
                    countIncludePad: $0.bool("count_include_pad"),
                    divisorOverride: $0.optionalInt("divisor_override"))
            }),
        OpDeclaration(
            "adaptive_avg_pool2d(Tensor self, int[2] output_size) -> Tensor", gradFn: "AdaptiveAvgPool2DBackward0",
            exposure: [.functional],
            samples: OpSamples(shapes: ["self": [2, 5, 4]], arguments: ["output_size": .intList([3, 2])]),
            forward: { try $0.tensor("self").adaptiveAvgPool2d(outputSize: $0.intList("output_size")) })
    ]
}

/// One spatial dim of a pooling window: input size, kernel, stride, padding, dilation, output size.
struct PoolDim {
    let size: Int, kernel: Int, stride: Int, pad: Int, dilation: Int, out: Int

    /// `pooling_output_shape`: floor or ceil division, and with ceil_mode the last window must
    /// start inside the input or its left padding.
    init(size: Int, kernel: Int, stride: Int, pad: Int, dilation: Int, ceilMode: Bool) {
        let span = size + 2 * pad - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0)
        var out = (span >= 0 ? span / stride : -((-span + stride - 1) / stride)) + 1
        if ceilMode && (out - 1) * stride >= size + pad { out -= 1 }
        (self.size, self.kernel, self.stride, self.pad, self.dilation, self.out) = (size, kernel, stride, pad, dilation, out)
    }
}

/// The pooled planes of an input: `planes` planes of `h.size x w.size`.
private struct PoolGeometry {
    let planes: Int, h: PoolDim, w: PoolDim
    var inPlane: Int { h.size * w.size }
    var outPlane: Int { h.out * w.out }
}

private struct MaxPoolVisitor: FloatVisitor {
    let g: PoolGeometry, input: Storage, out: Storage, indices: Storage
    func visit<T: FloatElement>(_ type: T.Type) {
        let x = input.pointer(T.self)
        let y = out.pointer(T.self)
        let idx = indices.pointer(Int64.self)
        for p in 0..<g.planes {
            let plane = x + p * g.inPlane
            for oh in 0..<g.h.out {
                var hs = oh * g.h.stride - g.h.pad
                let he = Swift.min(hs + (g.h.kernel - 1) * g.h.dilation + 1, g.h.size)
                while hs < 0 { hs += g.h.dilation }
                for ow in 0..<g.w.out {
                    var ws = ow * g.w.stride - g.w.pad
                    let we = Swift.min(ws + (g.w.kernel - 1) * g.w.dilation + 1, g.w.size)
                    while ws < 0 { ws += g.w.dilation }
                    var best = hs * g.w.size + ws
                    var value = -T.infinity
                    for ih in stride(from: hs, to: he, by: g.h.dilation) {
                        for iw in stride(from: ws, to: we, by: g.w.dilation) {
                            let v = plane[ih * g.w.size + iw]
                            if v > value || v.isNaN { (value, best) = (v, ih * g.w.size + iw) }
                        }
                    }
                    y[p * g.outPlane + oh * g.w.out + ow] = value
                    idx[p * g.outPlane + oh * g.w.out + ow] = Int64(best)
                }
            }
        }
    }
}

/// Average pooling forward (`backward: false`) or its adjoint on a gradient (`backward: true`).
private struct AvgPoolVisitor: FloatVisitor {
    let g: PoolGeometry, source: Storage, destination: Storage
    let countIncludePad: Bool, divisorOverride: Int?, backward: Bool
    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward { d.initialize(repeating: 0, count: g.planes * g.inPlane) }
        for p in 0..<g.planes {
            for oh in 0..<g.h.out {
                var hs = oh * g.h.stride - g.h.pad
                var he = Swift.min(hs + g.h.kernel, g.h.size + g.h.pad)
                let paddedH = he - hs
                hs = Swift.max(hs, 0)
                he = Swift.min(he, g.h.size)
                for ow in 0..<g.w.out {
                    var ws = ow * g.w.stride - g.w.pad
                    var we = Swift.min(ws + g.w.kernel, g.w.size + g.w.pad)
                    let paddedW = we - ws
                    ws = Swift.max(ws, 0)
                    we = Swift.min(we, g.w.size)
                    let o = p * g.outPlane + oh * g.w.out + ow
                    guard he > hs && we > ws else {
                        if !backward { d[o] = 0 }
                        continue
                    }
                    let divisor = T(divisorOverride ?? (countIncludePad ? paddedH * paddedW : (he - hs) * (we - ws)))
                    if backward {
                        let share = s[o] / divisor
                        for ih in hs..<he { for iw in ws..<we { d[p * g.inPlane + ih * g.w.size + iw] += share } }
                    } else {
                        var sum: T = 0
                        for ih in hs..<he { for iw in ws..<we { sum += s[p * g.inPlane + ih * g.w.size + iw] } }
                        d[o] = sum / divisor
                    }
                }
            }
        }
    }
}

/// Output `o`'s window of an adaptive pooling of `input` values into `output`:
/// `[floor(o * input / output), ceil((o + 1) * input / output))` (ATen's start_index/end_index).
@inline(__always)
func adaptiveWindow(_ o: Int, input: Int, output: Int) -> (start: Int, end: Int) {
    (o * input / output, ((o + 1) * input + output - 1) / output)
}

/// Adaptive average pooling forward or backward over each `adaptiveWindow`.
private struct AdaptiveAvgPoolVisitor: FloatVisitor {
    let planes: Int, inH: Int, inW: Int, outH: Int, outW: Int
    let source: Storage, destination: Storage, backward: Bool
    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward { d.initialize(repeating: 0, count: planes * inH * inW) }
        for p in 0..<planes {
            for oh in 0..<outH {
                let (hs, he) = adaptiveWindow(oh, input: inH, output: outH)
                for ow in 0..<outW {
                    let (ws, we) = adaptiveWindow(ow, input: inW, output: outW)
                    let (kh, kw) = (T(he - hs), T(we - ws))
                    let o = p * outH * outW + oh * outW + ow
                    if backward {
                        let share = s[o] / kh / kw
                        for ih in hs..<he { for iw in ws..<we { d[p * inH * inW + ih * inW + iw] += share } }
                    } else {
                        var sum: T = 0
                        for ih in hs..<he { for iw in ws..<we { sum += s[p * inH * inW + ih * inW + iw] } }
                        d[o] = sum / kh / kw
                    }
                }
            }
        }
    }
}

/// The backward of a max pooling: each output gradient added at its maximum's index in its plane.
private struct ScatterIndicesVisitor: FloatVisitor {
    let grad: Storage, indices: Storage, destination: Storage, planes: Int, inPlane: Int, outPlane: Int
    func visit<T: FloatElement>(_ type: T.Type) {
        let g = grad.pointer(T.self)
        let idx = indices.pointer(Int64.self)
        let d = destination.pointer(T.self)
        d.initialize(repeating: 0, count: planes * inPlane)
        for p in 0..<planes {
            for o in 0..<outPlane { d[p * inPlane + Int(idx[p * outPlane + o])] += g[p * outPlane + o] }
        }
    }
}

extension Tensor {
    /// Records a max pooling that returned `result` and, per output, the index of its maximum
    /// in its input plane: the node saves the input and the indices (and keeps `kept`), and its
    /// backward adds each output gradient at its maximum's index.
    func recordMaxPooling(
        _ op: String, _ node: NodeKind, result: Tensor, indices: Tensor, planes: Int, inPlane: Int, outPlane: Int,
        keeping kept: [(name: String, value: SavedValue)] = []
    ) {
        let inputShape = shape
        record(
            op, node, inputs: [self], outputs: [result, indices],
            saving: [.input("self", self), .input("result1", indices)], keeping: kept
        ) { ctx in
            _ = try ctx.saved(0) // unpacking fails, as in PyTorch, once self was freed or modified in place
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                ScatterIndicesVisitor(
                    grad: ctx.grad.contiguousStorage(), indices: try ctx.saved(1).storage, destination: grad,
                    planes: planes, inPlane: inPlane, outPlane: outPlane))
            return [Tensor(storage: grad, shape: inputShape)]
        }
    }

    /// The 3-D or 4-D input check of the 2-D poolings, and the number of planes.
    private func poolPlanes(_ name: String) throws -> Int {
        guard (dim == 3 || dim == 4) && shape.dropFirst().allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime(
                "\(name): Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[\(shape.map(String.init).joined(separator: ", "))]"
            )
        }
        try requireFloatingPoint(name)
        return shape.dropLast(2).reduce(1, *)
    }

    /// `int[2]` values: one int repeats, an empty stride means the kernel size.
    private static func pair(_ list: [Int], _ name: String, default fallback: [Int]? = nil) throws -> [Int] {
        if list.isEmpty, let fallback { return fallback }
        if list.count == 1 { return [list[0], list[0]] }
        guard list.count == 2 else { throw TorchError.runtime("\(name) must either be a single int, or a tuple of two ints") }
        return list
    }

    /// `F.max_pool2d(self, kernel_size, stride, padding, dilation, ceil_mode)`
    /// (MaxPool2DWithIndicesBackward0).
    public func maxPool2d(
        kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0], dilation: [Int] = [1],
        ceilMode: Bool = false
    ) throws -> Tensor {
        try maxPool2dWithIndices(
            kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode
        ).values
    }

    /// `F.max_pool2d(..., return_indices=True)` (`max_pool2d_with_indices`): the pooled values
    /// (MaxPool2DWithIndicesBackward0) and the int64 index of each maximum within its `H x W`
    /// input plane, as PyTorch returns them.
    public func maxPool2dWithIndices(
        kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0], dilation: [Int] = [1],
        ceilMode: Bool = false
    ) throws -> (values: Tensor, indices: Tensor) {
        let k = try Self.pair(kernelSize, "max_pool2d: kernel_size")
        let s = try Self.pair(stride, "max_pool2d: stride", default: k)
        let p = try Self.pair(padding, "max_pool2d: padding")
        let d = try Self.pair(dilation, "max_pool2d: dilation")
        guard k.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("kernel_size should be greater than zero, but got kH: \(k[0]) kW: \(k[1])")
        }
        guard s.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("stride should be greater than zero, but got dH: \(s[0]) dW: \(s[1])")
        }
        guard d.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("dilation should be greater than zero, but got dilationH: \(d[0]) dilationW: \(d[1])")
        }
        for i in 0..<2 where p[i] > (d[i] * (k[i] - 1) + 1) / 2 {
            throw TorchError.runtime(
                "pad should be at most half of effective kernel size, but got pad=\(p[i]), kernel_size=\(k[i]) and dilation=\(d[i])"
            )
        }
        let planes = try poolPlanes("max_pool2d")
        let g = PoolGeometry(
            planes: planes,
            h: PoolDim(size: shape[dim - 2], kernel: k[0], stride: s[0], pad: p[0], dilation: d[0], ceilMode: ceilMode),
            w: PoolDim(size: shape[dim - 1], kernel: k[1], stride: s[1], pad: p[1], dilation: d[1], ceilMode: ceilMode))
        guard g.h.out > 0 && g.w.out > 0 else {
            throw TorchError.runtime(
                "Given input size: (\(shape.dropFirst(dim - 3).map(String.init).joined(separator: "x"))). Calculated output size: (\(shape[dim - 3])x\(g.h.out)x\(g.w.out)). Output size is too small"
            )
        }
        let outShape = Array(shape.dropLast(2)) + [g.h.out, g.w.out]
        let out = Storage.uninitialized(dtype, count: planes * g.outPlane)
        let indexStorage = Storage.uninitialized(.int64, count: planes * g.outPlane)
        dtype.dispatchFloat(MaxPoolVisitor(g: g, input: contiguousStorage(), out: out, indices: indexStorage))
        let result = Tensor(storage: out, shape: outShape)
        let indices = Tensor(storage: indexStorage, shape: outShape)
        recordMaxPooling(
            "max_pool2d_with_indices", .maxPool2DWithIndicesBackward0, result: result, indices: indices, planes: planes,
            inPlane: g.inPlane, outPlane: g.outPlane)
        return (result, indices)
    }

    /// `F.avg_pool2d(self, kernel_size, stride, padding, ceil_mode, count_include_pad,
    /// divisor_override)` (AvgPool2DBackward0, saves self).
    public func avgPool2d(
        kernelSize: [Int], stride: [Int] = [], padding: [Int] = [0], ceilMode: Bool = false,
        countIncludePad: Bool = true, divisorOverride: Int? = nil
    ) throws -> Tensor {
        let k = try Self.pair(kernelSize, "avg_pool2d: kernel_size")
        let s = try Self.pair(stride, "avg_pool2d: stride", default: k)
        let p = try Self.pair(padding, "avg_pool2d: padding")
        guard k.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("kernel_size should be greater than zero, but got kH: \(k[0]) kW: \(k[1])")
        }
        guard s.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("stride should be greater than zero, but got dH: \(s[0]) dW: \(s[1])")
        }
        for i in 0..<2 where p[i] > k[i] / 2 {
            throw TorchError.runtime(
                "pad should be at most half of effective kernel size, but got pad=\(p[i]), kernel_size=\(k[i]) and dilation=1")
        }
        if let divisorOverride, divisorOverride == 0 { throw TorchError.runtime("divisor must be not zero") }
        let planes = try poolPlanes("avg_pool2d")
        let g = PoolGeometry(
            planes: planes,
            h: PoolDim(size: shape[dim - 2], kernel: k[0], stride: s[0], pad: p[0], dilation: 1, ceilMode: ceilMode),
            w: PoolDim(size: shape[dim - 1], kernel: k[1], stride: s[1], pad: p[1], dilation: 1, ceilMode: ceilMode))
        guard g.h.out > 0 && g.w.out > 0 else {
            throw TorchError.runtime(
                "Given input size: (\(shape.dropFirst(dim - 3).map(String.init).joined(separator: "x"))). Calculated output size: (\(shape[dim - 3])x\(g.h.out)x\(g.w.out)). Output size is too small"
            )
        }
        let outShape = Array(shape.dropLast(2)) + [g.h.out, g.w.out]
        let out = Storage.uninitialized(dtype, count: planes * g.outPlane)
        dtype.dispatchFloat(
            AvgPoolVisitor(
                g: g, source: contiguousStorage(), destination: out, countIncludePad: countIncludePad,
                divisorOverride: divisorOverride, backward: false))
        let result = Tensor(storage: out, shape: outShape)
        let inputShape = shape
        record("avg_pool2d", .avgPool2DBackward0, inputs: [self], outputs: [result], saving: [.input("self", self)]) { ctx in
            _ = try ctx.saved(0) // unpacking fails, as in PyTorch, once self was freed or modified in place
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                AvgPoolVisitor(
                    g: g, source: ctx.grad.contiguousStorage(), destination: grad,
                    countIncludePad: countIncludePad, divisorOverride: divisorOverride, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }

    /// `F.adaptive_avg_pool2d(self, output_size)` (AdaptiveAvgPool2DBackward0, saves self).
    public func adaptiveAvgPool2d(outputSize: [Int]) throws -> Tensor {
        let o = try Self.pair(outputSize, "adaptive_avg_pool2d: output_size")
        guard o.allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime(
                "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {\(o[0]), \(o[1])}")
        }
        let planes = try poolPlanes("adaptive_avg_pool2d")
        // aten's adaptive_avg_pool2d computes a 1x1 output as a mean over H and W (MeanBackward1).
        if o == [1, 1] { return try mean(dims: [-1, -2], keepdim: true) }
        let (inH, inW) = (shape[dim - 2], shape[dim - 1])
        let outShape = Array(shape.dropLast(2)) + o
        let out = Storage.uninitialized(dtype, count: planes * o[0] * o[1])
        dtype.dispatchFloat(
            AdaptiveAvgPoolVisitor(
                planes: planes, inH: inH, inW: inW, outH: o[0], outW: o[1],
                source: contiguousStorage(), destination: out, backward: false))
        let result = Tensor(storage: out, shape: outShape)
        let inputShape = shape
        record(
            "adaptive_avg_pool2d", .adaptiveAvgPool2DBackward0, inputs: [self], outputs: [result],
            saving: [.input("self", self)]
        ) { ctx in
            _ = try ctx.saved(0) // unpacking fails, as in PyTorch, once self was freed or modified in place
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                AdaptiveAvgPoolVisitor(
                    planes: planes, inH: inH, inW: inW, outH: o[0], outW: o[1],
                    source: ctx.grad.contiguousStorage(), destination: grad, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }
}

extension NodeKind {
    static let adaptiveAvgPool2DBackward0 = NodeKind("AdaptiveAvgPool2DBackward0")
    static let avgPool2DBackward0 = NodeKind("AvgPool2DBackward0")
    static let maxPool2DWithIndicesBackward0 = NodeKind("MaxPool2DWithIndicesBackward0")
}
