import Autograd
import Python

/// `Tensor.backward(...)` and `torch.autograd.backward(...)` with PyTorch's `inputs=` and its
/// create_graph warning.
extension Interpreter {
    static let createGraphWarning =
        "Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters to None after use to break the cycle and avoid the leak."

    /// Accumulates the gradients of `tensors` into `.grad` of the graph's leaves, or only of
    /// `inputs` when given.
    func runBackward(
        _ tensors: [Tensor], gradients: [Tensor?], retainGraph: Bool?, createGraph: Bool,
        inputs: Value?
    ) throws {
        if createGraph {
            // PyTorch raises it from one internal line, so Python's filter shows it once per run.
            warnOnce(Interpreter.createGraphWarning, category: "UserWarning")
        }
        guard let inputs, !isNone(inputs) else {
            try Autograd.backward(tensors, gradients: gradients, retainGraph: retainGraph, createGraph: createGraph)
            return
        }
        let targets = try tensorSequence(inputs, "backward", "inputs")
        if targets.isEmpty { throw PyException.runtime("`inputs` argument to `backward()` cannot be empty.") }
        let grads = try Autograd.grad(
            outputs: tensors, inputs: targets, gradOutputs: gradients,
            retainGraph: retainGraph, createGraph: createGraph, allowUnused: true)
        for (t, g) in zip(targets, grads) {
            guard let g else { continue }
            if let old = t.grad {
                if createGraph {
                    try t.setGrad(try old.add(.tensor(g)))
                } else {
                    try GradMode.noGrad { _ = try old.add_(.tensor(g)) }
                }
            } else {
                try t.setGrad(createGraph ? try Tensor.zeros(g.shape, dtype: g.dtype).copy_(g) : g.detach())
            }
        }
    }
}
