import Testing

@testable import Autograd

/// Finite-difference checks of the composite tensor functions bound by hand rather than
/// declared in the registry (so its gradient walk does not reach them): `block_diag`,
/// `cartesian_prod` and `tensor_split`; their values and grad_fns are pinned against PyTorch by
/// the interpreter fixture torch_rot90_blockdiag_splits.
@Test func blockDiagGradientsMatchFiniteDifferences() throws {
    let inputs = [
        try Tensor([0.5, -1.5, 2, 0.25], shape: [2, 2]), try Tensor([1.5, -0.5, 3], shape: [3]), try Tensor([0.75], shape: [])
    ]
    try expectGradientsMatchFiniteDifferences(inputs) { v in try Tensor.blockDiag(v).mul(.tensor(Tensor.blockDiag(v))) }
}

@Test func cartesianProdGradientsMatchFiniteDifferences() throws {
    let inputs = [try Tensor([0.5, -1.5], shape: [2]), try Tensor([1.5, -0.5, 3], shape: [3])]
    try expectGradientsMatchFiniteDifferences(inputs) { v in try Tensor.cartesianProd(v).pow(3) }
}

@Test func tensorSplitGradientsMatchFiniteDifferences() throws {
    let input = try Tensor([0.5, -1.5, 2, 0.25, 1.5, -0.5, 3, 0.75, -2, 1], shape: [2, 5])
    try expectGradientsMatchFiniteDifferences([input]) { v in
        let bySections = try v[0].tensorSplit(sections: 3, dim: 1)
        let byIndices = try v[0].tensorSplit(indices: [1, 4], dim: -1)
        return try Tensor.cat(
            [bySections[0].exp(), bySections[2].mul(.tensor(bySections[2])), byIndices[1].sin()], dim: 1)
    }
}
