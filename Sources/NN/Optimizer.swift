import Autograd

/// What every optimizer shares: the parameters it updates and `zeroGrad`.
public protocol Optimizer: AnyObject {
    /// The parameters, in the order given.
    var parameters: [Tensor] { get }
    /// One update of every parameter that has a gradient.
    func step() throws
}

extension Optimizer {
    /// `zero_grad(set_to_none=True)`, PyTorch's default: drops every parameter's gradient.
    public func zeroGrad() throws {
        for p in parameters { try p.setGrad(nil) }
    }
}
