/// `tolist()`: a tensor's values as nested lists of Python numbers.

/// A Python number or a (nested) list of them, as `tolist()` returns.
public indirect enum NestedValues: Equatable {
    case scalar(ScalarValue)
    case list([NestedValues])
}

extension Tensor {
    /// `tolist()`: a 0-dim tensor gives a number, otherwise nested lists one level per dimension.
    public func tolist() -> NestedValues {
        let convert: (Int) -> ScalarValue
        if dtype.isIntegral {
            let values = int64Values()
            convert = { .int(values[$0]) }
        } else {
            let values = doubles()
            convert = dtype == .bool ? { .bool(values[$0] != 0) } : { .double(values[$0]) }
        }
        let strides = contiguousStrides(shape)
        func build(_ d: Int, _ start: Int) -> NestedValues {
            if d == shape.count { return .scalar(convert(start)) }
            return .list((0..<shape[d]).map { build(d + 1, start + $0 * strides[d]) })
        }
        return build(0, 0)
    }
}
