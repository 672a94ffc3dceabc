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

/// The integer types narrower than int64. Their arithmetic runs in int64 and wraps on store;
/// converting a floating value to them follows what PyTorch's CPU casts give on x86-64.
package protocol NarrowIntegerElement: TensorElement, FixedWidthInteger {}

extension NarrowIntegerElement {
    /// A float converted as PyTorch's CPU cast does: through int64 for uint8 (c10's
    /// `static_cast_with_inter_type`), through int32 otherwise, truncating toward zero; NaN and
    /// out-of-range values give the x86 conversion's "integer indefinite" (the type's minimum),
    /// whose low bits are then kept.
    @inline(__always) package init(fromDouble value: Double) {
        if Self.self == UInt8.self {
            let wide: Int64 = value > -0x1p63 && value < 0x1p63 ? Int64(value) : .min
            self.init(truncatingIfNeeded: wide)
        } else {
            let wide: Int32 = value > -2147483649.0 && value < 2147483648.0 ? Int32(value) : .min
            self.init(truncatingIfNeeded: wide)
        }
    }
    @inline(__always) package var doubleValue: Double { Double(self) }
}

extension Int32: NarrowIntegerElement { package static var dtype: DType { .int32 } }
extension Int16: NarrowIntegerElement { package static var dtype: DType { .int16 } }
extension Int8: NarrowIntegerElement { package static var dtype: DType { .int8 } }
extension UInt8: NarrowIntegerElement { package static var dtype: DType { .uint8 } }
