import Autograd

/// W1 through the Swift API: a chain of elementwise ops on a 1-element tensor, then one
/// backward; microseconds per op, backward included.
func benchW1Swift(_ config: BenchConfig) throws -> [Figure] {
    let n = config.w1Ops
    let seconds = try timeMedian(repeats: config.repeats) {
        let x = try Tensor([0.5], requiresGrad: true)
        var y = x
        for _ in 0..<(n / 2) {
            y = try y * 1.0001
            y = try y + 0.0001
        }
        try y.backward()
    }
    return [Figure(name: "w1_swift_us_per_op", value: seconds / Double(n) * 1e6)]
}

/// The W2 model: a 784-256-10 MLP with its input batch and targets.
struct MLP {
    let x: Tensor, target: Tensor
    let w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor
    var parameters: [Tensor] { [w1, b1, w2, b2] }

    init(batch: Int = 64) throws {
        Generator.default.manualSeed(0)
        x = try Tensor.randn([batch, 784])
        target = try Tensor.randint(low: 0, high: 10, [batch])
        w1 = try (Tensor.randn([784, 256]) * 0.05).requiresGrad_()
        b1 = try Tensor.factory("zeros", Tensor.zeros([256]), requiresGrad: true)
        w2 = try (Tensor.randn([256, 10]) * 0.05).requiresGrad_()
        b2 = try Tensor.factory("zeros", Tensor.zeros([10]), requiresGrad: true)
    }

    /// Forward pass: the mean cross-entropy loss of the batch.
    func loss() throws -> Tensor {
        let h = try (x.matmul(w1) + b1).relu()
        return try Tensor.crossEntropy(h.matmul(w2) + b2, target: target)
    }

    /// One SGD step: forward, backward, then under no_grad `p -= lr * p.grad` and either
    /// `p.grad = None` or (with `zeroGrads`) `p.grad.zero_()`.
    func step(retainGraph: Bool = false, zeroGrads: Bool = false) throws -> Tensor {
        let l = try loss()
        try l.backward(retainGraph: retainGraph)
        try GradMode.noGrad {
            for p in parameters {
                guard let g = p.storedGrad else { continue }
                try p.sub_(.tensor(g * 0.01))
                if zeroGrads { try g.zero_() } else { try p.setGrad(nil) }
            }
        }
        return l
    }
}

/// W2 through the Swift API: milliseconds per training step.
func benchW2Swift(_ config: BenchConfig) throws -> [Figure] {
    let model = try MLP()
    let steps = config.w2Steps
    let seconds = try timeMedian(repeats: config.repeats) {
        for _ in 0..<steps { _ = try model.step() }
    }
    return [Figure(name: "w2_swift_ms_per_step", value: seconds / Double(steps) * 1e3)]
}

/// Matmul throughput: a square float32 product through `matmul` (BLAS sgemm), in GFLOP/s.
func benchMatmul(_ config: BenchConfig) throws -> [Figure] {
    let n = config.quick ? 64 : 512
    let a = try Tensor.randn([n, n])
    let b = try Tensor.randn([n, n])
    let seconds = try timeMedian(repeats: config.repeats) { _ = try a.matmul(b) }
    return [Figure(name: "matmul_\(config.quick ? "64" : "512")_float32_gflops", value: 2 * Double(n * n * n) / seconds / 1e9)]
}
