import Python

/// `_gradscope.module_setattr(module, name, value)`: `Module.__setattr__`. Native because every
/// `self.calls += 1` in a forward runs it: a value that cannot be a parameter, buffer or submodule
/// (not an object) under a name none of the registries holds is stored in the instance
/// dictionary directly, as PyTorch's `object.__setattr__` would; everything else goes to the
/// prelude's `Module._setattr_registries`, PyTorch's logic with its errors.
enum ModuleSetAttribute {
    /// The registries whose names take a `Module.__setattr__` off the fast path.
    private static let registryNames = ["_parameters", "_buffers", "_modules"]

    static func call(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard args.positional.count == 3, args.keywords.isEmpty, case .object(let module) = args.positional[0],
            case .string(let name) = args.positional[1]
        else {
            throw PyException.type("module_setattr(module, name, value) expects a module, a string and a value")
        }
        let value = args.positional[2]
        if let instance = module as? Instance, try isPlain(value, name, instance, interp) {
            try instance.setDirect(name, value, interp)
            return .none
        }
        guard let registries = try module.attribute("_setattr_registries", interp) else {
            throw PyException.attribute("'\(module.typeName)' object has no attribute '_setattr_registries'")
        }
        return try interp.call(registries, Arguments([.string(name), value]))
    }

    /// Whether `instance.name = value` is a plain attribute store: `value` is not an object and
    /// every registry exists as a dict without `name`.
    private static func isPlain(_ value: Value, _ name: String, _ instance: Instance, _ interp: Interpreter) throws
        -> Bool
    {
        if case .object = value { return false }
        for registryName in registryNames {
            guard case .dict(let registry)? = try instance.genericAttribute(registryName, interp),
                try registry.get(.string(name)) == nil
            else { return false }
        }
        return true
    }
}
