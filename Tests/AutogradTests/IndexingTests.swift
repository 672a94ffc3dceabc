import Testing

@testable import Autograd

private var all: TensorIndex { .slice(start: nil, stop: nil, step: nil) }
private func s(_ start: Int?, _ stop: Int?, _ step: Int? = nil) -> TensorIndex { .slice(start: start, stop: stop, step: step) }
private func longs(_ v: [Double], _ shape: [Int]? = nil) throws -> Tensor {
    try Tensor(v, shape: shape ?? [v.count], dtype: .int64)
}

@Test func basicIndexingGivesViews() throws {
    let x = try OpsCheck.leaf((0..<12).map(Double.init), [3, 4])
    let row = try x.index([.int(-1)])
    #expect(row.doubles() == [8, 9, 10, 11] && row.gradFn?.name == "SelectBackward0" && row.storage === x.storage)
    let cols = try x.index([all, s(1, nil, 2)])
    #expect(cols.shape == [3, 2] && cols.doubles() == [1, 3, 5, 7, 9, 11] && cols.gradFn?.name == "SliceBackward0")
    // A full slice inside a tuple is skipped (no node); alone it is recorded.
    #expect(OpsCheck.chain(try x.index([all, .int(0)])) == ["SelectBackward0", "torch::autograd::AccumulateGrad"])
    #expect(try x.index([all]).gradFn?.name == "SliceBackward0")
    #expect(try x.index([.ellipsis]).gradFn?.name == "AliasBackward0")
    #expect(try x.index([all, all]).gradFn?.name == "AliasBackward0")
    // Python's clamping of slice bounds.
    #expect(try x.index([s(-100, 2)]).shape == [2, 4])
    #expect(try x.index([s(5, 100)]).shape == [0, 4])
    #expect(try x.index([s(2, 1)]).shape == [0, 4])
    #expect(try x.index([s(-2, nil)]).doubles() == Array(4..<12).map(Double.init))
    // None and ellipsis.
    #expect(try x.index([.newAxis]).shape == [1, 3, 4])
    #expect(try x.index([.ellipsis, .newAxis, .int(1)]).shape == [3, 1])
    #expect(try x.index([.ellipsis, .int(1)]).doubles() == [1, 5, 9])
    #expect(try x.index([.int(1), .ellipsis, .newAxis]).shape == [4, 1])
    // A 0-dim int64 tensor selects.
    #expect(try x.index([.tensor(longs([2], []))]).doubles() == [8, 9, 10, 11])
}

@Test func indexingErrors() throws {
    let x = try OpsCheck.range([3])
    #expect(throws: TorchError.index("index 5 is out of bounds for dimension 0 with size 3")) { try x.index([.int(5)]) }
    #expect(throws: TorchError.index("index -4 is out of bounds for dimension 0 with size 3")) { try x.index([.int(-4)]) }
    #expect(throws: TorchError.index("too many indices for tensor of dimension 1")) { try x.index([.int(0), .int(0)]) }
    #expect(throws: TorchError.index("index 1 is out of bounds for dimension 1 with size 1")) {
        try OpsCheck.range([3, 1]).index([.int(0), .int(1)])
    }
    #expect(throws: TorchError.index("index 5 is out of bounds for dimension 0 with size 3")) {
        try x.index([.tensor(longs([0, 5]))])
    }
    #expect(throws: TorchError.index("tensors used as indices must be long, int, byte or bool tensors")) {
        try x.index([.tensor(Tensor([0]))])
    }
    #expect(throws: TorchError.value("step must be greater than zero")) { try x.index([s(nil, nil, 0)]) }
    #expect(
        throws: TorchError.index(
            "The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3] at index 0")
    ) {
        try x.index([.tensor(Tensor([1, 0], shape: [2], dtype: .bool))])
    }
    #expect(throws: TorchError.index("shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]")) {
        try OpsCheck.range([3, 3]).index([.tensor(longs([0, 1])), .tensor(longs([0, 1, 2]))])
    }
    #expect((try? x.index([.int(7)])) == nil)
    do { _ = try x.index([.int(7)]) } catch let e as TorchError { #expect(e.pythonType == "IndexError") }
}

@Test func advancedIndexing() throws {
    let x = try OpsCheck.leaf((0..<24).map(Double.init), [2, 3, 4])
    let picked = try x.index([.tensor(longs([1, 0, -1]))])
    #expect(picked.shape == [3, 3, 4] && picked.gradFn?.name == "IndexBackward0" && picked.storage !== x.storage)
    // Adjacent index tensors keep their place; separated ones move to the front.
    let adjacent = try x.index([all, .tensor(longs([0, 2])), .tensor(longs([1, 3]))])
    #expect(adjacent.shape == [2, 2] && adjacent.doubles() == [1, 11, 13, 23])
    let split = try x.index([.tensor(longs([1, 0])), all, .tensor(longs([3, 0]))])
    #expect(split.shape == [2, 3] && split.doubles() == [15, 19, 23, 0, 4, 8])
    let broadcast = try x.index([.int(0), .tensor(longs([0, 2], [2, 1])), .tensor(longs([1, 2, 3]))])
    #expect(broadcast.shape == [2, 3] && broadcast.doubles() == [1, 2, 3, 9, 10, 11])
    let mask = try Tensor([1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1], shape: [3, 4], dtype: .bool)
    let masked = try x.index([.int(1), .tensor(mask)])
    #expect(masked.doubles() == [12, 14, 15, 23])
    #expect(try x.index([.tensor(Tensor([1], shape: [], dtype: .bool))]).shape == [1, 2, 3, 4])

    let values = try OpsCheck.range([4, 3])
    try expectGradientsMatchFiniteDifferences([values]) { v in
        try v[0].index([.tensor(longs([0, 2, 0, 3])), s(1, nil)])
    }
    try expectGradientsMatchFiniteDifferences([values]) { v in
        try v[0].t().index([.tensor(Tensor([1, 0, 1], shape: [3], dtype: .bool)), .tensor(longs([3, 3]))])
    }
    try expectGradientsMatchFiniteDifferences([values]) { v in
        try v[0].index([.int(-1), .newAxis, .ellipsis]).mul(.tensor(v[0].index([s(nil, nil, 2), .int(1)]).unsqueeze(1)))
    }
}

@Test func indexingGradientsWithCreateGraph() throws {
    // d/dx of sum(w * x[idx]^2) is scattered; differentiating again through the scatter works.
    let data = try OpsCheck.range([5])
    try expectGradientsMatchFiniteDifferences([data]) { v in
        try GradMode.with(enabled: true) {
            let picked = try v[0].index([.tensor(longs([0, 3, 3]))])
            let sliced = try v[0].index([.slice(start: 1, stop: nil, step: 2)])
            let selected = try v[0].index([.int(-1)])
            let y = try (picked * picked * picked).sum() + (sliced * sliced * selected).sum()
            return try Autograd.grad(outputs: [y], inputs: [v[0]], createGraph: true)[0]!
        }
    }
}

@Test func indexAssignWritesInPlace() throws {
    let x = try Tensor((0..<6).map(Double.init), shape: [2, 3])
    try x.indexAssign([.int(0), s(1, nil)], .scalar(.double(-1)))
    #expect(x.doubles() == [0, -1, -1, 3, 4, 5] && x.version == 1)
    try x.indexAssign([all, .int(0)], .tensor(Tensor([7, 8])))
    #expect(x.doubles() == [7, -1, -1, 8, 4, 5] && x.version == 2)
    try x.indexAssign([.tensor(Tensor([0, 1, 0, 1, 0, 1], shape: [2, 3], dtype: .bool))], .scalar(.int(9)))
    #expect(x.doubles() == [7, 9, -1, 9, 4, 9])
    try x.indexAssign([.ellipsis], .tensor(Tensor([1, 2, 3], shape: [1, 1, 3])))
    #expect(x.doubles() == [1, 2, 3, 1, 2, 3])
    let view = try x.t()
    try view.indexAssign([.int(2)], .tensor(Tensor([0, 0])))
    #expect(x.doubles() == [1, 2, 0, 1, 2, 0] && x.version == view.version)
    let ints = Tensor.zeros([3], dtype: .int64)
    try ints.indexAssign([.tensor(longs([2]))], .scalar(.int(4)))
    #expect(ints.doubles() == [0, 0, 4])

    #expect(
        throws: TorchError.runtime(
            "The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2].  Tensor sizes: [3]"
        )
    ) {
        try x.indexAssign([.int(0), s(nil, 2)], .tensor(Tensor([1, 2, 3])))
    }
    #expect(
        throws: TorchError.runtime(
            "shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2]")
    ) {
        try x.indexAssign([.int(0), .tensor(longs([0, 1]))], .tensor(Tensor([1, 2, 3])))
    }
    let leaf = try OpsCheck.leaf([1, 2], [2])
    // as in PyTorch: `leaf[0] = 0` writes a view of the leaf, `leaf[[0]] = 0` the leaf itself
    #expect(throws: TorchError.runtime(AutogradMessages.viewOfLeafInPlace)) {
        try leaf.indexAssign([.int(0)], .scalar(.double(0)))
    }
    #expect(throws: TorchError.runtime(AutogradMessages.leafInPlace)) {
        try leaf.indexAssign([.tensor(longs([0]))], .scalar(.double(0)))
    }
    #expect(throws: TorchError.runtime(AutogradMessages.viewOfLeafInPlace)) {
        try leaf.index([s(0, 1)]).indexAssign([.int(0)], .scalar(.double(0)))
    }
    try GradMode.noGrad { try leaf.indexAssign([.int(0)], .scalar(.double(5))) }
    #expect(leaf.doubles() == [5, 2])
}

@Test func indexAssignRecordsHistory() throws {
    let a = try OpsCheck.leaf([1, 2, 3, 4, 5, 6], [2, 3])
    let w = try OpsCheck.leaf([10, 20], [2])
    let h = try a * 2
    try h.indexAssign([.int(1), s(1, nil)], .tensor(w))
    #expect(h.gradFn?.name == "CopySlices")
    #expect(h.gradFn?.nextEdges.map { $0?.node.name } == ["MulBackward0", "torch::autograd::AccumulateGrad"])
    #expect(h.doubles() == [2, 4, 6, 8, 10, 20])
    let weights = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    try (h * weights).sum().backward()
    #expect(a.storedGrad?.doubles() == [2, 4, 6, 8, 0, 0])
    #expect(w.storedGrad?.doubles() == [5, 6])

    // A plain leaf that needs no grad takes history from the value; masks give IndexPutBackward0.
    let z = Tensor.zeros([3])
    let v = try OpsCheck.leaf([4], [1])
    try z.indexAssign([.tensor(Tensor([1, 0, 1], shape: [3], dtype: .bool))], .tensor(v))
    #expect(z.gradFn?.name == "IndexPutBackward0" && !z.isLeaf)
    try (z * z).sum().backward()
    #expect(v.storedGrad?.doubles() == [16])

    let c = Tensor.zeros([2])
    try c.indexAssign([.ellipsis], .tensor(v))
    #expect(c.gradFn?.name == "CopyBackwards")

    // Writing through a view of a non-leaf: the base gets CopySlices and the view a fresh node.
    let b = try a * 1
    let row = try b.index([.int(0)])
    try row.indexAssign([.int(2)], .tensor(w.index([.int(1)])))
    #expect(b.gradFn?.name == "CopySlices" && row.gradFn?.name == "AsStridedBackward0")
    try expectGradientsMatchFiniteDifferences([OpsCheck.range([2, 3]), OpsCheck.range([2])]) { x in
        let base = try x[0] * 1
        let view = try base.t()
        try view.indexAssign([s(1, nil), .int(0)], .tensor(x[1] * x[1]))
        return try base * view.t()
    }
    try expectGradientsMatchFiniteDifferences([OpsCheck.range([4]), OpsCheck.range([1])]) { x in
        let base = try x[0] * x[0]
        try base.indexAssign([.tensor(longs([3, 0]))], .tensor(x[1]))
        return base
    }
}
