import Autograd
import Python

/// `_gradscope.sgd_update(params, grads, momentum_buffer_list, weight_decay, momentum, lr,
/// dampening, nesterov)`: the prelude's `_single_tensor_sgd` without maximize, native because a
/// training loop runs it every iteration. It calls the same tensor methods in the same order
/// (`add`, `detach`, `clone`, `mul_`, `add_`) and stores new momentum buffers into
/// `momentum_buffer_list`. It returns False without touching anything when an argument is not
/// of the plain kind (lists of tensors, buffers that are tensors or None, int or float
/// hyperparameters, a bool `nesterov`), and the prelude then runs its Python.
enum SGDUpdate {
    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let a = args.positional
        guard a.count == 8, args.keywords.isEmpty else {
            throw PyException.type("sgd_update expects 8 positional arguments")
        }
        guard case .list(let paramList) = a[0], case .list(let gradList) = a[1], case .list(let bufferList) = a[2],
            let params = tensors(paramList.items), let grads = tensors(gradList.items),
            params.count == grads.count, bufferList.items.count == params.count,
            let hyperparameters = Hyperparameters(a[3...7]), let known = noneOrTensors(bufferList.items)
        else { return .bool(false) }
        var buffers = known
        defer { bufferList.items = buffers.map { $0.map(Value.tensor) ?? Value.none } }
        try update(params: params, grads: grads, buffers: &buffers, hyperparameters, interp)
        return .bool(true)
    }

    /// `_single_tensor_sgd`'s loop without maximize: the same tensor methods in the same order;
    /// a momentum buffer that is None (nil) becomes `grad.detach().clone()`.
    static func update(
        params: [Tensor], grads: [Tensor], buffers: inout [Tensor?], _ h: Hyperparameters, _ interp: Interpreter
    ) throws {
        for i in 0..<params.count {
            var grad = grads[i]
            if !h.weightDecay.isZero {
                grad = try method("add", grad, [.tensor(params[i])], alpha: h.weightDecay.value, interp)
            }
            if !h.momentum.isZero {
                let buf: Tensor
                if let existing = buffers[i] {
                    buf = existing
                    let scaled = try method("mul_", buf, [h.momentum.value], alpha: nil, interp)
                    _ = try method("add_", scaled, [.tensor(grad)], alpha: h.dampening.oneMinus, interp)
                } else {
                    buf = try method("clone", try method("detach", grad, [], alpha: nil, interp), [], alpha: nil, interp)
                    buffers[i] = buf
                }
                grad = h.nesterov ? try method("add", grad, [.tensor(buf)], alpha: h.momentum.value, interp) : buf
            }
            _ = try method("add_", params[i], [.tensor(grad)], alpha: h.lr.negated, interp)
        }
    }

    /// `weight_decay, momentum, lr, dampening, nesterov` when they are plain (int or float
    /// numbers, a bool `nesterov`).
    struct Hyperparameters {
        let weightDecay: Number
        let momentum: Number
        let lr: Number
        let dampening: Number
        let nesterov: Bool

        init?(_ values: ArraySlice<Value>) {
            let v = Array(values)
            guard v.count == 5, let weightDecay = SGDUpdate.number(v[0]), let momentum = SGDUpdate.number(v[1]),
                let lr = SGDUpdate.number(v[2]),
                let dampening = SGDUpdate.number(v[3]), case .bool(let nesterov) = v[4]
            else { return nil }
            (self.weightDecay, self.momentum, self.lr, self.dampening, self.nesterov) =
                (weightDecay, momentum, lr, dampening, nesterov)
        }
    }

    /// A Python int or float hyperparameter, with the arithmetic `_single_tensor_sgd` does on it.
    enum Number {
        case int(Int)
        case float(Double)

        var value: Value {
            switch self {
            case .int(let i): .int(i)
            case .float(let d): .float(d)
            }
        }

        var isZero: Bool {
            switch self {
            case .int(let i): i == 0
            case .float(let d): d == 0
            }
        }

        /// `-value`.
        var negated: Value {
            switch self {
            case .int(let i): .int(-i)
            case .float(let d): .float(-d)
            }
        }

        /// `1 - value`.
        var oneMinus: Value {
            switch self {
            case .int(let i): .int(1 - i)
            case .float(let d): .float(1 - d)
            }
        }
    }

    /// An int (small enough that `-x` and `1 - x` cannot overflow) or a float; nil otherwise.
    private static func number(_ v: Value) -> Number? {
        switch v {
        case .int(let i) where abs(i) < Int.max / 2: .int(i)
        case .float(let d): .float(d)
        default: nil
        }
    }

    /// The values as tensors, None as nil; nil when one is neither.
    static func noneOrTensors(_ items: [Value]) -> [Tensor?]? {
        var out: [Tensor?] = []
        for item in items {
            switch item {
            case .none: out.append(nil)
            case .object(let t as Tensor): out.append(t)
            default: return nil
            }
        }
        return out
    }

    static func tensors(_ items: [Value]) -> [Tensor]? {
        var out: [Tensor] = []
        for item in items {
            guard case .object(let t as Tensor) = item else { return nil }
            out.append(t)
        }
        return out
    }

    /// `receiver.name(*positional, alpha=alpha)`, looked up and called as Python does.
    private static func method(
        _ name: String, _ receiver: Tensor, _ positional: [Value], alpha: Value?, _ interp: Interpreter
    ) throws -> Tensor {
        guard let function = try receiver.attribute(name, interp) else {
            throw PyException.attribute("'Tensor' object has no attribute '\(name)'")
        }
        let keywords: [(name: String, value: Value)] = alpha.map { [("alpha", $0)] } ?? []
        guard case .object(let result as Tensor) = try interp.call(function, Arguments(positional, keywords: keywords))
        else { throw PyException.type("Tensor.\(name) did not return a tensor") }
        return result
    }
}
