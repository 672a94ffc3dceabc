import CBLAS

/// Convolutions (`F.conv1d`, `F.conv2d`, `F.conv3d`): im2col (vol2col) per image and group, then one BLAS matrix
/// product with the group's weight; backward (ConvolutionBackward0, saving input and weight)
/// multiplies the output gradient back through the same column matrices. Float32 convolutions
/// that PyTorch runs through oneDNN's direct kernels take oneDNN's order instead
/// (OneDNNOrderConvolution.swift), bit for bit. `padding="same"` with an even total pads asymmetrically inside the kernel, where
/// PyTorch pads the input first (adding a ConstantPadNdBackward0 node).
enum ConvolutionOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=[1], int[2] padding=[0], int[2] dilation=[1], int groups=1) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 2, 4, 5], "weight": [3, 2, 2, 3], "bias": [3]],
                arguments: ["padding": .intList([1, 0])]),
            forward: {
                try Tensor.conv2d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: .explicit($0.intList("padding")),
                    dilation: $0.intList("dilation"), groups: $0.int("groups"))
            }),
        OpDeclaration(
            "conv2d.padding(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=[1], str padding=\"valid\", int[2] dilation=[1], int groups=1) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [1, 4, 4, 3], "weight": [2, 2, 3, 2], "bias": [2]],
                arguments: ["padding": .string("same"), "groups": .int(2)]),
            forward: {
                try Tensor.conv2d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: ConvPadding(parsing: $0.string("padding")),
                    dilation: $0.intList("dilation"), groups: $0.int("groups"))
            }),
        OpDeclaration(
            "conv3d(Tensor input, Tensor weight, Tensor? bias=None, int[3] stride=[1], int[3] padding=[0], int[3] dilation=[1], int groups=1) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 2, 3, 4, 3], "weight": [3, 2, 2, 3, 2], "bias": [3]],
                arguments: ["padding": .intList([1, 0, 1]), "stride": .intList([1, 2, 1])]),
            forward: {
                try Tensor.conv3d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: .explicit($0.intList("padding")),
                    dilation: $0.intList("dilation"), groups: $0.int("groups"))
            }),
        OpDeclaration(
            "conv3d.padding(Tensor input, Tensor weight, Tensor? bias=None, int[3] stride=[1], str padding=\"valid\", int[3] dilation=[1], int groups=1) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [1, 2, 3, 4, 3], "weight": [2, 1, 2, 3, 2], "bias": [2]],
                arguments: ["padding": .string("same"), "groups": .int(2)]),
            forward: {
                try Tensor.conv3d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: ConvPadding(parsing: $0.string("padding")),
                    dilation: $0.intList("dilation"), groups: $0.int("groups"))
            }),
        OpDeclaration(
            "conv1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=[1], int[1] padding=[0], int[1] dilation=[1], int groups=1) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 2, 7], "weight": [3, 2, 3], "bias": [3]],
                arguments: ["stride": .intList([2]), "dilation": .intList([2]), "padding": .intList([1])]),
            forward: {
                try Tensor.conv1d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: .explicit($0.intList("padding")),
                    dilation: $0.intList("dilation"), groups: $0.int("groups"))
            }),
        OpDeclaration(
            "conv1d.padding(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=[1], str padding=\"valid\", int[1] dilation=[1], int groups=1) -> Tensor",
            gradFn: "ConvolutionBackward0", exposure: [.torch, .functional],
            samples: OpSamples(
                shapes: ["input": [2, 2, 6], "weight": [3, 2, 3], "bias": [3]],
                arguments: ["padding": .string("same")]),
            forward: {
                try Tensor.conv1d(
                    $0.tensor("input"), $0.tensor("weight"), bias: $0.optionalTensor("bias"),
                    stride: $0.intList("stride"), padding: ConvPadding(parsing: $0.string("padding")),
                    dilation: $0.intList("dilation"), groups: $0.int("groups"))
            })
    ]
}

/// A convolution's `padding=`: explicit sizes per spatial dim, or `"valid"` / `"same"`.
public enum ConvPadding: Sendable, Equatable {
    case explicit([Int])
    case valid
    case same

    /// Parses `"valid"` or `"same"`, with PyTorch's error for anything else.
    public init(parsing text: String) throws {
        switch text {
        case "valid": self = .valid
        case "same": self = .same
        default: throw TorchError.runtime("Invalid padding string: '\(text)'")
        }
    }
}

// MARK: - Kernels

/// Forward: `out[n, group] = weight[group] @ im2col(input[n], group)` plus bias.
func convolutionForward<T: BLASElement>(
    _: T.Type, _ g: ConvGeometry, input: Storage, weight: Storage,
    bias: Storage?, out: Storage
) {
    let x = input.pointer(T.self)
    let w = weight.pointer(T.self)
    let y = out.pointer(T.self)
    let columns = UnsafeMutablePointer<T>.allocate(capacity: g.columnRows * g.positions)
    defer { columns.deallocate() }
    for n in 0..<g.batch {
        let image = x + n * g.inChannels * g.inVolume
        for group in 0..<g.groups {
            g.im2col(image, firstChannel: group * g.groupChannels, into: columns)
            let o = y + (n * g.outChannels + group * g.groupOutChannels) * g.positions
            T.gemm(
                CblasNoTrans, CblasNoTrans, g.groupOutChannels, g.positions, g.columnRows,
                w + group * g.groupOutChannels * g.columnRows, g.columnRows, columns, g.positions, o, g.positions)
        }
        if let bias {
            let b = bias.pointer(T.self)
            for c in 0..<g.outChannels {
                let o = y + (n * g.outChannels + c) * g.positions
                for p in 0..<g.positions { o[p] += b[c] }
            }
        }
    }
}

/// Backward: the gradients of input (col2im of `weight^T @ grad`), weight (`grad @ columns^T`
/// summed over the batch) and bias (the gradient summed per output channel), each when asked.
func convolutionBackward<T: BLASElement>(
    _: T.Type, _ g: ConvGeometry, grad: Storage, input: Storage,
    weight: Storage, gradInput: Storage?, gradWeight: Storage?,
    gradBias: Storage?
) {
    let gy = grad.pointer(T.self)
    let x = input.pointer(T.self)
    let w = weight.pointer(T.self)
    let columns = UnsafeMutablePointer<T>.allocate(capacity: g.columnRows * g.positions)
    let partial = UnsafeMutablePointer<T>.allocate(capacity: g.groupOutChannels * g.columnRows)
    defer {
        columns.deallocate()
        partial.deallocate()
    }
    if let gradInput { gradInput.pointer(T.self).initialize(repeating: 0, count: g.batch * g.inChannels * g.inVolume) }
    if let gradWeight { gradWeight.pointer(T.self).initialize(repeating: 0, count: g.outChannels * g.columnRows) }
    for n in 0..<g.batch {
        for group in 0..<g.groups {
            let go = gy + (n * g.outChannels + group * g.groupOutChannels) * g.positions
            let wg = w + group * g.groupOutChannels * g.columnRows
            if let gradInput {
                T.gemm(
                    CblasTrans, CblasNoTrans, g.columnRows, g.positions, g.groupOutChannels,
                    wg, g.columnRows, go, g.positions, columns, g.positions)
                g.col2im(
                    columns, firstChannel: group * g.groupChannels,
                    into: gradInput.pointer(T.self) + n * g.inChannels * g.inVolume)
            }
            if let gradWeight {
                g.im2col(x + n * g.inChannels * g.inVolume, firstChannel: group * g.groupChannels, into: columns)
                T.gemm(
                    CblasNoTrans, CblasTrans, g.groupOutChannels, g.columnRows, g.positions,
                    go, g.positions, columns, g.positions, partial, g.columnRows)
                let gw = gradWeight.pointer(T.self) + group * g.groupOutChannels * g.columnRows
                for i in 0..<(g.groupOutChannels * g.columnRows) { gw[i] += partial[i] }
            }
        }
    }
    if let gradBias { channelSums(gy, batch: g.batch, channels: g.outChannels, plane: g.positions, into: gradBias) }
}

/// A bias gradient: the sum of `[batch, channels, plane]` values per channel.
func channelSums<T: BLASElement>(_ values: UnsafePointer<T>, batch: Int, channels: Int, plane: Int, into sums: Storage) {
    let out = sums.pointer(T.self)
    for c in 0..<channels {
        var total: T = 0
        for n in 0..<batch {
            let o = values + (n * channels + c) * plane
            for p in 0..<plane { total += o[p] }
        }
        out[c] = total
    }
}

/// The kernels of a convolution-like op for one geometry: the forward into `out`, and the
/// backward filling the requested gradients from the output gradient and the saved input and
/// weight.
protocol ConvolutionKernels: Sendable {
    /// The convolution whose im2col products the kernels run (the transposed one runs it backwards).
    var geometry: ConvGeometry { get }
    func forward<T: BLASElement>(_: T.Type, input: Storage, weight: Storage, bias: Storage?, out: Storage)
    func backward<T: BLASElement>(
        _: T.Type, grad: Storage, input: Storage, weight: Storage, gradInput: Storage?, gradWeight: Storage?,
        gradBias: Storage?)
}

/// A convolution over one geometry: float32 in oneDNN's order where PyTorch runs oneDNN's direct
/// kernels (`runsInOneDNNOrder`), a 3-D one that ATen runs through slow_conv3d as it does
/// (`SlowConvolution3D`), otherwise `convolutionForward` / `convolutionBackward`.
private struct DirectConvolution: ConvolutionKernels {
    let geometry: ConvGeometry
    func forward<T: BLASElement>(_: T.Type, input: Storage, weight: Storage, bias: Storage?, out: Storage) {
        if T.self == Float.self, geometry.runsInOneDNNOrder {
            oneDNNOrderForward(geometry, input: input, weight: weight, bias: bias, out: out)
            return
        }
        if SlowConvolution3D.covers(geometry) {
            SlowConvolution3D(geometry: geometry).forward(T.self, input: input, weight: weight, bias: bias, out: out)
            return
        }
        convolutionForward(T.self, geometry, input: input, weight: weight, bias: bias, out: out)
    }
    func backward<T: BLASElement>(
        _: T.Type, grad: Storage, input: Storage, weight: Storage, gradInput: Storage?, gradWeight: Storage?,
        gradBias: Storage?
    ) {
        if T.self == Float.self, geometry.runsInOneDNNOrder {
            oneDNNOrderBackward(
                geometry, grad: grad, input: input, weight: weight, gradInput: gradInput, gradWeight: gradWeight,
                gradBias: gradBias)
            return
        }
        if SlowConvolution3D.covers(geometry) {
            SlowConvolution3D(geometry: geometry).backward(
                T.self, grad: grad, input: input, weight: weight, gradInput: gradInput, gradWeight: gradWeight,
                gradBias: gradBias)
            return
        }
        convolutionBackward(
            T.self, geometry, grad: grad, input: input, weight: weight, gradInput: gradInput, gradWeight: gradWeight,
            gradBias: gradBias)
    }
}

// MARK: - Forwards with their backward formulas

extension Tensor {
    /// `F.conv2d(input, weight, bias, stride, padding, dilation, groups)` on `[N, C, H, W]` or
    /// unbatched `[C, H, W]` input (ConvolutionBackward0).
    public static func conv2d(
        _ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
        padding: ConvPadding = .explicit([0]), dilation: [Int] = [1], groups: Int = 1
    ) throws -> Tensor {
        try convolution(
            input, weight, bias: bias, spatialDims: 2, stride: stride, padding: padding,
            dilation: dilation, groups: groups)
    }

    /// `F.conv3d(input, weight, bias, stride, padding, dilation, groups)` on `[N, C, D, H, W]` or
    /// unbatched `[C, D, H, W]` input (ConvolutionBackward0, keeping its arguments as PyTorch's
    /// `_saved_*` values).
    public static func conv3d(
        _ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
        padding: ConvPadding = .explicit([0]), dilation: [Int] = [1], groups: Int = 1
    ) throws -> Tensor {
        try convolution(
            input, weight, bias: bias, spatialDims: 3, stride: stride, padding: padding,
            dilation: dilation, groups: groups)
    }

    /// `F.conv1d(input, weight, bias, stride, padding, dilation, groups)` on `[N, C, L]` or
    /// unbatched `[C, L]` input (ConvolutionBackward0).
    public static func conv1d(
        _ input: Tensor, _ weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
        padding: ConvPadding = .explicit([0]), dilation: [Int] = [1], groups: Int = 1
    ) throws -> Tensor {
        try convolution(
            input, weight, bias: bias, spatialDims: 1, stride: stride, padding: padding,
            dilation: dilation, groups: groups)
    }

    /// A list argument of `count` ints (`int[2]` given one int repeats it), with PyTorch's error.
    static func expanded(_ list: [Int], _ count: Int, _ name: String) throws -> [Int] {
        if list.count == 1 { return Array(repeating: list[0], count: count) }
        guard list.count == count else {
            throw TorchError.runtime(
                "expected \(name) to be a single integer value or a list of \(count) values to match the convolution dimensions, but got \(name)=[\(list.map(String.init).joined(separator: ", "))]"
            )
        }
        return list
    }

    private static func convolution(
        _ input: Tensor, _ weight: Tensor, bias: Tensor?, spatialDims k: Int, stride: [Int],
        padding: ConvPadding, dilation: [Int], groups: Int
    ) throws -> Tensor {
        let name = "conv\(k)d"
        guard input.dim == k + 1 || input.dim == k + 2 else {
            throw TorchError.runtime(
                "Expected \(k + 1)D (unbatched) or \(k + 2)D (batched) input to \(name), but got input of size: [\(input.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        if k == 3 && input.dim == 4 {
            // ATen batchifies unbatched input and squeezes the result (SqueezeBackward1); the
            // 1-D and 2-D convolutions do not follow it yet.
            return try convolution(
                input.unsqueeze(0), weight, bias: bias, spatialDims: k, stride: stride, padding: padding,
                dilation: dilation, groups: groups
            ).squeeze(0)
        }
        guard weight.dim >= 3 else { throw TorchError.runtime("weight should have at least three dimensions") }
        let stride = try expanded(stride, k, "stride")
        let dilation = try expanded(dilation, k, "dilation")
        if weight.dim != k + 2 {
            // ATen expands the arguments to the weight's spatial dims first, then compares ranks.
            _ = try expanded(stride, weight.dim - 2, "stride")
            if case .explicit(let list) = padding {
                _ = try expanded(try expanded(list, k, "padding"), weight.dim - 2, "padding")
            }
            _ = try expanded(dilation, weight.dim - 2, "dilation")
            throw TorchError.runtime(
                "Expected \(weight.dim)-dimensional input for \(weight.dim)-dimensional weight [\(weight.shape.map(String.init).joined(separator: ", "))], but got \(k + 2)-dimensional input of size [\((input.dim == k + 2 ? input.shape : [1] + input.shape).map(String.init).joined(separator: ", "))] instead"
            )
        }
        guard groups > 0 else { throw TorchError.runtime("non-positive groups is not supported") }
        guard stride.allSatisfy({ $0 > 0 }) else { throw TorchError.runtime("non-positive stride is not supported") }
        guard dilation.allSatisfy({ $0 > 0 }) else { throw TorchError.runtime("dilation should be greater than zero") }
        let batched = input.dim == k + 2
        let xShape = batched ? input.shape : [1] + input.shape
        // Spatial lists as 3-D (depth, height, width): lower ranks have size, kernel, stride and
        // dilation 1 and no padding in the leading dims.
        func volume(_ list: [Int], filler: Int) -> [Int] { Array(repeating: filler, count: 3 - k) + list }
        let inSpatial = volume(Array(xShape.dropFirst(2)), filler: 1)
        let kernel = volume(Array(weight.shape.dropFirst(2)), filler: 1)
        let stride3 = volume(stride, filler: 1)
        let dilation3 = volume(dilation, filler: 1)
        var before = [0, 0, 0]
        var after = [0, 0, 0]
        switch padding {
        case .explicit(let list):
            let p = try expanded(list, k, "padding")
            guard p.allSatisfy({ $0 >= 0 }) else { throw TorchError.runtime("negative padding is not supported") }
            before = volume(p, filler: 0)
            after = before
        case .valid:
            break
        case .same:
            guard stride.allSatisfy({ $0 == 1 }) else {
                throw TorchError.runtime("padding='same' is not supported for strided convolutions")
            }
            for d in 0..<3 {
                let total = dilation3[d] * (kernel[d] - 1)
                before[d] = total / 2
                after[d] = total - before[d]
            }
            if before != after {
                Diagnostics.warn(
                    "Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of the input be created (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Convolution.cpp:1135.)"
                )
            }
        }
        let weightShape = weight.shape.map(String.init).joined(separator: ", ")
        guard weight.shape[0] % groups == 0 else {
            throw TorchError.runtime(
                "Given groups=\(groups), expected weight to be divisible by \(groups) at dimension 0, but got weight of size [\(weightShape)] instead"
            )
        }
        guard xShape[1] == weight.shape[1] * groups else {
            throw TorchError.runtime(
                "Given groups=\(groups), weight of size [\(weightShape)], expected input[\(xShape.map(String.init).joined(separator: ", "))] to have \(weight.shape[1] * groups) channels, but got \(xShape[1]) channels instead"
            )
        }
        if let bias, bias.shape != [weight.shape[0]] {
            throw TorchError.runtime(
                "Given weight of size [\(weightShape)], expected bias to be 1-dimensional with \(weight.shape[0]) elements, but got bias of size [\(bias.shape.map(String.init).joined(separator: ", "))] instead"
            )
        }
        let geometry = ConvGeometry(
            batch: xShape[0], inChannels: xShape[1], height: inSpatial[1], width: inSpatial[2],
            outChannels: weight.shape[0], kernelH: kernel[1], kernelW: kernel[2],
            stride: (stride3[1], stride3[2]), padTop: before[1], padLeft: before[2],
            padBottom: after[1], padRight: after[2], dilation: (dilation3[1], dilation3[2]),
            groups: groups, depth: inSpatial[0], kernelD: kernel[0], strideD: stride3[0], padFront: before[0],
            padBack: after[0], dilationD: dilation3[0], volumetric: k == 3)
        let padded = (0..<3).map { inSpatial[$0] + before[$0] + after[$0] }
        let extents = (0..<3).map { dilation3[$0] * (kernel[$0] - 1) + 1 }
        guard (0..<3).allSatisfy({ padded[$0] >= extents[$0] }) else {
            let shown = (3 - k)..<3
            throw TorchError.runtime(
                "Calculated padded input size per channel: (\(shown.map { String(padded[$0]) }.joined(separator: " x "))). Kernel size: (\(shown.map { String(extents[$0]) }.joined(separator: " x "))). Kernel size can't be greater than actual input size"
            )
        }
        let dt = resultType([input, weight] + (bias.map { [$0] } ?? []))
        guard dt.isFloatingPoint, input.dtype == weight.dtype, bias.map({ $0.dtype == weight.dtype }) ?? true else {
            throw TorchError.runtime(
                "Input type (\(input.dtype.scalarTypeName)) and weight type (\(weight.dtype.scalarTypeName)) should be the same")
        }
        let outSpatial = Array([geometry.outD, geometry.outH, geometry.outW].suffix(k))
        let outShape = (batched ? [geometry.batch] : []) + [geometry.outChannels] + outSpatial
        // conv3d keeps its arguments as PyTorch's ConvolutionBackward0 does (the 1-D and 2-D
        // convolutions do not yet).
        let kept: [(name: String, value: SavedValue)] =
            k == 3
            ? [
                ("bias_sym_sizes_opt", .ints([bias?.numel ?? 0])), ("dilation", .ints(dilation)), ("groups", .int(groups)),
                ("output_padding", .ints([0, 0, 0])), ("padding", .ints(before)), ("stride", .ints(stride)),
                ("transposed", .bool(false))
            ] : []
        return try runConvolution(
            DirectConvolution(geometry: geometry), input, weight, bias, dtype: dt, outShape: outShape, keeping: kept)
    }
}

extension Tensor {
    /// Runs a convolution-like op's forward into a tensor of `outShape` and records its
    /// ConvolutionBackward0 (saving input and weight; the bias gradient has the bias's length).
    static func runConvolution(
        _ kernels: some ConvolutionKernels, _ input: Tensor, _ weight: Tensor, _ bias: Tensor?, dtype dt: DType,
        outShape: [Int], keeping kept: [(name: String, value: SavedValue)] = []
    ) throws -> Tensor {
        let count = try MemoryBudget.checkedNumel(outShape, allocating: dt)
        try kernels.geometry.reserveProducts(dt, passes: 1)
        let out = Storage.uninitialized(dt, count: count)
        let xs = input.contiguousStorage(as: dt)
        let ws = weight.contiguousStorage(as: dt)
        let bs = bias?.contiguousStorage(as: dt)
        switch dt {
        case .float64: kernels.forward(Double.self, input: xs, weight: ws, bias: bs, out: out)
        default: kernels.forward(Float.self, input: xs, weight: ws, bias: bs, out: out)
        }
        let result = Tensor(storage: out, shape: outShape)
        let inputShape = input.shape
        let weightShape = weight.shape
        let biasCount = bias?.numel ?? 0
        record(
            "convolution", .convolutionBackward0, inputs: [input, weight, bias], outputs: [result],
            saving: [.input("input", input), .input("weight", weight)], keeping: kept
        ) { ctx in
            let xs = try ctx.saved(0).contiguousStorage(as: dt)
            let ws = try ctx.saved(1).contiguousStorage(as: dt)
            let gs = ctx.grad.contiguousStorage(as: dt)
            try kernels.geometry.reserveProducts(dt, passes: (ctx.needsGrad(0) ? 1 : 0) + (ctx.needsGrad(1) ? 1 : 0))
            let gradInput = ctx.needsGrad(0) ? Storage.uninitialized(dt, count: inputShape.reduce(1, *)) : nil
            let gradWeight = ctx.needsGrad(1) ? Storage.uninitialized(dt, count: weightShape.reduce(1, *)) : nil
            let gradBias = ctx.needsGrad(2) ? Storage.uninitialized(dt, count: biasCount) : nil
            switch dt {
            case .float64:
                kernels.backward(
                    Double.self, grad: gs, input: xs, weight: ws, gradInput: gradInput, gradWeight: gradWeight,
                    gradBias: gradBias)
            default:
                kernels.backward(
                    Float.self, grad: gs, input: xs, weight: ws, gradInput: gradInput, gradWeight: gradWeight,
                    gradBias: gradBias)
            }
            return [
                gradInput.map { Tensor(storage: $0, shape: inputShape) },
                gradWeight.map { Tensor(storage: $0, shape: weightShape) },
                gradBias.map { Tensor(storage: $0, shape: [biasCount]) }
            ]
        }
        return result
    }
}

extension NodeKind {
    static let convolutionBackward0 = NodeKind("ConvolutionBackward0")
}
