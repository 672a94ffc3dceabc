import Autograd
import Python

/// `torch.einsum(equation, *operands)` (torch/functional.py): the operands as separate
/// arguments or one list/tuple.
enum EinsumBinding {
    /// The function, by name.
    static func members() -> [String: Value] {
        [
            "einsum": .object(
                BuiltinFunction("einsum") { args, interp in
                    try args.check("einsum", maxPositional: .max, allowed: [])
                    guard let first = args.positional.first, let equation = try interp.optionalString(first) else {
                        throw PyException(
                            .typeError,
                            "einsum(): must specify the equation string and at least one operand, or, a list of operands")
                    }
                    var values = Array(args.positional.dropFirst())
                    if values.count == 1, case .list = values[0] { values = try interp.iterate(values[0]) }
                    if values.count == 1, case .tuple = values[0] { values = try interp.iterate(values[0]) }
                    let tensors = try values.map { try interp.tensorValue($0, "einsum", "operands") }
                    return .tensor(try Tensor.einsum(equation, tensors))
                })
        ]
    }
}
