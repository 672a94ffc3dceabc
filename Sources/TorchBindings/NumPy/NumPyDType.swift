import Autograd
import Python

/// The numpy dtypes GradScope supports: those the engine's storage can hold, so that
/// `torch.from_numpy` and `Tensor.numpy()` share memory.
enum NumPyDType: String, CaseIterable {
    case bool, int64, float32, float64

    /// The dtype of an array over a tensor of `dtype`; `NumPyBridge.numpyView` refuses the
    /// narrow integer dtypes, which GradScope's numpy does not have, so they never reach here
    /// other than as int64's kind.
    init(_ dtype: DType) {
        switch dtype {
        case .bool: self = .bool
        case .int64, .uint8, .int8, .int16, .int32: self = .int64
        case .float32: self = .float32
        case .float64: self = .float64
        }
    }

    /// The engine dtype holding this dtype's values.
    var engine: DType {
        switch self {
        case .bool: return .bool
        case .int64: return .int64
        case .float32: return .float32
        case .float64: return .float64
        }
    }

    var isFloat: Bool { self == .float32 || self == .float64 }

    /// bool < integer < floating, the order numpy's promotion compares first.
    var kind: Int {
        switch self {
        case .bool: return 0
        case .int64: return 1
        case .float32, .float64: return 2
        }
    }

    /// numpy's `np.result_type` of two arrays' dtypes (int64 with float32 gives float64).
    static func promote(_ a: NumPyDType, _ b: NumPyDType) -> NumPyDType {
        if a == b { return a }
        if a.kind != b.kind && max(a.kind, b.kind) == 2 && min(a.kind, b.kind) == 1 { return .float64 }
        if a.kind != b.kind { return a.kind > b.kind ? a : b }
        return a == .float64 || b == .float64 ? .float64 : a
    }

    /// The result dtype of an array of this dtype with a Python number (NEP 50: the number is
    /// "weak" and takes the array's dtype unless its kind is higher).
    func promote(weak scalar: ScalarValue) -> NumPyDType {
        switch scalar {
        case .bool: return self
        case .int: return kind >= 1 ? self : .int64
        case .double: return isFloat ? self : .float64
        }
    }
}

/// `np.float32`, `np.int64`, ... (the scalar types, callable) and `arr.dtype` (a dtype object
/// printing as `float32`); both compare equal to each other and to the dtype's name.
final class NumPyDTypeObject: PyObject, Sendable {
    let dtype: NumPyDType
    /// Whether this is the scalar type `np.float32` rather than the dtype `dtype('float32')`.
    let isScalarType: Bool

    init(_ dtype: NumPyDType, isScalarType: Bool) {
        self.dtype = dtype
        self.isScalarType = isScalarType
    }

    static let scalarTypes = Dictionary(
        uniqueKeysWithValues: NumPyDType.allCases.map { ($0, NumPyDTypeObject($0, isScalarType: true)) })
    static let dtypes = Dictionary(
        uniqueKeysWithValues: NumPyDType.allCases.map { ($0, NumPyDTypeObject($0, isScalarType: false)) })

    var typeName: String { isScalarType ? "type" : "dtype[\(dtype.rawValue)]" }
    func repr() -> String { isScalarType ? "<class 'numpy.\(dtype.rawValue)'>" : "dtype('\(dtype.rawValue)')" }
    func str() -> String { isScalarType ? repr() : dtype.rawValue }

    func equals(_ other: Value) -> Bool? {
        switch other {
        case .object(let o as NumPyDTypeObject): return o.dtype == dtype
        case .string(let s): return s == dtype.rawValue
        default: return false
        }
    }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "__name__", "name": return .string(dtype.rawValue)
        case "itemsize": return .int(dtype.engine.itemSize)
        case "type": return .object(Self.scalarTypes[dtype]!)
        default: return nil
        }
    }

    /// `np.float32(1.5)`: a numpy scalar; `np.float32([1, 2])`: an array of that dtype.
    func call(_ args: Arguments, _ interp: Interpreter) throws -> Value? {
        guard isScalarType else { return nil }
        try args.check(dtype.rawValue, maxPositional: 1, allowed: [])
        let value = args.positional.first ?? .int(0)
        let array = try NDArray.from(value, dtype: dtype, copy: true, interp)
        return array.shape.isEmpty ? .object(array.asScalar()) : .object(array)
    }
}

extension Interpreter {
    /// A numpy `dtype=` argument (`np.float32`, `arr.dtype`, `'float32'`, `float`, `int`,
    /// `bool`); nil when absent or None.
    func numpyDType(_ v: Value?, _ function: String) throws -> NumPyDType? {
        guard let v else { return nil }
        switch v {
        case .none: return nil
        case .object(let d as NumPyDTypeObject): return d.dtype
        case .string(let s):
            if let d = NumPyDType(rawValue: s) { return d }
            throw PyException.type(
                "data type '\(s)' not understood (GradScope's numpy has \(NumPyDType.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        case .object(let o) where o.typeName == "type":
            switch o.repr() {
            case "<class 'float'>": return .float64
            case "<class 'int'>": return .int64
            case "<class 'bool'>": return .bool
            default: break
            }
        default: break
        }
        throw PyException.type(
            "\(function)(): dtype \(Formatting.repr(v)) is not supported by GradScope's numpy (float32, float64, int64, bool)")
    }
}
