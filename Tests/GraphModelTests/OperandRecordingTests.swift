import Autograd
import Testing

@testable import GraphModel

/// What ops record (inputs, outputs, factory names, saved buffers) as PyTorch has them (the
/// capture of a real PyTorch run is compared with these records).
@Test func aPythonNumberIsRecordedAsAWrappedTensorOfItsOwnType() throws {
    let g = try record { s in
        let x = try s.bind(1, "x") { try Tensor([1, 2], requiresGrad: true) }
        s.bind(2, "a") { try! x.add(.scalar(.int(2))) }
        s.bind(3, "b") { try! x.mul(.scalar(.double(2.5))) }
        s.bind(4, "c") { try! x.div(.scalar(.bool(true))) }
        let d = try s.bind(5, "d") { try Tensor([1, 2]) }
        _ = try s.run(6) { try d.add_(.scalar(.int(1))) }
    }.snapshot()
    #expect(g.ops.map(\.name) == ["add", "mul", "div", "add_"])
    let operandTypes = g.ops.map { op in op.inputs.map { g.tensors[$0].dtype } }
    #expect(operandTypes == [[.float32, .int64], [.float32, .float64], [.float32, .bool], [.float32, .int64]])
    #expect(g.ops.map { g.tensors[$0.outputs[0]].dtype } == [.float32, .float32, .float32, .float32])
}

@Test func aComparisonWithAPythonNumberHasOneInput() throws {
    let g = try record { s in
        let x = try s.bind(1, "x") { try Tensor([1, 2]) }
        s.bind(2, "m") { try! x.lt(.scalar(.double(1.5))) }
        s.bind(3, "e") { try! x.eq(.tensor(x)) }
    }.snapshot()
    #expect(g.ops.map(\.inputs.count) == [1, 2])
}

@Test func anOpsComputedOutputIsRecordedAsTheOpsOutputNotAFactory() throws {
    let g = try record { s in
        let logp = try s.bind(1, "logp") { try Tensor([-1, -2, -0.5, -3], shape: [2, 2], requiresGrad: true) }
        let target = try s.bind(2, "target") { try Tensor([0, 1], shape: [2], dtype: .int64) }
        s.bind(3, "loss") { try! Tensor.nllLoss(logp, target: target) }
    }.snapshot()
    let loss = try #require(g.tensors.first { $0.names == ["loss"] })
    #expect(loss.source == .op)
    #expect(g.tensors.filter { $0.source == .factory }.count == 2)
}

@Test func aComputedFactoryIsRecordedUnderTheNameItWasCalledBy() {
    let g = record { s in
        s.bind(1, "a") { try! Tensor.factory("arange", Tensor.arange(end: 4), requiresGrad: false) }
        s.bind(2, "l") { try! Tensor.factory("linspace", Tensor.linspace(0, 1, steps: 3), requiresGrad: false) }
        s.bind(3, "p") { try! Tensor.factory("randperm", Tensor.randperm(4), requiresGrad: false) }
    }.snapshot()
    #expect(g.tensors.map(\.factory) == ["arange", "linspace", "randperm"])
}

@Test func layerNormSavesItsStatisticsUnderPyTorchsRoleNames() throws {
    let g = try record { s in
        let x = try s.bind(1, "x") { try Tensor([1, 2, 4, 8], shape: [2, 2], requiresGrad: true) }
        s.bind(2, "y") { try! Tensor.layerNorm(x, normalizedShape: [2]) }
    }.snapshot()
    let node = try #require(g.nodes.first { $0.name == "NativeLayerNormBackward0" })
    #expect(node.saved.map(\.name) == ["input", "result1", "result2"])
}
