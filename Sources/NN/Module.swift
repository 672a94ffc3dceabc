import Autograd

/// A layer or a model: PyTorch's `nn.Module` for Swift programs. A module owns parameters
/// (leaf tensors that require grad) and child modules; `parameters()` lists them in PyTorch's
/// order (own parameters in registration order, then each child's).
public protocol Module: AnyObject {
    /// The parameters this module registers itself, in registration order.
    var ownParameters: [Tensor] { get }
    /// The direct child modules, in registration order.
    var children: [any Module] { get }
    /// Whether the module is in training mode (`train()`) or evaluation mode (`eval()`).
    var isTraining: Bool { get set }
    /// The module's computation.
    func forward(_ input: Tensor) throws -> Tensor
}

extension Module {
    /// Calls `forward`, as `module(x)` does in PyTorch.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try forward(input) }

    /// Every parameter of this module and its descendants, in PyTorch's order.
    public func parameters() -> [Tensor] { ownParameters + children.flatMap { $0.parameters() } }

    /// Sets training mode on this module and every descendant.
    public func train(_ mode: Bool = true) {
        isTraining = mode
        for child in children { child.train(mode) }
    }

    /// Sets evaluation mode (`train(false)`).
    public func eval() { train(false) }
}

/// A module without parameters or children (activations), trained or not alike.
public protocol StatelessModule: Module {}

extension StatelessModule {
    public var ownParameters: [Tensor] { [] }
    public var children: [any Module] { [] }
}
