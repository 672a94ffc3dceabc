import Autograd
import Python

/// `_gradscope.sgd_plain_step(params, lr)`: the whole of `SGD.step` for a parameter group without
/// momentum, weight decay or maximize, native because a training loop runs it every iteration.
/// Like the prelude's `_init_group` and `_single_tensor_sgd`, it reads every parameter's `.grad`
/// (twice when set, as they do), then runs `param.add_(grad, alpha=-lr)` through the same
/// binding. It returns False without touching anything when `params` is not a list of tensors
/// or `lr` is not a float, and the prelude then runs its Python.
enum PlainSGDStep {
    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard args.positional.count == 2, args.keywords.isEmpty else {
            throw PyException.type("sgd_plain_step(params, lr) expects a list of parameters and a learning rate")
        }
        guard case .list(let list) = args.positional[0], case .float(let lr) = args.positional[1],
            let addInPlace = RegistryBindings.methods["add_"]
        else { return .bool(false) }
        var params: [Tensor] = []
        for item in list.items {
            guard case .object(let p as Tensor) = item else { return .bool(false) }
            params.append(p)
        }
        var updates: [(param: Tensor, grad: Tensor)] = []
        for p in params {
            interp.torchObserver?.gradRead(of: p, line: interp.scriptLine)
            guard p.grad != nil else { continue }
            interp.torchObserver?.gradRead(of: p, line: interp.scriptLine)
            if let grad = p.grad { updates.append((p, grad)) }
        }
        for (param, grad) in updates {
            _ = try addInPlace.call(receiver: param, Arguments([.tensor(grad)], keywords: [("alpha", .float(-lr))]), interp)
        }
        return .bool(true)
    }
}
