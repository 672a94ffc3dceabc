import Testing

@testable import Autograd

// Expected values printed by PyTorch 2.15 (OMP_NUM_THREADS=1).

@Test func promotionFollowsPyTorchsPromoteTypes() {
    #expect(DType.uint8.promoted(with: .int8) == .int16)
    #expect(DType.int8.promoted(with: .uint8) == .int16)
    #expect(DType.uint8.promoted(with: .int32) == .int32)
    #expect(DType.int32.promoted(with: .int64) == .int64)
    #expect(DType.int16.promoted(with: .float32) == .float32)
    #expect(DType.bool.promoted(with: .uint8) == .uint8)
    #expect(DType.float32.promoted(with: .float64) == .float64)
}

@Test func narrowArithmeticWrapsAsPyTorchDoes() throws {
    let u = try Tensor([1, 200, 255], shape: [3], dtype: .uint8)
    let sum = try u.add(.scalar(.int(300)))
    #expect(sum.dtype == .uint8 && sum.doubles() == [45, 244, 43])
    #expect(try u.neg().doubles() == [255, 56, 1])
    let i8 = try Tensor([-128, 5], shape: [2], dtype: .int8)
    #expect(try i8.abs().doubles() == [-128, 5])
    let wide = try i8.add(.tensor(u.narrow(0, start: 0, length: 2)))
    #expect(wide.dtype == .int16 && wide.doubles() == [-127, 205])
    let total = try Tensor([100, 100], shape: [2], dtype: .int8).sum()
    #expect(total.dtype == .int64 && total.doubles() == [200])
}

@Test func floatsConvertToNarrowIntegersAsPyTorchsCPUCasts() throws {
    let f = try Tensor([300.7, -1.5, 1e10, 70000])
    #expect(try f.to(.uint8).doubles() == [44, 255, 0, 112])
    #expect(try f.to(.int8).doubles() == [44, -1, 0, 112])
    #expect(try f.to(.int16).doubles() == [300, -1, 0, 4464])
    #expect(try f.to(.int32).doubles() == [300, -1, -2147483648, 70000])
    let big = try Tensor([Double(1 << 40 + 5), -3], shape: [2], dtype: .int64)
    #expect(try big.to(.int32).doubles() == [5, -3])
}
