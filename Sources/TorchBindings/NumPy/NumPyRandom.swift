import Autograd
import Foundation
import Python

/// numpy's legacy `RandomState` (what `np.random.seed/rand/randn/...` use), bit for bit:
/// MT19937 seeded by `mt19937_seed`, doubles from 53 random bits, Gaussians by the polar
/// method keeping the second value, bounded integers by masked rejection
/// (numpy/random/mtrand.pyx, _mt19937.pyx, src/legacy/legacy-distributions.c).
final class NumPyRandomState {
    private var engine = MT19937(seed: 5489)
    private var cachedGauss: Double?

    /// `np.random.seed(n)`.
    func seed(_ value: Int) throws {
        guard value >= 0 && value <= 0xFFFF_FFFF else { throw PyException.value("Seed must be between 0 and 2**32 - 1") }
        engine = MT19937(seed: UInt64(value))
        cachedGauss = nil
    }

    /// `legacy_double`: 53 random bits in [0, 1).
    func nextDouble() -> Double {
        let a = Double(engine.next32() >> 5)
        let b = Double(engine.next32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `legacy_gauss`: the polar method; every second call returns the cached value.
    func nextGauss() -> Double {
        if let g = cachedGauss {
            cachedGauss = nil
            return g
        }
        var x1 = 0.0
        var x2 = 0.0
        var r2 = 0.0
        repeat {
            x1 = 2.0 * nextDouble() - 1.0
            x2 = 2.0 * nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = Foundation.sqrt(-2.0 * Foundation.log(r2) / r2)
        cachedGauss = f * x1
        return f * x2
    }

    /// An integer in [low, high) as `RandomState.randint` draws it for int64 (masked
    /// rejection on 32-bit draws when the range fits, 64-bit draws otherwise).
    func nextInteger(low: Int64, high: Int64) -> Int64 {
        let range = UInt64(bitPattern: high &- low &- 1)
        if range == 0 { return low }
        var mask = range
        for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
        if range <= 0xFFFF_FFFF {
            if range == 0xFFFF_FFFF { return low &+ Int64(engine.next32()) }
            var v: UInt64
            repeat { v = UInt64(engine.next32()) & mask } while v > range
            return low &+ Int64(bitPattern: v)
        }
        var v: UInt64
        repeat {
            let hi = UInt64(engine.next32())
            let lo = UInt64(engine.next32())
            v = ((hi << 32) | lo) & mask
        } while v > range
        return low &+ Int64(bitPattern: v)
    }
}

/// `np.random`: the functions of the legacy global RandomState.
enum NumPyRandom {
    static func module(_ state: NumPyRandomState) -> ModuleObject {
        var m = [String: Value]()
        func function(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        function("seed") { args, interp in
            try args.check("seed", maxPositional: 1, allowed: ["seed"])
            try state.seed(try interp.intValue(args.value(0, "seed"), "seed", "seed"))
            return .none
        }
        function("rand") { args, interp in
            try sample(try args.positional.map { try interp.intValue($0, "rand", "d") }, .float64) { _ in state.nextDouble() }
        }
        function("randn") { args, interp in
            try sample(try args.positional.map { try interp.intValue($0, "randn", "d") }, .float64) { _ in state.nextGauss() }
        }
        for name in ["random", "random_sample", "sample"] {
            function(name) { args, interp in
                try sample(try size(args.value(0, "size"), interp), .float64) { _ in state.nextDouble() }
            }
        }
        function("uniform") { args, interp in
            let low = try number(args.value(0, "low"), 0, interp)
            let high = try number(args.value(1, "high"), 1, interp)
            return try sample(try size(args.value(2, "size"), interp), .float64) { _ in low + (high - low) * state.nextDouble() }
        }
        function("normal") { args, interp in
            let loc = try number(args.value(0, "loc"), 0, interp)
            let scale = try number(args.value(1, "scale"), 1, interp)
            guard scale >= 0 else { throw PyException.value("scale < 0") }
            return try sample(try size(args.value(2, "size"), interp), .float64) { _ in loc + scale * state.nextGauss() }
        }
        function("randint") { args, interp in
            var low = try interp.intValue(args.value(0, "low"), "randint", "low")
            var high: Int
            if let h = args.value(1, "high"), !interp.isNone(h) {
                high = try interp.intValue(h, "randint", "high")
            } else {
                (low, high) = (0, low)
            }
            guard low < high else { throw PyException.value(args.count == 1 ? "high <= 0" : "low >= high") }
            let shape = try size(args.value(2, "size"), interp)
            return try sample(shape, .int64) { _ in Double(state.nextInteger(low: Int64(low), high: Int64(high))) }
        }
        return ModuleObject(name: "numpy.random", members: m)
    }

    /// A Python float / int when `shape` is nil (no size given), else an array of draws.
    private static func sample(_ shape: [Int]?, _ dtype: NumPyDType, _ draw: (Int) -> Double) throws -> Value {
        guard let shape, !shape.isEmpty else {
            let v = draw(0)
            return dtype == .int64 ? .int(Int(NumPyKernels.int64(v))) : .float(v)
        }
        let n = try MemoryBudget.checkedNumel(shape, allocating: dtype.engine)
        return .object(try NDArray.make((0..<n).map(draw), shape: shape, dtype: dtype))
    }

    /// A `size=` argument: None (one Python number), an int or a tuple.
    private static func size(_ v: Value?, _ interp: Interpreter) throws -> [Int]? {
        guard let v, !interp.isNone(v) else { return nil }
        if case .tuple = v { return try interp.iterate(v).map { try interp.intValue($0, "size", "size") } }
        if case .list = v { return try interp.iterate(v).map { try interp.intValue($0, "size", "size") } }
        return [try interp.intValue(v, "size", "size")]
    }

    private static func number(_ v: Value?, _ fallback: Double, _ interp: Interpreter) throws -> Double {
        guard let v, !interp.isNone(v) else { return fallback }
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .object(let o): if let d = try o.realValue(interp) { return d }
        default: break
        }
        throw PyException.type("GradScope's numpy.random takes numbers for its parameters, not \(Formatting.typeName(v))")
    }
}
