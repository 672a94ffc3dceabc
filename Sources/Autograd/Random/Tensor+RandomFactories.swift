/// Random factories (`torch.rand`, `randn`, `randint`, `randperm`, `normal`, `bernoulli`):
/// an uninitialised tensor filled by the matching sampling kernel, as PyTorch builds them
/// (aten/src/ATen/native/TensorFactories.cpp, Distributions.cpp); like PyTorch's, the result
/// is at version 0.
extension Tensor {
    /// Uniform values in [0, 1) (`torch.rand`).
    public static func rand(_ shape: [Int], dtype: DType = .float32, generator: Generator? = nil) throws -> Tensor {
        let t = try empty(shape, dtype: dtype)
        try t.drawUniform(from: 0, to: 1, Generator.resolve(generator))
        return t
    }

    /// Standard normal values (`torch.randn`).
    public static func randn(_ shape: [Int], dtype: DType = .float32, generator: Generator? = nil) throws -> Tensor {
        let t = try empty(shape, dtype: dtype)
        try t.drawNormal(mean: 0, std: 1, Generator.resolve(generator))
        return t
    }

    /// Integers in [low, high) (`torch.randint`), int64 unless `dtype` says otherwise.
    public static func randint(low: Int, high: Int, _ shape: [Int], dtype: DType = .int64, generator: Generator? = nil) throws
        -> Tensor
    {
        let t = try empty(shape, dtype: dtype)
        try t.drawIntegers(from: Int64(low), to: Int64(high), Generator.resolve(generator))
        return t
    }

    /// A random permutation of 0..<n (`torch.randperm`, `randperm_cpu`): a Fisher–Yates walk
    /// swapping element i with i + `draw % (n - i)` on 32-bit draws; past 2^32/20 elements
    /// the inside-out variant on 64-bit draws.
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: Generator? = nil) throws -> Tensor {
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
        return Tensor.fromValues(values.map(Double.init), shape: [n], dtype: dtype)
    }

    /// Normal values with elementwise `mean` and `std` (`torch.normal(mean, std)`): standard
    /// normals drawn into the broadcast shape, then multiplied by `std` and `mean` added, each
    /// step rounded to the result dtype (`normal_out_impl`'s `output.mul_(std).add_(mean)`).
    public static func normal(mean: Tensor, std: Tensor, generator: Generator? = nil) throws -> Tensor {
        let dtype = resultType([mean, std])
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let shape = try broadcastShapes(mean.shape, std.shape)
        let out = try empty(shape, dtype: dtype)
        guard std.doubles().allSatisfy({ $0 >= 0 }) else { throw TorchError.runtime("normal expects all elements of std >= 0.0") }
        let means = mean.contiguousStorage(as: dtype, broadcastTo: shape)
        let stds = std.contiguousStorage(as: dtype, broadcastTo: shape)
        try out.drawNormal(mean: 0, std: 1, Generator.resolve(generator))
        if dtype == .float32 {
            scaleAndShift(out.storage.pointer(Float.self), stds.pointer(Float.self), means.pointer(Float.self), count: out.numel)
        } else {
            scaleAndShift(
                out.storage.pointer(Double.self), stds.pointer(Double.self), means.pointer(Double.self), count: out.numel)
        }
        let (meanShape, stdShape) = (mean.shape, std.shape)
        // one `normal` op; its node sends zero gradients (derivatives.yaml)
        record("normal", .normalBackward3, inputs: [mean, std], outputs: [out]) { ctx in
            [Tensor.zeros(meanShape, dtype: ctx.grad.dtype), Tensor.zeros(stdShape, dtype: ctx.grad.dtype)]
        }
        return out
    }

    /// Zeros and ones drawn with this tensor's values as probabilities (`torch.bernoulli(p)`).
    public func bernoulli(generator: Generator? = nil) throws -> Tensor {
        let t = try Tensor.empty(shape, dtype: dtype)
        try t.drawBernoulli(probabilities: self, Generator.resolve(generator))
        return t
    }

    /// Uniform values in [0, 1) in the layout `empty_like(model)` gives (`torch.rand_like`):
    /// the generator fills memory order, so a permuted model gives PyTorch's permuted values.
    public static func randLike(_ model: Tensor, dtype: DType? = nil, generator: Generator? = nil) throws -> Tensor {
        let t = try emptyLike(model, dtype: dtype)
        try t.drawUniform(from: 0, to: 1, Generator.resolve(generator))
        return t
    }

    /// Standard normal values in the layout `empty_like(model)` gives (`torch.randn_like`); a
    /// non-contiguous layout takes normal_kernel's scalar path.
    public static func randnLike(_ model: Tensor, dtype: DType? = nil, generator: Generator? = nil) throws -> Tensor {
        let t = try emptyLike(model, dtype: dtype)
        try t.drawNormal(mean: 0, std: 1, Generator.resolve(generator))
        return t
    }

    /// Integers in [low, high) in the layout `empty_like(model)` gives (`torch.randint_like`).
    public static func randintLike(
        _ model: Tensor, low: Int, high: Int, dtype: DType? = nil, generator: Generator? = nil
    ) throws -> Tensor {
        let t = try emptyLike(model, dtype: dtype)
        try t.drawIntegers(from: Int64(low), to: Int64(high), Generator.resolve(generator))
        return t
    }

    /// `empty_like(model)` with `memory_format=torch.preserve_format`, within the memory budget.
    private static func emptyLike(_ model: Tensor, dtype: DType?) throws -> Tensor {
        try empty(model.shape, dtype: dtype ?? model.dtype).inLayout(of: model)
    }

    /// A tensor whose values are about to be overwritten (`torch.empty`), within the memory budget.
    static func empty(_ shape: [Int], dtype: DType) throws -> Tensor {
        Tensor(
            storage: Storage.uninitialized(dtype, count: try MemoryBudget.checkedNumel(shape, allocating: dtype)), shape: shape)
    }
}

/// `values[i] = values[i] * scale[i] + shift[i]`, rounding after the product and after the sum.
private func scaleAndShift<T: BinaryFloatingPoint>(
    _ values: UnsafeMutablePointer<T>, _ scale: UnsafeMutablePointer<T>,
    _ shift: UnsafeMutablePointer<T>, count: Int
) {
    for i in 0..<count {
        let product = values[i] * scale[i]
        values[i] = product + shift[i]
    }
}

extension NodeKind {
    static let normalBackward3 = NodeKind("NormalBackward3")
}
