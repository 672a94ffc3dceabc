import Autograd

/// `torch.optim.SGD`, following `_single_tensor_sgd` op by op so results match PyTorch's
/// digits: weight decay `grad + weight_decay * param`, the momentum buffer (a clone of the
/// first gradient, then `buf * momentum + (1 - dampening) * grad`), Nesterov's
/// `grad + momentum * buf`, and `param - lr * grad`; `maximize` negates the gradient.
public final class SGD: Optimizer {
    public let parameters: [Tensor]
    public var lr: Double
    public let momentum: Double, dampening: Double, weightDecay: Double
    public let nesterov: Bool, maximize: Bool
    /// One buffer per parameter, made on its first step with momentum.
    private var momentumBuffers: [Tensor?]

    public init(
        _ parameters: [Tensor], lr: Double = 0.001, momentum: Double = 0, dampening: Double = 0,
        weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false
    ) throws {
        if lr < 0 { throw TorchError.value("Invalid learning rate: \(lr)") }
        if momentum < 0 { throw TorchError.value("Invalid momentum value: \(momentum)") }
        if weightDecay < 0 { throw TorchError.value("Invalid weight_decay value: \(weightDecay)") }
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw TorchError.value("Nesterov momentum requires a momentum and zero dampening")
        }
        self.parameters = parameters
        (self.lr, self.momentum, self.dampening, self.weightDecay) = (lr, momentum, dampening, weightDecay)
        (self.nesterov, self.maximize) = (nesterov, maximize)
        momentumBuffers = Array(repeating: nil, count: parameters.count)
    }

    public func step() throws {
        try GradMode.noGrad {
            for (i, param) in parameters.enumerated() {
                guard let g = param.grad else { continue }
                var grad = maximize ? try g.neg() : g
                if weightDecay != 0 { grad = try grad.add(.tensor(param), alpha: weightDecay) }
                if momentum != 0 {
                    let buffer: Tensor
                    if let existing = momentumBuffers[i] {
                        buffer = try existing.mul_(.scalar(.double(momentum))).add_(.tensor(grad), alpha: 1 - dampening)
                    } else {
                        buffer = try grad.clone().detach()
                        momentumBuffers[i] = buffer
                    }
                    grad = nesterov ? try grad.add(.tensor(buffer), alpha: momentum) : buffer
                }
                try param.add_(.tensor(grad), alpha: -lr)
            }
        }
    }
}
