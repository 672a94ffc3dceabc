import Autograd
import Python

/// `torch.finfo(type=None)` and `torch.iinfo(type)` (torch/csrc/TypeInfo.cpp): the limits of a
/// floating or integer dtype, with PyTorch's argument errors and its repr (each number printed
/// like C++'s default stream format, which is Python's `g`).
enum TypeInfoBindings {
    /// The functions, by name.
    static func members() -> [String: Value] {
        [
            "finfo": .object(
                BuiltinFunction("finfo") { args, interp in
                    let dtype = try dtypeArgument(args, "finfo", interp) ?? interp.defaultFloatDType
                    guard dtype.isFloatingPoint else {
                        throw PyException.type(
                            "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
                    }
                    return .object(dtype == .float32 ? FloatInfo.float32 : FloatInfo.float64)
                }),
            "iinfo": .object(
                BuiltinFunction("iinfo") { args, interp in
                    guard let dtype = try dtypeArgument(args, "iinfo", interp) else {
                        throw PyException.type("iinfo() missing 1 required positional arguments: \"type\"")
                    }
                    if dtype == .bool { throw PyException.type("torch.bool is not supported by torch.iinfo") }
                    guard let info = IntInfo.of(dtype) else {
                        throw PyException.type(
                            "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
                    }
                    return .object(info)
                })
        ]
    }

    /// The optional `type` argument, positional or by keyword.
    private static func dtypeArgument(_ args: Arguments, _ name: String, _ interp: Interpreter) throws -> DType? {
        if args.positional.count > 1 {
            let got = args.positional.map { v -> String in
                if case .object(is DTypeObject) = v { return "torch.dtype" }
                return Formatting.typeName(v)
            }
            throw PyException.type(
                "\(name)() received an invalid combination of arguments - got (\(got.joined(separator: ", "))), but expected one of:\n * (torch.dtype type)\n * ()\n"
            )
        }
        try args.check(name, maxPositional: 1, allowed: ["type"])
        guard let v = args.value(0, "type") else { return nil }
        guard case .object(let d as DTypeObject) = v else {
            throw PyException.type("\(name)(): argument 'type' (position 1) must be torch.dtype, not \(Formatting.typeName(v))")
        }
        return d.dtype
    }

    /// A number as C++'s `ostream <<` prints a double: six significant digits, `%g`.
    static func shortForm(_ x: Double) -> String {
        (try? PythonFormat.format(.float(x), spec: "g")) ?? String(x)
    }
}

/// A `torch.finfo` object: one per floating dtype.
final class FloatInfo: PyObject, Sendable {
    let bits: Int, eps: Double, max: Double, tiny: Double, resolution: Double, dtypeName: String

    private init(bits: Int, eps: Double, max: Double, tiny: Double, resolution: Double, dtypeName: String) {
        (self.bits, self.eps, self.max, self.tiny, self.resolution, self.dtypeName) = (
            bits, eps, max, tiny, resolution, dtypeName
        )
    }

    static let float32 = FloatInfo(
        bits: 32, eps: Double(Float.ulpOfOne), max: Double(Float.greatestFiniteMagnitude),
        tiny: Double(Float.leastNormalMagnitude), resolution: 1e-6, dtypeName: "float32")
    static let float64 = FloatInfo(
        bits: 64, eps: Double.ulpOfOne, max: Double.greatestFiniteMagnitude, tiny: Double.leastNormalMagnitude,
        resolution: 1e-15, dtypeName: "float64")

    var typeName: String { "finfo" }
    func repr() -> String {
        let f = TypeInfoBindings.shortForm
        return
            "finfo(resolution=\(f(resolution)), min=\(f(-max)), max=\(f(max)), eps=\(f(eps)), smallest_normal=\(f(tiny)), tiny=\(f(tiny)), dtype=\(dtypeName))"
    }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "bits": return .int(bits)
        case "eps": return .float(eps)
        case "max": return .float(max)
        case "min": return .float(-max)
        case "tiny", "smallest_normal": return .float(tiny)
        case "resolution": return .float(resolution)
        case "dtype": return .string(dtypeName)
        default: return nil
        }
    }
}

/// A `torch.iinfo` object: one per integer dtype.
final class IntInfo: PyObject, Sendable {
    let dtype: DType
    let bits: Int
    let min: Int
    let max: Int

    private init(_ dtype: DType, min: Int, max: Int) {
        self.dtype = dtype
        self.bits = dtype.itemSize * 8
        self.min = min
        self.max = max
    }

    private static let all: [DType: IntInfo] = [
        .uint8: IntInfo(.uint8, min: 0, max: Int(UInt8.max)),
        .int8: IntInfo(.int8, min: Int(Int8.min), max: Int(Int8.max)),
        .int16: IntInfo(.int16, min: Int(Int16.min), max: Int(Int16.max)),
        .int32: IntInfo(.int32, min: Int(Int32.min), max: Int(Int32.max)),
        .int64: IntInfo(.int64, min: Int(Int64.min), max: Int(Int64.max))
    ]

    /// The object of an integer dtype; nil for the others.
    static func of(_ dtype: DType) -> IntInfo? { all[dtype] }

    var typeName: String { "iinfo" }
    func repr() -> String {
        "iinfo(min=\(TypeInfoBindings.shortForm(Double(min))), max=\(TypeInfoBindings.shortForm(Double(max))), dtype=\(dtype.shortName))"
    }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "bits": return .int(bits)
        case "min": return .int(min)
        case "max": return .int(max)
        case "dtype": return .string(dtype.shortName)
        default: return nil
        }
    }
}
