import Python

/// `torch.float16` (`torch.half`) and `torch.bfloat16`: scripts can name them — as autocast's
/// `dtype`, in a `dtype == torch.float16` test — but GradScope has no 16-bit floating-point
/// tensors, so making or converting a tensor to one raises `unsupported`.
final class HalfPrecisionDTypeObject: PyObject, Sendable {
    /// PyTorch's name, `torch.float16` or `torch.bfloat16`.
    let name: String
    private init(_ name: String) { self.name = name }

    static let float16 = HalfPrecisionDTypeObject("torch.float16")
    static let bfloat16 = HalfPrecisionDTypeObject("torch.bfloat16")

    /// `torch.float16`, `torch.half` and `torch.bfloat16`, by attribute name.
    static var torchMembers: [String: Value] {
        ["float16": .object(float16), "half": .object(float16), "bfloat16": .object(bfloat16)]
    }

    /// The error a tensor of this dtype raises.
    var unsupported: PyException {
        PyException(
            .notImplementedError,
            "GradScope has no \(name) tensors: 16-bit floating point is not supported (use torch.float32)")
    }

    var typeName: String { "dtype" }
    func pythonType(_ interp: Interpreter) -> Value? { .object(TorchTypes.dtype) }
    func repr() -> String { name }
    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        switch name {
        case "is_floating_point": return .bool(true)
        case "itemsize": return .int(2)
        default: return nil
        }
    }
}

extension Value {
    /// Throws `unsupported` when this is `torch.float16` or `torch.bfloat16`.
    func rejectingHalfPrecision() throws -> Value {
        if case .object(let half as HalfPrecisionDTypeObject) = self { throw half.unsupported }
        return self
    }
}
