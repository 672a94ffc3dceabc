import Autograd
import Foundation

/// `torch.optim.Adam` and `torch.optim.AdamW` (`decoupledWeightDecay`), following
/// `_single_tensor_adam` op by op so results match PyTorch's digits:
/// `exp_avg.lerp_(grad, 1 - beta1)`, `exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2)`,
/// `denom = (sqrt(exp_avg_sq) / sqrt(bias_correction2)).add_(eps)` (the running maximum of
/// exp_avg_sq with amsgrad) and `param.addcdiv_(exp_avg, denom, -lr / bias_correction1)`,
/// with the bias corrections in Python's float arithmetic. Adam's weight decay adds
/// `weight_decay * param` to the gradient; AdamW's first scales the parameter by
/// `1 - lr * weight_decay`.
public final class Adam: Optimizer {
    public let parameters: [Tensor]
    public var lr: Double
    public let beta1: Double, beta2: Double, eps: Double, weightDecay: Double
    public let amsgrad: Bool, maximize: Bool, decoupledWeightDecay: Bool
    private var steps: [Int]
    private var expAvg: [Tensor?], expAvgSq: [Tensor?], maxExpAvgSq: [Tensor?]

    /// `Adam(params, lr, betas, eps, weight_decay, amsgrad, maximize)`.
    public init(
        _ parameters: [Tensor], lr: Double = 0.001, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
        weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false,
        decoupledWeightDecay: Bool = false
    ) throws {
        if lr < 0 { throw TorchError.value("Invalid learning rate: \(lr)") }
        if eps < 0 { throw TorchError.value("Invalid epsilon value: \(eps)") }
        if !(0 <= betas.0 && betas.0 < 1) { throw TorchError.value("Invalid beta parameter at index 0: \(betas.0)") }
        if !(0 <= betas.1 && betas.1 < 1) { throw TorchError.value("Invalid beta parameter at index 1: \(betas.1)") }
        if weightDecay < 0 { throw TorchError.value("Invalid weight_decay value: \(weightDecay)") }
        self.parameters = parameters
        (self.lr, self.beta1, self.beta2, self.eps, self.weightDecay) = (lr, betas.0, betas.1, eps, weightDecay)
        (self.amsgrad, self.maximize, self.decoupledWeightDecay) = (amsgrad, maximize, decoupledWeightDecay)
        steps = Array(repeating: 0, count: parameters.count)
        expAvg = Array(repeating: nil, count: parameters.count)
        expAvgSq = expAvg
        maxExpAvgSq = expAvg
    }

    /// `torch.optim.AdamW(params, lr, betas, eps, weight_decay=0.01, amsgrad, maximize)`.
    public static func adamW(
        _ parameters: [Tensor], lr: Double = 0.001, betas: (Double, Double) = (0.9, 0.999),
        eps: Double = 1e-8, weightDecay: Double = 0.01, amsgrad: Bool = false,
        maximize: Bool = false
    ) throws -> Adam {
        try Adam(
            parameters, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad,
            maximize: maximize, decoupledWeightDecay: true)
    }

    public func step() throws {
        try GradMode.noGrad {
            for (i, param) in parameters.enumerated() {
                guard let g = param.grad else { continue }
                try update(i, param, maximize ? g.neg() : g)
            }
        }
    }

    private func update(_ i: Int, _ param: Tensor, _ gradient: Tensor) throws {
        let m = expAvg[i] ?? Tensor.zerosLike(param)
        let v = expAvgSq[i] ?? Tensor.zerosLike(param)
        (expAvg[i], expAvgSq[i]) = (m, v)
        steps[i] += 1
        var grad = gradient
        if weightDecay != 0 {
            if decoupledWeightDecay {
                try param.mul_(.scalar(.double(1 - lr * weightDecay)))
            } else {
                grad = try grad.add(.tensor(param), alpha: weightDecay)
            }
        }
        // lerp_ with a weight below 0.5 is `m + w * (grad - m)`, fused like add's alpha.
        try m.add_(.tensor(grad.sub(.tensor(m))), alpha: 1 - beta1)
        // addcmul_ is `v + (value * grad) * grad`.
        try v.mul_(.scalar(.double(beta2))).add_(.tensor(grad.mul(.scalar(.double(1 - beta2))).mul(.tensor(grad))))
        let step = Double(steps[i])
        let biasCorrection1 = 1 - pow(beta1, step)
        let biasCorrection2 = 1 - pow(beta2, step)
        let stepSize = lr / biasCorrection1
        let biasCorrection2Sqrt = biasCorrection2.squareRoot()
        var second = v
        if amsgrad {
            let running = maxExpAvgSq[i] ?? Tensor.zerosLike(param)
            maxExpAvgSq[i] = running
            try running.copy_(Tensor.maskedWhere(running.ge(.tensor(v)), running, v))
            second = running
        }
        let denom = try second.sqrt().div(.scalar(.double(biasCorrection2Sqrt))).add_(.scalar(.double(eps)))
        // addcdiv_ is `param + (value * exp_avg) / denom`.
        try param.add_(.tensor(m.mul(.scalar(.double(-stepSize))).div(.tensor(denom))))
    }
}
