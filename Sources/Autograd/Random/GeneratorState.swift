/// `get_state()`/`set_state()` in PyTorch's byte layout (aten/src/ATen/CPUGeneratorImpl.cpp,
/// `CPUGeneratorImplState`): the initial seed, `left`, `seeded`, `next`, the 624 state words
/// widened to 64 bits, the legacy normal fields (only `normal_y` and `normal_is_valid` used),
/// then the float normal cache; 5056 bytes. PyTorch 2.15 refuses the 5048-byte legacy layout,
/// so this does too.
extension Generator {
    private enum Layout {
        static let left = 8, seeded = 12, next = 16, state = 24
        static let normalX = 24 + 8 * MT19937.stateSize, normalY = normalX + 8
        static let normalIsValid = normalX + 24
        static let floatNormal = normalX + 32, floatNormalIsValid = floatNormal + 4
        static let size = floatNormal + 8
    }

    /// The generator's state as PyTorch's `torch.ByteTensor` bytes.
    public func getState() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Layout.size)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
        }
        put(engine.seed, at: 0)
        put(engine.left, at: Layout.left)
        put(Int32(engine.seeded ? 1 : 0), at: Layout.seeded)
        put(UInt64(engine.next), at: Layout.next)
        for (i, word) in engine.state.enumerated() { put(UInt64(word), at: Layout.state + 8 * i) }
        if let y = nextDoubleNormal {
            put(y.bitPattern, at: Layout.normalY)
            put(Int32(1), at: Layout.normalIsValid)
        }
        if let f = nextFloatNormal {
            put(f.bitPattern, at: Layout.floatNormal)
            bytes[Layout.floatNormalIsValid] = 1
        }
        return bytes
    }

    /// Restores a state produced by `getState` (or PyTorch's `get_rng_state()`).
    public func setState(_ bytes: [UInt8]) throws {
        guard bytes.count == Layout.size else {
            throw TorchError.runtime(
                "Expected a CPUGeneratorImplState of size \(Layout.size) but found the input RNG state size to be \(bytes.count)")
        }
        func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            var value = T.zero
            withUnsafeMutableBytes(of: &value) { for i in 0..<$0.count { $0[i] = bytes[offset + i] } }
            return T(littleEndian: value)
        }
        func double(at offset: Int) -> Double { Double(bitPattern: get(UInt64.self, at: offset)) }
        let restored = MT19937(
            seed: get(UInt64.self, at: 0), left: get(Int32.self, at: Layout.left),
            seeded: get(Int32.self, at: Layout.seeded) != 0,
            next: UInt32(truncatingIfNeeded: get(UInt64.self, at: Layout.next)),
            state: (0..<MT19937.stateSize).map { UInt32(truncatingIfNeeded: get(UInt64.self, at: Layout.state + 8 * $0)) })
        guard restored.seeded, restored.left > 0, restored.left <= MT19937.stateSize,
            restored.next <= MT19937.stateSize
        else { throw TorchError.runtime("Invalid mt19937 state") }
        var doubleNormal: Double? = nil
        var floatNormal: Float? = nil
        if get(Int32.self, at: Layout.normalIsValid) != 0 { doubleNormal = double(at: Layout.normalY) }
        if bytes[Layout.floatNormalIsValid] != 0 {
            floatNormal = Float(bitPattern: get(UInt32.self, at: Layout.floatNormal))
        }
        engine = restored
        nextDoubleNormal = doubleNormal
        nextFloatNormal = floatNormal
    }
}
