/// `F.conv_transpose1d` / `conv_transpose2d` / `conv_transpose3d` (ConvolutionBackward0, saving input and weight): the adjoint of a
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
            }),
        OpDeclaration(
            "conv_transpose3d.input(Tensor input, Tensor weight, Tensor? bias=None, int[3] stride=[1], int[3] padding=[0], int[3] output_padding=[0], int groups=1, int[3] dilation=[1]) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 4, 2, 3, 2], "weight": [4, 1, 2, 2, 3], "bias": [2]],
                arguments: [
                    "stride": .intList([2, 1, 1]), "padding": .intList([1, 0, 1]),
                    "output_padding": .intList([1, 0, 0]), "groups": .int(2)
                ]),
            forward: {
                try Tensor.convTranspose3d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: $0.intList("padding"),
                    outputPadding: $0.intList("output_padding"), groups: $0.int("groups"),
                    dilation: $0.intList("dilation"))
            })
    ]
}

extension Tensor {
    /// `F.conv_transpose3d(input, weight, bias, stride, padding, output_padding, groups, dilation)`
    /// on `[N, C, D, H, W]` or unbatched `[C, D, H, W]` input (ConvolutionBackward0, keeping its
    /// arguments as PyTorch's `_saved_*` values).
    public static func convTranspose3d(
        _ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1], padding: [Int] = [0],
        outputPadding: [Int] = [0], groups: Int = 1, dilation: [Int] = [1]
    ) throws -> Tensor {
        try transposedConvolution(
            input, weight, bias: bias, spatialDims: 3, stride: stride, padding: padding, outputPadding: outputPadding,
            groups: groups, dilation: dilation)
    }

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

    /// The transposed convolution over the last `k` (1, 2 or 3) dims, with PyTorch's checks in
    /// its order; lower ranks run as 3-D ones of depth (and height) 1.
    private static func transposedConvolution(
        _ input: Tensor, _ weight: Tensor, bias: Tensor?, spatialDims k: Int, stride: [Int], padding: [Int],
        outputPadding: [Int], groups: Int, dilation: [Int]
    ) throws -> Tensor {
        guard input.dim == k + 1 || input.dim == k + 2 else {
            throw TorchError.runtime(
                "Expected \(k + 1)D (unbatched) or \(k + 2)D (batched) input to conv_transpose\(k)d, but got input of size: [\(input.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        if k == 3 && input.dim == 4 {
            // ATen batchifies unbatched input and squeezes the result (SqueezeBackward1); the
            // 1-D and 2-D transposed convolutions do not follow it yet.
            return try transposedConvolution(
                input.unsqueeze(0), weight, bias: bias, spatialDims: k, stride: stride, padding: padding,
                outputPadding: outputPadding, groups: groups, dilation: dilation
            ).squeeze(0)
        }
        guard weight.dim == k + 2 else { throw TorchError.runtime("weight should have at least three dimensions") }
        // As 3-D lists: the leading dims of lower ranks have size 1 (kernel 1, stride 1, no padding).
        func volume(_ values: [Int], filler: Int) -> [Int] { Array(repeating: filler, count: 3 - k) + values }
        let givenStride = try expanded(stride, k, "stride")
        let givenPadding = try expanded(padding, k, "padding")
        let givenOutputPadding = try expanded(outputPadding, k, "output_padding")
        let givenDilation = try expanded(dilation, k, "dilation")
        let stride = volume(givenStride, filler: 1)
        let padding = volume(givenPadding, filler: 0)
        let outputPadding = volume(givenOutputPadding, filler: 0)
        let dilation = volume(givenDilation, filler: 1)
        guard groups > 0 else { throw TorchError.runtime("non-positive groups is not supported") }
        guard stride.allSatisfy({ $0 > 0 }) else { throw TorchError.runtime("non-positive stride is not supported") }
        guard padding.allSatisfy({ $0 >= 0 }) else { throw TorchError.runtime("negative padding is not supported") }
        guard (0..<3).allSatisfy({ outputPadding[$0] < stride[$0] || outputPadding[$0] < dilation[$0] }) else {
            throw TorchError.runtime(
                k == 3
                    ? "output padding must be smaller than either stride or dilation, but got output_padding_depth: \(outputPadding[0]) output_padding_height: \(outputPadding[1]) output_padding_width: \(outputPadding[2]) stride_depth: \(stride[0]) stride_height: \(stride[1]) stride_width: \(stride[2]) dilation_depth: \(dilation[0]) dilation_height: \(dilation[1]) dilation_width: \(dilation[2])"
                    : "output padding must be smaller than either stride or dilation, but got output_padding_height: \(outputPadding[1]) output_padding_width: \(outputPadding[2]) stride_height: \(stride[1]) stride_width: \(stride[2]) dilation_height: \(dilation[1]) dilation_width: \(dilation[2])"
            )
        }
        let batched = input.dim == k + 2
        let xShape = batched ? input.shape : [1] + input.shape
        let inSpatial = volume(Array(xShape.dropFirst(2)), filler: 1)
        let kernel = volume(Array(weight.shape.dropFirst(2)), filler: 1)
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
        let outSpatial = (0..<3).map { (d: Int) -> Int in
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
            batch: xShape[0], inChannels: outChannels, height: outSpatial[1], width: outSpatial[2],
            outChannels: weight.shape[0], kernelH: kernel[1], kernelW: kernel[2],
            stride: (stride[1], stride[2]), padTop: padding[1], padLeft: padding[2],
            padBottom: padding[1], padRight: padding[2], dilation: (dilation[1], dilation[2]), groups: groups,
            depth: outSpatial[0], kernelD: kernel[0], strideD: stride[0], padFront: padding[0], padBack: padding[0],
            dilationD: dilation[0], volumetric: k == 3)
        let outShape = (batched ? [xShape[0]] : []) + [outChannels] + outSpatial.suffix(k)
        // conv_transpose3d keeps its arguments as PyTorch's ConvolutionBackward0 does (the 1-D
        // and 2-D ones do not yet).
        let kept: [(name: String, value: SavedValue)] =
            k == 3
            ? [
                ("bias_sym_sizes_opt", .ints([bias?.numel ?? 0])), ("dilation", .ints(givenDilation)),
                ("groups", .int(groups)), ("output_padding", .ints(givenOutputPadding)),
                ("padding", .ints(givenPadding)), ("stride", .ints(givenStride)), ("transposed", .bool(true))
            ] : []
        return try runConvolution(
            TransposedConvolution(geometry: geometry), input, weight, bias, dtype: dt, outShape: outShape, keeping: kept)
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
        let plane = g.inVolume
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
            channelSums(grad.pointer(T.self), batch: g.batch, channels: g.inChannels, plane: g.inVolume, into: gradBias)
        }
    }
}
