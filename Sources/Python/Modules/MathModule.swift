import Foundation

/// Python's `math` module (the functions scripts use).
enum MathModule {
    private static func function(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) -> Value {
        .object(BuiltinFunction(name, body))
    }

    static func make() -> Value {
        var m = [String: Value]()
        func unary(_ name: String, _ f: @escaping (Double) throws -> Double) {
            m[name] = function(name) { args, interp in .float(try f(try interp.doubleValue(args.value(0, "x"), name, "x"))) }
        }
        unary("sqrt") { x in
            guard x >= 0 else { throw PyException.value("math domain error") }
            return x.squareRoot()
        }
        unary("exp") { Foundation.exp($0) }
        unary("sin") { Foundation.sin($0) }
        unary("cos") { Foundation.cos($0) }
        unary("tan") { Foundation.tan($0) }
        unary("tanh") { Foundation.tanh($0) }
        unary("fabs") { Swift.abs($0) }
        unary("log2") { x in
            guard x > 0 else { throw PyException.value("math domain error") }
            return Foundation.log2(x)
        }
        unary("log10") { x in
            guard x > 0 else { throw PyException.value("math domain error") }
            return Foundation.log10(x)
        }
        unary("atan") { Foundation.atan($0) }
        unary("sinh") { Foundation.sinh($0) }
        unary("cosh") { Foundation.cosh($0) }
        unary("asinh") { Foundation.asinh($0) }
        unary("acosh") { x in
            guard x >= 1 else { throw PyException.value("math domain error") }
            return Foundation.acosh(x)
        }
        unary("atanh") { x in
            guard abs(x) < 1 else { throw PyException.value("math domain error") }
            return Foundation.atanh(x)
        }
        unary("erf") { Foundation.erf($0) }
        unary("erfc") { Foundation.erfc($0) }
        unary("gamma") { x in
            guard !(x <= 0 && x == x.rounded()) else { throw PyException.value("math domain error") }
            return Foundation.tgamma(x)
        }
        unary("lgamma") { x in
            guard !(x <= 0 && x == x.rounded()) else { throw PyException.value("math domain error") }
            return Foundation.lgamma(x)
        }
        unary("log1p") { x in
            guard x > -1 else { throw PyException.value("math domain error") }
            return Foundation.log1p(x)
        }
        unary("expm1") { Foundation.expm1($0) }
        unary("exp2") { Foundation.exp2($0) }
        unary("cbrt") { Foundation.cbrt($0) }
        unary("degrees") { $0 * (180.0 / Double.pi) }
        unary("radians") { $0 * (Double.pi / 180.0) }
        unary("ulp") { x in x.isNaN || x.isInfinite ? Swift.abs(x) : Swift.abs(x).ulp }
        func binary(_ name: String, _ first: String, _ second: String, _ f: @escaping (Double, Double) throws -> Double) {
            m[name] = function(name) { args, interp in
                .float(
                    try f(
                        try interp.doubleValue(args.value(0, first), name, first),
                        try interp.doubleValue(args.value(1, second), name, second)))
            }
        }
        binary("atan2", "y", "x") { Foundation.atan2($0, $1) }
        binary("copysign", "x", "y") { Foundation.copysign($0, $1) }
        binary("fmod", "x", "y") { x, y in
            guard y != 0 || x.isNaN, !x.isInfinite else { throw PyException.value("math domain error") }
            return Foundation.fmod(x, y)
        }
        binary("remainder", "x", "y") { x, y in
            guard y != 0 || x.isNaN, !x.isInfinite else { throw PyException.value("math domain error") }
            return Foundation.remainder(x, y)
        }
        binary("nextafter", "x", "y") { Foundation.nextafter($0, $1) }
        binary("ldexp", "x", "i") { Foundation.scalbn($0, Int($1)) }
        unary("asin") { x in
            guard abs(x) <= 1 else { throw PyException.value("math domain error") }
            return Foundation.asin(x)
        }
        unary("acos") { x in
            guard abs(x) <= 1 else { throw PyException.value("math domain error") }
            return Foundation.acos(x)
        }
        for (name, rule) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            m[name] = function(name) { args, interp in
                let x = args.value(0, "x") ?? .none
                if case .int = x { return x }
                return .int(try pythonInt(try interp.doubleValue(x, name, "x").rounded(rule)))
            }
        }
        m["pow"] = function("pow") { args, interp in
            .float(
                Foundation.pow(
                    try interp.doubleValue(args.value(0, "x"), "pow", "x"), try interp.doubleValue(args.value(1, "y"), "pow", "y")
                ))
        }
        m["isfinite"] = function("isfinite") { args, interp in
            .bool(try interp.doubleValue(args.value(0, "x"), "isfinite", "x").isFinite)
        }
        m["isclose"] = function("isclose") { args, interp in
            let a = try interp.doubleValue(args.value(0, "a"), "isclose", "a")
            let b = try interp.doubleValue(args.value(1, "b"), "isclose", "b")
            let rel = try interp.doubleValue(args.keyword("rel_tol") ?? .float(1e-9), "isclose", "rel_tol")
            let absTol = try interp.doubleValue(args.keyword("abs_tol") ?? .float(0), "isclose", "abs_tol")
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = Swift.abs(a - b)
            return .bool(diff <= Swift.max(rel * Swift.max(Swift.abs(a), Swift.abs(b)), absTol))
        }
        m["isnan"] = function("isnan") { args, interp in .bool(try interp.doubleValue(args.value(0, "x"), "isnan", "x").isNaN) }
        m["isinf"] = function("isinf") { args, interp in
            .bool(try interp.doubleValue(args.value(0, "x"), "isinf", "x").isInfinite)
        }
        MathModule.addIntegerFunctions(&m)
        MathModule.addSequenceFunctions(&m)
        m["log"] = function("log") { args, interp in
            let x = try interp.doubleValue(args.value(0, "x"), "log", "x")
            guard x > 0 else { throw PyException.value("math domain error") }
            guard let base = args.value(1, "base") else { return .float(Foundation.log(x)) }
            let b = try interp.doubleValue(base, "log", "base")
            guard b > 0 else { throw PyException.value("math domain error") }
            if b == 1 { throw PyException.zeroDivision("float division by zero") }
            return .float(Foundation.log(x) / Foundation.log(b))
        }
        m["modf"] = function("modf") { args, interp in
            let x = try interp.doubleValue(args.value(0, "x"), "modf", "x")
            let whole = x.rounded(.towardZero)
            return .tuple([.float(x.isInfinite ? Foundation.copysign(0, x) : x - whole), .float(whole)])
        }
        m["frexp"] = function("frexp") { args, interp in
            let parts = Foundation.frexp(try interp.doubleValue(args.value(0, "x"), "frexp", "x"))
            return .tuple([.float(parts.0), .int(parts.1)])
        }
        m["pi"] = .float(Double.pi)
        m["tau"] = .float(2 * Double.pi)
        m["e"] = .float(M_E)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        return .object(ModuleObject(name: "math", members: m))
    }
}

extension Interpreter {
    /// A number argument: a Python number or an object standing for one (a one-element tensor).
    package func doubleValue(_ v: Value?, _ function: String, _ name: String) throws -> Double {
        guard let v else { throw PyException.type("\(function)() missing required argument '\(name)'") }
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .object(let o): if let number = try o.numberValue(self) { return try toDouble(number) }
        default: break
        }
        throw PyException.type("\(function)(): argument '\(name)' must be Number, not \(Formatting.typeName(v))")
    }
}
