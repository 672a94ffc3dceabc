/// `Tensor.repeat(*repeats)` (RepeatBackward0): tiles the tensor `repeats[i]` times along each
/// dimension, with leading dimensions added when `repeats` is longer than the shape. The
/// backward sums the gradient over the tiles.
enum RepeatOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "repeat(Tensor self, int[] repeats) -> Tensor", gradFn: "RepeatBackward0", exposure: [.method],
            samples: OpSamples(arguments: ["repeats": .intList([2, 1, 2])]),
            forward: { try $0.tensor("self").repeating($0.intList("repeats")) })
    ]
}

extension Tensor {
    /// `self.repeat(*repeats)`.
    public func repeating(_ repeats: [Int]) throws -> Tensor {
        guard repeats.count >= dim else {
            throw TorchError.runtime(
                "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let lead = repeats.count - dim
        let padded = Array(repeating: 1, count: lead) + shape
        let paddedStrides = Array(repeating: 0, count: lead) + strides
        let outShape = zip(padded, repeats).map { $0 * $1 }
        if let negative = repeats.first(where: { $0 < 0 }) {
            throw TorchError.runtime(
                "Trying to create tensor with negative dimension \(negative): [\(outShape.map(String.init).joined(separator: ", "))]"
            )
        }
        try MemoryBudget.checkedNumel(outShape, allocating: dtype)
        // [r0, s0, r1, s1, ...]: each tile reads the source through stride 0.
        let tiledShape = zip(repeats, padded).flatMap { [$0, $1] }
        let tiledStrides = paddedStrides.flatMap { [0, $0] }
        let tiles = Tensor(storage: storage, shape: tiledShape, strides: tiledStrides, offset: offset).materialized()
        let out = Tensor(storage: tiles.storage, shape: outShape)
        let inputShape = shape
        record("repeat", "RepeatBackward0", inputs: [self], outputs: [out], keeping: [("repeats", .ints(repeats))]) { ctx in
            let summed = try ctx.grad.reshape(tiledShape).sum(dims: Array(stride(from: 0, to: tiledShape.count, by: 2)))
            return [try summed.reshape(inputShape)]
        }
        return out
    }
}
