/// A CPU random number generator with PyTorch's stream (`torch.Generator`), after
/// aten/src/ATen/CPUGeneratorImpl.cpp: an mt19937 engine plus the cached second value of the
/// scalar Box–Muller transform. Each thread has a default one (`Generator.default`), the
/// generator `torch.manual_seed` reseeds.
public final class Generator {
    /// The seed a new generator starts from (c10/core/GeneratorImpl.h `default_rng_seed_val`).
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    var engine: MT19937
    /// The second value of the last scalar Box–Muller pair, returned by the next normal draw.
    var nextDoubleNormal: Double?
    /// Kept only so that `getState`/`setState` round-trip PyTorch's full state.
    var nextFloatNormal: Float?

    /// A Mersenne Twister generator seeded like `torch.Generator().manual_seed(seed)` (PyTorch's default seed unless given).
    public init(seed: UInt64 = Generator.defaultSeed) { engine = MT19937(seed: seed) }

    /// The calling thread's default generator.
    public static var `default`: Generator { ThreadState.current.defaultGenerator }

    /// Reseeds the engine and forgets the cached normal value (`manual_seed`).
    @discardableResult
    public func manualSeed(_ seed: UInt64) -> Generator {
        engine = MT19937(seed: seed)
        nextDoubleNormal = nil
        nextFloatNormal = nil
        return self
    }

    /// The seed the generator was last seeded with (`initial_seed()`).
    public var initialSeed: UInt64 { engine.seed }

    /// Reseeds from the operating system's entropy and returns the new seed (`seed()`).
    public func seed() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        let seed = system.next()
        manualSeed(seed)
        return seed
    }

    /// 32 random bits (`CPUGeneratorImpl::random`).
    @inline(__always) func random32() -> UInt32 { engine.next32() }

    /// 64 random bits from two draws, the first one high (`CPUGeneratorImpl::random64`).
    @inline(__always) func random64() -> UInt64 {
        let high = UInt64(engine.next32())
        return high << 32 | UInt64(engine.next32())
    }
}

extension Generator {
    /// The generator an op uses: the one passed, else the thread's default.
    static func resolve(_ generator: Generator?) -> Generator { generator ?? .default }
}
