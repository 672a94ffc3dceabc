/// A value bound to an op parameter, already converted to the parameter's schema type.
public enum OpValue {
    case tensor(Tensor)
    case tensorList([Tensor])
    case scalar(ScalarValue)
    case int(Int)
    case intList([Int])
    case double(Double)
    case bool(Bool)
    case dtype(DType)
    case string(String)
    case none
}

// The registry shares signatures across threads; the defaults they hold are parsed from
// signature text and so never contain a tensor, the only non-Sendable payload.
extension OpValue: @unchecked Sendable {}
