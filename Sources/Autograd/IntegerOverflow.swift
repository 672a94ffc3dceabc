/// c10's `overflows` check for storing a Python number in a narrow integer dtype, which
/// `torch.tensor(data, dtype=...)`, `torch.full` and `fill_` make (ops wrap instead).
extension DType {
    /// The smallest and largest values of an integer dtype (bool: 0 and 1; floats: nil).
    public var integerRange: (min: Int64, max: Int64)? {
        switch self {
        case .bool: return (0, 1)
        case .uint8: return (0, Int64(UInt8.max))
        case .int8: return (Int64(Int8.min), Int64(Int8.max))
        case .int16: return (Int64(Int16.min), Int64(Int16.max))
        case .int32: return (Int64(Int32.min), Int64(Int32.max))
        case .int64: return (.min, .max)
        case .float32, .float64: return nil
        }
    }

    /// Whether storing `value` in this narrow integer dtype overflows: an int outside the
    /// type's range (uint8 also takes -255...-1, which wrap), a float below the minimum, at or
    /// past the maximum + 1, or NaN. Never for other dtypes.
    public func overflows(_ value: ScalarValue) -> Bool {
        guard isNarrowInteger, let (low, high) = integerRange else { return false }
        switch value {
        case .bool: return false
        case .int(let i): return i > high || i < (self == .uint8 ? -high : low)
        case .double(let d): return !(d >= Double(low) && d < Double(high) + 1)
        }
    }

    /// PyTorch's message when `overflows`, naming the type as `torch.tensor` does (`uint8`) or,
    /// with `cType`, as `fill_` and `torch.full` do (`uint8_t`, `int` for int32).
    public func overflowMessage(cType: Bool) -> String {
        let name = !cType ? shortName : self == .int32 ? "int" : shortName + "_t"
        return "value cannot be converted to type \(name) without overflow"
    }
}
