/// A hook run before a node (`grad_fn.register_prehook`): given the gradients of the node's
/// outputs, it may return replacements.
public typealias NodePreHook = ([Tensor?]) throws -> [Tensor?]?

/// A hook run after a node (`grad_fn.register_hook`): given the gradients the node computed for
/// its inputs and the ones it received, it may return replacements for the former.
public typealias NodePostHook = ([Tensor?], [Tensor?]) throws -> [Tensor?]?

struct RegisteredNodeHook<Function> {
    let id: Int
    /// The hook's name for error messages (a Python function's `__name__`).
    let name: String
    let fn: Function
}

extension Node {
    /// `grad_fn.register_prehook(fn)`: runs after the tensor hooks, before the node.
    public func registerPreHook(named name: String, _ fn: @escaping NodePreHook) -> HookHandle {
        let id = HookHandle.nextID()
        preHooks.append(RegisteredNodeHook(id: id, name: name, fn: fn))
        return HookHandle(id: id, node: self)
    }

    /// `grad_fn.register_hook(fn)`: runs after the node with (grad_inputs, grad_outputs).
    public func registerPostHook(named name: String, _ fn: @escaping NodePostHook) -> HookHandle {
        let id = HookHandle.nextID()
        postHooks.append(RegisteredNodeHook(id: id, name: name, fn: fn))
        return HookHandle(id: id, node: self)
    }

    /// Runs the pre-hooks in registration order, each seeing the previous one's replacement.
    func runPreHooks(_ grads: inout [Tensor?]) throws {
        for hook in preHooks {
            guard let replacement = try hook.fn(grads) else { continue }
            try checkHookResult(replacement, expected: grads.count, hook: hook.name)
            grads = replacement
        }
    }

    /// Runs the post-hooks in registration order; a hook's result replaces the input gradients.
    func runPostHooks(_ gradInputs: inout [Tensor?], gradOutputs: [Tensor?]) throws {
        for hook in postHooks {
            guard let replacement = try hook.fn(gradInputs, gradOutputs) else { continue }
            try checkHookResult(replacement, expected: gradInputs.count, hook: hook.name)
            gradInputs = replacement
        }
    }

    private func checkHookResult(_ result: [Tensor?], expected: Int, hook: String) throws {
        guard result.count == expected else {
            throw TorchError.runtime(
                "hook '\(hook)' has returned an incorrect number of values (got \(result.count), but expected \(expected))")
        }
    }
}
