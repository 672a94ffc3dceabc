import RealModule

/// A Swift type that can be stored in a tensor, with lossless-enough conversion through Double.
package protocol TensorElement {
    static var dtype: DType { get }
    init(fromDouble value: Double)
    var doubleValue: Double { get }
}

extension Float: TensorElement {
    package static var dtype: DType { .float32 }
    @inline(__always) package init(fromDouble value: Double) { self = Float(value) }
    @inline(__always) package var doubleValue: Double { Double(self) }
}

extension Double: TensorElement {
    package static var dtype: DType { .float64 }
    @inline(__always) package init(fromDouble value: Double) { self = value }
    @inline(__always) package var doubleValue: Double { self }
}

extension Int64: TensorElement {
    package static var dtype: DType { .int64 }
    /// Truncates toward zero like PyTorch's float-to-int cast; out-of-range values saturate.
    @inline(__always) package init(fromDouble value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.2233720368547758e18 {
            self = .max
        } else if value <= -9.2233720368547758e18 {
            self = .min
        } else {
            self = Int64(value)
        }
    }
    @inline(__always) package var doubleValue: Double { Double(self) }
}

extension Bool: TensorElement {
    package static var dtype: DType { .bool }
    @inline(__always) package init(fromDouble value: Double) { self = value != 0 }
    @inline(__always) package var doubleValue: Double { self ? 1 : 0 }
}

/// Floating-point element types, for kernels that need transcendental functions.
package protocol FloatElement: TensorElement, Real, BinaryFloatingPoint {}
extension Float: FloatElement {}
extension Double: FloatElement {}
