import Autograd
import Python

/// `torch.broadcast_tensors(*tensors)` (aten's expand_outplace): every tensor expanded to the
/// shapes' common broadcast shape; a tensor that already has it is returned itself, as in PyTorch
/// (`torch.distributions` relies on this for its parameters' grad_fns).
enum BroadcastTensorsBinding {
    /// The function, by name.
    static func members() -> [String: Value] {
        [
            "broadcast_tensors": .object(
                BuiltinFunction("broadcast_tensors") { args, interp in
                    try args.check("broadcast_tensors", maxPositional: .max, allowed: [])
                    let tensors = try args.positional.map { try interp.tensorValue($0, "broadcast_tensors", "tensors") }
                    let shape = try tensors.dropFirst().reduce(tensors.first?.shape ?? []) { try broadcastShapes($0, $1.shape) }
                    return .tuple(
                        try zip(args.positional, tensors).map { value, tensor in
                            tensor.shape == shape ? value : .tensor(try tensor.expand(shape))
                        })
                })
        ]
    }
}
