/// Adaptive max pooling (`adaptive_max_pool2d`, AdaptiveMaxPool2DBackward0, saving self and the
/// argmax indices; aten/src/ATen/native/cpu/AdaptiveMaxPoolKernel.cpp) and the 1-D adaptive
/// poolings, which ATen computes as the 2-D ones over `unsqueeze(-2)` and squeezes back
/// (SqueezeBackward1 over the 2-D op's node).
enum AdaptivePoolingOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "adaptive_max_pool2d(Tensor self, int[2] output_size) -> (Tensor, Tensor)",
            gradFn: "AdaptiveMaxPool2DBackward0", exposure: [],
            samples: OpSamples(shapes: ["self": [1, 3, 4]], arguments: ["output_size": .intList([2, 3])]),
            returningTuple: {
                let r = try $0.tensor("self").adaptiveMaxPool2d(outputSize: $0.intList("output_size"))
                return [r.values, r.indices]
            }),
        OpDeclaration(
            "adaptive_max_pool1d(Tensor self, int[1] output_size) -> (Tensor, Tensor)", gradFn: "SqueezeBackward1",
            exposure: [.torch],
            samples: OpSamples(shapes: ["self": [2, 5]], arguments: ["output_size": .intList([3])]),
            returningTuple: {
                let r = try $0.tensor("self").adaptiveMaxPool1d(outputSize: $0.intList("output_size"))
                return [r.values, r.indices]
            }),
        OpDeclaration(
            "adaptive_avg_pool1d(Tensor self, int[1] output_size) -> Tensor", gradFn: "SqueezeBackward1",
            exposure: [.torch, .functional],
            samples: OpSamples(shapes: ["self": [2, 7]], arguments: ["output_size": .intList([3])]),
            forward: { try $0.tensor("self").adaptiveAvgPool1d(outputSize: $0.intList("output_size")) })
    ]
}

/// Adaptive max pooling forward over each `adaptiveWindow`: the first
/// maximum (or NaN) in row-major order, its index within the plane.
private struct AdaptiveMaxPoolVisitor: FloatVisitor {
    let planes: Int, inH: Int, inW: Int, outH: Int, outW: Int
    let input: Storage, out: Storage, indices: Storage
    func visit<T: FloatElement>(_ type: T.Type) {
        let x = input.pointer(T.self)
        let y = out.pointer(T.self)
        let idx = indices.pointer(Int64.self)
        for p in 0..<planes {
            let plane = x + p * inH * inW
            for oh in 0..<outH {
                let (hs, he) = adaptiveWindow(oh, input: inH, output: outH)
                for ow in 0..<outW {
                    let (ws, we) = adaptiveWindow(ow, input: inW, output: outW)
                    var best = hs * inW + ws
                    var value = -T.infinity
                    for ih in hs..<he {
                        for iw in ws..<we {
                            let v = plane[ih * inW + iw]
                            if v > value || v.isNaN { (value, best) = (v, ih * inW + iw) }
                        }
                    }
                    let o = p * outH * outW + oh * outW + ow
                    y[o] = value
                    idx[o] = Int64(best)
                }
            }
        }
    }
}

extension Tensor {
    /// `adaptive_max_pool2d(self, output_size)`: the pooled values (AdaptiveMaxPool2DBackward0)
    /// and the int64 index of each maximum within its `H x W` input plane.
    public func adaptiveMaxPool2d(outputSize: [Int]) throws -> (values: Tensor, indices: Tensor) {
        guard dim == 3 || dim == 4 else {
            throw TorchError.runtime(
                "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [\(shape.map(String.init).joined(separator: ", "))]")
        }
        for d in 1..<dim where shape[d] == 0 {
            throw TorchError.runtime(
                "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [\(shape.map(String.init).joined(separator: ", "))] with dimension \(d) being empty"
            )
        }
        guard outputSize.count == 2 else {
            throw TorchError.runtime("adaptive_max_pool2d(): internal error: output_size.size() must be 2")
        }
        let outShape = Array(shape.dropLast(2)) + outputSize
        if let negative = outputSize.first(where: { $0 < 0 }) {
            throw TorchError.runtime(
                "Trying to create tensor with negative dimension \(negative): [\(outShape.map(String.init).joined(separator: ", "))]"
            )
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"adaptive_max_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let planes = shape.dropLast(2).reduce(1, *)
        let (inH, inW, outH, outW) = (shape[dim - 2], shape[dim - 1], outputSize[0], outputSize[1])
        let count = planes * outH * outW
        let out = Storage.uninitialized(dtype, count: count)
        let indexStorage = Storage.uninitialized(.int64, count: count)
        dtype.dispatchFloat(
            AdaptiveMaxPoolVisitor(
                planes: planes, inH: inH, inW: inW, outH: outH, outW: outW, input: contiguousStorage(), out: out,
                indices: indexStorage))
        let result = Tensor(storage: out, shape: outShape)
        let indices = Tensor(storage: indexStorage, shape: outShape)
        recordMaxPooling(
            "adaptive_max_pool2d", .adaptiveMaxPool2DBackward0, result: result, indices: indices, planes: planes,
            inPlane: inH * inW, outPlane: outH * outW)
        return (result, indices)
    }

    /// `torch.adaptive_max_pool1d(self, output_size)`: `adaptive_max_pool2d` over
    /// `unsqueeze(-2)` with output `[1, output_size]`, values and indices squeezed back.
    public func adaptiveMaxPool1d(outputSize: [Int]) throws -> (values: Tensor, indices: Tensor) {
        let size = try checkedPool1d("adaptive_max_pool1d", outputSize)
        let pooled = try unsqueeze(-2).adaptiveMaxPool2d(outputSize: [1, size])
        return (try pooled.values.squeeze(-2), try pooled.indices.squeeze(-2))
    }

    /// `torch.adaptive_avg_pool1d(self, output_size)`: `adaptive_avg_pool2d` over
    /// `unsqueeze(-2)` with output `[1, output_size]`, squeezed back.
    public func adaptiveAvgPool1d(outputSize: [Int]) throws -> Tensor {
        let size = try checkedPool1d("adaptive_avg_pool1d", outputSize)
        return try unsqueeze(-2).adaptiveAvgPool2d(outputSize: [1, size]).squeeze(-2)
    }

    /// ATen's checks of a 1-D adaptive pooling: a 2-D or 3-D input, non-empty past the batch
    /// dim, one output size.
    private func checkedPool1d(_ name: String, _ outputSize: [Int]) throws -> Int {
        guard outputSize.count == 1 else {
            throw TorchError.runtime("\(name)() argument 'output_size' should contain one int (got \(outputSize.count))")
        }
        guard dim == 2 || dim == 3 else {
            throw TorchError.runtime(
                "Expected 2 to 3 dimensions, but got \(dim)-dimensional tensor for argument #1 'self' (while checking arguments for \(name))"
            )
        }
        return outputSize[0]
    }
}

extension NodeKind {
    static let adaptiveMaxPool2DBackward0 = NodeKind("AdaptiveMaxPool2DBackward0")
}
