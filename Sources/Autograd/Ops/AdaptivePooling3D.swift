/// Adaptive pooling over the last three dims of `[N, C, D, H, W]` or `[C, D, H, W]` inputs:
/// `F.adaptive_avg_pool3d` (AdaptiveAvgPool3DBackward0, saving self; a mean over the three dims
/// for a 1x1x1 output, as ATen computes it) and `F.adaptive_max_pool3d`
/// (AdaptiveMaxPool3DBackward0, saving self and the argmax indices), each output over its
/// `adaptiveWindow` per dim as aten/src/ATen/native/cpu/AdaptiveAvgPoolKernel.cpp and
/// AdaptiveMaxPoolKernel.cpp compute it (the sum divided by each window length in turn).
enum AdaptivePooling3DOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "adaptive_avg_pool3d(Tensor self, int[3] output_size) -> Tensor", gradFn: "AdaptiveAvgPool3DBackward0",
            exposure: [],
            samples: OpSamples(shapes: ["self": [2, 5, 4, 3]], arguments: ["output_size": .intList([3, 2, 2])]),
            forward: { try $0.tensor("self").adaptiveAvgPool3d(outputSize: $0.intList("output_size")) }),
        OpDeclaration(
            "adaptive_max_pool3d(Tensor self, int[3] output_size) -> (Tensor, Tensor)",
            gradFn: "AdaptiveMaxPool3DBackward0", exposure: [],
            // Every window holds distinct sample values: a tie has no derivative to check.
            samples: OpSamples(shapes: ["self": [2, 3, 5, 4]], arguments: ["output_size": .intList([3, 3, 2])]),
            returningTuple: {
                let r = try $0.tensor("self").adaptiveMaxPool3d(outputSize: $0.intList("output_size"))
                return [r.values, r.indices]
            })
    ]
}

/// The sizes of an adaptive 3-D pooling: `planes` volumes of `inSizes` pooled to `outSizes`.
private struct AdaptiveVolume {
    let planes: Int, inSizes: [Int], outSizes: [Int]
    var inVolume: Int { inSizes.reduce(1, *) }
    var outVolume: Int { outSizes.reduce(1, *) }

    /// Calls `body(output, windows)` for each output of a volume in order, with its window per dim.
    @inline(__always)
    func forEachWindow(_ body: (Int, (Int, Int), (Int, Int), (Int, Int)) -> Void) {
        var o = 0
        for od in 0..<outSizes[0] {
            let dw = adaptiveWindow(od, input: inSizes[0], output: outSizes[0])
            for oh in 0..<outSizes[1] {
                let hw = adaptiveWindow(oh, input: inSizes[1], output: outSizes[1])
                for ow in 0..<outSizes[2] {
                    body(o, dw, hw, adaptiveWindow(ow, input: inSizes[2], output: outSizes[2]))
                    o += 1
                }
            }
        }
    }
}

/// Adaptive average pooling forward or backward (`sum / kd / kh / kw`, the gradient share
/// `grad / kd / kh / kw`).
private struct AdaptiveAvgPool3DVisitor: FloatVisitor {
    let g: AdaptiveVolume, source: Storage, destination: Storage, backward: Bool
    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        let (inH, inW) = (g.inSizes[1], g.inSizes[2])
        if backward { d.initialize(repeating: 0, count: g.planes * g.inVolume) }
        for p in 0..<g.planes {
            let volume = p * g.inVolume
            let outputs = p * g.outVolume
            g.forEachWindow { o, dw, hw, ww in
                let (kd, kh, kw) = (T(dw.1 - dw.0), T(hw.1 - hw.0), T(ww.1 - ww.0))
                if backward {
                    let share = s[outputs + o] / kd / kh / kw
                    for id in dw.0..<dw.1 {
                        for ih in hw.0..<hw.1 { for iw in ww.0..<ww.1 { d[volume + (id * inH + ih) * inW + iw] += share } }
                    }
                } else {
                    var sum: T = 0
                    for id in dw.0..<dw.1 {
                        for ih in hw.0..<hw.1 { for iw in ww.0..<ww.1 { sum += s[volume + (id * inH + ih) * inW + iw] } }
                    }
                    d[outputs + o] = sum / kd / kh / kw
                }
            }
        }
    }
}

/// Adaptive max pooling forward: per output the first maximum (or NaN) of its window, and its
/// index within the input volume.
private struct AdaptiveMaxPool3DVisitor: FloatVisitor {
    let g: AdaptiveVolume, input: Storage, out: Storage, indices: Storage
    func visit<T: FloatElement>(_ type: T.Type) {
        let x = input.pointer(T.self)
        let y = out.pointer(T.self)
        let idx = indices.pointer(Int64.self)
        let (inH, inW) = (g.inSizes[1], g.inSizes[2])
        for p in 0..<g.planes {
            let volume = x + p * g.inVolume
            let outputs = p * g.outVolume
            g.forEachWindow { o, dw, hw, ww in
                var best = (dw.0 * inH + hw.0) * inW + ww.0
                var value = -T.infinity
                for id in dw.0..<dw.1 {
                    for ih in hw.0..<hw.1 {
                        for iw in ww.0..<ww.1 {
                            let at = (id * inH + ih) * inW + iw
                            let v = volume[at]
                            if v > value || v.isNaN { (value, best) = (v, at) }
                        }
                    }
                }
                y[outputs + o] = value
                idx[outputs + o] = Int64(best)
            }
        }
    }
}

extension Tensor {
    /// ATen's checks of a 3-D adaptive pooling named `name`: 4-D or 5-D input (`rankMessage`
    /// given the sizes), non-empty past the batch dim.
    private func checkedAdaptiveVolume(_ name: String, rankMessage: String) throws {
        guard dim == 4 || dim == 5 else {
            throw TorchError.runtime("\(rankMessage)[\(shape.map(String.init).joined(separator: ", "))]")
        }
        for d in 1..<dim where shape[d] == 0 {
            throw TorchError.runtime(
                "\(name)(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [\(shape.map(String.init).joined(separator: ", "))] with dimension \(d) being empty"
            )
        }
    }

    /// `F.adaptive_avg_pool3d(self, output_size)` (AdaptiveAvgPool3DBackward0, saves self; a
    /// 1x1x1 output is `mean` over the last three dims, MeanBackward1).
    public func adaptiveAvgPool3d(outputSize: [Int]) throws -> Tensor {
        guard outputSize.count == 3 || outputSize.count == 1 else {
            throw TorchError.runtime("adaptive_avg_pool3d: output_size must be 3")
        }
        let o = outputSize.count == 1 ? Array(repeating: outputSize[0], count: 3) : outputSize
        guard o.allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime(
                "adaptive_avg_pool3d: elements of output_size must be greater than or equal to 0 but received {\(o[0]), \(o[1]),\(o[2])}"
            )
        }
        if o == [1, 1, 1] { return try mean(dims: [-1, -2, -3], keepdim: true) }
        try checkedAdaptiveVolume("adaptive_avg_pool3d", rankMessage: "adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got ")
        try requireFloatingPoint("adaptive_avg_pool3d_cpu")
        let g = AdaptiveVolume(planes: shape.dropLast(3).reduce(1, *), inSizes: Array(shape.suffix(3)), outSizes: o)
        let out = Storage.uninitialized(dtype, count: g.planes * g.outVolume)
        dtype.dispatchFloat(AdaptiveAvgPool3DVisitor(g: g, source: contiguousStorage(), destination: out, backward: false))
        let result = Tensor(storage: out, shape: Array(shape.dropLast(3)) + o)
        let inputShape = shape
        record(
            "adaptive_avg_pool3d", .adaptiveAvgPool3DBackward0, inputs: [self], outputs: [result],
            saving: [.input("self", self)]
        ) { ctx in
            _ = try ctx.saved(0) // unpacking fails, as in PyTorch, once self was freed or modified in place
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                AdaptiveAvgPool3DVisitor(g: g, source: ctx.grad.contiguousStorage(), destination: grad, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }

    /// `F.adaptive_max_pool3d(self, output_size, return_indices=True)`: the pooled values
    /// (AdaptiveMaxPool3DBackward0) and the int64 index of each maximum within its `D x H x W`
    /// input volume.
    public func adaptiveMaxPool3d(outputSize: [Int]) throws -> (values: Tensor, indices: Tensor) {
        try checkedAdaptiveVolume(
            "adaptive_max_pool3d", rankMessage: "adaptive_max_pool3d(): Expected 4D or 5D tensor, but got: ")
        let o = outputSize.count == 1 ? Array(repeating: outputSize[0], count: 3) : outputSize
        guard o.count == 3 else {
            throw TorchError.runtime("adaptive_max_pool3d(): internal error: output_size.size() must be 3")
        }
        let outShape = Array(shape.dropLast(3)) + o
        if let negative = o.first(where: { $0 < 0 }) {
            throw TorchError.runtime(
                "Trying to create tensor with negative dimension \(negative): [\(outShape.map(String.init).joined(separator: ", "))]"
            )
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"adaptive_max_pool3d_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let g = AdaptiveVolume(planes: shape.dropLast(3).reduce(1, *), inSizes: Array(shape.suffix(3)), outSizes: o)
        return volumeMaxPooling(
            "adaptive_max_pool3d", .adaptiveMaxPool3DBackward0, planes: g.planes, inVolume: g.inVolume, outSizes: o
        ) { AdaptiveMaxPool3DVisitor(g: g, input: $0, out: $1, indices: $2) }
    }
}

extension NodeKind {
    static let adaptiveAvgPool3DBackward0 = NodeKind("AdaptiveAvgPool3DBackward0")
    static let adaptiveMaxPool3DBackward0 = NodeKind("AdaptiveMaxPool3DBackward0")
}
