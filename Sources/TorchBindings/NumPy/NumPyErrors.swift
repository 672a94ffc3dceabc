import Python

/// numpy's own exception classes (`numpy.exceptions.AxisError`, `numpy._core._exceptions
/// ._UFuncOutputCastingError` shown as `UFuncTypeError`) and its messages that differ from
/// the engine's.
enum NumPyErrors {
    /// numpy's AxisError derives from both ValueError and IndexError; here from ValueError.
    static let axisError = ExceptionClass("AxisError", base: .valueError)
    static let ufuncTypeError = ExceptionClass("UFuncTypeError", base: .typeError)

    static func axis(_ axis: Int, _ ndim: Int) -> PyException {
        PyException(axisError, "axis \(axis) is out of bounds for array of dimension \(ndim)")
    }

    /// numpy's tuple text of a shape: `(3,)`, `(2, 3)`.
    static func tuple(_ s: [Int]) -> String {
        s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ", ") + ")"
    }

    /// Checks the integer indices of a basic index against the array's axes, with numpy's message.
    static func checkIntegerIndices(_ key: Value, _ shape: [Int]) throws {
        let items: [Value]
        if case .tuple(let t) = key { items = t } else { items = [key] }
        var axis = 0
        for item in items {
            switch item {
            case .int(let i):
                guard axis < shape.count else {
                    throw PyException.index(
                        "too many indices for array: array is \(shape.count)-dimensional, but \(items.count) were indexed")
                }
                if i >= shape[axis] || i < -shape[axis] {
                    throw PyException.index("index \(i) is out of bounds for axis \(axis) with size \(shape[axis])")
                }
                axis += 1
            case .none: continue
            case .object(is EllipsisObject): return
            default: axis += 1
            }
        }
    }
}
