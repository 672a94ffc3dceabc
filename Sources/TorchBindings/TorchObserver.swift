import Autograd

/// Receives the torch-specific events of a script run that the graph model needs.
public protocol TorchObserver: AnyObject {
    /// A grad-mode region (`with torch.no_grad():`, `torch.set_grad_enabled(False)`, ...) began at `line`.
    func regionEntered(_ kind: RegionKind, line: Int)
    /// The innermost grad-mode region ended at `line`.
    func regionExited(line: Int)
    /// The script read `tensor.grad` at `line`.
    func gradRead(of tensor: Tensor, line: Int)
}
