import TestSupport
import Testing

@testable import Autograd

/// In-place arithmetic that writes straight into the tensor (no observer, nothing to record)
/// must give exactly what the general path gives.
@Test func directInPlaceArithmeticMatchesGeneralPath() throws {
    let p = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    let v0 = p.version
    try GradMode.noGrad {
        try p.sub_(.tensor(Tensor([1, 1, 1, 1, 1, 1], shape: [2, 3]) * 0.5))
        try p.add_(.tensor(Tensor([10, 20, 30]))) // broadcast row
        try p.mul_(.scalar(.int(2)))
        try p.div_(.scalar(.double(4)))
    }
    #expect(p.version == v0 + 4)
    let bias: [Double] = [10, 20, 30]
    var expected = [Double]()
    for (i, x) in [1.0, 2, 3, 4, 5, 6].enumerated() { expected.append((x - 0.5 + bias[i % 3]) * 2 / 4) }
    #expect(p.doubles() == expected)
}

@Test func inPlaceOnOverlappingViewsReadsOldValues() throws {
    let x = try Tensor([1, 2, 3, 4])
    let tail = try x.slice(0, start: 1, end: 4)
    let head = try x.slice(0, start: 0, end: 3)
    try tail.add_(.tensor(head)) // same storage: general path
    #expect(x.doubles() == [1, 3, 5, 7])
}

@Test func inPlaceKeepsPromotionAndGradientRules() throws {
    let ints = try Tensor([1, 2, 3], shape: [3], dtype: .int64)
    try ints.mul_(.scalar(.int(3)))
    #expect(ints.doubles() == [3, 6, 9] && ints.dtype == .int64)
    // A result of a wider dtype still goes through the general path's conversion.
    let w = try Tensor([1, 2], requiresGrad: true)
    let h = try w * 2.0
    try h.add_(.scalar(.double(1))) // recorded: h gets AddBackward0
    #expect(h.gradFn?.name == "AddBackward0")
    try h.sum().backward()
    #expect(w.storedGrad?.doubles() == [2, 2])
    expectTorchError(.runtime(AutogradMessages.leafInPlace)) { try w.sub_(.scalar(.double(1))) }
}

/// PyTorch saves a copy of the original `self` for `mul_`/`div_`, so backward works after the
/// write; a saved `other` that is the modified tensor itself still fails.
@Test func inPlaceMulAndDivSaveTheOriginalSelfLikePyTorch() throws {
    let x = try Tensor([1, 2, 3], requiresGrad: true)
    let y = try Tensor([4, 5, 6], requiresGrad: true)
    try x.clone().mul_(.tensor(y)).sum().backward()
    #expect(x.storedGrad?.doubles() == [4, 5, 6] && y.storedGrad?.doubles() == [1, 2, 3])
    (x.storedGrad, y.storedGrad) = (nil, nil)
    try x.clone().div_(.tensor(y)).sum().backward()
    expectMathClose(try #require(y.storedGrad).doubles(), [-0.0625, -0.08, -0.0833])

    let c = try x.clone()
    try c.mul_(.tensor(c))
    expectTorchError(
        .runtime(
            "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of Mul, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
        )
    ) {
        try c.sum().backward()
    }
}
