import Autograd
import Python

/// `_gradscope.sgd_momentum_step(params, state, weight_decay, momentum, lr, dampening, nesterov)`:
/// `SGD.step` for one parameter group with momentum and without maximize, native because a
/// training loop runs it every iteration. Like the prelude's `_init_group` it reads every
/// parameter's `.grad` (twice when set) and `state[p].get("momentum_buffer")` of those with one,
/// runs `_single_tensor_sgd`'s update (`SGDUpdate.update`), then stores every buffer back into
/// `state[p]["momentum_buffer"]`. It returns False without touching anything unless `params` is a
/// list of tensors, `state` the optimizer's `defaultdict(dict)` whose entries for them are dicts
/// holding a tensor or None as buffer, and the hyperparameters are plain (`SGDUpdate.Hyperparameters`).
enum SGDMomentumStep {
    private static var bufferKey: Value { .string("momentum_buffer") }

    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let a = args.positional
        guard a.count == 7, args.keywords.isEmpty else {
            throw PyException.type("sgd_momentum_step expects 7 positional arguments")
        }
        guard case .list(let paramList) = a[0], let params = SGDUpdate.tensors(paramList.items),
            case .dict(let state) = a[1], let hyperparameters = SGDUpdate.Hyperparameters(a[2...6]),
            try isPlain(state, params)
        else { return .bool(false) }
        var withGrad: [Tensor] = []
        var grads: [Tensor] = []
        var buffers: [Tensor?] = []
        for p in params {
            interp.torchObserver?.gradRead(of: p, line: interp.scriptLine)
            guard p.grad != nil else { continue }
            interp.torchObserver?.gradRead(of: p, line: interp.scriptLine)
            guard let grad = p.grad, case .dict(let entry) = try interp.subscriptValue(a[1], .tensor(p)) else {
                throw PyException.type("sgd_momentum_step: a parameter's state is not a dict")
            }
            withGrad.append(p)
            grads.append(grad)
            if case .object(let buffer as Tensor)? = try entry.get(bufferKey) {
                buffers.append(buffer)
            } else {
                buffers.append(nil)
            }
        }
        try SGDUpdate.update(params: withGrad, grads: grads, buffers: &buffers, hyperparameters, interp)
        for (p, buffer) in zip(withGrad, buffers) {
            guard case .dict(let entry) = try interp.subscriptValue(a[1], .tensor(p)) else {
                throw PyException.type("sgd_momentum_step: a parameter's state is not a dict")
            }
            try entry.set(bufferKey, buffer.map(Value.tensor) ?? Value.none)
        }
        return .bool(true)
    }

    /// Whether `state` is a `defaultdict(dict)` whose entries for `params` (where present) are dicts
    /// with no buffer, None or a tensor as `momentum_buffer`.
    private static func isPlain(_ state: DictStorage, _ params: [Tensor]) throws -> Bool {
        guard case .defaultDict(let factory) = state.flavor, Formatting.repr(factory) == "<class 'dict'>" else { return false }
        for p in params {
            switch try state.get(.tensor(p)) {
            case nil: continue
            case .dict(let entry)?:
                switch try entry.get(bufferKey) {
                case nil, .none?: continue
                case .object(let buffer)? where buffer is Tensor: continue
                default: return false
                }
            default: return false
            }
        }
        return true
    }
}
