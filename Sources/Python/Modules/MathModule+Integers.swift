import Foundation

/// `math`'s integer functions (factorial, comb, perm, gcd, lcm, isqrt) and the ones over
/// sequences (prod, fsum, hypot, dist).
extension MathModule {
    private static func int(_ v: Value?, _ function: String, _ name: String) throws -> Int {
        switch v {
        case .int(let i)?: return i
        case .bool(let b)?: return b ? 1 : 0
        case let other?: throw PyException.type("'\(Formatting.typeName(other))' object cannot be interpreted as an integer")
        case nil: throw PyException.type("\(function)() missing required argument '\(name)'")
        }
    }

    private static func checked(_ r: (partialValue: Int, overflow: Bool)) throws -> Int {
        if r.overflow { throw PyException(.overflowError, "integer result too large for GradScope's 64-bit ints") }
        return r.partialValue
    }

    /// n! / (n-k)!, or C(n, k) when `choose`.
    private static func falling(_ n: Int, _ k: Int, choose: Bool) throws -> Int {
        var result = 1
        for i in 0..<k {
            result = try checked(result.multipliedReportingOverflow(by: n - i))
            if choose { result /= i + 1 }
        }
        return result
    }

    static func addIntegerFunctions(_ m: inout [String: Value]) {
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        add("factorial") { args, _ in
            let n = try int(args.value(0, "n"), "factorial", "n")
            guard n >= 0 else { throw PyException.value("factorial() not defined for negative values") }
            return .int(try falling(n, n, choose: false))
        }
        add("comb") { args, _ in
            let n = try int(args.value(0, "n"), "comb", "n")
            let k = try int(args.value(1, "k"), "comb", "k")
            guard n >= 0 else { throw PyException.value("n must be a non-negative integer") }
            guard k >= 0 else { throw PyException.value("k must be a non-negative integer") }
            return .int(k > n ? 0 : try falling(n, min(k, n - k), choose: true))
        }
        add("perm") { args, interp in
            let n = try int(args.value(0, "n"), "perm", "n")
            let kValue = args.value(1, "k").flatMap { interp.isNone($0) ? nil : $0 }
            let k = try kValue.map { try int($0, "perm", "k") } ?? n
            guard n >= 0 else { throw PyException.value("n must be a non-negative integer") }
            guard k >= 0 else { throw PyException.value("k must be a non-negative integer") }
            return .int(k > n ? 0 : try falling(n, k, choose: false))
        }
        func gcd(_ a: Int, _ b: Int) -> Int {
            var (x, y) = (a.magnitude, b.magnitude)
            while y != 0 { (x, y) = (y, x % y) }
            return Int(x)
        }
        add("gcd") { args, _ in .int(try args.positional.reduce(0) { gcd($0, try int($1, "gcd", "x")) }) }
        add("lcm") { args, _ in
            .int(
                try args.positional.reduce(1) { a, v in
                    let b = try int(v, "lcm", "x")
                    if a == 0 || b == 0 { return 0 }
                    return Swift.abs(try checked((a / gcd(a, b)).multipliedReportingOverflow(by: b)))
                })
        }
        add("isqrt") { args, _ in
            let n = try int(args.value(0, "n"), "isqrt", "n")
            guard n >= 0 else { throw PyException.value("isqrt() argument must be nonnegative") }
            var r = Int(Double(n).squareRoot())
            while r * r > n { r -= 1 }
            while (r + 1) * (r + 1) <= n { r += 1 }
            return .int(r)
        }
    }

    static func addSequenceFunctions(_ m: inout [String: Value]) {
        func add(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        add("prod") { args, interp in
            var total = args.keyword("start") ?? .int(1)
            for v in try interp.iterate(args.positional.first ?? .none) { total = try interp.binary(.mul, total, v) }
            return total
        }
        add("fsum") { args, interp in
            .float(exactSum(try interp.iterate(args.positional.first ?? .none).map { try interp.doubleValue($0, "fsum", "x") }))
        }
        add("hypot") { args, interp in
            .float(norm(try args.positional.map { try interp.doubleValue($0, "hypot", "x") }))
        }
        add("dist") { args, interp in
            let p = try interp.iterate(args.value(0, "p") ?? .none).map { try interp.doubleValue($0, "dist", "p") }
            let q = try interp.iterate(args.value(1, "q") ?? .none).map { try interp.doubleValue($0, "dist", "q") }
            guard p.count == q.count else { throw PyException.value("both points must have the same number of dimensions") }
            return .float(norm(zip(p, q).map { $0 - $1 }))
        }
    }

    /// The Euclidean norm, scaled against overflow.
    private static func norm(_ xs: [Double]) -> Double {
        if xs.contains(where: \.isInfinite) { return .infinity }
        if xs.contains(where: \.isNaN) { return .nan }
        if xs.count == 2 { return Foundation.hypot(xs[0], xs[1]) }
        let scale = xs.map { Swift.abs($0) }.max() ?? 0
        guard scale > 0 else { return 0 }
        return scale * xs.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
    }

    /// `math.fsum`: Shewchuk's exact summation with CPython's final rounding.
    private static func exactSum(_ xs: [Double]) -> Double {
        var partials: [Double] = []
        for value in xs {
            var x = value
            var i = 0
            for var y in partials {
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 {
                    partials[i] = lo
                    i += 1
                }
                x = hi
            }
            partials.removeSubrange(i...)
            partials.append(x)
        }
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var hi = partials[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0 { break }
        }
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }
}
