import Autograd
import Python

/// `_gradscope.clear_grads(params)`: `Optimizer.zero_grad()` (set_to_none) for one parameter
/// group, native because a training loop runs it every iteration. Like the prelude's loop it reads
/// every parameter's `.grad` once and sets the ones that are set to None. It returns False without
/// touching anything when `params` is not a list of tensors, and the prelude then runs its Python.
enum ClearGrads {
    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard args.positional.count == 1, args.keywords.isEmpty else {
            throw PyException.type("clear_grads(params) expects a list of parameters")
        }
        guard case .list(let list) = args.positional[0], let params = SGDUpdate.tensors(list.items) else { return .bool(false) }
        for p in params {
            interp.torchObserver?.gradRead(of: p, line: interp.scriptLine)
            if p.grad != nil { try p.setGrad(nil) }
        }
        return .bool(true)
    }
}
