import Autograd
import Python

/// The attributes and methods of `np.ndarray` GradScope supports.
enum NDArrayMethods {
    static func attribute(_ a: NDArray, _ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "shape": return .tuple(a.shape.map { .int($0) })
        case "ndim": return .int(a.shape.count)
        case "size": return .int(a.size)
        case "dtype": return .object(NumPyDTypeObject.dtypes[a.dtype]!)
        case "itemsize": return .int(a.dtype.engine.itemSize)
        case "nbytes": return .int(a.size * a.dtype.engine.itemSize)
        case "T": return .object(try transposed(a))
        default: break
        }
        guard let method = methods[name] else { return nil }
        return .object(BuiltinFunction(name) { args, interp in try method(a, args, interp) })
    }

    private typealias Method = @Sendable (NDArray, Arguments, Interpreter) throws -> Value

    private static func transposed(_ a: NDArray) throws -> NDArray {
        guard a.shape.count > 1 else { return a.isScalar ? a : NDArray(a.tensor.detach()) }
        return NDArray(try a.tensor.permute(Array((0..<a.shape.count).reversed())))
    }

    /// A shape given as varargs (`reshape(2, 3)`) or one tuple (`reshape((2, 3))`).
    static func shapeArgument(_ args: Arguments, _ function: String, _ interp: Interpreter) throws -> [Int] {
        if args.positional.count == 1, try interp.isSequence(args.positional[0]) {
            return try interp.iterate(args.positional[0]).map { try interp.intValue($0, function, "shape") }
        }
        if let s = args.keyword("shape") { return try interp.iterate(s).map { try interp.intValue($0, function, "shape") } }
        return try args.positional.map { try interp.intValue($0, function, "shape") }
    }

    private static func reduction(_ kind: NumPyReductions.Kind) -> Method {
        { a, args, interp in
            try args.check(kind.rawValue, maxPositional: 1, allowed: ["axis", "keepdims"])
            let axisValue = args.value(0, "axis") ?? .none
            let axis = interp.isNone(axisValue) ? nil : try interp.intValue(axisValue, kind.rawValue, "axis")
            let keepdims = try interp.boolValue(args.keyword("keepdims"), default: false)
            return .object(try NumPyReductions.reduce(a, kind, axis: axis, keepdims: keepdims))
        }
    }

    private static let methods: [String: Method] = {
        var m = [String: Method]()
        for kind in [NumPyReductions.Kind.sum, .mean, .max, .min, .argmax, .argmin, .prod] { m[kind.rawValue] = reduction(kind) }
        m["reshape"] = { a, args, interp in
            return .object(try a.reshaped(try shapeArgument(args, "reshape", interp)))
        }
        m["copy"] = { a, _, _ in .object(a.isScalar ? a : try a.copy()) }
        m["astype"] = { a, args, interp in
            guard let d = try interp.numpyDType(args.value(0, "dtype"), "astype") else {
                throw PyException.type("astype() missing required argument 'dtype' (pos 1)")
            }
            return .object(try a.astype(d))
        }
        m["item"] = { a, args, _ in
            try args.check("item", maxPositional: 0, allowed: [])
            return try a.item()
        }
        m["tolist"] = { a, _, _ in tolist(a) }
        m["dot"] = { a, args, interp in
            let b = try NDArray.from(args.value(0, "b") ?? .none, dtype: nil, copy: false, interp)
            return .object(try NumPyLinalg.dot(a, b))
        }
        m["transpose"] = { a, _, _ in .object(try transposed(a)) }
        m["flatten"] = { a, _, _ in .object(try NDArray.make(a.values, shape: [a.size], dtype: a.dtype)) }
        m["ravel"] = { a, _, _ in .object(NDArray(try a.tensor.reshape([a.size]))) }
        m["fill"] = { a, args, interp in
            guard let v = args.positional.first, let o = NumPyOperand(v) else {
                throw PyException.type("fill() requires a number")
            }
            try a.assign(try NDArray.make(try o.values(broadcastTo: []), shape: [], dtype: a.dtype))
            return .none
        }
        m["clip"] = { a, args, interp in
            func bound(_ i: Int, _ n: String) -> NumPyOperand? {
                guard let v = args.value(i, n), !interp.isNone(v) else { return nil }
                return NumPyOperand(v)
            }
            return .object(try NumPyMath.clip(a, bound(0, "min"), bound(1, "max")))
        }
        m["all"] = { a, _, _ in
            .object(try NDArray.make([a.values.allSatisfy { $0 != 0 } ? 1 : 0], shape: [], dtype: .bool).asScalar())
        }
        m["any"] = { a, _, _ in
            .object(try NDArray.make([a.values.contains { $0 != 0 } ? 1 : 0], shape: [], dtype: .bool).asScalar())
        }
        return m
    }()

    /// `tolist()`: nested lists of Python numbers (a Python number for 0-d).
    static func tolist(_ a: NDArray) -> Value {
        let values = a.values
        func build(_ axis: Int, _ base: Int, _ stride: Int) -> Value {
            if axis == a.shape.count { return a.pythonNumber(values[base]) }
            let inner = stride / max(a.shape[axis], 1)
            return .list(ListStorage((0..<a.shape[axis]).map { build(axis + 1, base + $0 * inner, inner) }))
        }
        return build(0, 0, a.size)
    }
}
