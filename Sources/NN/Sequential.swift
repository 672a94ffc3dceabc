import Autograd

/// `nn.Sequential(*modules)`: applies its modules in order.
public final class Sequential: Module {
    public let modules: [any Module]
    public var isTraining = true

    public init(_ modules: [any Module]) { self.modules = modules }
    public convenience init(_ modules: any Module...) { self.init(modules) }

    public var ownParameters: [Tensor] { [] }
    public var children: [any Module] { modules }

    public func forward(_ input: Tensor) throws -> Tensor {
        try modules.reduce(input) { x, module in try module(x) }
    }
}
