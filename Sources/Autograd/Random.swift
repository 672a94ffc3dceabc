/// The global random generator behind rand/randn/randint, reseeded by `manualSeed`.
/// Values are reproducible for a seed but are not PyTorch's Mersenne Twister stream.
public enum RandomSource {
    public static func manualSeed(_ seed: UInt64) { ThreadState.current.randomState = seed &* 0x9E3779B97F4A7C15 | 1 }

    /// A uniform value in [0, 1) (splitmix64).
    static func nextUniform() -> Double {
        let thread = ThreadState.current
        thread.randomState &+= 0x9E3779B97F4A7C15
        var z = thread.randomState
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1.0p-53
    }

    /// A standard normal value (Box-Muller).
    static func nextNormal() -> Double {
        let u1 = max(nextUniform(), 1e-300), u2 = nextUniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }
}

import RealModule
private func _log(_ x: Double) -> Double { Double.log(x) }
private func _cos(_ x: Double) -> Double { Double.cos(x) }

extension Tensor {
    /// Uniform values in [0, 1) (`torch.rand`).
    public static func rand(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try Tensor((0..<MemoryBudget.checkedNumel(shape, allocating: .float64)).map { _ in RandomSource.nextUniform() },
                   shape: shape, dtype: dtype)
    }

    /// Standard normal values (`torch.randn`).
    public static func randn(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try Tensor((0..<MemoryBudget.checkedNumel(shape, allocating: .float64)).map { _ in RandomSource.nextNormal() },
                   shape: shape, dtype: dtype)
    }

    /// Integers in [low, high) (`torch.randint`), int64.
    public static func randint(low: Int, high: Int, _ shape: [Int]) throws -> Tensor {
        guard high > low else {
            throw TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let span = Double(high) - Double(low)
        return try Tensor((0..<MemoryBudget.checkedNumel(shape, allocating: .float64)).map { _ in Double(low) + (RandomSource.nextUniform() * span).rounded(.down) },
                          shape: shape, dtype: .int64)
    }
}
