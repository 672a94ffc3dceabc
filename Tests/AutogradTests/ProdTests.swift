import TestSupport
import Testing

@testable import Autograd

// Expected values printed by PyTorch 2.15 (OMP_NUM_THREADS=1).

@Test func prodMatchesPyTorchWithAZeroInTheInput() throws {
    let x = try Tensor([1.5, -2, 0.5, 3, 0, 2], shape: [2, 3])
    try x.setRequiresGrad(true)
    let all = try x.prod()
    #expect(all.doubles() == [0] && all.doubles()[0].sign == .minus)
    #expect(all.gradFn?.name == "ProdBackward0")
    #expect(all.gradFn?.saved.map(\.role) == ["self", "result"])
    try all.backward()
    let grad = try #require(x.storedGrad).doubles()
    #expect(grad == [0, 0, 0, 0, -9, 0])
    #expect(grad.map(\.sign) == [.minus, .plus, .minus, .minus, .minus, .minus])

    x.storedGrad = nil
    let rows = try x.prod(dim: 1)
    expectMathClose(rows.doubles(), [-1.5, 0])
    #expect(rows.gradFn?.name == "ProdBackward1")
    try rows.sum().backward()
    expectMathClose(try #require(x.storedGrad).doubles(), [-1, 0.75, -3, 0, 6, 0])

    x.storedGrad = nil
    let columns = try x.prod(dim: 0, keepdim: true)
    #expect(columns.shape == [1, 3])
    expectMathClose(columns.doubles(), [4.5, 0, 1])
    try columns.backward(gradient: Tensor([1, 2, 3], shape: [1, 3]))
    expectMathClose(try #require(x.storedGrad).doubles(), [3, 0, 6, 1.5, -4, 1.5])
}

@Test func prodGradientWithTwoZerosInASlice() throws {
    let v = try Tensor([0, 0, 2, 1, 2, 3], shape: [2, 3], requiresGrad: true)
    try v.prod().backward()
    #expect(try #require(v.storedGrad).doubles() == [0, 0, 0, 0, 0, 0])
    v.storedGrad = nil
    try v.prod(dim: 1).sum().backward()
    #expect(try #require(v.storedGrad).doubles() == [0, 0, 0, 6, 3, 2])
}

@Test func prodGradientsWithZerosMatchFiniteDifferences() throws {
    let oneZero = try Tensor([1.5, -2, 0.5, 3, 0, 2], shape: [2, 3])
    let twoZeros = try Tensor([0, 0, 2, 1, 2, 3], shape: [2, 3])
    for input in [oneZero, twoZeros] {
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].prod() }
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].prod(dim: 1) }
        try expectGradientsMatchFiniteDifferences([input]) { try $0[0].prod(dim: 0, keepdim: true) }
    }
}

@Test func prodDTypesAndEdgeCasesMatchPyTorch() throws {
    let ints = try Tensor([2, 3, 4], shape: [3], dtype: .int64).prod()
    #expect(ints.dtype == .int64 && ints.doubles() == [24])
    let bools = try Tensor([1, 0], shape: [2], dtype: .bool).prod()
    #expect(bools.dtype == .int64 && bools.doubles() == [0])

    let a = try Tensor([1.5, 2], requiresGrad: true)
    let widened = try a.prod(dtype: .float64)
    #expect(widened.dtype == .float64 && widened.doubles() == [3])
    #expect(widened.gradFn?.name == "ProdBackward0")
    #expect(widened.gradFn?.nextEdges.first??.node is AccumulateGrad)
    try widened.backward()
    #expect(a.storedGrad?.dtype == .float32 && a.storedGrad?.doubles() == [2, 1.5])

    let scalar = try Tensor([3], shape: [], requiresGrad: true).prod(dim: 0)
    #expect(scalar.shape == [] && scalar.gradFn?.name == "ProdBackward1")
    #expect(try Tensor.zeros([0]).prod().doubles() == [1])
    #expect(try Tensor.zeros([2, 0]).prod(dim: 1).doubles() == [1, 1])
    expectTorchError(.index("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) {
        _ = try Tensor.zeros([2, 3]).prod(dim: 2)
    }
}

@Test func prodSecondDerivativeWithoutZerosIsRecorded() throws {
    let g = try Tensor([2, 3, 4], requiresGrad: true)
    let first = try mathFirstDerivative(g) { try $0.prod() }
    #expect(first.doubles() == [12, 8, 6])
    #expect(first.gradFn?.name == "MulBackward0")
}
