/// A value bound to an op parameter, already converted to the parameter's schema type.
package enum OpValue {
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

    /// The value a constant stands for.
    package init(_ constant: OpConstant) {
        switch constant {
        case .scalar(let s): self = .scalar(s)
        case .int(let i): self = .int(i)
        case .intList(let list): self = .intList(list)
        case .double(let d): self = .double(d)
        case .bool(let b): self = .bool(b)
        case .dtype(let d): self = .dtype(d)
        case .string(let s): self = .string(s)
        case .none: self = .none
        }
    }
}

/// A non-tensor parameter value known ahead of any call: a signature's default or a declared
/// sample argument. It holds no tensor, so signatures and samples are shared between threads.
package enum OpConstant: Sendable {
    case scalar(ScalarValue)
    case int(Int)
    case intList([Int])
    case double(Double)
    case bool(Bool)
    case dtype(DType)
    case string(String)
    case none
}
