/// `tolist()`: a tensor's values as nested lists of Python numbers.

/// A Python number or a (nested) list of them, as `tolist()` returns.
public indirect enum NestedValues: Equatable {
    case scalar(ScalarValue)
    case list([NestedValues])
}

extension Tensor {
    /// `tolist()`: a 0-dim tensor gives a number, otherwise nested lists one level per dimension.
    public func tolist() -> NestedValues {
        let values = doubles()
        let convert: (Double) -> ScalarValue
        switch dtype {
        case .bool: convert = { .bool($0 != 0) }
        case .int64: convert = { .int(Int64(fromDouble: $0)) }
        case .float32, .float64: convert = { .double($0) }
        }
        let strides = contiguousStrides(shape)
        func build(_ d: Int, _ start: Int) -> NestedValues {
            if d == shape.count { return .scalar(convert(values[start])) }
            return .list((0..<shape[d]).map { build(d + 1, start + $0 * strides[d]) })
        }
        return build(0, 0)
    }
}
