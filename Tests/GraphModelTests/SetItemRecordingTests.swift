import Autograd
import Testing

@testable import GraphModel

/// `x[index] = value` records what PyTorch dispatches (the capture of a real PyTorch run is
/// compared with these records): the indexing views with grad mode on, then one in-place op on
/// the indexed view (`fill_`, `copy_`, `masked_fill_`, `index_fill_`, `index_put_`) with the
/// tensors it reads; a written view's base gets CopySlices.
@Test func anAssignmentThroughAnIndexRecordsTheViewsAndTheOpPyTorchRuns() throws {
    let g = try record { s in
        let x = try s.bind(1, "x") { try Tensor(Array(repeating: 0, count: 12), shape: [3, 4], requiresGrad: true) }
        let y = s.bind(2, "y") { try! x.mul(.scalar(.int(2))) }
        try s.run(3) { try y.indexAssign([.int(0)], .scalar(.double(5))) }
        let v = try s.bind(4, "v") { try Tensor([1, 2, 3, 4]) }
        try s.run(5) { try y.indexAssign([.int(1)], .tensor(v)) }
        let m = try s.bind(6, "m") { try Tensor([1, 0, 1], shape: [3], dtype: .bool) }
        try s.run(7) { try y.indexAssign([.tensor(m)], .scalar(.double(0))) }
        let i = try s.bind(8, "i") { try Tensor([0, 2], shape: [2], dtype: .int64) }
        try s.run(9) { try y.indexAssign([.tensor(i)], .scalar(.double(1.5))) }
        try s.run(10) { try y.indexAssign([.tensor(i)], .tensor(v)) }
        try s.run(11) { try y.indexAssign([.ellipsis], .scalar(.double(1))) }
    }.snapshot()
    let ops = g.ops.filter { $0.line >= 3 }
    #expect(
        ops.map(\.name) == [
            "select", "fill_", "select", "copy_", "unsqueeze", "masked_fill_", "index_fill_", "index_put_", "fill_"
        ])
    #expect(ops.map(\.gradEnabled) == Array(repeating: true, count: 9))
    #expect(ops.map(\.isInPlace) == [false, true, false, true, false, true, true, true, true])
    #expect(
        ops.map { $0.gradFn.map { g.nodes[$0].name } } == [
            "SelectBackward0", "CopySlices", "SelectBackward0", "CopySlices", nil, "MaskedFillBackward0",
            "IndexFillBackward0", "IndexPutBackward0", "FillBackward2"
        ])
    #expect(
        ops.map { $0.inputs.map { g.tensors[$0].shape } } == [
            [[3, 4]], [[4]], [[3, 4]], [[4], [4]], [[3]], [[3, 4], [3, 1]], [[3, 4], [2]], [[3, 4], [2], [4]], [[3, 4]]
        ])
}

@Test func aWrittenViewsCopySlicesHasAnEdgeForTheValueOnlyWhenTheOpReadsATensor() throws {
    let y = try Tensor([0, 0, 0, 0], shape: [2, 2], requiresGrad: true).mul(.scalar(.int(2)))
    try y.indexAssign([.int(0)], .scalar(.double(5)))
    #expect(y.gradFn?.name == "CopySlices")
    #expect(y.gradFn?.nextEdges.count == 1)
    try y.indexAssign([.int(1)], .tensor(Tensor([1, 2], requiresGrad: true)))
    #expect(y.gradFn?.nextEdges.count == 2)
}

@Test func copyIntoAViewHasTheSourceAsItsSecondInputAndNoBroadcastOp() throws {
    let g = try record { s in
        let a = try s.bind(1, "a") { try Tensor(Array(repeating: 0, count: 6), shape: [2, 3]) }
        let b = try s.bind(2, "b") { try Tensor([1, 2, 3]) }
        _ = try s.run(3) { try a.index([.slice(start: 1, stop: nil, step: nil)]).copy_(b) }
    }.snapshot()
    #expect(g.ops.map(\.name) == ["slice", "copy_"])
    #expect(g.ops[1].inputs.map { g.tensors[$0].shape } == [[1, 3], [3]])
}

@Test func equalAndAllcloseReturnABoolAndRecordNoOp() throws {
    let g = try record { s in
        let a = try s.bind(1, "a") { try Tensor([1, 2]) }
        _ = try s.run(2) { try a.equal(a) && a.allclose(a) }
    }.snapshot()
    #expect(g.ops.isEmpty)
}

@Test func normalWithATensorMeanOrStdIsOneNormalOp() throws {
    let g = try record { s in
        let m = try s.bind(1, "m") { try Tensor([0, 0]) }
        let sd = try s.bind(2, "sd") { try Tensor([1, 1]) }
        s.bind(3, "a") { try! Tensor.normal(mean: m, std: sd) }
        s.bind(4, "b") { try! Tensor.normal(mean: m, std: 2) }
        s.bind(5, "c") { try! Tensor.normal(mean: 1, std: sd) }
    }.snapshot()
    #expect(g.ops.map(\.name) == ["normal", "normal", "normal"])
    #expect(g.ops.map(\.inputs.count) == [2, 1, 1])
    #expect(g.detaches.isEmpty)
}
