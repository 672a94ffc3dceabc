/// A pack/unpack pair applied to every tensor an op saves for backward while it is installed
/// (`torch.autograd.graph.saved_tensors_hooks`).
public protocol SavedTensorHooks: AnyObject {
    /// Called, with grad mode off, when an op saves `tensor`; what it returns is kept instead.
    func pack(_ tensor: Tensor) throws -> AnyObject
    /// Called when backward (or `grad_fn._saved_*`) reads the slot; returns the tensor to use.
    func unpack(_ packed: AnyObject) throws -> Tensor
}

/// The saved-tensor hooks of the calling thread: the innermost installed pair applies.
public enum SavedTensorHookStack {
    /// Installs `hooks` for the ops that run until the matching `pop()`.
    public static func push(_ hooks: SavedTensorHooks) { ThreadState.current.savedTensorHooks.append(hooks) }

    /// Removes the innermost pair.
    public static func pop() { _ = ThreadState.current.savedTensorHooks.popLast() }

    /// The pair new saved tensors go through, if any.
    public static var current: SavedTensorHooks? { ThreadState.current.savedTensorHooks.last }
}

/// A saved tensor as its pack hook returned it, with the hooks that unpack it.
struct PackedSavedTensor {
    let hooks: SavedTensorHooks
    let object: AnyObject
}
