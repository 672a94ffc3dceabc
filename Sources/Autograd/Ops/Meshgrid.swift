extension Tensor {
    /// `torch.meshgrid(*tensors, indexing=)`: each 0-D or 1-D input viewed along its own dim and
    /// expanded to the grid (ExpandBackward0 over ViewBackward0), as aten's meshgrid builds it;
    /// `"xy"` swaps the roles of the first two inputs.
    public static func meshgrid(_ tensors: [Tensor], indexing: String) throws -> [Tensor] {
        guard !tensors.isEmpty else { throw TorchError.runtime("meshgrid expects a non-empty TensorList") }
        guard indexing == "ij" || indexing == "xy" else {
            throw TorchError.runtime("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: \(indexing)")
        }
        if let bad = tensors.first(where: { $0.dim > 1 }) {
            throw TorchError.runtime(
                "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got a tensor of size [\(bad.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        guard tensors.allSatisfy({ $0.dtype == tensors[0].dtype }) else {
            throw TorchError.runtime("meshgrid expects all tensors to have the same dtype")
        }
        var ordered = tensors
        let swap = indexing == "xy" && tensors.count >= 2
        if swap { ordered.swapAt(0, 1) }
        let sizes = ordered.map(\.numel)
        var grids = try ordered.indices.map { i in
            var viewShape = Array(repeating: 1, count: ordered.count)
            viewShape[i] = -1
            return try ordered[i].view(viewShape).expand(sizes)
        }
        if swap { grids.swapAt(0, 1) }
        return grids
    }

    /// `torch.cartesian_prod(*tensors)`: every combination of the 1-D inputs' elements, one row
    /// each, as ATen composes it (`meshgrid(indexing="ij")`, each grid flattened, `stack(dim=1)`);
    /// a single input is returned as it is.
    public static func cartesianProd(_ tensors: [Tensor]) throws -> Tensor {
        if let bad = tensors.first(where: { $0.dim != 1 }) {
            throw TorchError.runtime(
                "Expect a 1D vector, but got shape [\(bad.shape.map(String.init).joined(separator: ", "))]")
        }
        if tensors.count == 1 { return tensors[0] }
        return try stack(meshgrid(tensors, indexing: "ij").map { try $0.flatten() }, dim: 1)
    }
}
