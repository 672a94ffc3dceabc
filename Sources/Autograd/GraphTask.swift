/// An engine run under way, as PyTorch's engine exposes its current graph task to Python
/// (`torch._C._current_graph_task_id`, `torch.autograd._is_checkpoint_valid`): what
/// `torch.utils.checkpoint` keys its recomputations by and checks before a reentrant one.
public struct GraphTask: Sendable {
    /// Unique per engine run on this thread (nested runs have their own).
    public let id: Int
    /// False when the run computes only some gradients (`autograd.grad`, `backward(inputs=)`),
    /// where a reentrant checkpoint's inner backward cannot deliver its results.
    public let canCheckpoint: Bool

    /// The innermost engine run under way on the calling thread, nil outside backward.
    public static var current: GraphTask? { ThreadState.current.runningGraphTasks.last }
}
