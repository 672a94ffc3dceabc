import Autograd
import Python

/// `_gradscope.tensor_copier(factory_name)`: a function that copies tensors as one `torch.save` or
/// `torch.load` call does (`SerializationCopier`: storages shared among the tensors it copies stay
/// shared), for the prelude's torch/serialization.py. With a name (`"load"`) the copies are reported
/// as made by that factory; with None they are not reported (what `torch.save` keeps).
enum TensorCopierBinding {
    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard args.positional.count == 1, args.keywords.isEmpty else {
            throw PyException.type("tensor_copier(factory_name) expects a string or None")
        }
        let copier = SerializationCopier(reportingAs: try interp.optionalString(args.positional[0]))
        return .object(
            BuiltinFunction("copy_tensor") { args, _ in
                guard args.positional.count == 1, args.keywords.isEmpty, case .object(let t as Tensor) = args.positional[0]
                else {
                    throw PyException.type("copy_tensor(tensor) expects a tensor")
                }
                return .tensor(try copier.copy(t))
            })
    }
}
