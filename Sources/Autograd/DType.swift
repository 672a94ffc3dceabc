/// Element types a tensor can hold, named as PyTorch names them.
public enum DType: Int, Sendable, CaseIterable, Comparable {
    case bool = 0, int64 = 1, float32 = 2, float64 = 3

    /// PyTorch's printed name, e.g. `torch.float32`.
    public var name: String {
        switch self {
        case .bool: return "torch.bool"
        case .int64: return "torch.int64"
        case .float32: return "torch.float32"
        case .float64: return "torch.float64"
        }
    }

    /// The legacy tensor type name used in error messages, e.g. `torch.FloatTensor`.
    public var legacyTypeName: String {
        switch self {
        case .bool: return "torch.BoolTensor"
        case .int64: return "torch.LongTensor"
        case .float32: return "torch.FloatTensor"
        case .float64: return "torch.DoubleTensor"
        }
    }

    /// Whether values of this type are floating point (float32, float64).
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .bool: return 1
        case .int64, .float64: return 8
        case .float32: return 4
        }
    }

    public static func < (a: DType, b: DType) -> Bool { a.rawValue < b.rawValue }

    /// The C++ scalar type name PyTorch's messages use (`Float`, `Double`, `Long`, `Bool`).
    package var scalarTypeName: String {
        switch self {
        case .bool: return "Bool"
        case .int64: return "Long"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }

    /// The C++ type name `c10::toString`-style messages use (`float`, `double`, `long int`, `bool`).
    var cppTypeName: String {
        switch self {
        case .bool: return "bool"
        case .int64: return "long int"
        case .float32: return "float"
        case .float64: return "double"
        }
    }

    /// The category PyTorch's type promotion compares first: bool < integer < floating.
    var category: Int {
        switch self {
        case .bool: return 0
        case .int64: return 1
        case .float32, .float64: return 2
        }
    }
}

/// A Python number taking part in an op; it promotes with lower priority than any tensor.
public enum ScalarValue: Sendable, Equatable {
    case bool(Bool)
    case int(Int64)
    case double(Double)

    /// The dtype of the wrapped-number tensor PyTorch makes of this Python number when it meets
    /// a tensor (`wrapped_scalar_tensor`): bool, int64 or float64.
    var wrappedDType: DType {
        switch self {
        case .bool: .bool
        case .int: .int64
        case .double: .float64
        }
    }

    /// The value as a Double (integers and booleans converted exactly where they fit).
    public var doubleValue: Double {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    var category: Int {
        switch self {
        case .bool: return 0
        case .int: return 1
        case .double: return 2
        }
    }
}

/// PyTorch's `result_type`: dimensioned tensors outrank 0-dim tensors, which outrank Python
/// numbers (and the wrapped-number tensors PyTorch makes of them), but a higher category
/// (bool < int < float) always wins, and a Python float meeting an integer tensor gives the
/// default float dtype.
public func resultType(_ operands: [Tensor], scalars: [ScalarValue] = []) -> DType {
    var dimResult: DType? = nil
    var zeroDimResult: DType? = nil
    var scalars = scalars
    for t in operands {
        if let number = t.wrappedNumberKind {
            scalars.append(number)
        } else if t.shape.isEmpty {
            zeroDimResult = max(zeroDimResult ?? t.dtype, t.dtype)
        } else {
            dimResult = max(dimResult ?? t.dtype, t.dtype)
        }
    }
    var result = dimResult ?? zeroDimResult
    if let d = dimResult, let z = zeroDimResult, z.category > d.category {
        result = z
    }
    for s in scalars {
        let scalarType: DType
        switch s {
        case .bool: scalarType = .bool
        case .int: scalarType = .int64
        case .double: scalarType = .float32
        }
        if let r = result {
            if s.category > r.category { result = scalarType }
        } else {
            result = scalarType
        }
    }
    return result ?? .float32
}
