import Foundation
import Testing
@testable import Autograd

/// Replays Fixtures/nn/expected.json (written by Fixtures/nn/make_expected.py from PyTorch 2.15
/// on one thread): the activation and loss families' values, gradients and grad_fn names.
/// Values and gradients of the cases in `bitExact` match PyTorch bit for bit; the others
/// (vectorised SLEEF transcendentals and fused kernels in PyTorch) to `ulps` float32 ulps.
struct NNFamilyTests {
    struct Fixture: Decodable { let cases: [Case] }
    struct Input: Decodable { let values: [Double]; let shape: [Int] }
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
        default: throw TorchError.runtime("no Swift call for case \(name)")
        }
    }

    static let bitExact: Set<String> = [
        "leaky_relu", "leaky_relu_", "elu", "elu_", "softplus", "hardtanh", "relu6",
        "l1_loss/mean", "l1_loss/sum", "l1_loss/none", "smooth_l1_loss/mean", "smooth_l1_loss/sum",
        "smooth_l1_loss/none", "huber_loss/none", "binary_cross_entropy_with_logits/none",
        "binary_cross_entropy_with_logits/pos_weight", "kl_div/batchmean_log_target",
    ]
    static let ulps = 4
    /// gelu's `1 + erf(...)` and `1 + tanh(...)` cancel for negative inputs, so PyTorch's SLEEF
    /// erf/tanh and glibc's differ by more ulps in the result: these cases compare absolutely.
    static let absoluteTolerance: [String: Double] = ["gelu": 1e-6, "gelu_tanh": 1e-6]

    /// Distance in float32 ulps (both values are float32 values widened to double).
    static func ulpDistance(_ a: Double, _ b: Double) -> Int {
        if a == b || (a.isNaN && b.isNaN) { return 0 }
        let fa = Float(a), fb = Float(b)
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
            if let expected { Self.expectMatch(leaf.storedGrad?.doubles() ?? [], expected, exact: exact,
                                                    absolute: Self.absoluteTolerance[c.name], "\(c.name) grad") }
        }
    }
}
