import Autograd
import Python

/// `_gradscope`: what the Python prelude (torch.nn, torch.optim) needs from the host and Python
/// cannot express. Scripts can import it too; it holds nothing a script could misuse.
enum GradScopeHostModule {
    /// `_gradscope.Parameter(data=None, requires_grad=True)`: `torch.nn.Parameter`. Like
    /// PyTorch's `Tensor._make_subclass`, it returns a new leaf sharing `data`'s storage and
    /// version counter, marked as a parameter; `isinstance(x, Parameter)` tells parameters apart.
    static let parameter = TypeObject("Parameter", qualifiedName: "torch.nn.parameter.Parameter") { args, interp in
        try args.check("Parameter", maxPositional: 2, allowed: ["data", "requires_grad"])
        let data: Tensor
        switch args.value(0, "data") {
        case nil, .none?: data = try Tensor.factory("empty", Tensor.zeros([0], dtype: .float32), requiresGrad: false)
        case .object(let t as Tensor)?: data = t
        case let other?: throw PyException.type("Parameter() expects a Tensor as data, not \(Formatting.typeName(other))")
        }
        let requiresGrad = try args.value(1, "requires_grad").map { try interp.truthy($0) } ?? true
        return .tensor(try data.makeParameter(requiresGrad: requiresGrad))
    }

    /// The module's members, for `interp`.
    static func members(_ interp: Interpreter) -> [String: Value] {
        let own: [String: Value] = [
            "Parameter": .object(parameter),
            "module_getattr": .object(BuiltinFunction("module_getattr", moduleAttribute)),
            // `torch._C._current_graph_task_id()`: the engine run under way, -1 outside backward.
            "current_graph_task_id": .object(
                BuiltinFunction("current_graph_task_id") { _, _ in .int(GraphTask.current?.id ?? -1) }),
            "module_setattr": .object(BuiltinFunction("module_setattr", ModuleSetAttribute.call)),
            "module_call": .object(BuiltinFunction("module_call", ModuleCall.call)),
            "sgd_plain_step": .object(BuiltinFunction("sgd_plain_step", PlainSGDStep.call)),
            "sgd_update": .object(BuiltinFunction("sgd_update", SGDUpdate.call)),
            "sgd_momentum_step": .object(BuiltinFunction("sgd_momentum_step", SGDMomentumStep.call)),
            "clear_grads": .object(BuiltinFunction("clear_grads", ClearGrads.call)),
            "max_unpool2d": .object(BuiltinFunction("max_unpool2d", MaxUnpoolBinding.call)),
            "tensor_copier": .object(BuiltinFunction("tensor_copier", TensorCopierBinding.call)),
            // `has_own_attribute(obj, name)`: `name in obj.__dict__` (torch.distributions asks it of
            // the parameters a lazy_property may not have computed yet).
            "has_own_attribute": .object(
                BuiltinFunction("has_own_attribute") { args, _ in
                    guard args.positional.count == 2, case .string(let name) = args.positional[1] else {
                        throw PyException.type("has_own_attribute(obj, name) expects an object and a string")
                    }
                    guard case .object(let instance as Instance) = args.positional[0] else { return .bool(false) }
                    return .bool(instance.hasOwnAttribute(name))
                }),
            "module_call_enter": .object(
                BuiltinFunction("module_call_enter") { args, interp in
                    guard args.positional.count == 2, case .object(let module) = args.positional[0],
                        case .string(let typeName) = args.positional[1]
                    else {
                        throw PyException.type("module_call_enter(module, type_name) expects a module and a string")
                    }
                    if let observer = interp.torchObserver {
                        observer.moduleCallEntered(
                            ModuleCallEvent(module: module, className: typeName, interp: interp), line: interp.scriptLine)
                    }
                    return .none
                }),
            "module_call_exit": .object(
                BuiltinFunction("module_call_exit") { _, interp in
                    interp.torchObserver?.moduleCallExited(line: interp.scriptLine)
                    return .none
                })
        ]
        return own.merging(SavedTensorHooksBindings.members()) { own, _ in own }
    }

    /// The attributes every Module sets in `__init__`: `module_getattr` raises for them instead
    /// of reading the registries (which would look them up again before `__init__` ran).
    private static let internalAttributes: Set<String> = [
        "training", "_parameters", "_buffers", "_non_persistent_buffers_set", "_modules", "_backward_pre_hooks",
        "_backward_hooks", "_is_full_backward_hook", "_forward_hooks", "_forward_pre_hooks"
    ]

    /// `module_getattr(module, name)`: `Module.__getattr__`, the parameter, buffer or submodule
    /// registered as `name` (in `_parameters`, `_buffers`, then `_modules`), else PyTorch's
    /// AttributeError. Native because every `self.fc1` or `self.weight` in a forward runs it.
    private static func moduleAttribute(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard args.positional.count == 2, args.keywords.isEmpty, case .object(let module) = args.positional[0],
            case .string(let name) = args.positional[1]
        else {
            throw PyException.type("module_getattr(module, name) expects a module and a string")
        }
        if !internalAttributes.contains(name) {
            for registryName in ["_parameters", "_buffers", "_modules"] {
                guard let registry = try module.attribute(registryName, interp) else {
                    throw PyException.attribute("'\(module.typeName)' object has no attribute '\(registryName)'")
                }
                if try interp.contains(registry, .string(name)) {
                    return try interp.subscriptValue(registry, .string(name))
                }
            }
        }
        throw PyException.attribute("'\(module.typeName)' object has no attribute '\(name)'")
    }
}
