/// Random factories (`torch.rand`, `randn`, `randint`, `randperm`, `normal`, `bernoulli`):
/// an uninitialised tensor filled by the matching in-place sampler, as PyTorch builds them
/// (aten/src/ATen/native/TensorFactories.cpp, Distributions.cpp).
extension Tensor {
    /// Uniform values in [0, 1) (`torch.rand`).
    public static func rand(_ shape: [Int], dtype: DType = .float32, generator: Generator? = nil) throws -> Tensor {
        try empty(shape, dtype: dtype).uniform_(generator: generator)
    }

    /// Standard normal values (`torch.randn`).
    public static func randn(_ shape: [Int], dtype: DType = .float32, generator: Generator? = nil) throws -> Tensor {
        try empty(shape, dtype: dtype).normal_(generator: generator)
    }

    /// Integers in [low, high) (`torch.randint`), int64 unless `dtype` says otherwise.
    public static func randint(low: Int, high: Int, _ shape: [Int], dtype: DType = .int64, generator: Generator? = nil) throws -> Tensor {
        try empty(shape, dtype: dtype).random_(from: Int64(low), to: Int64(high), generator: generator)
    }

    /// A random permutation of 0..<n (`torch.randperm`, `randperm_cpu`): a Fisher–Yates walk
    /// swapping element i with i + `draw % (n - i)` on 32-bit draws; past 2^32/20 elements
    /// the inside-out variant on 64-bit draws.
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: Generator? = nil) throws -> Tensor {
        guard n >= 0 else { throw TorchError.runtime("n must be non-negative, got\(n)") }
        let g = Generator.resolve(generator)
        var values = [Int](repeating: 0, count: try MemoryBudget.checkedNumel([n], allocating: .int64))
        if n < Int(UInt32.max / 20) {
            for i in 0..<n { values[i] = i }
            for i in 0..<Swift.max(n - 1, 0) {
                let z = Int(UInt64(g.random32()) % UInt64(n - i))
                values.swapAt(i, z + i)
            }
        } else {
            for i in 0..<n {
                let z = Int(g.random64() % UInt64(i + 1))
                values[i] = values[z]
                values[z] = i
            }
        }
        return try Tensor(values.map(Double.init), shape: [n], dtype: dtype)
    }

    /// Normal values with elementwise `mean` and `std` (`torch.normal(mean, std)`): standard
    /// normals drawn into the broadcast shape, then multiplied by `std` and `mean` added.
    public static func normal(mean: Tensor, std: Tensor, generator: Generator? = nil) throws -> Tensor {
        let out = try empty(try broadcastShapes(mean.shape, std.shape), dtype: resultType([mean, std]))
        try out.normal_(generator: generator)
        return try GradMode.noGrad { try out.mul_(.tensor(std)).add_(.tensor(mean)) }
    }

    /// Zeros and ones drawn with this tensor's values as probabilities (`torch.bernoulli(p)`).
    public func bernoulli(generator: Generator? = nil) throws -> Tensor {
        try Tensor.empty(shape, dtype: dtype).bernoulli_(probabilities: self, generator: generator)
    }

    /// A tensor whose values are about to be overwritten (`torch.empty`), within the memory budget.
    static func empty(_ shape: [Int], dtype: DType) throws -> Tensor {
        Tensor(storage: Storage(uninitialized: dtype, count: try MemoryBudget.checkedNumel(shape, allocating: dtype)), shape: shape)
    }
}
