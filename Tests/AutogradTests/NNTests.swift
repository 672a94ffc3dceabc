import Testing

@testable import Autograd

private func longs(_ v: [Double], _ shape: [Int]? = nil) throws -> Tensor {
    try Tensor(v, shape: shape ?? [v.count], dtype: .int64)
}

@Test func opsSoftmaxCrossEntropyConformanceScript() throws {
    let logits = try OpsCheck.leaf([2, 1, 0.1, 0.5, 2.5, 0.3], [2, 3])
    let target = try longs([0, 1])
    let p = try logits.softmax(dim: 1)
    #expect(p.gradFn?.name == "SoftmaxBackward0" && p.gradFn?.saved.map(\.role) == ["result"])
    OpsCheck.close(p.doubles(), [0.6590, 0.2424, 0.0986, 0.1086, 0.8025, 0.0889])
    let loss = try Tensor.crossEntropy(logits, target: target)
    OpsCheck.close(loss.doubles(), [0.3185])
    #expect(OpsCheck.chain(loss) == ["NllLossBackward0", "LogSoftmaxBackward0", "torch::autograd::AccumulateGrad"])
    #expect(loss.gradFn?.nextEdges.count == 1)
    #expect(loss.gradFn?.saved.map(\.role) == ["self", "target", "total_weight"])
    try loss.backward()
    OpsCheck.close(logits.storedGrad!.doubles(), [-0.1705, 0.1212, 0.0493, 0.0543, -0.0988, 0.0445])
}

@Test func softmaxIsStableAndNormalized() throws {
    let x = try Tensor([1000, 1001, 1002, -1000, 0, 1000], shape: [2, 3])
    let p = try x.softmax(dim: -1)
    OpsCheck.close(p.doubles(), [0.0900306, 0.2447285, 0.6652410, 0, 0, 1], tolerance: 1e-5)
    let lp = try x.logSoftmax(dim: 1)
    OpsCheck.close(lp.doubles(), [-2.4076059, -1.4076059, -0.4076059, -2000, -1000, 0], tolerance: 1e-5)
    let columns = try x.softmax(dim: 0)
    OpsCheck.close(columns.doubles(), [1, 1, 0.8807971, 0, 0, 0.1192029], tolerance: 1e-5)
    #expect(try Tensor.scalar(3).softmax(dim: 0).doubles() == [1])
    #expect(throws: TorchError.runtime("\"softmax_lastdim_kernel_impl\" not implemented for 'Long'")) {
        try longs([1, 2]).softmax(dim: 0)
    }
}

@Test func softmaxFamilyMatchesFiniteDifferences() throws {
    let a = try OpsCheck.range([2, 3, 4])
    for d in [0, 1, -1] {
        try expectGradientsMatchFiniteDifferences([a]) { x in try x[0].softmax(dim: d) }
        try expectGradientsMatchFiniteDifferences([a]) { x in try x[0].transpose(0, 2).logSoftmax(dim: d) }
    }
    // Second order through the saved result (create_graph).
    try expectGradientsMatchFiniteDifferences([OpsCheck.range([2, 3])]) { x in
        try GradMode.with(enabled: true) {
            let y = try (x[0].logSoftmax(dim: 1) * x[0].softmax(dim: 0)).sum()
            return try Autograd.grad(outputs: [y], inputs: [x[0]], createGraph: true)[0]!
        }
    }
}

@Test func mseLossReductions() throws {
    let x = try OpsCheck.leaf([1, 2, 3, 4], [2, 2])
    let y = try Tensor([0, 2, 5, 4], shape: [2, 2])
    let mean = try Tensor.mseLoss(x, y)
    #expect(mean.doubles() == [1.25] && mean.gradFn?.name == "MseLossBackward0")
    #expect(try Tensor.mseLoss(x, y, reduction: "sum").doubles() == [5])
    #expect(try Tensor.mseLoss(x, y, reduction: "none").doubles() == [1, 0, 4, 0])
    try mean.backward()
    #expect(x.storedGrad?.doubles() == [0.5, 0, -1, 0])
    #expect(throws: TorchError.value("avg is not a valid value for reduction")) { try Tensor.mseLoss(x, y, reduction: "avg") }
    var warnings = [String]()
    Diagnostics.warningHandler = { warnings.append($0) }
    defer { Diagnostics.warningHandler = nil }
    let broadcast = try Tensor.mseLoss(Tensor([1, 2]), Tensor([[1], [3]].flatMap { $0 }, shape: [2, 1]))
    #expect(broadcast.doubles() == [1.5])
    #expect(
        warnings == [
            "Using a target size (torch.Size([2, 1])) that is different to the input size (torch.Size([2])). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."
        ])
    for reduction in ["mean", "sum", "none"] {
        try expectGradientsMatchFiniteDifferences([OpsCheck.range([3, 2]), OpsCheck.range([2, 3])]) { x in
            try Tensor.mseLoss(x[0].t(), x[1] * x[1], reduction: reduction)
        }
    }
}

@Test func nllAndCrossEntropy() throws {
    let logp = try Tensor([-1, -2, -3, -0.5, -1.5, -2.5], shape: [2, 3])
    #expect(try Tensor.nllLoss(logp, target: longs([2, 0])).doubles() == [1.75])
    #expect(try Tensor.nllLoss(logp, target: longs([2, 0]), reduction: "sum").doubles() == [3.5])
    #expect(try Tensor.nllLoss(logp, target: longs([2, 0]), reduction: "none").doubles() == [3, 0.5])
    #expect(try Tensor.nllLoss(logp, target: longs([2, -100])).doubles() == [3])
    #expect(try Tensor.nllLoss(logp.index([.int(1)]), target: longs([1], [])).doubles() == [1.5])
    for reduction in ["mean", "sum", "none"] {
        try expectGradientsMatchFiniteDifferences([OpsCheck.range([4, 3])]) { x in
            try Tensor.nllLoss(x[0], target: longs([2, 0, 1, -100]), reduction: reduction)
        }
        try expectGradientsMatchFiniteDifferences([OpsCheck.range([3, 4])]) { x in
            try Tensor.crossEntropy(x[0].t(), target: longs([2, 0, 1, 1]), reduction: reduction)
        }
    }
    try expectGradientsMatchFiniteDifferences([OpsCheck.range([5])]) { x in
        try Tensor.crossEntropy(x[0], target: longs([3], []))
    }
}

@Test func lossErrors() throws {
    let input = try OpsCheck.range([2, 4])
    #expect(throws: TorchError.value("Expected input batch_size (2) to match target batch_size (3).")) {
        try Tensor.crossEntropy(input, target: longs([0, 1, 2]))
    }
    #expect(throws: TorchError.index("Target 5 is out of bounds.")) { try Tensor.nllLoss(input, target: longs([0, 5])) }
    #expect(throws: TorchError.index("Target -1 is out of bounds.")) { try Tensor.crossEntropy(input, target: longs([-1, 0])) }
    #expect(throws: TorchError.runtime("expected target dtype to be Long or Byte, but got Float")) {
        try Tensor.nllLoss(input, target: Tensor([0, 1]))
    }
    #expect(throws: TorchError.value("Expected 1 or more dimensions (got 0)")) {
        try Tensor.nllLoss(Tensor.scalar(1), target: longs([0]))
    }
    #expect(throws: TorchError.value("none2 is not a valid value for reduction")) {
        try Tensor.crossEntropy(input, target: longs([0, 1]), reduction: "none2")
    }
}
