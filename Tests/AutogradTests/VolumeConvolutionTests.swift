import CConvKernels
import Testing

@testable import Autograd

// The 3-D convolution kernels (CConvKernels' oneDNN order and slow_conv3d's vol2col + addmm) and
// the 3-D poolings' gradients. Their agreement with PyTorch's own bits is checked by the vol_*
// interpreter fixtures; here float32 runs are checked against float64 ones, and the portable 2-D
// kernels against the 3-D ones at depth 1.

/// Deterministic values in [-1, 1) from a linear congruential generator.
private func volumeValues(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 40) / Double(1 << 23) - 1
    }
}

/// The output and the input, weight and bias gradients of one conv3d in `dtype`.
private func conv3dRun(_ dtype: DType, batch: Int, stride: [Int], padding: [Int], dilation: [Int]) throws -> [[Double]] {
    func tensor(_ shape: [Int], seed: UInt64) throws -> Tensor {
        try Tensor(volumeValues(shape.reduce(1, *), seed: seed), shape: shape, dtype: dtype)
    }
    let x = try tensor([batch, 18, 5, 6, 7], seed: 1)
    let w = try tensor([5, 18, 3, 2, 3], seed: 2)
    let b = try tensor([5], seed: 3)
    for t in [x, w, b] { try t.setRequiresGrad(true) }
    let y = try Tensor.conv3d(x, w, bias: b, stride: stride, padding: .explicit(padding), dilation: dilation)
    try y.backward(gradient: try tensor(y.shape, seed: 4))
    return [y.doubles()] + (try [x, w, b].map { try #require($0.storedGrad).doubles() })
}

/// Batches of one take slow_conv3d, batches of two oneDNN's order (PyTorch's choice for these
/// sizes); strides, padding and dilation included.
@Test(arguments: [
    (1, [1], [1], [1]), (2, [1], [1], [1]), (2, [2, 1, 2], [1, 0, 1], [1]), (2, [1], [0], [2, 1, 1]),
    (1, [2, 1, 1], [0, 1, 1], [1])
])
func float32Conv3dMatchesFloat64(batch: Int, stride: [Int], padding: [Int], dilation: [Int]) throws {
    let single = try conv3dRun(.float32, batch: batch, stride: stride, padding: padding, dilation: dilation)
    let double = try conv3dRun(.float64, batch: batch, stride: stride, padding: padding, dilation: dilation)
    for (a, b) in zip(single, double) {
        #expect(a.count == b.count)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 2e-5 * max(1, abs($1)) })
    }
}

@Test func portable2DKernelsAreThe3DKernelsAtDepthOne() {
    var planar = GSConvGeometry(
        batch: 2, inChannels: 17, height: 6, width: 9, outChannels: 3, kernelH: 3, kernelW: 2, strideH: 2, strideW: 1,
        padTop: 1, padLeft: 1, dilationH: 1, dilationW: 2, outH: 3, outW: 9)
    var volume = GSConv3DGeometry(
        batch: 2, inChannels: 17, depth: 1, height: 6, width: 9, outChannels: 3, kernelD: 1, kernelH: 3, kernelW: 2,
        strideD: 1, strideH: 2, strideW: 1, padFront: 0, padTop: 1, padLeft: 1, dilationD: 1, dilationH: 1,
        dilationW: 2, outD: 1, outH: 3, outW: 9)
    let x = volumeValues(2 * 17 * 54, seed: 5).map { Float($0) }
    let w = volumeValues(3 * 17 * 6, seed: 6).map { Float($0) }
    let b = volumeValues(3, seed: 7).map { Float($0) }
    var fromPlanar = [Float](repeating: 0, count: 2 * 3 * 27)
    var fromVolume = [Float](repeating: 1, count: 2 * 3 * 27)
    #expect(gs_conv2d_forward_f32_portable(&planar, x, w, b, &fromPlanar) == 0)
    #expect(gs_conv3d_forward_f32(&volume, x, w, b, &fromVolume) == 0)
    #expect(fromPlanar.map(\.bitPattern) == fromVolume.map(\.bitPattern))
}

@Test func volumePoolingGradientsMatchFiniteDifferences() throws {
    let x = try Tensor(volumeValues(2 * 4 * 5 * 3, seed: 9), shape: [1, 2, 4, 5, 3], dtype: .float64)
    let poolings: [(Tensor) throws -> Tensor] = [
        { try $0.maxPool3dWithIndices(kernelSize: [2], stride: [1], padding: [1]).values },
        { try $0.avgPool3d(kernelSize: [3], stride: [1, 2, 1], padding: [1], ceilMode: true, countIncludePad: false) },
        { try $0.adaptiveAvgPool3d(outputSize: [3, 2, 2]) },
        { try $0.adaptiveMaxPool3d(outputSize: [2, 3, 2]).values }
    ]
    for pool in poolings {
        let input = try Tensor(x.doubles(), shape: x.shape, dtype: .float64)
        try input.setRequiresGrad(true)
        let weights = try Tensor(volumeValues(try pool(x).numel, seed: 10), shape: try pool(x).shape, dtype: .float64)
        try (try pool(input) * weights).sum().backward()
        let analytic = try #require(input.storedGrad).doubles()
        let base = x.doubles()
        for i in stride(from: 0, to: base.count, by: 7) {
            func loss(_ delta: Double) throws -> Double {
                var shifted = base
                shifted[i] += delta
                return try (try pool(Tensor(shifted, shape: x.shape, dtype: .float64)) * weights).sum().doubles()[0]
            }
            let numeric = (try loss(1e-6) - loss(-1e-6)) / 2e-6
            #expect(abs(numeric - analytic[i]) <= 1e-6)
        }
    }
}
