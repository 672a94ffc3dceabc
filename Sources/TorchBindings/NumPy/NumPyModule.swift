import Autograd
import Foundation
import Python

/// The `numpy` module scripts import: array creation, numpy's dtypes and scalar types, the
/// math ufuncs, reductions, `dot`/`matmul` and the legacy `numpy.random`.
enum NumPyModule {
    /// Makes `numpy` and `numpy.random` importable in `interp`.
    static func install(into interp: Interpreter) {
        let random = NumPyRandom.module(NumPyRandomState())
        var m = functions()
        m["random"] = .object(random)
        m["ndarray"] = .object(NDArray.arrayType)
        for d in NumPyDType.allCases { m[d.rawValue] = .object(NumPyDTypeObject.scalarTypes[d]!) }
        m["bool_"] = m["bool"]
        m["True_"] = .object(NDArray(Tensor.scalar(1, dtype: .bool), isScalar: true))
        m["False_"] = .object(NDArray(Tensor.scalar(0, dtype: .bool), isScalar: true))
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        m["newaxis"] = Value.none
        m["__version__"] = .string("2.4.6")
        interp.registerModule("numpy", .object(ModuleObject(name: "numpy", members: m)))
        interp.registerModule("numpy.random", .object(random))
    }

    /// An operand of a ufunc: arrays and numbers as they are, lists and tensors as arrays.
    static func operand(_ v: Value, _ interp: Interpreter) throws -> NumPyOperand {
        if let o = NumPyOperand(v) { return o }
        return .array(try NDArray.from(v, dtype: nil, copy: false, interp))
    }

    static func array(_ v: Value?, _ interp: Interpreter) throws -> NDArray {
        try NDArray.from(v ?? .none, dtype: nil, copy: false, interp)
    }

    /// Writes `result` into `out=` when given (returning `out`), else returns it.
    private static func output(_ result: NDArray, _ args: Arguments) throws -> Value {
        guard let out = args.keyword("out"), case .object(let target as NDArray) = out else { return .object(result) }
        try target.assign(result)
        return out
    }

    private static func functions() -> [String: Value] {
        var m = [String: Value]()
        func function(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            m[name] = .object(BuiltinFunction(name, body))
        }
        function("array") { args, interp in
            try args.check("array", maxPositional: 2, allowed: ["object", "dtype", "copy"])
            let copy = try interp.boolValue(args.keyword("copy"), default: true)
            return .object(
                try NDArray.from(
                    args.value(0, "object") ?? .none, dtype: try interp.numpyDType(args.value(1, "dtype"), "array"), copy: copy,
                    interp))
        }
        function("asarray") { args, interp in
            try args.check("asarray", maxPositional: 2, allowed: ["a", "dtype"])
            return .object(
                try NDArray.from(
                    args.value(0, "a") ?? .none, dtype: try interp.numpyDType(args.value(1, "dtype"), "asarray"), copy: false,
                    interp))
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0), ("empty", 0.0)] {
            function(name) { args, interp in
                try args.check(name, maxPositional: 2, allowed: ["shape", "dtype"])
                let shape = try shapeValue(args.value(0, "shape"), name, interp)
                let dtype = try interp.numpyDType(args.value(1, "dtype"), name) ?? .float64
                return .object(try filled(shape, fill, dtype))
            }
        }
        for (name, fill) in [("zeros_like", 0.0), ("ones_like", 1.0), ("empty_like", 0.0)] {
            function(name) { args, interp in
                let a = try array(args.value(0, "a"), interp)
                let dtype = try interp.numpyDType(args.value(1, "dtype"), name) ?? a.dtype
                return .object(try filled(a.shape, fill, dtype))
            }
        }
        function("full") { args, interp in
            let shape = try shapeValue(args.value(0, "shape"), "full", interp)
            let fill = try array(args.value(1, "fill_value"), interp)
            let dtype = try interp.numpyDType(args.value(2, "dtype"), "full") ?? fill.dtype
            return .object(try filled(shape, fill.values.first ?? 0, dtype))
        }
        function("arange") { args, interp in try arange(args, interp) }
        function("linspace") { args, interp in try linspace(args, interp) }
        function("eye") { args, interp in
            let n = try interp.intValue(args.value(0, "N"), "eye", "N")
            let mValue = args.value(1, "M") ?? .none
            let cols = interp.isNone(mValue) ? n : try interp.intValue(mValue, "eye", "M")
            let dtype = try interp.numpyDType(args.keyword("dtype"), "eye") ?? .float64
            var values = [Double](repeating: 0, count: n * cols)
            for i in 0..<min(n, cols) { values[i * cols + i] = 1 }
            return .object(try NDArray.make(values, shape: [n, cols], dtype: dtype))
        }
        for name in NumPyMath.names.sorted() {
            function(name) { args, interp in try output(try NumPyMath.apply(name, try array(args.positional.first, interp)), args)
            }
        }
        m["abs"] = m["absolute"]
        let binary: [(String, BinaryOperator)] = [
            ("add", .add), ("subtract", .sub), ("multiply", .mul), ("divide", .div), ("true_divide", .div), ("power", .pow),
            ("floor_divide", .floorDiv), ("remainder", .mod), ("mod", .mod)
        ]
        for (name, op) in binary {
            function(name) { args, interp in
                guard args.positional.count >= 2 else {
                    throw PyException.type(
                        "\(name)() takes from 2 to 3 positional arguments but \(args.positional.count) were given")
                }
                let result = try NDArray.binary(
                    op, try operand(args.positional[0], interp), try operand(args.positional[1], interp))
                return try output(result, args)
            }
        }
        for (name, isMax) in [("maximum", true), ("minimum", false)] {
            function(name) { args, interp in
                guard args.positional.count >= 2 else {
                    throw PyException.type(
                        "\(name)() takes from 2 to 3 positional arguments but \(args.positional.count) were given")
                }
                return try output(
                    try NumPyMath.extremum(
                        try operand(args.positional[0], interp), try operand(args.positional[1], interp), maximum: isMax), args)
            }
        }
        function("clip") { args, interp in
            func bound(_ i: Int, _ n: String) throws -> NumPyOperand? {
                guard let v = args.value(i, n), !interp.isNone(v) else { return nil }
                return try operand(v, interp)
            }
            return try output(
                try NumPyMath.clip(try array(args.value(0, "a"), interp), try bound(1, "a_min"), try bound(2, "a_max")), args)
        }
        function("allclose") { args, interp in
            let rtol = try args.value(2, "rtol").map { try interp.realNumber($0, "allclose") } ?? 1e-5
            let atol = try args.value(3, "atol").map { try interp.realNumber($0, "allclose") } ?? 1e-8
            return .bool(
                try NumPyMath.allclose(
                    try operand(args.value(0, "a") ?? .none, interp), try operand(args.value(1, "b") ?? .none, interp),
                    rtol: rtol, atol: atol))
        }
        for kind in [NumPyReductions.Kind.sum, .mean, .max, .min, .argmax, .argmin, .prod] {
            let name = kind.rawValue
            function(name) { args, interp in
                let a = try array(args.value(0, "a"), interp)
                let axisValue = args.value(1, "axis") ?? .none
                let axis = interp.isNone(axisValue) ? nil : try interp.intValue(axisValue, name, "axis")
                let keepdims = try interp.boolValue(args.keyword("keepdims"), default: false)
                return .object(try NumPyReductions.reduce(a, kind, axis: axis, keepdims: keepdims))
            }
        }
        m["amax"] = m["max"]
        m["amin"] = m["min"]
        function("dot") { args, interp in
            .object(try NumPyLinalg.dot(try array(args.value(0, "a"), interp), try array(args.value(1, "b"), interp)))
        }
        function("matmul") { args, interp in
            .object(try NumPyLinalg.matmul(try array(args.value(0, "a"), interp), try array(args.value(1, "b"), interp)))
        }
        function("reshape") { args, interp in
            let a = try array(args.value(0, "a"), interp)
            return .object(try a.reshaped(try shapeValue(args.value(1, "shape"), "reshape", interp)))
        }
        function("transpose") { args, interp in try array(args.value(0, "a"), interp).attribute("T", interp) ?? .none }
        function("shape") { args, interp in .tuple(try array(args.value(0, "a"), interp).shape.map { .int($0) }) }
        return m
    }

    private static func filled(_ shape: [Int], _ value: Double, _ dtype: NumPyDType) throws -> NDArray {
        if shape.contains(where: { $0 < 0 }) { throw PyException.value("negative dimensions are not allowed") }
        let n = try MemoryBudget.checkedNumel(shape, allocating: dtype.engine)
        return try NDArray.make([Double](repeating: value, count: n), shape: shape, dtype: dtype)
    }

    /// A shape given as an int or a sequence of ints.
    private static func shapeValue(_ v: Value?, _ function: String, _ interp: Interpreter) throws -> [Int] {
        guard let v else { throw PyException.type("\(function)() missing required argument 'shape' (pos 1)") }
        switch v {
        case .tuple, .list:
            let shape = try interp.iterate(v).map { try interp.intValue($0, function, "shape") }
            return shape
        default:
            return [try interp.intValue(v, function, "shape")]
        }
    }

    /// `np.arange([start,] stop[, step], dtype=)`: `start + i * step`, int64 for int arguments.
    private static func arange(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let numbers = try args.positional.map { try operand($0, interp) }
        guard !numbers.isEmpty, numbers.count <= 3 else { throw PyException.type("arange() requires stop to be specified.") }
        var isFloat = false
        var given = [Double]()
        for n in numbers {
            switch n {
            case .number(let s):
                if case .double = s { isFloat = true }
                given.append(s.doubleValue)
            case .array(let a):
                if a.dtype.isFloat { isFloat = true }
                given.append(a.values.first ?? 0)
            }
        }
        let (start, stop, step) = given.count == 1 ? (0, given[0], 1.0) : (given[0], given[1], given.count == 3 ? given[2] : 1)
        guard step != 0 else { throw PyException(.zeroDivisionError, "division by zero") }
        let length = max(0, Int(((stop - start) / step).rounded(.up)))
        let dtype = try interp.numpyDType(args.keyword("dtype"), "arange") ?? (isFloat ? .float64 : .int64)
        try MemoryBudget.checkedNumel([length], allocating: dtype.engine)
        let values = (0..<length).map { start + Double($0) * step }
        return .object(try NDArray.make(values.map { NumPyKernels.rounded($0, dtype) }, shape: [length], dtype: dtype))
    }

    /// `np.linspace(start, stop, num=50, endpoint=True, dtype=)`: `i * step + start` in
    /// float64 with the last value set to `stop`, as numpy computes it.
    private static func linspace(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try args.check("linspace", maxPositional: 4, allowed: ["start", "stop", "num", "endpoint", "dtype"])
        let start = try interp.realNumber(args.value(0, "start") ?? .none, "linspace")
        let stop = try interp.realNumber(args.value(1, "stop") ?? .none, "linspace")
        let num = try args.value(2, "num").map { try interp.intValue($0, "linspace", "num") } ?? 50
        guard num >= 0 else { throw PyException.value("Number of samples, \(num), must be non-negative.") }
        let endpoint = try interp.boolValue(args.value(3, "endpoint"), default: true)
        let dtype = try interp.numpyDType(args.keyword("dtype"), "linspace") ?? .float64
        try MemoryBudget.checkedNumel([num], allocating: dtype.engine)
        let div = Double(endpoint ? num - 1 : num)
        let delta = stop - start
        let step = delta / div
        var values: [Double]
        if step == 0 || !step.isFinite {
            values = (0..<num).map { Double($0) / div * delta + start }
        } else {
            values = (0..<num).map { Double($0) * step + start }
        }
        if endpoint && num > 1 { values[num - 1] = stop }
        if dtype == .int64 { values = values.map { $0.rounded(.down) } }
        return .object(try NDArray.make(values.map { NumPyKernels.rounded($0, dtype) }, shape: [num], dtype: dtype))
    }
}

extension Interpreter {
    /// A real-number argument of a numpy function.
    fileprivate func realNumber(_ v: Value, _ function: String) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .object(let o): if let d = try o.realValue(self) { return d }
        default: break
        }
        throw PyException.type("\(function)(): expected a number, got \(Formatting.typeName(v))")
    }
}
