import Autograd
import Python

/// `_gradscope.max_unpool2d(input, indices, output_size)`: PyTorch's
/// `torch._C._nn.max_unpool2d`, which the prelude's `F.max_unpool1d` and `F.max_unpool2d` call
/// (Python in PyTorch too).
enum MaxUnpoolBinding {
    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard args.positional.count == 3, args.keywords.isEmpty,
            case .object(let input as Tensor) = args.positional[0],
            case .object(let indices as Tensor) = args.positional[1],
            let outputSize = OpValueConversion.intList(args.positional[2], interp)
        else {
            throw PyException.type("max_unpool2d(input, indices, output_size) expects two tensors and a sequence of ints")
        }
        return .tensor(try input.maxUnpool2d(indices: indices, outputSize: outputSize))
    }
}
