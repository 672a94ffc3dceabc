import Testing

@testable import Autograd

/// Shared checks for the shape, indexing, linalg and NN op tests.
enum OpsCheck {
    static func close(
        _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-4,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= tolerance * max(1, abs(e)), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        }
    }

    /// grad_fn names along the first edge of each node, from `t` down to its leaf.
    static func chain(_ t: Tensor) -> [String] {
        var names = [String]()
        var node = t.gradFn
        while let n = node {
            names.append(n.name)
            node = n.nextEdges.compactMap { $0 }.first?.node
        }
        return names
    }

    static func leaf(_ values: [Double], _ shape: [Int]) throws -> Tensor {
        try Tensor(values, shape: shape, requiresGrad: true)
    }

    static func range(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try Tensor((0..<n).map { Double($0) * 0.37 - 1.1 }, shape: shape, dtype: dtype)
    }
}

@Test func opsShapeConformanceScript() throws {
    let x = try Tensor.arange(end: 6)
    try x.setRequiresGrad(true)
    let y = try x.view([2, 3])
    let z = try y.t()
    let w = try z.reshape([3, 2]).unsqueeze(0)
    #expect([y.gradFn?.name, z.gradFn?.name, w.gradFn?.name] == ["ViewBackward0", "TBackward0", "UnsqueezeBackward0"])
    #expect(w.shape == [1, 3, 2] && w.dim == 3 && w.numel == 6)
    let v = try w.index([.int(0), .slice(start: 1, stop: nil, step: nil), .slice(start: nil, stop: nil, step: nil)]) * 2
    OpsCheck.close(v.doubles(), [2, 8, 4, 10])
    #expect(v.shape == [2, 2])
    let loss = try v.sum()
    #expect(
        OpsCheck.chain(loss) == [
            "SumBackward0", "MulBackward0", "SliceBackward0", "SelectBackward0",
            "UnsqueezeBackward0", "ReshapeAliasBackward0", "TBackward0", "ViewBackward0",
            "torch::autograd::AccumulateGrad"
        ])
    try loss.backward()
    #expect(x.storedGrad?.doubles() == [0, 2, 2, 0, 2, 2])
}

@Test func shapeOpsGradFnNames() throws {
    let x = try OpsCheck.leaf(Array(repeating: 1, count: 24), [2, 1, 3, 4])
    #expect(try x.transpose(0, 2).gradFn?.name == "TransposeBackward0")
    #expect(try x.permute([3, 2, 1, 0]).gradFn?.name == "PermuteBackward0")
    var warnings = [String]()
    Diagnostics.warningHandler = { warnings.append($0) }
    defer { Diagnostics.warningHandler = nil }
    #expect(try x.T.gradFn?.name == "PermuteBackward0")
    #expect(try x.T.shape == [4, 3, 1, 2])
    #expect(warnings.count == 2 && warnings[0].hasPrefix("The use of `x.T` on tensors of dimension other than 2"))
    #expect(try x.mT.gradFn?.name == "TransposeBackward0")
    #expect(try x.squeeze().gradFn?.name == "SqueezeBackward0")
    #expect(try x.squeeze(1).gradFn?.name == "SqueezeBackward1")
    #expect(try x.unsqueeze(-1).gradFn?.name == "UnsqueezeBackward0")
    #expect(try x.flatten().gradFn?.name == "ViewBackward0")
    #expect(try x.transpose(0, 2).contiguous().gradFn?.name == "CloneBackward0")
    #expect(try x.contiguous() === x)
}

@Test func shapeOpsShapesAndStrides() throws {
    let x = try OpsCheck.range([2, 1, 3, 4])
    #expect(try x.squeeze().shape == [2, 3, 4])
    #expect(try x.squeeze(0).shape == [2, 1, 3, 4])
    #expect(try x.squeeze(-3).shape == [2, 3, 4])
    #expect(try x.unsqueeze(4).shape == [2, 1, 3, 4, 1])
    #expect(try x.unsqueeze(-5).shape == [1, 2, 1, 3, 4])
    #expect(try x.permute([3, 0, 2, 1]).shape == [4, 2, 3, 1])
    #expect(try x.flatten(startDim: 1).shape == [2, 12])
    #expect(try x.flatten(startDim: 1, endDim: 2).shape == [2, 3, 4])
    #expect(try Tensor.scalar(3).flatten().shape == [1])
    let p = try x.permute([3, 0, 2, 1])
    #expect(p.strides == [1, 12, 4, 12] && !p.isContiguous)
    #expect(try p.contiguous().isContiguous)
    // Values of the transposed matrix read in row-major order.
    let m = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    #expect(try m.t().doubles() == [1, 4, 2, 5, 3, 6])
    #expect(try m.T.doubles() == [1, 4, 2, 5, 3, 6])
    #expect(try Tensor([1, 2, 3]).t().shape == [3])
}

@Test func shapeOpsErrors() throws {
    let x = try OpsCheck.range([2, 3, 4])
    #expect(throws: TorchError.runtime("t() expects a tensor with <= 2 dimensions, but self is 3D")) { try x.t() }
    #expect(
        throws: TorchError.runtime(
            "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2"
        )
    ) {
        try x.permute([0, 1])
    }
    #expect(throws: TorchError.runtime("permute(): duplicate dims are not allowed.")) { try x.permute([0, 1, 1]) }
    #expect(throws: TorchError.index("Dimension out of range (expected to be in range of [-3, 2], but got 3)")) {
        try x.transpose(0, 3)
    }
    #expect(throws: TorchError.index("Dimension out of range (expected to be in range of [-4, 3], but got 4)")) {
        try x.unsqueeze(4)
    }
    #expect(throws: TorchError.runtime("flatten() has invalid args: start_dim cannot come after end_dim")) {
        try x.flatten(startDim: 2, endDim: 1)
    }
    #expect(throws: TorchError.runtime("tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.")) {
        try Tensor([1, 2]).mT
    }
}

@Test func shapeOpsMatchFiniteDifferences() throws {
    let a = try OpsCheck.range([2, 3, 4])
    try expectGradientsMatchFiniteDifferences([a]) { x in try x[0].transpose(0, 2).permute([1, 2, 0]) * x[0].permute([1, 2, 0]).mT
    }
    try expectGradientsMatchFiniteDifferences([a]) { x in try x[0].transpose(1, 2).flatten(startDim: 1).unsqueeze(0).squeeze() }
    try expectGradientsMatchFiniteDifferences([a]) { x in try x[0].transpose(0, 1).contiguous().squeeze(0).unsqueeze(1) }
    let m = try OpsCheck.range([3, 1])
    try expectGradientsMatchFiniteDifferences([m]) { x in try x[0].expand([3, 4]).t().squeeze().T }
}

@Test func viewsShareStorageAndVersion() throws {
    let base = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    let t = try base.t()
    let row = try t.index([.int(1)])
    #expect(row.doubles() == [2, 5])
    _ = try row.mul_(.scalar(.double(10)))
    #expect(base.doubles() == [1, 20, 3, 4, 50, 6])
    #expect(base.version == 1 && t.version == 1 && row.version == 1)
    #expect(row.base === base && t.base === base && row.storage === base.storage)
    _ = try base.add_(.scalar(.double(1)))
    #expect(row.version == 2 && row.doubles() == [21, 51])
}

@Test func catAndStack() throws {
    let a = try OpsCheck.leaf([1, 2, 3, 4], [2, 2])
    let b = try OpsCheck.leaf([5, 6], [2, 1])
    let c = try Tensor.cat([a, b], dim: 1)
    #expect(c.shape == [2, 3] && c.doubles() == [1, 2, 5, 3, 4, 6])
    #expect(c.gradFn?.name == "CatBackward0")
    let s = try Tensor.stack([a, a], dim: 1)
    #expect(s.shape == [2, 2, 2] && s.doubles() == [1, 2, 1, 2, 3, 4, 3, 4])
    #expect(s.gradFn?.name == "StackBackward0")
    #expect(try Tensor.cat([Tensor.zeros([0]), a], dim: 0).shape == [2, 2])
    #expect(try Tensor.cat([a, Tensor.zeros([2, 2], dtype: .float64)]).dtype == .float64)

    try expectGradientsMatchFiniteDifferences([OpsCheck.range([2, 3]), OpsCheck.range([2, 2])]) { x in
        try Tensor.cat([x[0].t(), x[1], x[0].t().index([.slice(start: 1, stop: nil, step: nil)])], dim: 0)
    }
    try expectGradientsMatchFiniteDifferences([OpsCheck.range([2, 3]), OpsCheck.range([3, 2])]) { x in
        try Tensor.stack([x[0], x[1].t(), x[0]], dim: -1)
    }
}

@Test func catAndStackErrors() throws {
    let a = try OpsCheck.range([2, 2])
    let b = try OpsCheck.range([2, 3])
    let c = try OpsCheck.range([3])
    #expect(
        throws: TorchError.runtime(
            "Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.")
    ) {
        try Tensor.cat([a, b.t()], dim: 1)
    }
    #expect(throws: TorchError.runtime("Tensors must have same number of dimensions: got 2 and 1")) { try Tensor.cat([a, c]) }
    #expect(throws: TorchError.runtime("zero-dimensional tensor (at position 1) cannot be concatenated")) {
        try Tensor.cat([a, Tensor.scalar(1)])
    }
    #expect(throws: TorchError.runtime("torch.cat(): expected a non-empty list of Tensors")) { try Tensor.cat([]) }
    #expect(throws: TorchError.runtime("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1")) {
        try Tensor.stack([Tensor([1, 2]), c])
    }
    #expect(throws: TorchError.runtime("stack expects a non-empty TensorList")) { try Tensor.stack([]) }
}

@Test func tolistNestsPerDimension() throws {
    #expect(
        try Tensor([1, 2.5, 3, 4], shape: [2, 2]).tolist()
            == .list([.list([.scalar(.double(1)), .scalar(.double(2.5))]), .list([.scalar(.double(3)), .scalar(.double(4))])]))
    #expect(Tensor.scalar(7, dtype: .int64).tolist() == .scalar(.int(7)))
    #expect(try Tensor([1, 0], shape: [2], dtype: .bool).t().tolist() == .list([.scalar(.bool(true)), .scalar(.bool(false))]))
    #expect(
        try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]).t().tolist()
            == .list([[1, 4], [2, 5], [3, 6]].map { .list($0.map { .scalar(.double($0)) }) }))
    #expect(Tensor.zeros([2, 0]).tolist() == .list([.list([]), .list([])]))
}
