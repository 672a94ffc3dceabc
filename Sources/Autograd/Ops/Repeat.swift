/// `Tensor.repeat(*repeats)` (RepeatBackward0): tiles the tensor `repeats[i]` times along each
/// dimension, with leading dimensions added when `repeats` is longer than the shape. The
/// backward sums the gradient over the tiles. `tile` and `repeat_interleave` are PyTorch's
/// composites over it and over the view, copy and index ops (aten/src/ATen/native/Repeat.cpp,
/// TensorShape.cpp), so their graphs hold the nodes PyTorch's do.
enum RepeatOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "repeat(Tensor self, int[] repeats) -> Tensor", gradFn: "RepeatBackward0", exposure: [.method],
            samples: OpSamples(arguments: ["repeats": .intList([2, 1, 2])]),
            forward: { try $0.tensor("self").repeating($0.intList("repeats")) }),
        OpDeclaration(
            "tile(Tensor self, int[] dims) -> Tensor", gradFn: "RepeatBackward0", exposure: [.torch, .method],
            samples: OpSamples(arguments: ["dims": .intList([2])]),
            forward: { try $0.tensor("self").tile($0.intList("dims")) }),
        OpDeclaration(
            "repeat_interleave.self_Tensor(Tensor self, Tensor repeats, int? dim=None) -> Tensor",
            gradFn: "IndexSelectBackward0", exposure: [.torch, .method],
            samples: OpSamples(
                arguments: ["dim": .int(1)], constants: ["repeats": .init([1, 0, 2], shape: [3], dtype: .int64)]),
            forward: { try $0.tensor("self").repeatInterleave($0.tensor("repeats"), dim: $0.optionalInt("dim")) }),
        OpDeclaration(
            "repeat_interleave.self_int(Tensor self, int repeats, int? dim=None) -> Tensor", gradFn: "ViewBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["repeats": .int(2), "dim": .int(1)]),
            forward: { try $0.tensor("self").repeatInterleave($0.int("repeats"), dim: $0.optionalInt("dim")) }),
        OpDeclaration(
            "repeat_interleave.Tensor(Tensor repeats) -> Tensor", gradFn: nil, exposure: [.torch],
            samples: OpSamples(constants: ["repeats": .init([1, 0, 2], shape: [3], dtype: .int64)]),
            forward: { try Tensor.repeatInterleave(counts: $0.tensor("repeats")) })
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
        if let negative = outShape.first(where: { $0 < 0 }) {
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
        record("repeat", .repeatBackward0, inputs: [self], outputs: [out], keeping: [("repeats", .ints(repeats))]) { ctx in
            let summed = try ctx.grad.reshape(tiledShape).sum(dims: Array(stride(from: 0, to: tiledShape.count, by: 2)))
            return [try summed.reshape(inputShape)]
        }
        return out
    }
}

extension Tensor {
    /// `self.tile(dims)`: `repeat` with `dims` padded with leading ones to the tensor's rank.
    public func tile(_ dims: [Int]) throws -> Tensor {
        try repeating(Array(repeating: 1, count: Swift.max(dim - dims.count, 0)) + dims)
    }

    /// `self.repeat_interleave(repeats, dim)`: each slice along `dim` (of the flattened tensor
    /// when `dim` is nil) `repeats` times in a row; unsqueeze, expand, a contiguous copy, then a view.
    public func repeatInterleave(_ repeats: Int, dim: Int?) throws -> Tensor {
        let input = dim == nil ? try flatten(startDim: 0, endDim: -1) : self
        let d = try normalizeDim(dim ?? 0, rank: self.dim)
        guard repeats >= 0 else { throw TorchError.runtime("Repeats must be non-negative") }
        let unsqueezed = try input.unsqueeze(d + 1)
        var expanded = unsqueezed.shape
        expanded[d + 1] = repeats
        return try unsqueezed.expand(expanded).clone().flatten(startDim: d, endDim: d + 1)
    }

    /// `self.repeat_interleave(repeats, dim)` with a count per slice (or one count for all, as a
    /// 0-dim or one-element tensor): `index_select` at the repeated positions.
    public func repeatInterleave(_ repeats: Tensor, dim: Int?) throws -> Tensor {
        let input = dim == nil ? try flatten(startDim: 0, endDim: -1) : self
        let d = try normalizeDim(dim ?? 0, rank: input.dim)
        let size = input.shape.isEmpty ? 1 : input.shape[d]
        var counts = repeats
        if repeats.dim == 0 || (repeats.dim == 1 && repeats.shape[0] == 1) {
            counts = try repeats.reshape([1]).expand([size])
        } else if repeats.dim == 1 {
            guard repeats.shape[0] == size else {
                throw TorchError.runtime(
                    "repeats must have the same size as input along dim, but got repeats.size(0) = \(repeats.shape[0]) "
                        + "and input.size(\(d)) = \(size)")
            }
        } else {
            throw TorchError.runtime("repeats must be 0-dim or 1-dim tensor")
        }
        return try input.indexSelect(dim: d, index: Tensor.repeatInterleave(counts: counts))
    }

    /// `torch.repeat_interleave(repeats)`: position `i` repeated `repeats[i]` times, for a 1-D
    /// int64 tensor of counts.
    public static func repeatInterleave(counts: Tensor) throws -> Tensor {
        guard counts.dim == 1 else { throw TorchError.runtime("repeat_interleave only accept 1D vector as repeat") }
        guard counts.dtype == .int64 else {
            throw TorchError.unsupportedOperation(
                "\"repeat_interleave_cpu\" not implemented for '\(counts.dtype.scalarTypeName)'")
        }
        let values = counts.indexValues()
        guard values.allSatisfy({ $0 >= 0 }) else { throw TorchError.runtime("repeats can not be negative") }
        let positions = values.enumerated().flatMap { Array(repeating: Double($0.offset), count: $0.element) }
        return try Tensor(positions, shape: [positions.count], dtype: .int64)
    }
}

extension NodeKind {
    static let repeatBackward0 = NodeKind("RepeatBackward0")
}
