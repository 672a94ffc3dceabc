import Autograd
import TorchBindings

/// The value previews a script run records (`gradscope render --values`, and every HTML page):
/// PyTorch's `repr(t.detach())` under the script's print options for a tensor of at most
/// `reprLimit` elements, else its shape with the minimum, maximum and mean. Without the
/// `grad_fn=`/`requires_grad=` suffix: a factory's tensor is previewed before
/// `requires_grad=True` is set on it, and the record says both anyway.
package enum TensorValueText {
    /// The most elements a preview prints in full; PyTorch summarises from 1,000 elements
    /// (`threshold`), and a summarised repr still costs its edge items in every row.
    package static let reprLimit = 1000

    /// The preview of `t`.
    package static func text(of t: Tensor) -> String {
        guard t.numel > reprLimit else { return TensorFormatter.valuesRepr(t) }
        let values = t.doubles()
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let mean = values.reduce(0, +) / Double(values.count)
        let shape = "[" + t.shape.map(String.init).joined(separator: ", ") + "]"
        return "\(t.numel) elements (shape \(shape), \(t.dtype.name)), not printed: "
            + "min \(number(low, t.dtype)), max \(number(high, t.dtype)), mean \(number(mean, .float64))"
    }

    /// A value with the digits its dtype holds (`Float`'s shortest form for float32).
    private static func number(_ v: Double, _ dtype: DType) -> String {
        switch dtype {
        case .float32: return "\(Float(v))"
        case .bool, .uint8, .int8, .int16, .int32, .int64: return "\(Int64(v))"
        case .float64: return "\(v)"
        }
    }
}
