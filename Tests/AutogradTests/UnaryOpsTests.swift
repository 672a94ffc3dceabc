import Foundation
import TestSupport
import Testing

@testable import Autograd

@Test func unaryOpsMatchPyTorchConformance() throws {
    let x = try Tensor([0.5, 1, 2], requiresGrad: true)
    let y = try x.exp() + x.log() + x.sqrt() + x.tanh() + (x - 1).relu() + x.abs() + x.sin() * x.cos()
    expectMathClose(y.doubles(), [3.0455, 5.9345, 13.0820])
    #expect(y.gradFn?.name == "AddBackward0")
    let s = try y.sum()
    #expect(
        mathOpsGraphLine([s])
            == "0=SumBackward0(1) 1=AddBackward0(2,15) 2=AddBackward0(3,14) 3=AddBackward0(4,12) 4=AddBackward0(5,11) 5=AddBackward0(6,10) 6=AddBackward0(7,9) 7=ExpBackward0(8) 8=AccumulateGrad() 9=LogBackward0(8) 10=SqrtBackward0(8) 11=TanhBackward0(8) 12=ReluBackward0(13) 13=SubBackward0(8,-) 14=AbsBackward0(8) 15=MulBackward0(16,17) 16=SinBackward0(8) 17=CosBackward0(8)"
    )
    try s.backward()
    expectMathClose(x.storedGrad?.doubles() ?? [], [6.6826, 5.2221, 9.6596])
}

@Test func sigmoidMatchesPyTorch() throws {
    let a = try Tensor([1, 2, 3], requiresGrad: true)
    let out = try a.sigmoid()
    expectMathClose(out.doubles(), [0.7311, 0.8808, 0.9526])
    #expect(out.gradFn?.name == "SigmoidBackward0")
    #expect(out.gradFn?.saved.map(\.role) == ["result"])
    try out.sum().backward()
    expectMathClose(a.storedGrad?.doubles() ?? [], [0.1966, 0.1050, 0.0452])
}

@Test func sigmoidResultModifiedThroughDetachRaises() throws {
    let a = try Tensor([1, 2, 3], requiresGrad: true)
    let out = try a.sigmoid()
    try out.detach().zero_()
    expectTorchError(
        .runtime(
            "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of Sigmoid, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
        )
    ) {
        try out.sum().backward()
    }
}

@Test func unaryGradientsMatchFiniteDifferences() throws {
    let positive = try Tensor([0.3, 1.2, 2.5, 0.7, 1.9, 3.1], shape: [2, 3])
    let mixed = try Tensor([-1.3, 0.4, 2.2, -0.6, 1.7, -2.9], shape: [2, 3])
    let ops: [(Tensor) throws -> Tensor] = [
        { try $0.exp() }, { try $0.sin() }, { try $0.cos() }, { try $0.tanh() }, { try $0.sigmoid() },
        { try $0.relu() }, { try $0.abs() }, { try $0.clamp(min: -1.0, max: 1.0) },
        { try $0.clamp(min: 0.0) }, { try $0.clamp(max: 0.5) }, { try $0.clampMin(.double(0)) },
        { try $0.clampMax(.int(1)) }, { try $0.neg() }, { try $0.sign() }
    ]
    for op in ops {
        try expectGradientsMatchFiniteDifferences([mixed]) { try op($0[0]) }
    }
    for op: (Tensor) throws -> Tensor in [{ try $0.log() }, { try $0.sqrt() }] {
        try expectGradientsMatchFiniteDifferences([positive]) { try op($0[0]) }
    }
}

@Test func unaryGradientsThroughNonContiguousViews() throws {
    let column = try Tensor([0.4, 1.3, 2.1], shape: [3, 1])
    try expectGradientsMatchFiniteDifferences([column]) { x in
        let wide = try x[0].expand([3, 4])
        return try wide.exp() * wide.sigmoid() + wide.log() * wide.tanh() + wide.sqrt().sin()
    }
    try expectGradientsMatchFiniteDifferences([column]) { x in
        try x[0].expand([2, 3, 2]).reshape([3, 4]).clamp(min: 0.5, max: 2.0).cos() + x[0].expand([3, 2]).abs().max()
    }
}

@Test func secondDerivativesMatchFiniteDifferences() throws {
    let x = try Tensor([-1.1, 0.3, 0.8, 1.7])
    let ops: [(Tensor) throws -> Tensor] = [
        { try $0.sigmoid() }, { try $0.tanh() }, { try $0.exp() }, { try $0.sin() }, { try $0.cos() },
        { try $0.relu() * $0 }, { try $0.abs() * $0 }, { try $0.clamp(min: -1.0, max: 1.0) * $0 }
    ]
    for op in ops {
        try expectGradientsMatchFiniteDifferences([x]) { try mathFirstDerivative($0[0], op) }
    }
    let positive = try Tensor([0.4, 1.3, 2.2])
    for op: (Tensor) throws -> Tensor in [{ try $0.log() }, { try $0.sqrt() }] {
        try expectGradientsMatchFiniteDifferences([positive]) { try mathFirstDerivative($0[0], op) }
    }
}

@Test func doubleBackwardNodesHavePyTorchNames() throws {
    let x = try Tensor([0.5, -0.25], requiresGrad: true)
    let names = try [
        { try $0.sigmoid() }, { try $0.tanh() }, { try $0.relu() }
    ].map { (op: (Tensor) throws -> Tensor) in try mathFirstDerivative(x, op).gradFn?.name }
    #expect(names == ["SigmoidBackwardBackward0", "TanhBackwardBackward0", "ThresholdBackwardBackward0"])
    #expect(try mathFirstDerivative(x) { try $0.exp() }.gradFn?.name == "MulBackward0")
    #expect(try mathFirstDerivative(x) { try $0.sqrt() }.gradFn?.name == "DivBackward0")
    // clamp's backward only selects from the incoming gradient, so it records nothing.
    #expect(try mathFirstDerivative(x) { try $0.clamp(min: 0.0) }.gradFn == nil)
    #expect(try mathFirstDerivative(x) { try $0.clamp(min: 0.0) * $0 }.gradFn?.name == "AddBackward0")
}

@Test func subgradientsAtKinksFollowPyTorch() throws {
    let x = try Tensor([-1, 0, 1], requiresGrad: true)
    try x.relu().sum().backward()
    #expect(x.storedGrad?.doubles() == [0, 0, 1])
    try x.setGrad(nil)
    try x.abs().sum().backward()
    #expect(x.storedGrad?.doubles() == [-1, 0, 1])
    try x.setGrad(nil)
    // PyTorch 2.15 passes clamp's gradient only strictly between the bounds.
    try x.clamp(min: -1.0, max: 0.0).sum().backward()
    #expect(x.storedGrad?.doubles() == [0, 0, 0])
    try x.setGrad(nil)
    try x.clamp(min: -2.0, max: 0.5).sum().backward()
    #expect(x.storedGrad?.doubles() == [1, 1, 0])
}

@Test func clampNamesBoundsAndErrors() throws {
    let x = try Tensor([-2, 0.5, 3], requiresGrad: true)
    #expect(try x.clamp(min: 0.0, max: 1.0).gradFn?.name == "ClampBackward1")
    #expect(try x.clamp(min: 0.0).gradFn?.name == "ClampBackward1")
    #expect(try x.clampMin(.int(0)).gradFn?.name == "ClampMinBackward0")
    #expect(try x.clampMax(.int(0)).gradFn?.name == "ClampMaxBackward0")
    #expect(try x.clamp(min: 0.0, max: 1.0).doubles() == [0, 0.5, 1])
    #expect(try x.clamp(min: 2.0, max: 1.0).doubles() == [1, 1, 1])
    let withNaN = try Tensor([Double.nan, 5])
    #expect(try withNaN.clamp(min: 0.0, max: 1.0).doubles()[0].isNaN)
    expectTorchError(.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")) {
        _ = try x.clamp(min: nil as Double?, max: nil)
    }
}

@Test func unaryDTypesFollowPyTorch() throws {
    let ints = try Tensor([-2, 0, 3], shape: [3], dtype: .int64)
    #expect(try ints.exp().dtype == .float32)
    #expect(try ints.sigmoid().dtype == .float32)
    #expect(try ints.sqrt().dtype == .float32)
    #expect(try ints.abs().dtype == .int64)
    #expect(try ints.abs().doubles() == [2, 0, 3])
    #expect(try ints.relu().dtype == .int64)
    #expect(try ints.relu().doubles() == [0, 0, 3])
    #expect(try ints.clamp(min: .int(-1), max: .int(1)).dtype == .int64)
    #expect(try ints.clamp(min: .double(-1.5)).dtype == .float32)
    #expect(try ints.sign().doubles() == [-1, 0, 1])
    let doubles = try Tensor([1, 2], shape: [2], dtype: .float64)
    #expect(try doubles.exp().dtype == .float64)
    let flags = try Tensor([1, 0], shape: [2], dtype: .bool)
    expectTorchError(.runtime("Boolean inputs not supported for relu")) { _ = try flags.relu() }
    expectTorchError(.runtime("\"abs_cpu\" not implemented for 'Bool'")) { _ = try flags.abs() }
}

@Test func inPlaceMathOnNonLeavesKeepsHistory() throws {
    let a = try Tensor([0.5, -1, 2], requiresGrad: true)
    let ops: [(name: String, run: (Tensor) throws -> Tensor, grad: [Double])] = [
        ("ExpBackward0", { try $0.exp_() }, [0.5, -1, 2].map { 2 * exp(2 * $0) }),
        (
            "SigmoidBackward0", { try $0.sigmoid_() },
            [0.5, -1, 2].map { v in
                let s = 1 / (1 + exp(-2 * v))
                return 2 * s * (1 - s)
            }
        ),
        ("ReluBackward0", { try $0.relu_() }, [2, 0, 2]),
        ("NegBackward0", { try $0.neg_() }, [-2, -2, -2]),
        ("ClampBackward1", { try $0.clamp_(min: -1.0, max: 1.5) }, [2, 0, 0]),
        ("PowBackward0", { try $0.pow_(2) }, [0.5, -1, 2].map { 8 * $0 })
    ]
    for op in ops {
        try a.setGrad(nil)
        let b = try a * 2
        let r = try op.run(b)
        #expect(r === b)
        #expect(b.gradFn?.name == op.name)
        #expect(b.version == 1)
        try b.sum().backward()
        expectMathClose(a.storedGrad?.doubles() ?? [], op.grad, tolerance: 1e-5)
    }
}

@Test func inPlaceMathDetectsLaterModification() throws {
    let a = try Tensor([0.5, 1, 2], requiresGrad: true)
    let b = try a * 1
    try b.exp_()
    #expect(b.gradFn?.saved.first?.savedVersion == 1)
    _ = try b.mul_(.scalar(.int(2)))
    expectTorchError(
        .runtime(
            "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of Exp, is at version 2; expected version 1 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
        )
    ) {
        try b.sum().backward()
    }
    let c = try a * 1
    try c.clamp_(min: 0.0, max: 1.5)
    _ = try c.mul_(.scalar(.int(3)))
    try c.sum().backward()
    expectMathClose(a.storedGrad?.doubles() ?? [], [3, 3, 0])
}

@Test func inPlaceMathErrors() throws {
    let leaf = try Tensor([1, 2], requiresGrad: true)
    expectTorchError(.runtime(AutogradMessages.leafInPlace)) { _ = try leaf.exp_() }
    let ints = try Tensor([1, 2], shape: [2], dtype: .int64)
    expectTorchError(.runtime("result type Float can't be cast to the desired output type Long")) { _ = try ints.exp_() }
    #expect(ints.version == 0)
    try ints.clamp_(min: .int(2))
    #expect(ints.doubles() == [2, 2])
    let data = try Tensor([0, 1, -1], requiresGrad: true)
    let d = try data.data.sigmoid_()
    expectMathClose(d.doubles(), [0.5, 0.7311, 0.2689])
    expectMathClose(data.doubles(), [0.5, 0.7311, 0.2689])
    #expect(!d.requiresGrad && data.requiresGrad)
}
