/// PyTorch's 32-bit Mersenne Twister, word for word the engine of
/// aten/src/ATen/core/MT19937RNGEngine.h (`at::mt19937`): seeded from the low 32 bits of a
/// 64-bit seed, with the `left`/`next` bookkeeping PyTorch saves in `get_rng_state()`.
package struct MT19937 {
    static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    /// The full 64-bit seed it was made from (PyTorch's `initial_seed()`).
    var seed: UInt64
    /// Draws left before the next twist, counting down to 0 (1 right after seeding).
    var left: Int32
    var seeded: Bool
    /// Index of the next state word to temper.
    var next: UInt32
    var state: [UInt32]

    package init(seed: UInt64) {
        self.seed = seed
        seeded = true
        left = 1
        next = 0
        state = [UInt32](repeating: 0, count: Self.stateSize)
        state[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.stateSize {
            state[j] = 1_812_433_253 &* (state[j - 1] ^ (state[j - 1] >> 30)) &+ UInt32(j)
        }
    }

    /// Restores an engine from the fields `get_rng_state()` saved.
    init(seed: UInt64, left: Int32, seeded: Bool, next: UInt32, state: [UInt32]) {
        (self.seed, self.left, self.seeded, self.next, self.state) = (seed, left, seeded, next, state)
    }

    /// The next 32 random bits.
    package mutating func next32() -> UInt32 {
        left -= 1
        if left == 0 { twist() }
        var y = state[Int(next)]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        left = Int32(Self.stateSize)
        next = 0
        let n = Self.stateSize
        let m = Self.shift
        state.withUnsafeMutableBufferPointer { s in
            func mix(_ u: UInt32, _ v: UInt32) -> UInt32 {
                let bits = ((u & Self.upperMask) | (v & Self.lowerMask)) >> 1
                return bits ^ (v & 1 != 0 ? Self.matrixA : 0)
            }
            for i in 0..<(n - m) { s[i] = s[i + m] ^ mix(s[i], s[i + 1]) }
            for i in (n - m)..<(n - 1) { s[i] = s[i + m - n] ^ mix(s[i], s[i + 1]) }
            s[n - 1] = s[m - 1] ^ mix(s[n - 1], s[0])
        }
    }
}
