import TestSupport
import Testing

@testable import Autograd

@Test func reductionsMatchPyTorchConformance() throws {
    let x = try Tensor([1, -2, 3, 4, 5, -6], shape: [2, 3], requiresGrad: true)
    let s0 = try x.sum(dims: [0])
    let m1 = try x.mean(dims: [1], keepdim: true)
    #expect(s0.doubles() == [5, 3, -3])
    #expect(m1.shape == [2, 1])
    expectMathClose(m1.doubles(), [0.6667, 1.0])
    #expect(m1.gradFn?.name == "MeanBackward1")
    let root = try s0.sum() + m1.sum() * 3
    #expect(
        mathOpsGraphLine([root])
            == "0=AddBackward0(1,4) 1=SumBackward0(2) 2=SumBackward1(3) 3=AccumulateGrad() 4=MulBackward0(5,-) 5=SumBackward0(6) 6=MeanBackward1(3)"
    )
    try root.backward()
    expectMathClose(x.storedGrad?.doubles() ?? [], [2, 2, 2, 2, 2, 2], tolerance: 1e-6)
    try x.setGrad(nil)
    let mx = try x.max()
    #expect(mx.shape == [])
    #expect(mx.doubles() == [5])
    #expect(mx.gradFn?.name == "MaxBackward1")
    #expect(mathOpsGraphLine([mx]) == "0=MaxBackward1(1) 1=AccumulateGrad()")
    try mx.backward()
    #expect(x.storedGrad?.doubles() == [0, 0, 0, 0, 1, 0])
}

@Test func meanGradientsOverEveryDim() throws {
    let x = try Tensor((0..<24).map { Double($0) * 0.37 - 3 }, shape: [2, 3, 4])
    try expectGradientsMatchFiniteDifferences([x]) { try $0[0].mean() }
    for keepdim in [false, true] {
        for dims in [[0], [1], [2], [-1], [0, 2], [2, 0, 1], []] {
            try expectGradientsMatchFiniteDifferences([x]) { try $0[0].mean(dims: dims, keepdim: keepdim) }
        }
    }
    let column = try Tensor([0.5, -1.5, 2], shape: [3, 1])
    try expectGradientsMatchFiniteDifferences([column]) { try $0[0].expand([3, 5]).mean(dims: [0]) }
    try expectGradientsMatchFiniteDifferences([column]) { try $0[0].expand([2, 3, 5]).mean() }
}

@Test func meanShapesNamesAndErrors() throws {
    let x = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3], requiresGrad: true)
    #expect(try x.mean().gradFn?.name == "MeanBackward0")
    #expect(try x.mean(dims: [1]).shape == [2])
    #expect(try x.mean(dims: [0, 1], keepdim: true).shape == [1, 1])
    #expect(try x.mean(dims: []).shape == [])
    #expect(try x.mean(dims: [-1]).doubles() == [2, 5])
    #expect(try Tensor.zeros([0]).mean().doubles()[0].isNaN)
    let ints = try Tensor([1, 2], shape: [2], dtype: .int64)
    expectTorchError(
        .unsupportedOperation(
            "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long")
    ) {
        _ = try ints.mean()
    }
    expectTorchError(
        .unsupportedOperation(
            "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Bool")
    ) {
        _ = try Tensor([1], shape: [1], dtype: .bool).mean(dims: [0])
    }
    expectTorchError(.index("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) {
        _ = try x.mean(dims: [2])
    }
    let m = try mathFirstDerivative(x) { try $0.mean().mul(.tensor($0.sum())) }
    #expect(m.gradFn != nil)
}

@Test func maxAndMinSplitGradientAmongTies() throws {
    let x = try Tensor([1, 5, 5, 2], requiresGrad: true)
    try x.max().backward()
    #expect(x.storedGrad?.doubles() == [0, 0.5, 0.5, 0])
    let y = try Tensor([3, 1, 4, 1], requiresGrad: true)
    let mn = try y.min()
    #expect(mn.gradFn?.name == "MinBackward1")
    #expect(mn.gradFn?.saved.map(\.role) == ["self", "result"])
    try mn.backward()
    #expect(y.storedGrad?.doubles() == [0, 0.5, 0, 0.5])
    let z = try Tensor([1, .nan, 3, .nan], requiresGrad: true)
    let zmax = try z.max()
    #expect(zmax.doubles()[0].isNaN)
    #expect(try z.min().doubles()[0].isNaN)
    try zmax.backward()
    #expect(z.storedGrad?.doubles() == [0, 0.5, 0, 0.5])
    let column = try Tensor([1, 3], shape: [2, 1], requiresGrad: true)
    try column.expand([2, 3]).max().backward()
    #expect(column.storedGrad?.doubles() == [0, 1])
}

@Test func maxAndMinGradientsMatchFiniteDifferences() throws {
    let x = try Tensor([0.3, -1.2, 2.5, 0.7, 1.9, -3.1, 1.1, 0.2, -0.4, 2.8, -2.2, 0.9], shape: [2, 3, 2])
    try expectGradientsMatchFiniteDifferences([x]) { try $0[0].max() }
    try expectGradientsMatchFiniteDifferences([x]) { try $0[0].min() }
    for dim in [0, 1, 2, -1] {
        for keepdim in [false, true] {
            try expectGradientsMatchFiniteDifferences([x]) { try $0[0].max(dim: dim, keepdim: keepdim).values }
            try expectGradientsMatchFiniteDifferences([x]) { try $0[0].min(dim: dim, keepdim: keepdim).values }
        }
    }
    let column = try Tensor([0.5, -1.5, 2], shape: [3, 1])
    try expectGradientsMatchFiniteDifferences([column]) { try $0[0].expand([3, 4]).max(dim: 0).values }
    try expectGradientsMatchFiniteDifferences([x]) { v in
        try mathFirstDerivative(v[0]) { try $0.max(dim: 1).values.pow(3) }
    }
    try expectGradientsMatchFiniteDifferences([x]) { v in
        try mathFirstDerivative(v[0]) { try $0.min().mul(.tensor($0.sum())) }
    }
}

@Test func maxAlongDimReturnsValuesAndIndices() throws {
    let x = try Tensor([1, 7, 3, 9, 2, 9], shape: [2, 3], requiresGrad: true)
    let (values, indices) = try x.max(dim: 1)
    #expect(values.doubles() == [7, 9])
    #expect(indices.doubles() == [1, 0])
    #expect(indices.dtype == .int64 && !indices.requiresGrad)
    #expect(values.gradFn?.name == "MaxBackward0")
    #expect(values.gradFn?.saved.map(\.role) == ["indices"])
    let kept = try x.min(dim: 0, keepdim: true)
    #expect(kept.values.shape == [1, 3] && kept.indices.shape == [1, 3])
    #expect(kept.values.doubles() == [1, 2, 3])
    #expect(kept.indices.doubles() == [0, 1, 0])
    #expect(kept.values.gradFn?.name == "MinBackward0")
    try (values.sum() + kept.values.sum()).backward()
    #expect(x.storedGrad?.doubles() == [1, 1, 1, 1, 1, 0])
    let g = try mathFirstDerivative(x) { try $0.max(dim: 1).values.pow(2) }
    #expect(g.gradFn?.name == "ScatterBackward0")
    let scalar = try Tensor([4], shape: [], dtype: .float32)
    let s = try scalar.max(dim: 0)
    #expect(s.values.shape == [] && s.values.doubles() == [4] && s.indices.doubles() == [0])
    let ints = try Tensor([3, 8, 5], shape: [3], dtype: .int64)
    #expect(try ints.max().dtype == .int64 && ints.max().doubles() == [8])
    #expect(try ints.min(dim: 0).values.doubles() == [3])
    let flags = try Tensor([0, 1, 0], shape: [3], dtype: .bool)
    #expect(try flags.max().dtype == .bool && flags.max().doubles() == [1])
}

@Test func maxMinErrorsMatchPyTorch() throws {
    let empty = Tensor.zeros([0, 3])
    expectTorchError(
        .runtime(
            "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument."
        )
    ) {
        _ = try empty.max()
    }
    expectTorchError(
        .runtime(
            "min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument."
        )
    ) {
        _ = try empty.min()
    }
    expectTorchError(.index("max(): Expected reduction dim 0 to have non-zero size.")) { _ = try empty.max(dim: 0) }
    #expect(try empty.max(dim: 1).values.shape == [0])
    expectTorchError(.index("argmax(): Expected reduction dim to be specified for input.numel() == 0.")) {
        _ = try empty.argmax()
    }
    expectTorchError(.index("argmin(): Expected reduction dim 0 to have non-zero size.")) { _ = try empty.argmin(dim: 0) }
    expectTorchError(.index("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) {
        _ = try empty.max(dim: 2)
    }
}

@Test func argmaxAndArgminMatchPyTorch() throws {
    let x = try Tensor([1, 9, 9, 4, 0, 2], shape: [2, 3])
    #expect(try x.argmax().doubles() == [1])
    #expect(try x.argmax().shape == [])
    #expect(try x.argmin().doubles() == [4])
    #expect(try x.argmax(keepdim: true).shape == [1, 1])
    #expect(try x.argmax(dim: 1).doubles() == [1, 0])
    #expect(try x.argmin(dim: 0).doubles() == [0, 1, 1])
    #expect(try x.argmin(dim: -1, keepdim: true).shape == [2, 1])
    #expect(try x.argmax(dim: 0).dtype == .int64)
    #expect(try Tensor([1, .nan, 3]).argmax().doubles() == [1])
    #expect(try Tensor([1, .nan, 3]).argmin().doubles() == [1])
    let leaf = try Tensor([1, 2], requiresGrad: true)
    #expect(try leaf.argmax().requiresGrad == false)
}

@Test func allAndAnyMatchPyTorch() throws {
    let x = try Tensor([1, 0, 2, 3, 4, 5], shape: [2, 3])
    #expect(x.all().doubles() == [0] && x.all().dtype == .bool && x.all().shape == [])
    #expect(x.any().doubles() == [1])
    #expect(try x.all(dim: 1).doubles() == [0, 1])
    #expect(try x.all(dim: 0, keepdim: true).shape == [1, 3])
    #expect(try x.all(dim: 0).doubles() == [1, 0, 1])
    #expect(try x.any(dim: -1).doubles() == [1, 1])
    #expect(Tensor.zeros([0]).all().doubles() == [1])
    #expect(Tensor.zeros([0]).any().doubles() == [0])
    #expect(try Tensor([.nan]).all().doubles() == [1])
    #expect(try Tensor([0, 0], shape: [2], dtype: .int64).any().doubles() == [0])
    let column = try Tensor([1, 0], shape: [2, 1])
    #expect(try column.expand([2, 3]).any(dim: 1).doubles() == [1, 0])
}
