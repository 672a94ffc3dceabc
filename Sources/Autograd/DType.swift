/// Element types a tensor can hold, named as PyTorch names them.
///
/// The raw values are stored in graph tables (three bits), so existing cases keep theirs.
public enum DType: Int, Sendable, CaseIterable {
    case bool = 0, int64 = 1, float32 = 2, float64 = 3
    case uint8 = 4, int8 = 5, int16 = 6, int32 = 7

    /// PyTorch's printed name, e.g. `torch.float32` (literals: graph writers ask for it often).
    public var name: String {
        switch self {
        case .bool: return "torch.bool"
        case .uint8: return "torch.uint8"
        case .int8: return "torch.int8"
        case .int16: return "torch.int16"
        case .int32: return "torch.int32"
        case .int64: return "torch.int64"
        case .float32: return "torch.float32"
        case .float64: return "torch.float64"
        }
    }

    /// The name without `torch.` (`int32`), as `torch.iinfo` and NumPy print it.
    public var shortName: String {
        switch self {
        case .bool: return "bool"
        case .uint8: return "uint8"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .float32: return "float32"
        case .float64: return "float64"
        }
    }

    /// The legacy tensor type name used in error messages, e.g. `torch.FloatTensor`.
    public var legacyTypeName: String { "torch." + scalarTypeName + "Tensor" }

    /// Whether values of this type are floating point (float32, float64).
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    /// Whether this is one of the integer types narrower than int64, whose arithmetic runs in
    /// int64 and wraps on store (`Tensor.narrowedArithmetic`).
    public var isNarrowInteger: Bool { rawValue >= DType.uint8.rawValue }

    /// Whether values of this type are integers (bool excluded).
    public var isIntegral: Bool { self == .int64 || isNarrowInteger }

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .bool, .uint8, .int8: return 1
        case .int16: return 2
        case .int32, .float32: return 4
        case .int64, .float64: return 8
        }
    }

    /// PyTorch's `promoteTypes` for two dtypes: the wider of the same category, the higher
    /// category (bool < integer < floating) otherwise; uint8 with int8 gives int16.
    public func promoted(with other: DType) -> DType {
        if self == other { return self }
        if category != other.category { return category > other.category ? self : other }
        if isFloatingPoint { return self == .float64 || other == .float64 ? .float64 : .float32 }
        if self == .uint8 || other == .uint8 {
            let signed = self == .uint8 ? other : self
            return signed == .int8 ? .int16 : signed
        }
        return itemSize >= other.itemSize ? self : other
    }

    /// The C++ scalar type name PyTorch's messages use (`Float`, `Double`, `Long`, `Int`, `Byte`…).
    package var scalarTypeName: String {
        switch self {
        case .bool: return "Bool"
        case .uint8: return "Byte"
        case .int8: return "Char"
        case .int16: return "Short"
        case .int32: return "Int"
        case .int64: return "Long"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }

    /// The C++ type name `c10::toString`-style messages use (`float`, `double`, `long int`, `bool`).
    var cppTypeName: String {
        switch self {
        case .bool: return "bool"
        case .uint8: return "unsigned char"
        case .int8: return "signed char"
        case .int16: return "short int"
        case .int32: return "int"
        case .int64: return "long int"
        case .float32: return "float"
        case .float64: return "double"
        }
    }

    /// The category PyTorch's type promotion compares first: bool < integer < floating.
    var category: Int {
        switch self {
        case .bool: return 0
        case .uint8, .int8, .int16, .int32, .int64: return 1
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
            zeroDimResult = zeroDimResult?.promoted(with: t.dtype) ?? t.dtype
        } else {
            dimResult = dimResult?.promoted(with: t.dtype) ?? t.dtype
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
