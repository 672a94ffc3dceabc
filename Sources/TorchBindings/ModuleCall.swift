import Python

/// `_gradscope.module_call(module, *args, **kwargs)`: `Module.__call__`, native because every
/// module call in a training loop runs it. Like the prelude's Python version it did, it tells the
/// observer that `module` was entered (`module_call_enter`), reads `_backward_hooks`,
/// `_backward_pre_hooks`, `_forward_hooks` and `_forward_pre_hooks` as `or` does (stopping at the
/// first non-empty one), then calls `module.forward(*args, **kwargs)` when all are empty (PyTorch's
/// own fast path) or `module._call_with_hooks(*args, **kwargs)`, and tells the observer the call
/// ended (`module_call_exit`) however it ended.
enum ModuleCall {
    /// The hook registries, in the order `_call_impl` tests them.
    private static let hookRegistries = ["_backward_hooks", "_backward_pre_hooks", "_forward_hooks", "_forward_pre_hooks"]

    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard case .object(let module)? = args.positional.first else {
            throw PyException.type("module_call(module, *args, **kwargs) expects a module")
        }
        let className = try attribute(try attribute(.object(module), "__class__", interp), "__name__", interp)
        guard case .string(let typeName) = className else {
            throw PyException.type("module_call: the module's class has no string __name__")
        }
        if let observer = interp.torchObserver {
            observer.moduleCallEntered(
                ModuleCallEvent(module: module, className: typeName, interp: interp), line: interp.scriptLine)
        }
        defer { interp.torchObserver?.moduleCallExited(line: interp.scriptLine) }
        var hooked = false
        for registry in hookRegistries where try interp.truthy(try attribute(.object(module), registry, interp)) {
            hooked = true
            break
        }
        let target = try attribute(.object(module), hooked ? "_call_with_hooks" : "forward", interp)
        var forwarded = args
        forwarded.positional.removeFirst()
        return try interp.call(target, forwarded)
    }

    /// `object.name`, or Python's AttributeError.
    private static func attribute(_ object: Value, _ name: String, _ interp: Interpreter) throws -> Value {
        guard case .object(let o) = object, let value = try o.attribute(name, interp) else {
            throw PyException.attribute("'\(Formatting.typeName(object))' object has no attribute '\(name)'")
        }
        return value
    }
}
