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
        unary("log") { x in
            guard x > 0 else { throw PyException.value("math domain error") }
            return Foundation.log(x)
        }
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
            .float(Foundation.pow(try interp.doubleValue(args.value(0, "x"), "pow", "x"), try interp.doubleValue(args.value(1, "y"), "pow", "y")))
        }
        m["isfinite"] = function("isfinite") { args, interp in .bool(try interp.doubleValue(args.value(0, "x"), "isfinite", "x").isFinite) }
        m["isclose"] = function("isclose") { args, interp in
            let a = try interp.doubleValue(args.value(0, "a"), "isclose", "a"), b = try interp.doubleValue(args.value(1, "b"), "isclose", "b")
            let rel = try interp.doubleValue(args.keyword("rel_tol") ?? .float(1e-9), "isclose", "rel_tol")
            let absTol = try interp.doubleValue(args.keyword("abs_tol") ?? .float(0), "isclose", "abs_tol")
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = Swift.abs(a - b)
            return .bool(diff <= Swift.max(rel * Swift.max(Swift.abs(a), Swift.abs(b)), absTol))
        }
        m["isnan"] = function("isnan") { args, interp in .bool(try interp.doubleValue(args.value(0, "x"), "isnan", "x").isNaN) }
        m["isinf"] = function("isinf") { args, interp in .bool(try interp.doubleValue(args.value(0, "x"), "isinf", "x").isInfinite) }
        m["pi"] = .float(Double.pi)
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
