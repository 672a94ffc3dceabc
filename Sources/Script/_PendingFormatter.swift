import Autograd
// Temporary until the formatter branch lands.
enum PythonFormat {
    static func floatRepr(_ d: Double) -> String { "\(d)" }
    static func stringRepr(_ s: String) -> String { "'\(s)'" }
}
enum TensorFormatter {
    static func repr(_ t: Tensor) -> String { "tensor(\(t.doubles()))" }
}
