/// `torch._pack_padded_sequence` (PackPaddedSequenceBackward0), ATen's PackedSequence.cpp:
/// the valid steps of a padded batch in one tensor, time-major (at each step the sequences
/// still running, longest first), and how many sequences each step has. Backward puts the
/// gradient's rows back into zeros of the input's shape (`_pack_padded_sequence_backward`).
/// `nn.utils.rnn.pack_padded_sequence` calls it.
enum PackedSequenceOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "_pack_padded_sequence(Tensor input, Tensor lengths, bool batch_first) -> (Tensor, Tensor)",
            gradFn: "PackPaddedSequenceBackward0", exposure: [.torch],
            samples: OpSamples(
                shapes: ["input": [3, 2, 2]], arguments: ["batch_first": .bool(false)],
                constants: ["lengths": OpSamples.Constant([3, 1], shape: [2], dtype: .int64)]),
            returningTuple: {
                let packed = try Tensor.packPaddedSequence(
                    $0.tensor("input"), lengths: $0.tensor("lengths"), batchFirst: $0.bool("batch_first"))
                return [packed.data, packed.batchSizes]
            })
    ]
}

extension Tensor {
    /// `_pack_padded_sequence(input, lengths, batch_first)`: `input` is `[T, B, *]` (`[B, T, *]`
    /// with `batchFirst`), `lengths` a 1-D int64 tensor of `B` lengths in decreasing order.
    public static func packPaddedSequence(
        _ input: Tensor, lengths: Tensor, batchFirst: Bool
    ) throws -> (data: Tensor, batchSizes: Tensor) {
        guard lengths.dim == 1 && lengths.dtype == .int64 else {
            throw TorchError.runtime(
                "'lengths' argument should be a 1D CPU int64 tensor, but got \(lengths.dim)D cpu \(lengths.dtype.scalarTypeName) tensor"
            )
        }
        // ATen reads `input.size(1)` first: its range error for a 0-D or 1-D input.
        _ = try normalizeDim(1, rank: input.dim)
        let (timeDim, batchDim) = batchFirst ? (1, 0) : (0, 1)
        let batch = input.shape[batchDim]
        let steps = lengths.indexValues()
        guard input.numel > 0 else { throw TorchError.runtime("Cannot pack empty tensors.") }
        guard steps.count == batch else {
            throw TorchError.runtime(
                "Expected `len(lengths)` to be equal to batch_size, but got \(steps.count) (batch_size=\(batch))")
        }
        guard steps[batch - 1] > 0 else {
            throw TorchError.runtime(
                "Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0")
        }
        for i in 0..<(batch - 1) where steps[batch - 1 - i] > steps[batch - 2 - i] {
            throw TorchError.runtime(
                "`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability."
            )
        }
        // Step t keeps the sequences longer than t: batchSizes[t] of them, the first ones. Lengths
        // beyond the input's steps count in batchSizes but add no rows, as ATen's clamped slices.
        let batchSizes = (0..<steps[0]).map { t in steps.filter { $0 > t }.count }
        let rowShape = Array(input.shape.dropFirst(2))
        let rowSize = rowShape.reduce(1, *)
        let strides = contiguousStrides(input.shape)
        var positions = [Int]()
        positions.reserveCapacity(batchSizes.reduce(0, +) * rowSize)
        for (t, size) in batchSizes.enumerated() where t < input.shape[timeDim] {
            for b in 0..<size {
                let start = t * strides[timeDim] + b * strides[batchDim]
                positions.append(contentsOf: start..<(start + rowSize))
            }
        }
        let storage = Storage.uninitialized(input.dtype, count: positions.count)
        input.dtype.dispatch(OffsetGatherVisitor(source: input.contiguousStorage(), offsets: positions, out: storage))
        let data = Tensor(storage: storage, shape: [positions.count / Swift.max(rowSize, 1)] + rowShape)
        let sizesTensor = try Tensor(batchSizes.map(Double.init), shape: [batchSizes.count], dtype: .int64)
        let inputShape = input.shape
        record(
            "_pack_padded_sequence", .packPaddedSequenceBackward0, inputs: [input], outputs: [data],
            saving: [.input("result1", sizesTensor)],
            keeping: [("batch_first", .bool(batchFirst)), ("input_sym_sizes", .ints(inputShape))]
        ) { ctx in
            [try packPaddedSequenceBackward(ctx.grad, inputShape: inputShape, batchSizes: batchSizes, batchFirst: batchFirst)]
        }
        return (data, sizesTensor)
    }

    /// `_pack_padded_sequence_backward`: zeros of the (time-major) input shape with each step's
    /// rows of `grad` copied into its first `batchSizes[t]` sequences, transposed back for
    /// `batchFirst`.
    static func packPaddedSequenceBackward(
        _ grad: Tensor, inputShape: [Int], batchSizes: [Int], batchFirst: Bool
    ) throws -> Tensor {
        var timeMajor = inputShape
        if batchFirst { timeMajor.swapAt(0, 1) }
        var gradInput = Tensor.zeros(timeMajor, dtype: grad.dtype)
        var offset = 0
        for (t, size) in batchSizes.enumerated() {
            _ = try gradInput.select(0, t).slice(0, start: 0, end: size).copy_(grad.slice(0, start: offset, end: offset + size))
            offset += size
        }
        if batchFirst { gradInput = try gradInput.transpose(0, 1) }
        return gradInput
    }
}

extension NodeKind {
    static let packPaddedSequenceBackward0 = NodeKind("PackPaddedSequenceBackward0")
}
