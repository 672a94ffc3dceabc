import Autograd

/// Receives the torch-specific events of a script run that the graph model needs.
package protocol TorchObserver: AnyObject {
    /// A grad-mode region (`with torch.no_grad():`, `torch.set_grad_enabled(False)`, ...) began at `line`.
    func regionEntered(_ kind: RegionKind, line: Int)
    /// The innermost grad-mode region ended at `line`.
    func regionExited(line: Int)
    /// The script read `tensor.grad` at `line`.
    func gradRead(of tensor: Tensor, line: Int)
    /// An `nn.Module` call began at the script's `line` (the line that called into the module).
    func moduleCallEntered(_ call: ModuleCallEvent, line: Int)
    /// The innermost `nn.Module` call returned (or raised) at `line`.
    func moduleCallExited(line: Int)
    /// A custom Function's `apply`, called at the script's `line`, is about to run its forward.
    func functionCallEntered(line: Int)
    /// The innermost custom Function's forward returned (or raised).
    func functionCallExited()
}

package extension TorchObserver {
    func moduleCallEntered(_ call: ModuleCallEvent, line: Int) {}
    func moduleCallExited(line: Int) {}
    func functionCallEntered(line: Int) {}
    func functionCallExited() {}
}
