import Autograd
import Python

/// A `saved_tensors_hooks(pack_hook, unpack_hook)` pair of Python functions as the engine calls it.
final class PythonSavedTensorHooks: SavedTensorHooks {
    private let packHook: Value
    private let unpackHook: Value
    private unowned let interp: Interpreter

    init(pack: Value, unpack: Value, interp: Interpreter) {
        packHook = pack
        unpackHook = unpack
        self.interp = interp
    }

    func pack(_ tensor: Tensor) throws -> AnyObject {
        let version = tensor.version
        let packed = PackedValue(try interp.call(packHook, Arguments([.tensor(tensor)])))
        guard tensor.version == version else {
            throw PyException(
                .runtimeError,
                "A saved tensor pack hook is modifying its input in place. Tensors provided as input to pack hook can not be modified by in-place operations as this can lead to unexpected side-effects. Please open an issue if you need to perform in-place operations on the input to a pack hook."
            )
        }
        return packed
    }

    func unpack(_ packed: AnyObject) throws -> Tensor {
        let value = (packed as? PackedValue)?.value ?? .none
        let result = try interp.call(unpackHook, Arguments([value]))
        guard case .object(let t as Tensor) = result else {
            throw PyException.type(
                "Output of saved tensor unpack_hook expected to be a Tensor but got result of type \(Formatting.typeName(result))"
            )
        }
        return t
    }

    /// What a pack hook returned, kept by the engine until the slot is unpacked or freed.
    private final class PackedValue {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}

/// The `_gradscope` functions behind `torch.autograd.graph` (`Node`, `saved_tensors_hooks` and
/// `disable_saved_tensors_hooks`: PyTorch's `torch._C._autograd._push_saved_tensors_default_hooks`
/// and friends) and `warn(message, category)`, Python's `warnings.warn` for the prelude.
enum SavedTensorHooksBindings {
    static func members() -> [String: Value] {
        [
            "Node": .object(GradFnObject.nodeType),
            "warn": .object(
                BuiltinFunction("warn") { args, interp in
                    guard case .string(let message)? = args.positional.first else {
                        throw PyException.type("warn(message, category='UserWarning') expects a string message")
                    }
                    var category = "UserWarning"
                    if args.positional.count > 1, case .string(let name) = args.positional[1] { category = name }
                    interp.warn(message, category: category, at: interp.scriptLine)
                    return .none
                }),
            "push_saved_tensors_hooks": .object(
                BuiltinFunction("push_saved_tensors_hooks") { args, interp in
                    guard args.positional.count == 2 else {
                        throw PyException.type("push_saved_tensors_hooks(pack_hook, unpack_hook) takes 2 arguments")
                    }
                    if let message = TorchRuntime.of(interp).savedTensorHooksDisabledMessage {
                        throw PyException(.runtimeError, message)
                    }
                    SavedTensorHookStack.push(
                        PythonSavedTensorHooks(pack: args.positional[0], unpack: args.positional[1], interp: interp))
                    return .none
                }),
            "pop_saved_tensors_hooks": .object(
                BuiltinFunction("pop_saved_tensors_hooks") { _, _ in
                    SavedTensorHookStack.pop()
                    return .none
                }),
            "saved_tensors_hooks_disabled_message": .object(
                BuiltinFunction("saved_tensors_hooks_disabled_message") { _, interp in
                    TorchRuntime.of(interp).savedTensorHooksDisabledMessage.map(Value.string) ?? .none
                }),
            "disable_saved_tensors_hooks": .object(
                BuiltinFunction("disable_saved_tensors_hooks") { args, interp in
                    let message = args.positional.first.flatMap { v -> String? in
                        if case .string(let s) = v { return s }
                        return nil
                    }
                    TorchRuntime.of(interp).savedTensorHooksDisabledMessage = message
                    return .none
                })
        ]
    }
}
