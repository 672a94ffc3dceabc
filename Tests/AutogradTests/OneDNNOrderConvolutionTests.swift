import CConvKernels
import Testing

@testable import Autograd

// The float32 convolution kernels in oneDNN's order (CConvKernels): the AVX2 and the portable
// kernels give the same bits, and both compute the convolution (against float64 im2col). Their
// agreement with PyTorch's own bits is checked by the cv_* interpreter fixtures.

/// Geometries with channel counts off the 16-channel blocks, tails of the 16- and 8-column
/// steps, strides, dilations and asymmetric padding.
private let geometries: [ConvGeometry] = [
    ConvGeometry(
        batch: 3, inChannels: 5, height: 9, width: 9, outChannels: 7, kernelH: 3, kernelW: 3, stride: (1, 1),
        padTop: 1, padLeft: 1, padBottom: 1, padRight: 1, dilation: (1, 1), groups: 1),
    ConvGeometry(
        batch: 2, inChannels: 20, height: 7, width: 19, outChannels: 18, kernelH: 3, kernelW: 2, stride: (1, 1),
        padTop: 2, padLeft: 1, padBottom: 0, padRight: 1, dilation: (1, 1), groups: 1),
    ConvGeometry(
        batch: 2, inChannels: 3, height: 11, width: 10, outChannels: 9, kernelH: 4, kernelW: 4, stride: (2, 2),
        padTop: 1, padLeft: 1, padBottom: 1, padRight: 1, dilation: (1, 1), groups: 1),
    ConvGeometry(
        batch: 1, inChannels: 6, height: 12, width: 13, outChannels: 33, kernelH: 3, kernelW: 3, stride: (1, 2),
        padTop: 0, padLeft: 2, padBottom: 0, padRight: 2, dilation: (2, 2), groups: 1),
    ConvGeometry(
        batch: 2, inChannels: 17, height: 1, width: 30, outChannels: 4, kernelH: 1, kernelW: 5, stride: (1, 1),
        padTop: 0, padLeft: 2, padBottom: 0, padRight: 2, dilation: (1, 2), groups: 1)
]

/// Deterministic values in [-1, 1) from a linear congruential generator.
private func values(_ count: Int, seed: UInt64) -> [Float] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(state >> 40) / Float(1 << 23) - 1
    }
}

@Test(arguments: geometries.indices)
func portableKernelsGiveTheAVX2KernelsBits(index: Int) {
    let g = geometries[index]
    var geometry = g.kernelGeometry
    let x = values(g.batch * g.inChannels * g.height * g.width, seed: 1)
    let w = values(g.outChannels * g.inChannels * g.kernelH * g.kernelW, seed: 2)
    let b = values(g.outChannels, seed: 3)
    let gy = values(g.batch * g.outChannels * g.positions, seed: 4)
    func run(_ kernel: (UnsafeMutablePointer<Float>) -> Int32, count: Int) -> [UInt32] {
        var out = [Float](repeating: .nan, count: count)
        #expect(out.withUnsafeMutableBufferPointer { kernel($0.baseAddress!) } == 0)
        return out.map(\.bitPattern)
    }
    let outputs = g.batch * g.outChannels * g.positions
    #expect(
        run({ gs_conv2d_forward_f32(&geometry, x, w, b, $0) }, count: outputs)
            == run({ gs_conv2d_forward_f32_portable(&geometry, x, w, b, $0) }, count: outputs))
    #expect(
        run({ gs_conv2d_backward_input_f32(&geometry, gy, w, $0) }, count: x.count)
            == run({ gs_conv2d_backward_input_f32_portable(&geometry, gy, w, $0) }, count: x.count))
    #expect(
        run({ gs_conv2d_backward_weight_f32(&geometry, x, gy, $0) }, count: w.count)
            == run({ gs_conv2d_backward_weight_f32_portable(&geometry, x, gy, $0) }, count: w.count))
}

@Test func float32ConvolutionInOneDNNOrderMatchesFloat64() throws {
    func gradients(_ dtype: DType) throws -> [[Double]] {
        func tensor(_ shape: [Int], seed: UInt64) throws -> Tensor {
            try Tensor(values(shape.reduce(1, *), seed: seed).map(Double.init), shape: shape, dtype: dtype)
        }
        let x = try tensor([2, 20, 7, 9], seed: 5)
        let w = try tensor([18, 20, 3, 3], seed: 6)
        let b = try tensor([18], seed: 7)
        for t in [x, w, b] { try t.setRequiresGrad(true) }
        let y = try Tensor.conv2d(x, w, bias: b, stride: [2], padding: .explicit([1, 2]), dilation: [1, 2])
        try y.backward(gradient: try tensor([2, 18, 4, 5], seed: 8))
        return [y.doubles()] + (try [x, w, b].map { try #require($0.storedGrad).doubles() })
    }
    let single = try gradients(.float32)
    let double = try gradients(.float64)
    for (a, b) in zip(single, double) {
        #expect(a.count == b.count)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }
}
