/// `F.conv_transpose1d` / `conv_transpose2d` (ConvolutionBackward0, saving input and weight): the adjoint of a
/// convolution. With the geometry of the convolution that maps the transposed output back to
/// the input (weight `[in, out / groups, kH, kW]` is that convolution's weight), the forward is
/// that convolution's input gradient (`col2im(weight^T @ x)`) plus bias, and the backward is its
/// forward (for the input) and its weight gradient (with the roles of input and gradient
/// swapped). Values agree with PyTorch's oneDNN kernels to float32 rounding.
enum ConvTransposeOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "conv_transpose1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=[1], int[1] padding=[0], int[1] output_padding=[0], int groups=1, int[1] dilation=[1]) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 4, 5], "weight": [4, 1, 3], "bias": [2]],
                arguments: [
                    "stride": .intList([2]), "padding": .intList([1]), "output_padding": .intList([1]), "groups": .int(2)
                ]),
            forward: {
                try Tensor.convTranspose1d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: $0.intList("padding"),
                    outputPadding: $0.intList("output_padding"), groups: $0.int("groups"),
                    dilation: $0.intList("dilation"))
            }),
        OpDeclaration(
            "conv_transpose2d.input(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=[1], int[2] padding=[0], int[2] output_padding=[0], int groups=1, int[2] dilation=[1]) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 4, 3, 4], "weight": [4, 1, 2, 3], "bias": [2]],
                arguments: [
                    "stride": .intList([2, 1]), "padding": .intList([1, 0]), "output_padding": .intList([1, 0]),
                    "groups": .int(2)
                ]),
            forward: {
                try Tensor.convTranspose2d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: $0.intList("padding"),
                    outputPadding: $0.intList("output_padding"), groups: $0.int("groups"),
                    dilation: $0.intList("dilation"))
            })
    ]
}

extension Tensor {
    /// `F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)`
    /// on `[N, C, H, W]` or unbatched `[C, H, W]` input (ConvolutionBackward0).
    public static func convTranspose2d(
        _ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1], padding: [Int] = [0],
        outputPadding: [Int] = [0], groups: Int = 1, dilation: [Int] = [1]
    ) throws -> Tensor {
        try transposedConvolution(
            input, weight, bias: bias, spatialDims: 2, stride: stride, padding: padding, outputPadding: outputPadding,
            groups: groups, dilation: dilation)
    }

    /// `F.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)`
    /// on `[N, C, L]` or unbatched `[C, L]` input (ConvolutionBackward0): a transposed
    /// convolution of height 1, as ATen computes it.
    public static func convTranspose1d(
        _ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1], padding: [Int] = [0],
        outputPadding: [Int] = [0], groups: Int = 1, dilation: [Int] = [1]
    ) throws -> Tensor {
        try transposedConvolution(
            input, weight, bias: bias, spatialDims: 1, stride: stride, padding: padding, outputPadding: outputPadding,
            groups: groups, dilation: dilation)
    }

    /// The transposed convolution over the last `k` (1 or 2) dims, with PyTorch's checks in its
    /// order; a 1-D one runs as a 2-D one of height 1.
    private static func transposedConvolution(
        _ input: Tensor, _ weight: Tensor, bias: Tensor?, spatialDims k: Int, stride: [Int], padding: [Int],
        outputPadding: [Int], groups: Int, dilation: [Int]
    ) throws -> Tensor {
        guard input.dim == k + 1 || input.dim == k + 2 else {
            throw TorchError.runtime(
                "Expected \(k + 1)D (unbatched) or \(k + 2)D (batched) input to conv_transpose\(k)d, but got input of size: [\(input.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        guard weight.dim == k + 2 else { throw TorchError.runtime("weight should have at least three dimensions") }
        // As 2-D lists: a 1-D transposed convolution has height 1 (kernel 1, stride 1, no padding).
        func planar(_ list: [Int], _ name: String, height: Int) throws -> [Int] {
            let values = try expanded(list, k, name)
            return k == 2 ? values : [height, values[0]]
        }
        let stride = try planar(stride, "stride", height: 1)
        let padding = try planar(padding, "padding", height: 0)
        let outputPadding = try planar(outputPadding, "output_padding", height: 0)
        let dilation = try planar(dilation, "dilation", height: 1)
        guard groups > 0 else { throw TorchError.runtime("non-positive groups is not supported") }
        guard stride.allSatisfy({ $0 > 0 }) else { throw TorchError.runtime("non-positive stride is not supported") }
        guard padding.allSatisfy({ $0 >= 0 }) else { throw TorchError.runtime("negative padding is not supported") }
        guard (0..<2).allSatisfy({ outputPadding[$0] < stride[$0] || outputPadding[$0] < dilation[$0] }) else {
            throw TorchError.runtime(
                "output padding must be smaller than either stride or dilation, but got output_padding_height: \(outputPadding[0]) output_padding_width: \(outputPadding[1]) stride_height: \(stride[0]) stride_width: \(stride[1]) dilation_height: \(dilation[0]) dilation_width: \(dilation[1])"
            )
        }
        let batched = input.dim == k + 2
        let xShape = batched ? input.shape : [1] + input.shape
        let inSpatial = k == 2 ? [xShape[2], xShape[3]] : [1, xShape[2]]
        let kernel = k == 2 ? [weight.shape[2], weight.shape[3]] : [1, weight.shape[2]]
        let weightShape = weight.shape.map(String.init).joined(separator: ", ")
        guard xShape[1] == weight.shape[0] else {
            throw TorchError.runtime(
                "Given transposed=1, weight of size [\(weightShape)], expected input[\(xShape.map(String.init).joined(separator: ", "))] to have \(weight.shape[0]) channels, but got \(xShape[1]) channels instead"
            )
        }
        let outChannels = weight.shape[1] * groups
        if let bias, bias.shape != [outChannels] {
            throw TorchError.runtime(
                "Given transposed=1, weight of size [\(weightShape)], expected bias to be 1-dimensional with \(outChannels) elements, but got bias of size [\(bias.shape.map(String.init).joined(separator: ", "))] instead"
            )
        }
        let outSpatial = (0..<2).map { (d: Int) -> Int in
            let reach: Int = dilation[d] * (kernel[d] - 1) + outputPadding[d] + 1
            return (inSpatial[d] - 1) * stride[d] - 2 * padding[d] + reach
        }
        guard outSpatial.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("Output size is too small")
        }
        let dt = resultType([input, weight] + (bias.map { [$0] } ?? []))
        guard dt.isFloatingPoint, input.dtype == weight.dtype, bias.map({ $0.dtype == weight.dtype }) ?? true else {
            throw TorchError.runtime(
                "Input type (\(input.dtype.scalarTypeName)) and weight type (\(weight.dtype.scalarTypeName)) should be the same")
        }
        // The convolution from the transposed output `[N, outChannels, outSpatial]` back to the input.
        let geometry = ConvGeometry(
            batch: xShape[0], inChannels: outChannels, height: outSpatial[0], width: outSpatial[1],
            outChannels: weight.shape[0], kernelH: kernel[0], kernelW: kernel[1],
            stride: (stride[0], stride[1]), padTop: padding[0], padLeft: padding[1],
            padBottom: padding[0], padRight: padding[1], dilation: (dilation[0], dilation[1]), groups: groups)
        let outShape = (batched ? [xShape[0]] : []) + [outChannels] + (k == 2 ? outSpatial : [outSpatial[1]])
        return try runConvolution(TransposedConvolution(geometry: geometry), input, weight, bias, dtype: dt, outShape: outShape)
    }
}

/// The transposed convolution through the kernels of the convolution `geometry` describes.
private struct TransposedConvolution: ConvolutionKernels {
    let geometry: ConvGeometry

    /// `geometry`'s input gradient for the gradient `input`, plus bias per output channel.
    func forward<T: BLASElement>(_: T.Type, input: Storage, weight: Storage, bias: Storage?, out: Storage) {
        let g = geometry
        convolutionBackward(
            T.self, g, grad: input, input: input, weight: weight, gradInput: out, gradWeight: nil, gradBias: nil)
        guard let bias else { return }
        let y = out.pointer(T.self)
        let b = bias.pointer(T.self)
        let plane = g.height * g.width
        for n in 0..<g.batch {
            for c in 0..<g.inChannels {
                let o = y + (n * g.inChannels + c) * plane
                for p in 0..<plane { o[p] += b[c] }
            }
        }
    }

    /// `geometry`'s convolution of the output gradient (the input's gradient), its weight
    /// gradient with the input as the convolution's output gradient, and the per-channel sums.
    func backward<T: BLASElement>(
        _: T.Type, grad: Storage, input: Storage, weight: Storage, gradInput: Storage?, gradWeight: Storage?,
        gradBias: Storage?
    ) {
        let g = geometry
        if let gradInput { convolutionForward(T.self, g, input: grad, weight: weight, bias: nil, out: gradInput) }
        if let gradWeight {
            convolutionBackward(
                T.self, g, grad: input, input: grad, weight: weight, gradInput: nil, gradWeight: gradWeight, gradBias: nil)
        }
        if let gradBias {
            channelSums(grad.pointer(T.self), batch: g.batch, channels: g.inChannels, plane: g.height * g.width, into: gradBias)
        }
    }
}
