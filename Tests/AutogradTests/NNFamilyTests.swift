import Foundation
import Testing

@testable import Autograd

/// Replays Fixtures/nn/expected.json (written by Fixtures/nn/make_expected.py from PyTorch 2.15
/// on one thread): the activation, loss (with weighted cross_entropy), convolution, pooling,
/// layer_norm, batch_norm, dropout and embedding values, gradients and grad_fn names.
/// Values and gradients of the cases in `bitExact` match PyTorch bit for bit; the others
/// (vectorised SLEEF transcendentals and fused kernels in PyTorch) to `ulps` float32 ulps.
struct NNFamilyTests {
    struct Fixture: Decodable { let cases: [Case] }
    struct Input: Decodable {
        let values: [Double]
        let shape: [Int]
    }
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let inputs: [Input]
        let output: [Double]
        let shape: [Int]
        let grad_fn: String
        let gradient: [Double]
        let grads: [[Double]?]
        var testDescription: String { name }
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/nn/expected.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    /// The Swift call for each case name (before any `/` comes the op, after it the variant).
    static func run(_ name: String, _ x: [Tensor]) throws -> Tensor {
        let parts = name.split(separator: "/").map(String.init)
        let variant = parts.count > 1 ? parts[1] : "mean"
        switch parts[0] {
        case "leaky_relu": return try x[0].leakyRelu(negativeSlope: 0.2)
        case "leaky_relu_": return try x[0].clone().leakyRelu_(negativeSlope: 0.2)
        case "elu": return try x[0].elu(alpha: 1.5)
        case "elu_": return try x[0].clone().elu_(alpha: 0.7)
        case "gelu": return try x[0].gelu()
        case "gelu_tanh": return try x[0].gelu(approximate: "tanh")
        case "silu": return try x[0].silu()
        case "softplus": return try x[0].softplus(beta: 2, threshold: 5)
        case "hardtanh": return try x[0].hardtanh(min: -1, max: 2)
        case "relu6": return try x[0].hardtanh(min: 0, max: 6)
        case "logsigmoid": return try x[0].logSigmoid()
        case "l1_loss": return try Tensor.l1Loss(x[0], x[1], reduction: variant)
        case "smooth_l1_loss": return try Tensor.smoothL1Loss(x[0], x[1], reduction: variant, beta: 0.5)
        case "huber_loss": return try Tensor.huberLoss(x[0], x[1], reduction: variant, delta: 0.8)
        case "binary_cross_entropy":
            if variant == "weight" { return try Tensor.binaryCrossEntropy(x[0], x[1], weight: x[2].detach()) }
            return try Tensor.binaryCrossEntropy(x[0], x[1], reduction: variant)
        case "binary_cross_entropy_with_logits":
            if variant == "pos_weight" {
                return try Tensor.binaryCrossEntropyWithLogits(x[0], x[1], weight: x[2].detach(), posWeight: x[3].detach())
            }
            return try Tensor.binaryCrossEntropyWithLogits(x[0], x[1], reduction: variant)
        case "kl_div":
            if variant == "batchmean_log_target" { return try Tensor.klDiv(x[0], x[1], reduction: "batchmean", logTarget: true) }
            return try Tensor.klDiv(x[0], x[1], reduction: variant)
        case "conv2d": return try Tensor.conv2d(x[0], x[1], bias: x[2], stride: [2, 1], padding: .explicit([1, 2]), groups: 2)
        case "conv2d_dilated": return try Tensor.conv2d(x[0], x[1], padding: .explicit([1]), dilation: [2])
        case "conv1d_same": return try Tensor.conv1d(x[0], x[1], bias: x[2], padding: .same)
        case "layer_norm": return try Tensor.layerNorm(x[0], normalizedShape: [3, 4], weight: x[1], bias: x[2], eps: 1e-3)
        case "layer_norm_plain": return try Tensor.layerNorm(x[0], normalizedShape: [4])
        case "dropout":
            Generator.default.manualSeed(3)
            return try Tensor.dropout(x[0], p: 0.3)
        case "embedding":
            let indices = try Tensor([0, 2, 4, 2, 1, 0], shape: [3, 2], dtype: .int64)
            return try Tensor.embedding(indices, x[0], paddingIdx: 2)
        case "max_pool2d": return try x[0].maxPool2d(kernelSize: [3], stride: [2], padding: [1], ceilMode: true)
        case "max_pool2d_dilated": return try x[0].maxPool2d(kernelSize: [2, 2], dilation: [2])
        case "avg_pool2d": return try x[0].avgPool2d(kernelSize: [3], stride: [2], padding: [1])
        case "avg_pool2d_exclude_pad":
            return try x[0].avgPool2d(kernelSize: [2, 3], stride: [2, 1], padding: [1, 1], ceilMode: true, countIncludePad: false)
        case "adaptive_avg_pool2d": return try x[0].adaptiveAvgPool2d(outputSize: [3, 2])
        case "batch_norm":
            let (mean, variance) = (Tensor.zeros([3]), Tensor.ones([3]))
            let out = try Tensor.batchNorm(
                x[0], runningMean: mean, runningVar: variance, weight: x[1], bias: x[2],
                training: true, momentum: 0.2)
            #expect(mean.version == 0 && variance.version == 0)
            return out
        case "batch_norm_eval":
            return try Tensor.batchNorm(
                x[0], runningMean: Tensor([0.1, -0.2, 0.3]), runningVar: Tensor([0.5, 1.5, 2.0]),
                weight: x[1], bias: x[2])
        case "cross_entropy_weighted":
            let target = try Tensor([2, 0, 1, 2, -100, 1, 0], shape: [7], dtype: .int64)
            return try Tensor.crossEntropy(x[0], target: target, weight: x[1].detach(), reduction: variant)
        default: throw TorchError.runtime("no Swift call for case \(name)")
        }
    }

    static let bitExact: Set<String> = [
        "dropout", "embedding", "max_pool2d", "max_pool2d_dilated", "avg_pool2d", "avg_pool2d_exclude_pad",
        "adaptive_avg_pool2d",
        "leaky_relu", "leaky_relu_", "elu", "elu_", "softplus", "hardtanh", "relu6", "gelu",
        "l1_loss/mean", "l1_loss/sum", "l1_loss/none", "smooth_l1_loss/mean", "smooth_l1_loss/sum",
        "smooth_l1_loss/none", "huber_loss/none", "binary_cross_entropy_with_logits/none",
        "binary_cross_entropy_with_logits/pos_weight", "kl_div/batchmean_log_target"
    ]
    static let ulps = 4
    /// Cases compared absolutely: gelu_tanh's `1 + tanh(...)` cancels for negative inputs, so
    /// PyTorch's SLEEF tanh and glibc's differ by many ulps in small results;
    /// convolution (oneDNN against im2col + OpenBLAS) and layer_norm (float32 Welford against
    /// double statistics) sum in other orders, and their sums of mixed signs cancel.
    static let absoluteTolerance: [String: Double] = [
        "gelu_tanh": 1e-6, "conv2d": 2e-6, "conv2d_dilated": 2e-6, "conv1d_same": 2e-6,
        "layer_norm": 2e-6, "layer_norm_plain": 2e-6, "batch_norm": 2e-6, "batch_norm_eval": 2e-6
    ]

    /// Distance in float32 ulps (both values are float32 values widened to double).
    static func ulpDistance(_ a: Double, _ b: Double) -> Int {
        if a == b || (a.isNaN && b.isNaN) { return 0 }
        let fa = Float(a)
        let fb = Float(b)
        guard fa.isFinite && fb.isFinite else { return Int.max }
        func ordered(_ f: Float) -> Int64 {
            let bits = Int64(Int32(bitPattern: f.bitPattern))
            return bits < 0 ? Int64(Int32.min) - bits : bits
        }
        return Int(Swift.abs(ordered(fa) - ordered(fb)))
    }

    static func expectMatch(_ actual: [Double], _ expected: [Double], exact: Bool, absolute: Double?, _ what: String) {
        #expect(actual.count == expected.count, "\(what): count")
        if let absolute {
            let worst = zip(actual, expected).map { Swift.abs($0 - $1) }.max() ?? 0
            #expect(worst <= absolute, "\(what): \(actual) vs PyTorch \(expected)")
            return
        }
        let worst = zip(actual, expected).map { ulpDistance($0, $1) }.max() ?? 0
        #expect(worst <= (exact ? 0 : ulps), "\(what): \(actual) vs PyTorch \(expected) (\(worst) ulps)")
    }

    @Test(arguments: fixture.cases)
    func matchesPyTorch(_ c: Case) throws {
        let leaves = try c.inputs.map { try Tensor($0.values, shape: $0.shape, requiresGrad: true) }
        let out = try Self.run(c.name, leaves)
        #expect(out.shape == c.shape)
        #expect(out.gradFn?.name == c.grad_fn)
        let exact = Self.bitExact.contains(c.name)
        Self.expectMatch(out.doubles(), c.output, exact: exact, absolute: Self.absoluteTolerance[c.name], "\(c.name) output")
        try out.backward(gradient: Tensor(c.gradient, shape: c.shape))
        for (leaf, expected) in zip(leaves, c.grads) {
            if let expected {
                Self.expectMatch(
                    leaf.storedGrad?.doubles() ?? [], expected, exact: exact,
                    absolute: Self.absoluteTolerance[c.name], "\(c.name) grad")
            }
        }
    }
}
