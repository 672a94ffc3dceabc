import Autograd
import Python

/// `Tensor.type_as(other)` (`self.to(other.dtype)`) and the `new_zeros`/`new_ones`/`new_full`/
/// `new_empty`/`new_tensor` factories, which take the receiver's dtype unless given `dtype=`.
enum NewTensorBindings {
    static let methods: [String: TensorMethod] = [
        "type_as": { t, a, i in
            try a.check("type_as", maxPositional: 1, allowed: ["other"])
            return .tensor(try t.to(try i.tensorValue(a.value(0, "other"), "type_as", "other").dtype))
        },
        "new_zeros": { t, a, i in try filled(t, a, i, "new_zeros", value: 0) },
        "new_ones": { t, a, i in try filled(t, a, i, "new_ones", value: 1) },
        // Like `torch.empty`, zero-filled: PyTorch leaves the memory as it was.
        "new_empty": { t, a, i in try filled(t, a, i, "new_empty", value: 0) },
        "new_tensor": { t, a, i in try newTensor(t, a, i) },
        "new_full": { t, a, i in
            try a.check("new_full", maxPositional: 2, allowed: ["size", "fill_value", "dtype", "device", "requires_grad"])
            guard let size = a.value(0, "size"), let fill = a.value(1, "fill_value") else {
                throw PyException.type("new_full() missing required arguments 'size' and 'fill_value'")
            }
            return try filled(
                t, Arguments([size], keywords: a.keywords.filter { $0.name != "size" && $0.name != "fill_value" }), i, "new_full",
                value: try i.doubleValue(fill, "new_full", "fill_value"))
        }
    ]

    /// `self.new_tensor(data, dtype=None, device=None, requires_grad=False)`: `torch.tensor(data)`
    /// in the receiver's dtype; a tensor's values are copied, with PyTorch's warning.
    private static func newTensor(_ t: Tensor, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        try args.check("new_tensor", maxPositional: 1, allowed: ["data", "dtype", "device", "requires_grad"])
        guard let data = args.value(0, "data") else {
            throw PyException.type("new_tensor() missing 1 required positional arguments: \"data\"")
        }
        let dtype = try interp.dtypeArgument(args) ?? t.dtype
        let made: Tensor
        if case .object(let source as Tensor) = data {
            interp.warn(
                "To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or sourceTensor.detach().clone().requires_grad_(True), rather than tensor.new_tensor(sourceTensor).",
                category: "UserWarning")
            made = try GradMode.noGrad { try source.detach().to(dtype, copy: true) }
        } else {
            let d = try interp.nestedData(data, storingAs: dtype)
            made = try Tensor(d.values, shape: d.shape, dtype: dtype)
        }
        return .tensor(
            try Tensor.factory(
                "new_tensor", made, requiresGrad: try interp.boolValue(args.keyword("requires_grad"), default: false)))
    }

    /// A tensor of `shape` (from `args`' positional sizes) filled with `value`.
    private static func filled(_ t: Tensor, _ args: Arguments, _ interp: Interpreter, _ name: String, value: Double) throws
        -> Value
    {
        for (keyword, _) in args.keywords where !["size", "dtype", "device", "requires_grad"].contains(keyword) {
            throw PyException.type("\(name)() got an unexpected keyword argument '\(keyword)'")
        }
        let shape = try interp.shapeArgument(args, name)
        let out = Tensor.full(shape, value, dtype: try interp.dtypeArgument(args) ?? t.dtype)
        return .tensor(
            try Tensor.factory(name, out, requiresGrad: try interp.boolValue(args.keyword("requires_grad"), default: false)))
    }
}
