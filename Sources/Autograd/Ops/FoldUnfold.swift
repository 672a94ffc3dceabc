/// `im2col` (Im2ColBackward0) and `col2im` (Col2ImBackward0), what `F.unfold`/`nn.Unfold` and
/// `F.fold`/`nn.Fold` call: sliding `kernel_size` blocks of `[N, C, H, W]` images as columns of
/// `[N, C·kh·kw, L]`, and back, summing where blocks overlap. Each is the other's backward. The
/// loops are aten's `im2col`/`col2im` (native/im2col.h): channel, kernel row, kernel column, then
/// block positions, so overlapping values are summed in PyTorch's order. Checks and messages
/// follow aten's Im2Col.cpp, Col2Im.cpp and im2col_shape_check.h.
enum FoldUnfoldOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "im2col(Tensor self, int[2] kernel_size, int[2] dilation, int[2] padding, int[2] stride) -> Tensor",
            gradFn: "Im2ColBackward0", exposure: [],
            samples: OpSamples(
                shapes: ["self": [2, 2, 3, 4]],
                arguments: [
                    "kernel_size": .intList([2, 3]), "dilation": .intList([1, 1]), "padding": .intList([1, 0]),
                    "stride": .intList([2, 1])
                ]),
            forward: {
                try $0.tensor("self").im2col(
                    kernelSize: $0.intList("kernel_size"), dilation: $0.intList("dilation"), padding: $0.intList("padding"),
                    stride: $0.intList("stride"))
            }),
        OpDeclaration(
            "col2im(Tensor self, int[2] output_size, int[2] kernel_size, int[2] dilation, int[2] padding, int[2] stride) -> Tensor",
            gradFn: "Col2ImBackward0", exposure: [],
            samples: OpSamples(
                shapes: ["self": [2, 8, 6]],
                arguments: [
                    "output_size": .intList([3, 4]), "kernel_size": .intList([2, 2]), "dilation": .intList([1, 1]),
                    "padding": .intList([0, 0]), "stride": .intList([1, 1])
                ]),
            forward: {
                try $0.tensor("self").col2im(
                    outputSize: $0.intList("output_size"), kernelSize: $0.intList("kernel_size"),
                    dilation: $0.intList("dilation"), padding: $0.intList("padding"), stride: $0.intList("stride"))
            })
    ]
}

/// The block geometry of one `im2col`/`col2im` call, its arguments checked.
private struct BlockGeometry {
    let kernel: [Int], dilation: [Int], padding: [Int], stride: [Int]

    /// Each argument as two ints (one int stands for both), or aten's size error.
    init(kernel: [Int], dilation: [Int], padding: [Int], stride: [Int], leading: [(String, [Int])] = []) throws {
        var pairs = [[Int]]()
        for (name, list) in leading + [("kernel_size", kernel), ("dilation", dilation), ("padding", padding), ("stride", stride)]
        {
            let pair = list.count == 1 ? [list[0], list[0]] : list
            guard pair.count == 2 else {
                throw TorchError.runtime("It is expected \(name) equals to 2, but got size \(list.count)")
            }
            pairs.append(pair)
        }
        let own = pairs.suffix(4).map { $0 }
        (self.kernel, self.dilation, self.padding, self.stride) = (own[0], own[1], own[2], own[3])
    }

    /// aten's argument checks: kernel, dilation, padding, stride (`im2col`), or kernel, stride,
    /// dilation, padding (`col2im`, `strideFirst`).
    func checkArguments(strideFirst: Bool) throws {
        let checks: [(Bool, String)] = [
            (
                kernel[0] > 0 && kernel[1] > 0,
                "kernel size should be greater than zero, but got kernel_height: \(kernel[0]) kernel_width: \(kernel[1])"
            ),
            (
                dilation[0] > 0 && dilation[1] > 0,
                "dilation should be greater than zero, but got dilation_height: \(dilation[0]) dilation_width: \(dilation[1])"
            ),
            (
                padding[0] >= 0 && padding[1] >= 0,
                "padding should be non-negative, but got pad_height: \(padding[0]) pad_width: \(padding[1])"
            ),
            (
                stride[0] > 0 && stride[1] > 0,
                "stride should be greater than zero, but got stride_height: \(stride[0]) stride_width: \(stride[1])"
            )
        ]
        let ordered = strideFirst ? [checks[0], checks[3], checks[1], checks[2]] : checks
        for (ok, message) in ordered where !ok { throw TorchError.runtime(message) }
    }

    /// The number of blocks along dim `d` (0: height, 1: width) of an image `size` long,
    /// rounding toward negative infinity as aten's `div_rtn`.
    func blocks(_ d: Int, _ size: Int) -> Int {
        let span = size + 2 * padding[d] - (dilation[d] * (kernel[d] - 1) + 1)
        let q = span / stride[d]
        return (span % stride[d] != 0 && span < 0 ? q - 1 : q) + 1
    }

    /// The convolution geometry whose column buffer these blocks are (one group, `channels`
    /// image channels of `height` x `width`).
    func conv(channels: Int, height: Int, width: Int) -> ConvGeometry {
        ConvGeometry(
            batch: 1, inChannels: channels, height: height, width: width, outChannels: 1, kernelH: kernel[0],
            kernelW: kernel[1], stride: (stride[0], stride[1]), padTop: padding[0], padLeft: padding[1],
            padBottom: padding[0], padRight: padding[1], dilation: (dilation[0], dilation[1]), groups: 1)
    }

    var savedValues: [(name: String, value: SavedValue)] {
        [("dilation", .ints(dilation)), ("kernel_size", .ints(kernel)), ("padding", .ints(padding)), ("stride", .ints(stride))]
    }
}

/// Copies each image into its columns (`im2col`) or adds columns back into images (`col2im`).
private struct BlockCopyVisitor: FloatVisitor {
    let geometry: ConvGeometry, images: Int
    let source: Storage, destination: Storage, toColumns: Bool

    func visit<T: FloatElement>(_: T.Type) {
        let imageCount = geometry.inChannels * geometry.height * geometry.width
        let columnCount = geometry.columnRows * geometry.positions
        let s = source.pointer(T.self)
        let d = destination.pointer(T.self)
        if !toColumns { d.initialize(repeating: 0, count: images * imageCount) }
        for n in 0..<images {
            if toColumns {
                geometry.im2col(UnsafePointer(s + n * imageCount), firstChannel: 0, into: d + n * columnCount)
            } else {
                geometry.col2im(UnsafePointer(s + n * columnCount), firstChannel: 0, into: d + n * imageCount)
            }
        }
    }
}

extension Tensor {
    /// `im2col(self, kernel_size, dilation, padding, stride)`: `[N, C, H, W]` (or `[C, H, W]`) to
    /// `[N, C·kh·kw, L]` (or `[C·kh·kw, L]`), zero where a block reads padding.
    public func im2col(kernelSize: [Int], dilation: [Int], padding: [Int], stride: [Int]) throws -> Tensor {
        let g = try BlockGeometry(kernel: kernelSize, dilation: dilation, padding: padding, stride: stride)
        try g.checkArguments(strideFirst: false)
        let validDims = dim >= 3 && shape[1] != 0 && shape[2] != 0
        guard (dim == 3 && shape[0] != 0 && validDims) || (dim == 4 && validDims && shape[3] != 0) else {
            // aten reads `input.size(1)` and `input.size(2)` before it checks the rank.
            if dim == 0 { throw TorchError.index("Dimension specified as 1 but tensor has no dimensions") }
            if dim < 3 {
                throw TorchError.index(
                    "Dimension out of range (expected to be in range of [-\(dim), \(dim - 1)], but got \(dim == 2 ? 2 : 1))")
            }
            throw TorchError.runtime(
                "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: \(shape)"
            )
        }
        let batched = dim == 4
        let (n, c, h, w) = batched ? (shape[0], shape[1], shape[2], shape[3]) : (1, shape[0], shape[1], shape[2])
        let (outH, outW) = (g.blocks(0, h), g.blocks(1, w))
        guard outH >= 1 && outW >= 1 else {
            throw TorchError.runtime(
                "Given input with spatial size (\(h), \(w)), kernel_size=(\(g.kernel[0]), \(g.kernel[1])), dilation=(\(g.dilation[0]), \(g.dilation[1])), padding=(\(g.padding[0]), \(g.padding[1])), calculated shape of the array of sliding blocks as (\(outH), \(outW)), but its components must be at least one."
            )
        }
        try requireFoldType("im2col_out_cpu")
        let rows = c * g.kernel[0] * g.kernel[1]
        let outShape = batched ? [n, rows, outH * outW] : [rows, outH * outW]
        let count = try MemoryBudget.checkedNumel(outShape, allocating: dtype)
        let out = Storage.uninitialized(dtype, count: count)
        dtype.dispatchFloat(
            BlockCopyVisitor(
                geometry: g.conv(channels: c, height: h, width: w), images: n, source: contiguousStorage(), destination: out,
                toColumns: true))
        let result = Tensor(storage: out, shape: outShape)
        record(
            "im2col", .im2ColBackward0, inputs: [self], outputs: [result],
            keeping: g.savedValues + [("self_sym_argsize_minus_1", .int(w)), ("self_sym_argsize_minus_2", .int(h))]
        ) { ctx in
            [
                try ctx.grad.col2im(
                    outputSize: [h, w], kernelSize: g.kernel, dilation: g.dilation, padding: g.padding, stride: g.stride)
            ]
        }
        return result
    }

    /// `col2im(self, output_size, kernel_size, dilation, padding, stride)`: `[N, C·kh·kw, L]` (or
    /// `[C·kh·kw, L]`) to `[N, C, oh, ow]` (or `[C, oh, ow]`), overlapping values summed.
    public func col2im(outputSize: [Int], kernelSize: [Int], dilation: [Int], padding: [Int], stride: [Int]) throws -> Tensor {
        let g = try BlockGeometry(
            kernel: kernelSize, dilation: dilation, padding: padding, stride: stride, leading: [("output_size", outputSize)])
        let size = outputSize.count == 1 ? [outputSize[0], outputSize[0]] : outputSize
        try g.checkArguments(strideFirst: true)
        guard (dim == 2 && shape[0] != 0 && shape[1] != 0) || (dim == 3 && shape[1] != 0 && shape[2] != 0) else {
            throw TorchError.runtime(
                "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: \(shape)"
            )
        }
        let batched = dim == 3
        let (n, planes, length) = batched ? (shape[0], shape[1], shape[2]) : (1, shape[0], shape[1])
        let kernelArea = g.kernel[0] * g.kernel[1]
        guard planes % kernelArea == 0 else {
            throw TorchError.runtime(
                "Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=\(planes) and kernel_size=(\(g.kernel[0]), \(g.kernel[1]))."
            )
        }
        let (blocksH, blocksW) = (g.blocks(0, size[0]), g.blocks(1, size[1]))
        let arguments =
            "output_size=(\(size[0]), \(size[1])), kernel_size=(\(g.kernel[0]), \(g.kernel[1])), dilation=(\(g.dilation[0]), \(g.dilation[1])), padding=(\(g.padding[0]), \(g.padding[1])), stride=(\(g.stride[0]), \(g.stride[1]))"
        guard length == blocksH * blocksW else {
            throw TorchError.runtime(
                "Given \(arguments), expected size of input's dimension 2 to match the calculated number of sliding blocks \(blocksH) * \(blocksW) = \(blocksH * blocksW), but got input.size(2)=\(length)."
            )
        }
        guard blocksH >= 1 && blocksW >= 1 else {
            throw TorchError.runtime(
                "Given \(arguments), calculated shape of the array of sliding blocks as (\(blocksH), \(blocksW)), which is too small (non-positive)"
            )
        }
        guard size[0] >= 1 && size[1] >= 1 else {
            throw TorchError.runtime(
                "Expected output spatial size to be positive, but got: output_size=(\(size[0]), \(size[1])).")
        }
        try requireFoldType("col2im_out_cpu")
        let channels = planes / kernelArea
        let outShape = (batched ? [n] : []) + [channels] + size
        let count = try MemoryBudget.checkedNumel(outShape, allocating: dtype)
        let out = Storage.uninitialized(dtype, count: count)
        dtype.dispatchFloat(
            BlockCopyVisitor(
                geometry: g.conv(channels: channels, height: size[0], width: size[1]), images: n,
                source: contiguousStorage(), destination: out, toColumns: false))
        let result = Tensor(storage: out, shape: outShape)
        record("col2im", .col2ImBackward0, inputs: [self], outputs: [result], keeping: g.savedValues) { ctx in
            [try ctx.grad.im2col(kernelSize: g.kernel, dilation: g.dilation, padding: g.padding, stride: g.stride)]
        }
        return result
    }

    /// aten's dispatch error for the integer types its kernels leave out (GradScope's fold
    /// kernels are floating-point only, so bool is refused too).
    private func requireFoldType(_ kernel: String) throws {
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }
}

extension NodeKind {
    static let col2ImBackward0 = NodeKind("Col2ImBackward0")
    static let im2ColBackward0 = NodeKind("Im2ColBackward0")
}
