import TestSupport
import Testing

@testable import Autograd

@Test func comparisonsGiveBoolWithBroadcasting() throws {
    let a = try Tensor([1, 2, 3], shape: [3, 1])
    let b = try Tensor([2, 2], shape: [1, 2])
    let lt = try a.lt(.tensor(b))
    #expect(lt.dtype == .bool && lt.shape == [3, 2])
    #expect(lt.doubles() == [1, 1, 0, 0, 0, 0])
    #expect(try a.le(.tensor(b)).doubles() == [1, 1, 1, 1, 0, 0])
    #expect(try a.gt(.tensor(b)).doubles() == [0, 0, 0, 0, 1, 1])
    #expect(try a.ge(.tensor(b)).doubles() == [0, 0, 1, 1, 1, 1])
    #expect(try a.eq(.tensor(b)).doubles() == [0, 0, 1, 1, 0, 0])
    #expect(try a.ne(.tensor(b)).doubles() == [1, 1, 0, 0, 1, 1])
    #expect(try a.eq(.scalar(.int(2))).doubles() == [0, 1, 0])
    expectTorchError(.runtime("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0")) {
        _ = try Tensor([1, 2, 3]).eq(.tensor(Tensor([1, 2])))
    }
}

@Test func comparisonsPromoteLikePyTorch() throws {
    let ints = try Tensor([2, 3], shape: [2], dtype: .int64)
    #expect(try ints.gt(.scalar(.double(2.5))).doubles() == [0, 1])
    #expect(try ints.eq(.tensor(Tensor([2, 3.5]))).doubles() == [1, 0])
    let flags = try Tensor([1, 0], shape: [2], dtype: .bool)
    #expect(try flags.eq(.scalar(.bool(true))).doubles() == [1, 0])
    #expect(try flags.lt(.scalar(.int(1))).doubles() == [0, 1])
    let doubles = try Tensor([0.1], shape: [1], dtype: .float64)
    // 0.1 as float64 differs from 0.1 rounded to float32: the comparison happens in float64.
    #expect(try doubles.eq(.tensor(Tensor([0.1]))).doubles() == [0])
    #expect(try doubles.eq(.scalar(.double(0.1))).doubles() == [1])
}

@Test func comparisonsHandleNaNAndNeedNoGrad() throws {
    let x = try Tensor([.nan, 1], requiresGrad: true)
    #expect(try x.eq(.tensor(x)).doubles() == [0, 1])
    #expect(try x.ne(.tensor(x)).doubles() == [1, 0])
    #expect(try x.lt(.scalar(.double(.infinity))).doubles() == [0, 1])
    let result = try x.ge(.scalar(.int(0)))
    #expect(result.gradFn == nil && !result.requiresGrad)
    #expect(x.isnan().doubles() == [1, 0])
    #expect(x.isnan().dtype == .bool)
    #expect(try Tensor([1], shape: [1], dtype: .int64).isnan().doubles() == [0])
}

@Test func iscloseAllcloseAndEqual() throws {
    let a = try Tensor([1, 2, .nan, .infinity])
    let b = try Tensor([1 + 1e-6, 2.1, .nan, .infinity])
    #expect(try a.isclose(b).doubles() == [1, 0, 0, 1])
    #expect(try a.isclose(b, equalNaN: true).doubles() == [1, 0, 1, 1])
    #expect(try a.isclose(b, atol: 0.2, equalNaN: true).doubles() == [1, 1, 1, 1])
    #expect(try a.isclose(b).dtype == .bool)
    #expect(try !a.allclose(b))
    #expect(try a.allclose(b, rtol: 0.1, equalNaN: true))
    #expect(try Tensor([1, 2]).allclose(Tensor([1, 2], shape: [1, 2])))
    #expect(try Tensor([.infinity]).isclose(Tensor([-.infinity])).doubles() == [0])
    expectTorchError(.runtime("Float did not match Double")) {
        _ = try Tensor([1]).isclose(Tensor([1], shape: [1], dtype: .float64))
    }
    #expect(try Tensor([1, 2]).equal(Tensor([1, 2])))
    #expect(try !Tensor([1, 2]).equal(Tensor([1, 3])))
    #expect(try !Tensor([1, 2]).equal(Tensor([1, 2], shape: [1, 2])))
    #expect(try !Tensor([.nan]).equal(Tensor([.nan])))
}

@Test func whereSelectsAndRoutesGradients() throws {
    let condition = try Tensor([1, 0, 1], shape: [3], dtype: .bool)
    let a = try Tensor([1, 2, 3], requiresGrad: true)
    let b = try Tensor([10], shape: [1, 1], requiresGrad: true)
    let out = try Tensor.maskedWhere(condition, a, b)
    #expect(out.shape == [1, 3])
    #expect(out.doubles() == [1, 10, 3])
    #expect(out.gradFn?.name == "WhereBackward0")
    #expect(out.gradFn?.saved.map(\.role) == ["condition"])
    try out.sum().backward()
    #expect(a.storedGrad?.doubles() == [1, 0, 1])
    #expect(b.storedGrad?.doubles() == [1])
    #expect(b.storedGrad?.shape == [1, 1])
    let x = try Tensor([0.5, -1.5, 2], shape: [3, 1])
    let y = try Tensor([1.5, -0.5], shape: [1, 2])
    try expectGradientsMatchFiniteDifferences([x, y]) { v in
        try Tensor.maskedWhere(v[0].gt(.tensor(v[1])), v[0].mul(.tensor(v[0])), v[1].exp())
    }
}
