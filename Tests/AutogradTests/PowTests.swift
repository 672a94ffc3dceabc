import TestSupport
import Testing

@testable import Autograd

@Test func powVariantsMatchPyTorchConformance() throws {
    let x = try Tensor([1, 2, 3], requiresGrad: true)
    let e = try Tensor([2, 0.5, -1], requiresGrad: true)
    let a = try x.pow(.int(2))
    let b = try x.pow(e)
    let c = try Tensor.pow(base: .int(2), exponent: x)
    #expect([a, b, c].map { $0.gradFn?.name } == ["PowBackward0", "PowBackward1", "PowBackward2"])
    // PyTorch's save (and pack-hook) order.
    #expect(b.gradFn?.saved.map(\.role) == ["exponent", "self", "result"])
    let root = try (a + b + c).sum()
    #expect(
        mathOpsGraphLine([root])
            == "0=SumBackward0(1) 1=AddBackward0(2,7) 2=AddBackward0(3,5) 3=PowBackward0(4) 4=AccumulateGrad() 5=PowBackward1(4,6) 6=AccumulateGrad() 7=PowBackward2(4)"
    )
    try root.backward()
    expectMathClose(x.storedGrad?.doubles() ?? [], [5.3863, 7.1261, 11.4341])
    expectMathClose(e.storedGrad?.doubles() ?? [], [0.0000, 0.9803, 0.3662])
}

@Test func higherOrderPowMatchesPyTorch() throws {
    let x = try Tensor([1, 2, 3], requiresGrad: true)
    let y = try x.pow(.int(3))
    let s1 = try y.sum()
    #expect(mathOpsGraphLine([s1]) == "0=SumBackward0(1) 1=PowBackward0(2) 2=AccumulateGrad()")
    let g = try #require(try Autograd.grad(outputs: [s1], inputs: [x], createGraph: true)[0])
    #expect(g.doubles() == [3, 12, 27])
    #expect(g.gradFn?.name == "MulBackward0")
    let s2 = try g.sum()
    #expect(
        mathOpsGraphLine([s2]) == "0=SumBackward0(1) 1=MulBackward0(-,2) 2=MulBackward1(3) 3=PowBackward0(4) 4=AccumulateGrad()")
    let g2 = try #require(try Autograd.grad(outputs: [s2], inputs: [x], createGraph: true)[0])
    #expect(g2.doubles() == [6, 12, 18])
    #expect(g2.gradFn?.name == "MulBackward0")
    let s3 = try g2.sum()
    #expect(
        mathOpsGraphLine([s3]) == "0=SumBackward0(1) 1=MulBackward0(-,2) 2=MulBackward1(3) 3=PowBackward0(4) 4=AccumulateGrad()")
    let g3 = try #require(try Autograd.grad(outputs: [s3], inputs: [x])[0])
    #expect(g3.doubles() == [6, 6, 6])
    #expect(g3.gradFn == nil)
}

@Test func powGradientsMatchFiniteDifferences() throws {
    let x = try Tensor([0.4, 1.3, 2.2, 0.9, 1.6, 3.1], shape: [2, 3])
    for exponent in [2.0, 3.0, 0.5, -1.0, -2.5, 1.0] {
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].pow(exponent) }
    }
    let negative = try Tensor([-1.5, -0.3, 0.7, 2.0])
    try expectGradientsMatchFiniteDifferences([negative]) { try $0[0].pow(.int(3)) }
    let column = try Tensor([0.5, 1.5, 2.5], shape: [3, 1])
    let row = try Tensor([-1, 0.5, 2, 3.5], shape: [1, 4])
    try expectGradientsMatchFiniteDifferences([column, row]) { try $0[0].pow($0[1]) }
    try expectGradientsMatchFiniteDifferences([row, column]) { try $0[1].pow($0[0].expand([3, 4])) }
    for base in [2.0, 0.5, 10.0] {
        try expectGradientsMatchFiniteDifferences([row]) { try Tensor.pow(base: base, exponent: $0[0]) }
    }
}

@Test func powSecondDerivativesMatchFiniteDifferences() throws {
    let x = try Tensor([0.6, 1.4, 2.3])
    try expectGradientsMatchFiniteDifferences([x]) { try mathFirstDerivative($0[0]) { try $0.pow(2.5) } }
    try expectGradientsMatchFiniteDifferences([x]) { try mathFirstDerivative($0[0]) { try Tensor.pow(base: 3, exponent: $0) } }
    try expectGradientsMatchFiniteDifferences([x]) { try mathFirstDerivative($0[0]) { try $0.pow($0) } }
}

@Test func powMasksZeroBaseAndZeroExponent() throws {
    let x = try Tensor([0, 0, 2], requiresGrad: true)
    let e = try Tensor([2, 0, 0], requiresGrad: true)
    let y = try x.pow(e)
    #expect(y.doubles() == [0, 1, 1])
    try y.sum().backward()
    #expect(x.storedGrad?.doubles() == [0, 0, 0])
    expectMathClose(e.storedGrad?.doubles() ?? [], [0, 0, 0.6931])
    let z = try Tensor([-1, 2], requiresGrad: true)
    try Tensor.pow(base: 0, exponent: z).sum().backward()
    #expect(z.storedGrad?.doubles().first?.isInfinite == true)
    #expect(z.storedGrad?.doubles().last == 0)
    let w = try Tensor([1, 2], requiresGrad: true)
    try w.pow(0).sum().backward()
    #expect(w.storedGrad?.doubles() == [0, 0])
}

@Test func powDTypesAndErrors() throws {
    let ints = try Tensor([-2, 3], shape: [2], dtype: .int64)
    #expect(try ints.pow(.int(3)).dtype == .int64)
    #expect(try ints.pow(.int(3)).doubles() == [-8, 27])
    #expect(try ints.pow(0.5).dtype == .float32)
    #expect(try Tensor.pow(base: .int(2), exponent: ints.abs()).doubles() == [4, 8])
    #expect(try Tensor.pow(base: .int(2), exponent: ints.abs()).dtype == .int64)
    #expect(try Tensor.pow(base: 2.5, exponent: ints).dtype == .float32)
    #expect(try ints.pow(Tensor([2, 1], shape: [2], dtype: .int64)).doubles() == [4, 3])
    let message = TorchError.runtime("Integers to negative integer powers are not allowed.")
    expectTorchError(message) { _ = try ints.pow(.int(-1)) }
    // A tensor exponent is not checked: ATen's powi gives 0 for negative powers of |base| > 1.
    #expect(try ints.pow(ints).doubles() == [0, 27])
    #expect(try Tensor.pow(base: .int(2), exponent: ints).doubles() == [0, 8])
    #expect(
        try Tensor([1, -1, -1, 0], shape: [4], dtype: .int64).pow(Tensor([-3, -3, -2, -1], shape: [4], dtype: .int64)).doubles()
            == [1, -1, 1, 0])
    let doubles = try Tensor([1, 4], shape: [2], dtype: .float64)
    #expect(try doubles.pow(0.5).dtype == .float64)
    #expect(try doubles.pow(0.5).doubles() == [1, 2])
    expectTorchError(.runtime("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0")) {
        _ = try doubles.pow(Tensor([1, 2, 3]))
    }
}

@Test func floorDivideAndRemainderFollowPython() throws {
    let a = try Tensor([-7, 7, -7, 7], shape: [4], dtype: .int64)
    let b = try Tensor([2, -2, -2, 2], shape: [4], dtype: .int64)
    #expect(try a.floorDivide(.tensor(b)).doubles() == [-4, -4, 3, 3])
    #expect(try a.remainder(.tensor(b)).doubles() == [1, -1, -1, 1])
    #expect(try a.floorDivide(.tensor(b)).dtype == .int64)
    let f = try Tensor([-7.5, 7.5, 5, -0.5])
    #expect(try f.floorDivide(.scalar(.int(2))).doubles() == [-4, 3, 2, -1])
    #expect(try f.remainder(.scalar(.int(2))).doubles() == [0.5, 1.5, 1, 1.5])
    #expect(try f.remainder(.scalar(.double(-2))).doubles() == [-1.5, -0.5, -1, -0.5])
    #expect(try a.floorDivide(.scalar(.double(2))).dtype == .float32)
    let byZero = try Tensor([1, -1, 0]).floorDivide(.scalar(.int(0))).doubles()
    #expect(byZero[0] == .infinity && byZero[1] == -.infinity && byZero[2].isNaN)
    #expect(try Tensor([1]).remainder(.scalar(.int(0))).doubles()[0].isNaN)
    expectTorchError(.runtime("ZeroDivisionError")) { _ = try a.floorDivide(.scalar(.int(0))) }
    expectTorchError(.runtime("ZeroDivisionError")) { _ = try a.remainder(.tensor(b.mul(.scalar(.int(0))))) }
}

@Test func remainderGradients() throws {
    let x = try Tensor([-3.7, 1.2, 5.9], requiresGrad: true)
    let y = try x.remainder(.scalar(.double(2.5)))
    #expect(y.gradFn?.name == "RemainderBackward0")
    #expect(try x.floorDivide(.scalar(.int(2))).requiresGrad == false)
    try y.sum().backward()
    #expect(x.storedGrad?.doubles() == [1, 1, 1])
    let a = try Tensor([-3.7, 1.2, 5.9], shape: [3, 1])
    let b = try Tensor([2.5, -1.3], shape: [1, 2])
    #expect(try a.remainder(.tensor(b)).gradFn == nil)
    try b.setRequiresGrad(true)
    #expect(try a.remainder(.tensor(b)).gradFn?.name == "RemainderBackward1")
    try expectGradientsMatchFiniteDifferences([a, b]) { v in try v[0].remainder(.tensor(v[1])) }
}
