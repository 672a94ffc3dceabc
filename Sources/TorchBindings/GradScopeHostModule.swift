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
            "module_call_enter": .object(
                BuiltinFunction("module_call_enter") { args, interp in
                    guard args.positional.count == 3, case .object(let module) = args.positional[0],
                        case .string = args.positional[1], case .string(let typeName) = args.positional[2]
                    else {
                        throw PyException.type("module_call_enter(module, name, type_name) expects a module and two strings")
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
}
