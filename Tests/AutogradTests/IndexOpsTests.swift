import TestSupport
import Testing

@testable import Autograd

// Expected values printed by PyTorch 2.15 (OMP_NUM_THREADS=1): the cases the registry's sampled
// gradient check does not reach (indices smaller than the data, out=, pooling indices, noise).

@Test func gatherWithAnIndexSmallerThanSelfInTheOtherDims() throws {
    let x = try Tensor((0..<12).map(Double.init), shape: [3, 4], requiresGrad: true)
    let index = try Tensor([3, 0, 1, 1], shape: [2, 2], dtype: .int64)
    let g = try x.gather(dim: 1, index: index)
    #expect(g.doubles() == [3, 0, 5, 5] && g.gradFn?.name == "GatherBackward0")
    try g.backward(gradient: Tensor([1, 2, 3, 4], shape: [2, 2]))
    #expect(try #require(x.storedGrad).doubles() == [2, 0, 0, 1, 0, 7, 0, 0, 0, 0, 0, 0])
    #expect(throws: TorchError.self) { try x.gather(dim: 1, index: Tensor([5], shape: [1, 1], dtype: .int64)) }
}

@Test func scatterAddReadsOnlyTheIndexedPartOfSrc() throws {
    let src = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    let index = try Tensor([0, 0, 3], shape: [1, 3], dtype: .int64)
    let s = try Tensor.zeros([2, 4]).scatterAdd(dim: 1, index: index, src: src)
    #expect(s.doubles() == [3, 0, 0, 3, 0, 0, 0, 0])
}

@Test func maxPoolIndicesAreFlatWithinEachPlane() throws {
    let y = try Tensor([1, 5, 2, 7, 0, 3, 4, 4, 9], shape: [1, 1, 3, 3])
    let pooled = try y.maxPool2dWithIndices(kernelSize: [2], stride: [1])
    #expect(pooled.values.doubles() == [7, 5, 7, 9])
    #expect(pooled.indices.doubles() == [3, 1, 3, 8] && pooled.indices.dtype == .int64)
}

@Test func featureDropoutDrawsOneValuePerChannel() throws {
    let out = try Tensor.featureDropout(Tensor.ones([2, 3, 1, 2]), p: 0.5, generator: Generator().manualSeed(0))
    #expect(out.doubles() == [0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0])
}

@Test func outArgumentResizesWritesAndBumpsTheVersion() throws {
    let out = Tensor.zeros([2, 3])
    let a = Tensor.ones([2, 3])
    let returned = try out.assignOut("mm", inputs: [a]) { try a.mm(a.t()) }
    #expect(returned === out && out.shape == [2, 2] && out.doubles() == [3, 3, 3, 3] && out.version == 1)
    let x = try Tensor([1, 2], shape: [2], requiresGrad: true)
    #expect(throws: TorchError.self) { try Tensor.zeros([2]).assignOut("exp", inputs: [x]) { try x.exp() } }
}
