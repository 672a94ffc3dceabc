import Autograd

/// `nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)`,
/// initialised as PyTorch does: `kaiming_uniform_(weight, a=sqrt(5))`, then the bias uniform in
/// `±1/sqrt(fan_in)`.
public final class Conv2d: Module {
    /// `[out_channels, in_channels / groups, kH, kW]`.
    public let weight: Tensor
    /// `[out_channels]`, or nil with `bias: false`.
    public let bias: Tensor?
    public let stride: [Int], padding: ConvPadding, dilation: [Int], groups: Int
    public var isTraining = true

    public init(
        _ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int] = [1],
        padding: ConvPadding = .explicit([0]), dilation: [Int] = [1], groups: Int = 1, bias hasBias: Bool = true
    ) throws {
        guard inChannels % groups == 0 else { throw TorchError.value("in_channels must be divisible by groups") }
        guard outChannels % groups == 0 else { throw TorchError.value("out_channels must be divisible by groups") }
        let kernel = kernelSize.count == 1 ? [kernelSize[0], kernelSize[0]] : kernelSize
        weight = Tensor.zeros([outChannels, inChannels / groups] + kernel)
        bias = hasBias ? Tensor.zeros([outChannels]) : nil
        (self.stride, self.padding, self.dilation, self.groups) = (stride, padding, dilation, groups)
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

    public func forward(_ input: Tensor) throws -> Tensor {
        try Tensor.conv2d(input, weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }
}
