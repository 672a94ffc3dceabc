/// Calls a generic function with the Swift element type of a dtype.
protocol ElementVisitor {
    associatedtype Result
    func visit<T: TensorElement>(_ type: T.Type) -> Result
}

/// Calls a generic function with the Swift element type of a floating dtype.
protocol FloatVisitor {
    associatedtype Result
    func visit<T: FloatElement>(_ type: T.Type) -> Result
}

extension DType {
    @inline(__always)
    func dispatch<V: ElementVisitor>(_ v: V) -> V.Result {
        switch self {
        case .float32: return v.visit(Float.self)
        case .float64: return v.visit(Double.self)
        case .int64: return v.visit(Int64.self)
        case .bool: return v.visit(Bool.self)
        case .int32: return v.visit(Int32.self)
        case .int16: return v.visit(Int16.self)
        case .int8: return v.visit(Int8.self)
        case .uint8: return v.visit(UInt8.self)
        }
    }

    /// Dispatches a floating dtype; callers promote non-float dtypes first.
    @inline(__always)
    func dispatchFloat<V: FloatVisitor>(_ v: V) -> V.Result {
        switch self {
        case .float64: return v.visit(Double.self)
        default: return v.visit(Float.self)
        }
    }
}
