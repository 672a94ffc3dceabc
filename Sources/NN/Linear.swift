import Autograd

/// `nn.Linear(in_features, out_features, bias=True)`: `y = x @ weight.T + bias`, initialised as
/// PyTorch does (`kaiming_uniform_(weight, a=sqrt(5))`, then the bias uniform in
/// `±1/sqrt(fan_in)`), drawing from the default generator in the same order.
public final class Linear: Module {
    /// `[out_features, in_features]`.
    public let weight: Tensor
    /// `[out_features]`, or nil with `bias: false`.
    public let bias: Tensor?
    public var isTraining = true

    public init(_ inFeatures: Int, _ outFeatures: Int, bias hasBias: Bool = true) throws {
        weight = Tensor.zeros([outFeatures, inFeatures])
        bias = hasBias ? Tensor.zeros([outFeatures]) : nil
        try Init.kaimingUniform_(weight, a: 5.0.squareRoot())
        if let bias {
            let fanIn = try Init.fans(weight).fanIn
            let bound = fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
            try Init.uniform_(bias, from: -bound, to: bound)
        }
        try weight.setRequiresGrad(true)
        try bias?.setRequiresGrad(true)
    }

    public var ownParameters: [Tensor] { [weight] + (bias.map { [$0] } ?? []) }
    public var children: [any Module] { [] }

    public func forward(_ input: Tensor) throws -> Tensor { try Tensor.linear(input, weight: weight, bias: bias) }
}
