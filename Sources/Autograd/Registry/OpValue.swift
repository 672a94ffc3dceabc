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

// The registry shares signatures and samples across threads; the values they hold (defaults
// parsed from signature text, sample literals) never contain a tensor, the only non-Sendable
// payload. Declarations must keep it so: a sample tensor belongs in `OpSamples.shapes`.
extension OpValue: @unchecked Sendable {}
