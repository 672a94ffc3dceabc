/// `hstack` / `vstack` / `dstack` (`atleast_Nd` of each tensor, then `cat`: CatBackward0),
/// `broadcast_to` (ExpandBackward0), `movedim` / `moveaxis` (PermuteBackward0) and
/// `swapaxes` / `swapdims` (TransposeBackward0), composed as ATen composes them.
enum ArrangeOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "hstack(Tensor[] tensors) -> Tensor", gradFn: "CatBackward0", exposure: [.torch],
            forward: { try Tensor.hstack($0.tensorList("tensors")) }),
        OpDeclaration(
            "vstack(Tensor[] tensors) -> Tensor", gradFn: "CatBackward0", exposure: [.torch],
            forward: { try Tensor.vstack($0.tensorList("tensors")) }),
        OpDeclaration(
            "dstack(Tensor[] tensors) -> Tensor", gradFn: "CatBackward0", exposure: [.torch],
            forward: { try Tensor.dstack($0.tensorList("tensors")) }),
        OpDeclaration(
            "broadcast_to(Tensor self, int[] size) -> Tensor", gradFn: "ExpandBackward0", exposure: [.torch, .method],
            samples: OpSamples(arguments: ["size": .intList([4, 2, 3])]),
            forward: { try $0.tensor("self").expand($0.intList("size")) }),
        OpDeclaration(
            "movedim.int(Tensor self, int source, int destination) -> Tensor", gradFn: "PermuteBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["source": .int(0), "destination": .int(1)]),
            forward: { try $0.tensor("self").movedim([$0.int("source")], [$0.int("destination")]) }),
        OpDeclaration(
            "movedim.intlist(Tensor self, int[] source, int[] destination) -> Tensor", gradFn: "PermuteBackward0",
            exposure: [.torch, .method],
            samples: OpSamples(arguments: ["source": .intList([0]), "destination": .intList([1])]),
            forward: { try $0.tensor("self").movedim($0.intList("source"), $0.intList("destination")) }),
        OpDeclaration(
            "moveaxis.int(Tensor self, int source, int destination) -> Tensor", gradFn: "PermuteBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["source": .int(0), "destination": .int(1)]),
            forward: { try $0.tensor("self").movedim([$0.int("source")], [$0.int("destination")]) }),
        OpDeclaration(
            "moveaxis.intlist(Tensor self, int[] source, int[] destination) -> Tensor", gradFn: "PermuteBackward0",
            exposure: [.torch, .method],
            samples: OpSamples(arguments: ["source": .intList([0]), "destination": .intList([1])]),
            forward: { try $0.tensor("self").movedim($0.intList("source"), $0.intList("destination")) }),
        OpDeclaration(
            "swapaxes(Tensor self, int axis0, int axis1) -> Tensor", gradFn: "TransposeBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["axis0": .int(0), "axis1": .int(1)]),
            forward: { try $0.tensor("self").transpose($0.int("axis0"), $0.int("axis1")) }),
        OpDeclaration(
            "swapdims(Tensor self, int dim0, int dim1) -> Tensor", gradFn: "TransposeBackward0",
            exposure: [.torch, .method], samples: OpSamples(arguments: ["dim0": .int(0), "dim1": .int(1)]),
            forward: { try $0.tensor("self").transpose($0.int("dim0"), $0.int("dim1")) })
    ]
}

extension Tensor {
    /// `torch.atleast_1d`: a 0-dim tensor reshaped to `[1]` (ViewBackward0), others as they are.
    public func atleast1d() throws -> Tensor { dim == 0 ? try reshape([1]) : self }

    /// `torch.atleast_2d`: `[1, 1]` for 0-dim, `unsqueeze(0)` for 1-dim, others as they are.
    public func atleast2d() throws -> Tensor {
        switch dim {
        case 0: return try reshape([1, 1])
        case 1: return try unsqueeze(0)
        default: return self
        }
    }

    /// `torch.atleast_3d`: `[1, 1, 1]` for 0-dim, `[1, n, 1]` for 1-dim, `unsqueeze(-1)` for
    /// 2-dim, others as they are.
    public func atleast3d() throws -> Tensor {
        switch dim {
        case 0: return try reshape([1, 1, 1])
        case 1: return try unsqueeze(0).unsqueeze(-1)
        case 2: return try unsqueeze(-1)
        default: return self
        }
    }

    /// `torch.hstack(tensors)`: concatenated along dim 1, or along dim 0 for 1-dim tensors.
    public static func hstack(_ tensors: [Tensor]) throws -> Tensor {
        guard !tensors.isEmpty else { throw TorchError.runtime("hstack expects a non-empty TensorList") }
        let parts = try tensors.map { try $0.atleast1d() }
        return try cat(parts, dim: parts[0].dim == 1 ? 0 : 1)
    }

    /// `torch.vstack(tensors)`: at least 2-dim tensors concatenated along dim 0.
    public static func vstack(_ tensors: [Tensor]) throws -> Tensor {
        guard !tensors.isEmpty else { throw TorchError.runtime("vstack expects a non-empty TensorList") }
        return try cat(tensors.map { try $0.atleast2d() }, dim: 0)
    }

    /// `torch.dstack(tensors)`: at least 3-dim tensors concatenated along dim 2.
    public static func dstack(_ tensors: [Tensor]) throws -> Tensor {
        guard !tensors.isEmpty else { throw TorchError.runtime("dstack expects a non-empty TensorList") }
        return try cat(tensors.map { try $0.atleast3d() }, dim: 2)
    }

    /// `torch.movedim(self, source, destination)`: the dims `source` moved to `destination`,
    /// the others keeping their order (a `permute`).
    public func movedim(_ source: [Int], _ destination: [Int]) throws -> Tensor {
        guard source.count == destination.count else {
            throw TorchError.runtime(
                "movedim: Invalid source or destination dims: source (\(intListText(source)) dims) should contain the same number of dims as destination (\(intListText(destination)) dims)"
            )
        }
        let rank = dim
        let src = try source.map { try normalizeDim($0, rank: rank) }
        let dst = try destination.map { try normalizeDim($0, rank: rank) }
        guard Set(src).count == src.count else {
            throw TorchError.runtime("movedim: repeated dim in `source` (\(intListText(source)))")
        }
        guard Set(dst).count == dst.count else {
            throw TorchError.runtime("movedim: repeated dim in `destination` (\(intListText(destination)))")
        }
        var order = [Int](repeating: -1, count: rank)
        for (s, d) in zip(src, dst) { order[d] = s }
        var rest = (0..<rank).filter { !src.contains($0) }.makeIterator()
        for i in 0..<rank where order[i] == -1 { order[i] = rest.next()! }
        return try permute(order)
    }
}

/// `[0, 1]`, as ATen's error messages print int lists.
private func intListText(_ values: [Int]) -> String { "[\(values.map(String.init).joined(separator: ", "))]" }
