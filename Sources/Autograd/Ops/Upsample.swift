/// Nearest-neighbour upsampling of `[N, C, H, W]` inputs (`torch._C._nn.upsample_nearest2d`,
/// what `F.interpolate(mode="nearest")` and `nn.Upsample` call; UpsampleNearest2DBackward0),
/// with aten's source-index rule (UpSample.h `nearest_idx`) and a backward that adds each
/// output gradient into its source in output order, as the CPU kernel does.
enum UpsampleOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "upsample_nearest2d(Tensor self, int[2] output_size, float? scales_h=None, float? scales_w=None) -> Tensor",
            gradFn: "UpsampleNearest2DBackward0", exposure: [],
            samples: OpSamples(shapes: ["self": [1, 2, 2, 3]], arguments: ["output_size": .intList([4, 5])]),
            forward: {
                try $0.tensor("self").upsampleNearest2d(
                    outputSize: $0.intList("output_size"), scales: [$0.optionalDouble("scales_h"), $0.optionalDouble("scales_w")])
            })
    ]
}

/// aten's `nearest_idx`: the input row or column an output index reads.
private func nearestSource(_ index: Int, input: Int, output: Int, scale: Double?) -> Int {
    if output == input { return index }
    if output == 2 * input { return index >> 1 }
    let s: Float = scale.map { $0 > 0 ? Float(1.0 / $0) : Float(input) / Float(output) } ?? Float(input) / Float(output)
    return min(Int((Float(index) * s).rounded(.down)), input - 1)
}

/// Copies (forward) or accumulates back (backward) along precomputed source indices.
private struct NearestVisitor: FloatVisitor {
    let planes: Int, inH: Int, inW: Int, rows: [Int], columns: [Int]
    let source: Storage, destination: Storage, backward: Bool
    func visit<T: FloatElement>(_ type: T.Type) {
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if backward { d.initialize(repeating: 0, count: planes * inH * inW) }
        var o = 0
        for p in 0..<planes {
            for ih in rows {
                for iw in columns {
                    let i = p * inH * inW + ih * inW + iw
                    if backward { d[i] += s[o] } else { d[o] = s[i] }
                    o += 1
                }
            }
        }
    }
}

extension Tensor {
    /// PyTorch's checks shared by the 2-D upsampling ops (`upsample_2d_common_check`): a
    /// non-empty 4-D input and two positive output sizes.
    func checkUpsample2dSizes(_ outputSize: [Int]) throws {
        guard dim == 4, numel > 0 else {
            throw TorchError.runtime(
                "Non-empty 4D data tensor expected but got a tensor with sizes [\(shape.map(String.init).joined(separator: ", "))]"
            )
        }
        guard outputSize.count == 2 else {
            throw TorchError.runtime("It is expected output_size equals to 2, but got size \(outputSize.count)")
        }
        guard outputSize.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime(
                "Input and output sizes should be greater than 0, but got input (H: \(shape[2]), W: \(shape[3])) output (H: \(outputSize[0]), W: \(outputSize[1]))"
            )
        }
    }

    /// `upsample_nearest2d(self, output_size, scales_h, scales_w)` (UpsampleNearest2DBackward0);
    /// the scales, when given, pick the source indices instead of the size ratio.
    public func upsampleNearest2d(outputSize: [Int], scales: [Double?] = [nil, nil]) throws -> Tensor {
        try checkUpsample2dSizes(outputSize)
        try requireFloatingPoint("upsample_nearest2d_out_frame")
        let (inH, inW) = (shape[2], shape[3])
        let planes = shape[0] * shape[1]
        let rows = (0..<outputSize[0]).map { nearestSource($0, input: inH, output: outputSize[0], scale: scales[0]) }
        let columns = (0..<outputSize[1]).map { nearestSource($0, input: inW, output: outputSize[1], scale: scales[1]) }
        let out = Storage.uninitialized(dtype, count: planes * outputSize[0] * outputSize[1])
        dtype.dispatchFloat(
            NearestVisitor(
                planes: planes, inH: inH, inW: inW, rows: rows, columns: columns, source: contiguousStorage(),
                destination: out, backward: false))
        let result = Tensor(storage: out, shape: Array(shape.prefix(2)) + outputSize)
        let inputShape = shape
        record("upsample_nearest2d", .upsampleNearest2DBackward0, inputs: [self], outputs: [result]) { ctx in
            let grad = Storage.uninitialized(ctx.grad.dtype, count: inputShape.reduce(1, *))
            ctx.grad.dtype.dispatchFloat(
                NearestVisitor(
                    planes: planes, inH: inH, inW: inW, rows: rows, columns: columns,
                    source: ctx.grad.contiguousStorage(), destination: grad, backward: true))
            return [Tensor(storage: grad, shape: inputShape)]
        }
        return result
    }
}

extension NodeKind {
    static let upsampleNearest2DBackward0 = NodeKind("UpsampleNearest2DBackward0")
}
