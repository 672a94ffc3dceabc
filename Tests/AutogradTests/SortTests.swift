import TestSupport
import Testing

@testable import Autograd

// Expected values printed by PyTorch 2.15 (OMP_NUM_THREADS=1).

@Test func unstableSortLeavesEqualValuesWhereLibstdcxxIntrosortDoes() throws {
    let x = try Tensor((0..<18).map { Double($0 % 2) }, shape: [18], dtype: .int64)
    let unstable = try x.sort()
    #expect(unstable.indices.doubles() == [2, 16, 4, 6, 14, 8, 0, 10, 12, 9, 17, 15, 13, 11, 7, 5, 3, 1])
    let stable = try x.sort(stable: true)
    #expect(stable.indices.doubles() == [0, 2, 4, 6, 8, 10, 12, 14, 16, 1, 3, 5, 7, 9, 11, 13, 15, 17])
}

@Test func topkAndKthvalueBreakTiesAsPyTorch() throws {
    let x = try Tensor([3, 1, 3, 2, 1, 3, .nan, 1])
    let top = try x.topk(3)
    #expect(top.indices.doubles() == [6, 0, 5])
    #expect(try x.topk(3, largest: false).indices.doubles() == [4, 7, 1])
    #expect(try x.topk(5, sorted: false).indices.doubles() == [0, 6, 5, 2, 3])
    let ones = try Tensor([1, 1, 1, 1, 2, 2, 2])
    #expect(try ones.topk(4).indices.doubles() == [5, 4, 6, 3])
    #expect(try ones.topk(4, largest: false).indices.doubles() == [1, 3, 0, 2])
    let y = try Tensor([1, 2, 2, 3, 1, 2, 2, 1])
    #expect(try y.kthvalue(3).indices.doubles() == [0])
    let median = try y.median(dim: 0)
    #expect(median.values.doubles() == [2] && median.indices.doubles() == [1])
    #expect(throws: TorchError.self) { try x.topk(9) }
}

@Test func spectralNormIsTheLargestSingularValue() throws {
    let a = try Tensor((0..<9).map { Double($0) - 4 }, shape: [3, 3])
    expectMathClose(try a.matrixNorm(ord: .number(2)).doubles(), [7.3485])
    expectMathClose(try a.matrixNorm(ord: .number(1)).doubles(), [7])
    expectMathClose(try a.matrixNorm(ord: .named("fro")).doubles(), [7.7460])
}
