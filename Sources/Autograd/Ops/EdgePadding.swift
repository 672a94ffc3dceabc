/// `F.pad`'s modes "reflect" and "replicate": `reflection_pad{1,2,3}d` and
/// `replication_pad{1,2,3}d` (grad_fns ReflectionPad2DBackward0, ReplicationPad1DBackward0, ...).
/// Each output element copies one input element: the one its position mirrors to about the
/// edge (the edge itself not repeated), or the nearest edge element. Backward adds each output
/// gradient into the element it came from, in output order as ATen's kernels do; that backward
/// is itself an op (ReflectionPad2DBackwardBackward0, ...) whose gradient pads again.
enum EdgePaddingOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "reflection_pad1d(Tensor self, int[2] padding) -> Tensor", gradFn: "ReflectionPad1DBackward0",
            exposure: [.torch],
            samples: OpSamples(shapes: ["self": [2, 3]], arguments: ["padding": .intList([2, 1])]),
            forward: { try $0.tensor("self").edgePad($0.intList("padding"), mode: .reflect) }),
        OpDeclaration(
            "reflection_pad2d(Tensor self, int[4] padding) -> Tensor", gradFn: "ReflectionPad2DBackward0",
            exposure: [.torch],
            samples: OpSamples(shapes: ["self": [2, 3, 3]], arguments: ["padding": .intList([2, 1, 1, 0])]),
            forward: { try $0.tensor("self").edgePad($0.intList("padding"), mode: .reflect) }),
        OpDeclaration(
            "reflection_pad3d(Tensor self, int[6] padding) -> Tensor", gradFn: "ReflectionPad3DBackward0",
            exposure: [.torch],
            samples: OpSamples(shapes: ["self": [2, 3, 3, 3]], arguments: ["padding": .intList([2, 1, 1, 0, 0, 2])]),
            forward: { try $0.tensor("self").edgePad($0.intList("padding"), mode: .reflect) }),
        OpDeclaration(
            "replication_pad1d(Tensor self, int[2] padding) -> Tensor", gradFn: "ReplicationPad1DBackward0",
            exposure: [.torch],
            samples: OpSamples(shapes: ["self": [2, 3]], arguments: ["padding": .intList([2, 1])]),
            forward: { try $0.tensor("self").edgePad($0.intList("padding"), mode: .replicate) }),
        OpDeclaration(
            "replication_pad2d(Tensor self, int[4] padding) -> Tensor", gradFn: "ReplicationPad2DBackward0",
            exposure: [.torch],
            samples: OpSamples(shapes: ["self": [2, 3, 3]], arguments: ["padding": .intList([2, 1, 1, 0])]),
            forward: { try $0.tensor("self").edgePad($0.intList("padding"), mode: .replicate) }),
        OpDeclaration(
            "replication_pad3d(Tensor self, int[6] padding) -> Tensor", gradFn: "ReplicationPad3DBackward0",
            exposure: [.torch],
            samples: OpSamples(shapes: ["self": [2, 3, 3, 3]], arguments: ["padding": .intList([2, 1, 1, 0, 0, 2])]),
            forward: { try $0.tensor("self").edgePad($0.intList("padding"), mode: .replicate) })
    ]
}

/// How `edgePad` fills the border.
public enum EdgePadMode: Sendable {
    /// Mirror images of the elements next to the edge (`[1, 2, 3]` padded by 2: `3 2 1 2 3 2 1`).
    case reflect
    /// Copies of the edge element (`[1, 2, 3]` padded by 2: `1 1 1 2 3 3 3`).
    case replicate

    var opPrefix: String { self == .reflect ? "reflection_pad" : "replication_pad" }
    /// The grad_fn of the `n`-dim pad (n from 1 to 3), or of its backward.
    func gradFn(_ n: Int, ofBackward: Bool = false) -> NodeKind {
        (ofBackward ? Self.backwardKinds : Self.kinds)[self == .reflect ? 0 : 1][n - 1]
    }

    /// `ReflectionPad1DBackward0` ... `ReplicationPad3DBackward0`, by mode and then dims.
    private static let kinds = ["ReflectionPad", "ReplicationPad"].map { mode in
        (1...3).map { NodeKind("\(mode)\($0)DBackward0") }
    }
    /// `ReflectionPad1DBackwardBackward0` ... `ReplicationPad3DBackwardBackward0`.
    private static let backwardKinds = ["ReflectionPad", "ReplicationPad"].map { mode in
        (1...3).map { NodeKind("\(mode)\($0)DBackwardBackward0") }
    }

    /// The input position output position `position` (already shifted by the leading padding)
    /// copies along a dim of `size` elements.
    func source(_ position: Int, size: Int) -> Int {
        switch self {
        case .replicate: return Swift.min(Swift.max(position, 0), size - 1)
        case .reflect:
            if position < 0 { return -position }
            return position < size ? position : 2 * (size - 1) - position
        }
    }
}

extension Tensor {
    /// `reflection_padNd` / `replication_padNd`: pads the last `padding.count / 2` dims (1 to 3),
    /// `padding` listing (before, after) pairs from the last dim backwards, on an input with one
    /// or no batch dim in front of a channel dim, with PyTorch's checks and messages.
    public func edgePad(_ padding: [Int], mode: EdgePadMode) throws -> Tensor {
        let n = padding.count / 2
        try checkEdgePadding(padding, mode: mode)
        var outShape = shape
        for i in 0..<n { outShape[dim - 1 - i] += padding[2 * i] + padding[2 * i + 1] }
        let offsets = edgePadOffsets(padding, mode: mode, outShape: outShape)
        let out = Storage.uninitialized(dtype, count: offsets.count)
        dtype.dispatch(OffsetGatherVisitor(source: contiguousStorage(), offsets: offsets, out: out))
        let result = Tensor(storage: out, shape: outShape)
        record(
            mode.opPrefix + "\(n)d", mode.gradFn(n), inputs: [self], outputs: [result], saving: [.input("self", self)],
            keeping: [("padding", .ints(padding))]
        ) { ctx in
            [try ctx.grad.edgePadBackward(ctx.saved(0), padding, mode: mode)]
        }
        return result
    }

    /// The gradient of `edgePad` with respect to `input`, this tensor being the gradient of its
    /// result: each element added into the input element it was copied from, in order.
    func edgePadBackward(_ input: Tensor, _ padding: [Int], mode: EdgePadMode) throws -> Tensor {
        let n = padding.count / 2
        let offsets = input.edgePadOffsets(padding, mode: mode, outShape: shape)
        let gradInput = Storage.zeroed(dtype: dtype, count: input.numel)
        dtype.dispatch(
            OffsetScatterVisitor(values: contiguousStorage(), offsets: offsets, destination: gradInput, accumulate: true))
        let result = Tensor(storage: gradInput, shape: input.shape)
        let (inputShape, inputType) = (input.shape, input.dtype)
        record(
            mode.opPrefix + "\(n)d_backward", mode.gradFn(n, ofBackward: true), inputs: [self, input], outputs: [result],
            keeping: [("padding", .ints(padding))]
        ) { ctx in
            [try ctx.grad.edgePad(padding, mode: mode), Tensor.zeros(inputShape, dtype: inputType)]
        }
        return result
    }

    /// For each element of the padded result (row-major), the offset of the element it copies
    /// in this tensor's contiguous layout.
    private func edgePadOffsets(_ padding: [Int], mode: EdgePadMode, outShape: [Int]) -> [Int] {
        let strides = contiguousStrides(shape)
        var offsets = [Int]()
        offsets.reserveCapacity(outShape.reduce(1, *))
        let first = dim - padding.count / 2
        forEachIndex(outShape) { index in
            var offset = 0
            for d in 0..<dim {
                var position = index[d]
                if d >= first {
                    let i = dim - 1 - d
                    position = mode.source(position - padding[2 * i], size: shape[d])
                }
                offset += position * strides[d]
            }
            offsets.append(offset)
        }
        return offsets
    }

    /// ATen's checks for a non-constant pad, in its order and with its messages.
    private func checkEdgePadding(_ padding: [Int], mode: EdgePadMode) throws {
        try checkNonConstantPadRank(padding)
        let n = padding.count / 2
        let batched = dim == n + 2
        guard shape.dropFirst(batched ? 1 : 0).allSatisfy({ $0 != 0 }) else {
            throw TorchError.runtime(
                "Expected \(n + 1)D or \(n + 2)D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: \(shape)"
            )
        }
        if mode == .reflect {
            for i in 0..<n {
                let d = dim - 1 - i
                let (before, after) = (padding[2 * i], padding[2 * i + 1])
                guard before < shape[d], after < shape[d] else {
                    throw TorchError.runtime(
                        "Argument #\(4 + 2 * i): Padding size should be less than the corresponding input dimension, but got: padding (\(before), \(after)) at dimension \(d) of input \(shape)"
                    )
                }
            }
        }
        let names = ["D", "H", "W"].suffix(n)
        let sizes = Array(shape.suffix(n))
        let outSizes = (0..<n).map { j in sizes[j] + padding[2 * (n - 1 - j)] + padding[2 * (n - 1 - j) + 1] }
        guard outSizes.allSatisfy({ $0 >= 1 }) else {
            if n == 1 {
                throw TorchError.runtime("input (W: \(sizes[0])) is too small. Calculated output W: \(outSizes[0])")
            }
            let output = zip(names, outSizes).map { "\($0): \($1)" }.joined(separator: " ")
            let input = zip(names, sizes).map { "\($0): \($1)" }.joined(separator: ", ")
            throw TorchError.runtime("Calculated output \(output) must be >= 1 in every dimension (input \(input))")
        }
    }

    /// `F.pad`'s check for the non-constant modes: an even padding length for 1 to 3 dims, on
    /// an input with one more or two more dims.
    func checkNonConstantPadRank(_ padding: [Int]) throws {
        guard padding.count % 2 == 0 else { throw TorchError.runtime("Padding length must be divisible by 2") }
        let n = padding.count / 2
        guard (1...3).contains(n), dim == n + 1 || dim == n + 2 else {
            throw TorchError.unsupportedOperation(
                "Padding size \(padding.count) is not supported for \(dim)D input tensor.\n"
                    + "Supported combinations for non-constant padding:\n"
                    + "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
                    + "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
                    + "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")
        }
    }
}
