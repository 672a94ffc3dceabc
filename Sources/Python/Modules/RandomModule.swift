import Foundation

/// Python's `random` module on CPython's own Mersenne Twister: the same seed gives the same
/// numbers as CPython 3.11, call for call.
enum RandomModule {
    /// The generator behind the module functions, one per interpreter.
    final class State {
        var twister: MersenneTwister
        /// The second normal deviate `gauss` computed last time.
        var gaussNext: Double?

        init() {
            var system = SystemRandomNumberGenerator()
            twister = MersenneTwister(key: (0..<4).map { _ in UInt32.random(in: .min ... .max, using: &system) })
        }
    }

    static func make() -> Value {
        var m = [String: Value]()
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter, State) throws -> Value) {
            m[name] = .object(BuiltinFunction(name) { args, interp in try body(args, interp, interp.hostState(State.init)) })
        }
        add("seed") { args, interp, state in
            state.twister.seed(key: try seedKey(args.value(0, "a") ?? .none, interp))
            state.gaussNext = nil
            return .none
        }
        add("random") { _, _, state in .float(state.twister.nextDouble()) }
        add("getrandbits") { args, interp, state in
            let k = try interp.intValue(args.value(0, "k"), "getrandbits", "k")
            guard k >= 0 else { throw PyException.value("number of bits must be non-negative") }
            guard k <= 63 else {
                throw PyException(.overflowError, "getrandbits() beyond 63 bits does not fit GradScope's 64-bit ints")
            }
            return .int(Int(state.twister.bits(k)))
        }
        add("randrange") { args, interp, state in
            .int(try randrange(args.value(0, "start"), args.value(1, "stop"), args.value(2, "step"), interp, state))
        }
        add("randint") { args, interp, state in
            let a = try interp.intValue(args.value(0, "a"), "randint", "a")
            let b = try interp.intValue(args.value(1, "b"), "randint", "b")
            return .int(try randrange(.int(a), .int(b + 1), nil, interp, state))
        }
        add("uniform") { args, interp, state in
            let a = try interp.doubleValue(args.value(0, "a"), "uniform", "a")
            let b = try interp.doubleValue(args.value(1, "b"), "uniform", "b")
            return .float(a + (b - a) * state.twister.nextDouble())
        }
        add("choice") { args, interp, state in
            let seq = args.value(0, "seq") ?? .none
            let n = try interp.length(seq)
            guard n > 0 else { throw PyException.index("Cannot choose from an empty sequence") }
            return try interp.subscriptValue(seq, .int(Int(state.twister.below(UInt64(n)))))
        }
        add("choices") { args, interp, state in try choices(args, interp, state) }
        add("shuffle") { args, interp, state in
            guard case .list(let l)? = args.value(0, "x") else {
                throw PyException.type("shuffle() needs a list in GradScope scripts")
            }
            var i = l.items.count - 1
            while i >= 1 {
                let j = Int(state.twister.below(UInt64(i + 1)))
                l.items.swapAt(i, j)
                i -= 1
            }
            return .none
        }
        add("sample") { args, interp, state in
            let population = try interp.iterate(args.value(0, "population") ?? .none)
            let k = try interp.intValue(args.value(1, "k"), "sample", "k")
            let n = population.count
            guard k >= 0 && k <= n else { throw PyException.value("Sample larger than population or is negative") }
            var setSize = 21
            if k > 5 { setSize += Int(pow(4, ceil(Foundation.log(Double(k * 3)) / Foundation.log(4)))) }
            var result = [Value]()
            if n <= setSize {
                var pool = population
                for i in 0..<k {
                    let j = Int(state.twister.below(UInt64(n - i)))
                    result.append(pool[j])
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected = Set<Int>()
                for _ in 0..<k {
                    var j = Int(state.twister.below(UInt64(n)))
                    while selected.contains(j) { j = Int(state.twister.below(UInt64(n))) }
                    selected.insert(j)
                    result.append(population[j])
                }
            }
            return .list(ListStorage(result))
        }
        add("gauss") { args, interp, state in
            let mu = try interp.doubleValue(args.value(0, "mu") ?? .float(0), "gauss", "mu")
            let sigma = try interp.doubleValue(args.value(1, "sigma") ?? .float(1), "gauss", "sigma")
            var z: Double
            if let next = state.gaussNext {
                z = next
                state.gaussNext = nil
            } else {
                let angle = state.twister.nextDouble() * 2 * Double.pi
                let radius = (-2.0 * Foundation.log(1.0 - state.twister.nextDouble())).squareRoot()
                z = Foundation.cos(angle) * radius
                state.gaussNext = Foundation.sin(angle) * radius
            }
            return .float(mu + z * sigma)
        }
        add("normalvariate") { args, interp, state in
            let mu = try interp.doubleValue(args.value(0, "mu") ?? .float(0), "normalvariate", "mu")
            let sigma = try interp.doubleValue(args.value(1, "sigma") ?? .float(1), "normalvariate", "sigma")
            let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
            while true {
                let u1 = state.twister.nextDouble()
                let u2 = 1.0 - state.twister.nextDouble()
                let z = magic * (u1 - 0.5) / u2
                if z * z / 4.0 <= -Foundation.log(u2) { return .float(mu + z * sigma) }
            }
        }
        add("expovariate") { args, interp, state in
            let lambd = try interp.doubleValue(args.value(0, "lambd") ?? .float(1), "expovariate", "lambd")
            return .float(-Foundation.log(1.0 - state.twister.nextDouble()) / lambd)
        }
        return .object(ModuleObject(name: "random", members: m))
    }

    /// The init_by_array key CPython derives from a seed: the 32-bit words of `abs(n)` (of
    /// `hash(x)` for a float), least significant first.
    private static func seedKey(_ a: Value, _ interp: Interpreter) throws -> [UInt32] {
        var magnitude: UInt64
        switch a {
        case .none:
            var system = SystemRandomNumberGenerator()
            magnitude = system.next()
        case .int(let i): magnitude = UInt64(i.magnitude)
        case .bool(let b): magnitude = b ? 1 : 0
        // random_seed hashes anything but an int and reads the hash as a size_t (a negative one
        // wraps around).
        case .float: magnitude = UInt64(bitPattern: Int64(StableHash.of(a) ?? 0))
        default:
            throw PyException.type("GradScope's random.seed() takes an int or a float, not \(Formatting.typeName(a))")
        }
        var key = [UInt32(truncatingIfNeeded: magnitude)]
        magnitude >>= 32
        if magnitude != 0 { key.append(UInt32(truncatingIfNeeded: magnitude)) }
        return key
    }

    private static func randrange(_ start: Value?, _ stop: Value?, _ step: Value?, _ interp: Interpreter, _ state: State) throws
        -> Int
    {
        let istart = try interp.intValue(start, "randrange", "start")
        guard let stop, !interp.isNone(stop) else {
            if step != nil { throw PyException.type("Missing a non-None stop argument") }
            if istart > 0 { return Int(state.twister.below(UInt64(istart))) }
            throw PyException.value("empty range for randrange()")
        }
        let istop = try interp.intValue(stop, "randrange", "stop")
        let width = istop - istart
        let istep = try step.map { try interp.intValue($0, "randrange", "step") } ?? 1
        if istep == 1 {
            if width > 0 { return istart + Int(state.twister.below(UInt64(width))) }
            throw PyException.value("empty range for randrange() (\(istart), \(istop), \(width))")
        }
        let n: Int
        if istep > 0 {
            n = (width + istep - 1).floorDivided(by: istep)
        } else if istep < 0 {
            n = (width + istep + 1).floorDivided(by: istep)
        } else {
            throw PyException.value("zero step for randrange()")
        }
        if n <= 0 { throw PyException.value("empty range for randrange()") }
        return istart + istep * Int(state.twister.below(UInt64(n)))
    }

    private static func choices(_ args: Arguments, _ interp: Interpreter, _ state: State) throws -> Value {
        let population = try interp.iterate(args.value(0, "population") ?? .none)
        let k = try interp.intValue(args.keyword("k") ?? .int(1), "choices", "k")
        let n = population.count
        let weights = args.value(1, "weights").flatMap { interp.isNone($0) ? nil : $0 }
        var cumulative: [Double]
        if let cum = args.keyword("cum_weights"), !interp.isNone(cum) {
            if weights != nil { throw PyException.type("Cannot specify both weights and cumulative weights") }
            cumulative = try interp.iterate(cum).map(interp.toDouble)
        } else if let weights {
            var total = 0.0
            cumulative = try interp.iterate(weights).map {
                total += try interp.toDouble($0)
                return total
            }
        } else {
            return .list(
                ListStorage(
                    (0..<max(k, 0)).map { _ in
                        population[Int((state.twister.nextDouble() * Double(n)).rounded(.down))]
                    }))
        }
        guard cumulative.count == n else { throw PyException.value("The number of weights does not match the population") }
        let total = cumulative.last ?? 0
        guard total > 0 else { throw PyException.value("Total of weights must be greater than zero") }
        guard total.isFinite else { throw PyException.value("Total of weights must be finite") }
        return .list(
            ListStorage(
                (0..<max(k, 0)).map { _ in
                    let x = state.twister.nextDouble() * total
                    var lo = 0
                    var hi = n - 1
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if x < cumulative[mid] { hi = mid } else { lo = mid + 1 }
                    }
                    return population[lo]
                }))
    }
}

private extension Int {
    /// Python's `//`.
    func floorDivided(by d: Int) -> Int {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
