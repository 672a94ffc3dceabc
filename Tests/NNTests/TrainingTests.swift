import Autograd
import Foundation
import Testing

@testable import NN

/// Replays Fixtures/expected.json (written by Fixtures/make_expected.py from PyTorch 2.15 on one
/// thread). Given the same gradients, SGD's updates (all variants) match PyTorch's bit for bit;
/// Adam's agree to one float32 ulp, because PyTorch's scalar tail loop for small tensors lets
/// GCC contract `addcmul_`'s `self + value * t1 * t2` into a fused multiply-add that the
/// composed Swift ops round twice.
/// Training a small MLP from the same seed gives the same initial weights and first loss bit
/// for bit; later losses agree to float32 rounding (`ulps`), because the gradients themselves
/// differ in the last bits (OpenBLAS against PyTorch's MKL, glibc `expf` against SLEEF).
struct TrainingTests {
    struct Fixture: Decodable {
        struct Run: Decodable, CustomTestStringConvertible {
            let name: String
            let seed: UInt64
            let losses: [Double]
            let final_weight: [Double]
            var testDescription: String { name }
        }
        struct Update: Decodable, CustomTestStringConvertible {
            let name: String
            let values: [[Double]]
            var testDescription: String { name }
        }
        let param: [Double]
        let grads: [[Double]]
        let updates: [Update]
        let targets: [Double]
        let runs: [Run]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/expected.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static func optimizer(_ name: String, _ p: [Tensor]) throws -> any Optimizer {
        switch name {
        case "sgd": return try SGD(p, lr: 0.1)
        case "sgd_momentum": return try SGD(p, lr: 0.05, momentum: 0.9, dampening: 0.1, weightDecay: 0.01)
        case "sgd_nesterov": return try SGD(p, lr: 0.05, momentum: 0.9, nesterov: true)
        case "adam": return try Adam(p, lr: 0.01)
        case "adam_weight_decay_amsgrad": return try Adam(p, lr: 0.02, betas: (0.8, 0.99), weightDecay: 0.05, amsgrad: true)
        case "adamw": return try Adam.adamW(p, lr: 0.01)
        default: throw TorchError.value("no optimizer for \(name)")
        }
    }

    @Test(arguments: fixture.updates)
    func updatesMatchPyTorch(_ update: Fixture.Update) throws {
        let p = try Tensor(Self.fixture.param, shape: [2, 3], requiresGrad: true)
        let optimizer = try Self.optimizer(update.name, [p])
        for (grad, expected) in zip(Self.fixture.grads, update.values) {
            try p.setGrad(Tensor(grad, shape: [2, 3]))
            try optimizer.step()
            if update.name.hasPrefix("sgd") {
                #expect(p.doubles() == expected)
            } else {
                #expect(Self.close(p.doubles(), expected, ulps: 1), "\(p.doubles()) vs PyTorch \(expected)")
            }
        }
    }

    /// Whether each value is within `ulps` float32 ulps of PyTorch's; training losses and final
    /// weights get 8.
    static func close(_ a: [Double], _ b: [Double], ulps: Float = 8) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                Swift.abs(Float(x) - Float(y)) <= ulps * Float(y).ulp
            }
    }

    @Test(arguments: fixture.runs)
    func trainingMatchesPyTorch(_ run: Fixture.Run) throws {
        Generator.default.manualSeed(run.seed)
        let hidden = try Linear(4, 8)
        let output = try Linear(8, 3)
        let model = Sequential(hidden, ReLU(), output)
        let x = try Tensor.randn([16, 4])
        let y = try Tensor(Self.fixture.targets, shape: [16], dtype: .int64)
        let optimizer = try Self.optimizer(run.name, model.parameters())
        var losses = [Double]()
        for _ in 0..<run.losses.count {
            try optimizer.zeroGrad()
            let loss = try Tensor.crossEntropy(model(x), target: y)
            try loss.backward()
            try optimizer.step()
            losses.append(loss.doubles()[0])
        }
        #expect(losses[0] == run.losses[0])
        #expect(Self.close(losses, run.losses), "\(losses) vs PyTorch \(run.losses)")
        #expect(Self.close(output.weight.doubles(), run.final_weight), "\(output.weight.doubles())")
    }
}
