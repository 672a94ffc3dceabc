import Python

/// `torch.compile(model=None, *, fullgraph=False, dynamic=None, backend="inductor", mode=None,
/// options=None, disable=False)`: GradScope runs the model or function eagerly, so the graph it
/// records is the eager one a compiled program's `CompiledFunctionBackward` node stands for; a
/// warning says so once per run. Used as `@torch.compile(...)` with options, it is a decorator.
enum CompileBinding {
    static let eagerWarning =
        "GradScope runs torch.compile'd models and functions eagerly: values and grad_fns are eager PyTorch's (a compiled run's values can differ in the last digits, and its graph is one CompiledFunctionBackward node)"

    /// The function, by name.
    static func members() -> [String: Value] {
        ["compile": .object(BuiltinFunction("compile", compile))]
    }

    private static func compile(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try args.check(
            "compile", maxPositional: 1,
            allowed: ["model", "fullgraph", "dynamic", "backend", "mode", "options", "disable"])
        interp.warnOnce(eagerWarning, category: "UserWarning")
        guard let model = args.value(0, "model"), !interp.isNone(model) else {
            return .object(
                BuiltinFunction("compile") { args, _ in
                    guard args.positional.count == 1, args.keywords.isEmpty else {
                        throw PyException.type("compile() takes the model or function to compile")
                    }
                    return args.positional[0]
                })
        }
        return model
    }
}
