import Autograd

/// `nn.ReLU()`.
public final class ReLU: StatelessModule {
    public var isTraining = true
    public init() {}
    public func forward(_ input: Tensor) throws -> Tensor { try input.relu() }
}

/// `nn.Tanh()`.
public final class Tanh: StatelessModule {
    public var isTraining = true
    public init() {}
    public func forward(_ input: Tensor) throws -> Tensor { try input.tanh() }
}

/// `nn.Sigmoid()`.
public final class Sigmoid: StatelessModule {
    public var isTraining = true
    public init() {}
    public func forward(_ input: Tensor) throws -> Tensor { try input.sigmoid() }
}

/// `nn.GELU(approximate='none')`.
public final class GELU: StatelessModule {
    public var isTraining = true
    public let approximate: String
    public init(approximate: String = "none") { self.approximate = approximate }
    public func forward(_ input: Tensor) throws -> Tensor { try input.gelu(approximate: approximate) }
}

/// `nn.LeakyReLU(negative_slope=0.01)`.
public final class LeakyReLU: StatelessModule {
    public var isTraining = true
    public let negativeSlope: Double
    public init(negativeSlope: Double = 0.01) { self.negativeSlope = negativeSlope }
    public func forward(_ input: Tensor) throws -> Tensor { try input.leakyRelu(negativeSlope: negativeSlope) }
}

/// `nn.Flatten(start_dim=1, end_dim=-1)`.
public final class Flatten: StatelessModule {
    public var isTraining = true
    public let startDim: Int, endDim: Int
    public init(startDim: Int = 1, endDim: Int = -1) { (self.startDim, self.endDim) = (startDim, endDim) }
    public func forward(_ input: Tensor) throws -> Tensor { try input.flatten(startDim: startDim, endDim: endDim) }
}
