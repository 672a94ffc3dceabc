import Testing

@testable import Autograd

@Test func opsMatmulConformanceScript() throws {
    let x = try OpsCheck.leaf([1, 2, 3, 4, 5, 6], [3, 2])
    let w = try OpsCheck.leaf([0.5, -1, 0, 2, 1, -0.5], [2, 3])
    let y = try x.matmul(w)
    #expect(y.gradFn?.name == "MmBackward0")
    OpsCheck.close(y.doubles(), [4.5, 1, -1, 9.5, 1, -2, 14.5, 1, -3])
    let loss = try (y * y).sum() / 9
    OpsCheck.close(loss.doubles(), [37.5278])
    try loss.backward()
    OpsCheck.close(x.storedGrad!.doubles(), [0.2778, 2.3333, 0.8333, 4.6667, 1.3889, 7.0])
    OpsCheck.close(w.storedGrad!.doubles(), [23.4444, 2.0, -4.8889, 29.7778, 2.6667, -6.2222])
    let z = try x.mm(w).t()
    #expect(z.gradFn?.name == "TBackward0" && z.shape == [3, 3])
}

@Test func trainLinearRegressionConformanceScript() throws {
    let X = try Tensor([1, 2, 3, 4], shape: [4, 1])
    let Y = try Tensor([3, 5, 7, 9], shape: [4, 1])
    let w = try OpsCheck.leaf([0.5], [1, 1])
    let b = try OpsCheck.leaf([0], [1])
    var losses = [Double]()
    for _ in 0..<5 {
        let pred = try X.matmul(w) + b
        let mm = pred.gradFn?.nextEdges[0]?.node
        #expect(pred.gradFn?.nextEdges.map { $0?.node.name } == ["MmBackward0", "torch::autograd::AccumulateGrad"])
        #expect(mm?.nextEdges.map { $0?.node.name } == [nil, "torch::autograd::AccumulateGrad"])
        #expect(mm?.saved.map(\.role) == ["self"])
        let loss = try Tensor.mseLoss(pred, Y)
        try loss.backward()
        try GradMode.noGrad {
            _ = try w.sub_(.tensor(w.storedGrad! * 0.05))
            _ = try b.sub_(.tensor(b.storedGrad! * 0.05))
        }
        _ = try w.storedGrad!.zero_()
        _ = try b.storedGrad!.zero_()
        losses.append(loss.doubles()[0])
    }
    OpsCheck.close(losses, [25.375, 0.7209, 0.0491, 0.0299, 0.0285], tolerance: 1e-3)
    OpsCheck.close(w.doubles(), [2.1383])
    OpsCheck.close(b.doubles(), [0.5928])
}

/// `a @ b` by the textbook triple loop in Double.
private func naiveProduct(_ a: Tensor, _ b: Tensor) -> [Double] {
    let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
    let av = a.doubles()
    let bv = b.doubles()
    var out = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for p in 0..<k {
            let x = av[i * k + p]
            for j in 0..<n { out[i * n + j] += x * bv[p * n + j] }
        }
    }
    return out
}

private func pattern(_ shape: [Int], seed: Int, dtype: DType = .float32) throws -> Tensor {
    let n = shape.reduce(1, *)
    return try Tensor((0..<n).map { Double((($0 &* 7919 &+ seed &* 104729) % 2003) - 1001) / 1001 }, shape: shape, dtype: dtype)
}

@Test func blasProductMatchesNaiveLoopAt64x784x256() throws {
    let a = try pattern([64, 784], seed: 1)
    let b = try pattern([784, 256], seed: 2)
    let expected = naiveProduct(a, b)
    OpsCheck.close(try a.matmul(b).doubles(), expected, tolerance: 1e-4)
    // Transposed operands are read in place with CblasTrans; strided ones are copied first.
    let at = try pattern([784, 64], seed: 1)
    let bt = try pattern([256, 784], seed: 2)
    OpsCheck.close(try at.t().mm(bt.t()).doubles(), try naiveProduct(at.t().contiguous(), bt.t().contiguous()), tolerance: 1e-4)
    let operand = try at.t().matrixOperand()
    #expect(operand.storage === at.storage && operand.transposed && operand.ld == 64)
    let wide = try pattern([64, 1568], seed: 3)
    let strided = try wide.index([.slice(start: nil, stop: nil, step: nil), .slice(start: nil, stop: nil, step: 2)])
    #expect(strided.matrixOperand().storage !== wide.storage)
    OpsCheck.close(try strided.mm(b).doubles(), try naiveProduct(strided.contiguous(), b), tolerance: 1e-4)
    let a64 = try pattern([64, 784], seed: 1, dtype: .float64)
    let b64 = try pattern([784, 256], seed: 2, dtype: .float64)
    OpsCheck.close(try a64.mm(b64).doubles(), naiveProduct(a64, b64), tolerance: 1e-10)
}

@Test func integerAndDegenerateProducts() throws {
    let a = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3], dtype: .int64)
    let b = try Tensor([1, 0, -1, 2, 3, 1], shape: [3, 2], dtype: .int64)
    let p = try a.mm(b)
    #expect(p.dtype == .int64 && p.doubles() == [8, 7, 17, 16])
    #expect(try a.t().mm(a).doubles() == [17, 22, 27, 22, 29, 36, 27, 36, 45])
    #expect(try Tensor([1, 2, 3], shape: [3], dtype: .int64).dot(Tensor([4, 5, 6], shape: [3], dtype: .int64)).doubles() == [32])
    #expect(try Tensor.zeros([2, 0]).mm(Tensor.zeros([0, 3])).doubles() == [0, 0, 0, 0, 0, 0])
    #expect(try Tensor.zeros([0, 2]).mm(Tensor.zeros([2, 3])).shape == [0, 3])
    // A broadcast (stride 0) vector and a column of a matrix.
    let m = try Tensor([1, 2, 3, 4], shape: [2, 2])
    #expect(try m.mv(Tensor.scalar(2).expand([2])).doubles() == [6, 14])
    #expect(try m.mv(m.index([.slice(start: nil, stop: nil, step: nil), .int(1)])).doubles() == [10, 22])
}

@Test func matmulDispatchNames() throws {
    let v = try OpsCheck.leaf([1, 2, 3], [3])
    let m = try OpsCheck.leaf(Array(repeating: 0.5, count: 12), [3, 4])
    let b3 = try OpsCheck.leaf(Array(repeating: 0.25, count: 24), [2, 3, 4])
    let c3 = try OpsCheck.leaf(Array(repeating: 0.75, count: 40), [2, 4, 5])
    #expect(try v.matmul(v).gradFn?.name == "DotBackward0")
    #expect(try m.t().matmul(v).gradFn?.name == "MvBackward0")
    #expect(
        OpsCheck.chain(try v.matmul(m)) == [
            "SqueezeBackward4", "MmBackward0", "UnsqueezeBackward0",
            "torch::autograd::AccumulateGrad"
        ])
    #expect(try v.matmul(m).shape == [4])
    let batched = try b3.matmul(c3)
    #expect(batched.shape == [2, 3, 5])
    #expect(
        OpsCheck.chain(batched) == [
            "UnsafeViewBackward0", "BmmBackward0", "ViewBackward0", "ExpandBackward0",
            "torch::autograd::AccumulateGrad"
        ])
    let folded = try b3.matmul(c3.index([.int(0)]))
    #expect(folded.shape == [2, 3, 5])
    #expect(OpsCheck.chain(folded) == ["UnsafeViewBackward0", "MmBackward0", "ViewBackward0", "torch::autograd::AccumulateGrad"])
    #expect(try m.matmul(c3).shape == [2, 3, 5])
    #expect(try b3.matmul(Tensor([1, 1, 1, 1])).shape == [2, 3])
}

@Test func matmulMatchesFiniteDifferences() throws {
    let cases: [([Int], [Int])] = [
        ([3], [3]), ([2, 3], [3]), ([3], [3, 2]), ([2, 3], [3, 4]),
        ([2, 3, 4], [2, 4, 2]), ([2, 1, 3, 4], [5, 4, 2]), ([4], [2, 4, 3]),
        ([2, 3, 4], [4]), ([2, 3, 4], [4, 2]), ([3, 4], [2, 4, 2])
    ]
    for (sa, sb) in cases {
        try expectGradientsMatchFiniteDifferences([pattern(sa, seed: 1), pattern(sb, seed: 2)]) { x in try x[0].matmul(x[1]) }
    }
    // Non-contiguous operands: transposed, sliced, expanded.
    try expectGradientsMatchFiniteDifferences([pattern([4, 3], seed: 1), pattern([5, 4], seed: 2)]) { x in
        try x[0].t().mm(x[1].index([.slice(start: nil, stop: nil, step: 2)]).t())
    }
    try expectGradientsMatchFiniteDifferences([pattern([1, 3], seed: 1), pattern([3, 2, 2], seed: 2)]) { x in
        try x[0].expand([2, 3]).mm(x[1].index([.ellipsis, .int(0)])).matmul(x[1].index([.int(0)]).t())
    }
    try expectGradientsMatchFiniteDifferences([pattern([2, 4, 3], seed: 1), pattern([2, 4, 2], seed: 2)]) { x in
        try x[0].transpose(1, 2).bmm(x[1])
    }
    try expectGradientsMatchFiniteDifferences([pattern([2], seed: 1), pattern([2, 3], seed: 2), pattern([2, 3], seed: 3)]) { x in
        try Tensor.addmm(x[0], x[1], x[2].t(), beta: 0.5, alpha: 2)
    }
}

@Test func matmulSecondOrderGradients() throws {
    try expectGradientsMatchFiniteDifferences([pattern([2, 3], seed: 1), pattern([3, 2], seed: 2)]) { x in
        try GradMode.with(enabled: true) {
            let y = try x[0].matmul(x[1]).matmul(x[0])
            let g = try Autograd.grad(outputs: [y.sum()], inputs: [x[0], x[1]], createGraph: true)
            return try g[0]!.sum(dims: [1]) * g[1]!.sum(dims: [0])
        }
    }
}

@Test func linearUsesAddmm() throws {
    let x = try pattern([4, 3], seed: 1)
    let weight = try OpsCheck.leaf([1, 2, 3, 4, 5, 6], [2, 3])
    let bias = try OpsCheck.leaf([0.5, -0.5], [2])
    let out = try Tensor.linear(x, weight: weight, bias: bias)
    #expect(out.gradFn?.name == "AddmmBackward0")
    #expect(out.gradFn?.nextEdges.map { $0?.node.name } == ["torch::autograd::AccumulateGrad", nil, "TBackward0"])
    #expect(out.gradFn?.saved.map(\.role) == ["mat1"])
    OpsCheck.close(out.doubles(), try (x.matmul(weight.t()) + bias).doubles())
    #expect(try Tensor.linear(pattern([2, 4, 3], seed: 1), weight: weight, bias: bias).gradFn?.name == "ViewBackward0")
    #expect(try Tensor.linear(x, weight: weight).gradFn?.name == "MmBackward0")
    for shape in [[3], [4, 3], [2, 4, 3]] {
        try expectGradientsMatchFiniteDifferences([pattern(shape, seed: 1), pattern([2, 3], seed: 2), pattern([2], seed: 3)]) {
            x in
            try Tensor.linear(x[0], weight: x[1], bias: x[2])
        }
    }
}

@Test func linalgErrors() throws {
    let a = try pattern([2, 3], seed: 1)
    let b = try pattern([4, 5], seed: 2)
    #expect(throws: TorchError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)")) { try a.mm(b) }
    #expect(throws: TorchError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)")) { try a.matmul(b) }
    #expect(throws: TorchError.runtime("expected m1 and m2 to have the same dtype, but got: float != double")) {
        try a.mm(pattern([3, 2], seed: 1, dtype: .float64))
    }
    #expect(throws: TorchError.runtime("both arguments to matmul need to be at least 1D, but they are 0D and 1D")) {
        try Tensor.scalar(1).matmul(Tensor([1]))
    }
    #expect(
        throws: TorchError.runtime(
            "inconsistent tensor size, expected tensor [3] and src [2] to have the same number of elements, but got 3 and 2 elements respectively"
        )
    ) {
        try Tensor([1, 2, 3]).dot(Tensor([1, 2]))
    }
    #expect(throws: TorchError.runtime("size mismatch, got input (2), mat (2x3), vec (4)")) { try a.mv(Tensor([1, 2, 3, 4])) }
    #expect(throws: TorchError.runtime("Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4]."))
    {
        try pattern([2, 2, 3], seed: 1).bmm(pattern([2, 4, 1], seed: 1))
    }
    #expect(
        throws: TorchError.runtime("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0")
    ) {
        try pattern([2, 2, 3], seed: 1).matmul(pattern([3, 3, 1], seed: 1))
    }
}
