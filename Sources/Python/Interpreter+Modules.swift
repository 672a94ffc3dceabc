/// What scripts can import and name without importing: the standard library's modules and
/// builtins, and whatever a host library registers (e.g. `torch`).
extension Interpreter {
    /// Makes `module` importable as `name` (`import name`, `from name import x`).
    package func registerModule(_ name: String, _ module: Value) {
        if importableModules.updateValue(module, forKey: name) == nil { hostModuleNames.append(name) }
    }

    /// Makes `value` a builtin: visible in every scope unless shadowed, like `print`.
    package func registerBuiltin(_ name: String, _ value: Value) { builtins[name] = value }

    /// Makes the standard module `name` importable; `make` builds it on its first import, so
    /// scripts that never import it do not pay for it at start-up. A module whose building
    /// fails (its Python source hit the run's limits) stays unbuilt.
    func registerStandardModule(_ name: String, _ make: @escaping (Interpreter) throws -> Value) {
        if unbuiltModules.updateValue(make, forKey: name) == nil { standardModuleNames.append(name) }
    }

    /// The module registered as `name`, or Python's `ModuleNotFoundError` explaining the sandbox.
    func importModule(_ name: String) throws -> Value {
        if let module = importableModules[name] { return module }
        if let make = unbuiltModules.removeValue(forKey: name) {
            do {
                let module = try make(self)
                importableModules[name] = module
                return module
            } catch {
                unbuiltModules[name] = make
                throw error
            }
        }
        let supported = hostModuleNames + standardModuleNames
        var roots: [String] = []
        for module in supported {
            let root = String(module.split(separator: ".")[0])
            if !roots.contains(root) { roots.append(root) }
        }
        let root = name.split(separator: ".").first.map(String.init) ?? name
        if roots.contains(root) {
            throw PyException(.moduleNotFoundError, "No module named '\(name)' (GradScope supports \(Self.listing(supported)))")
        }
        throw PyException(
            .moduleNotFoundError,
            "No module named '\(name)': GradScope scripts can import only \(Self.listing(roots)) (no files, network, processes or environment)"
        )
    }

    /// "a, b and c".
    private static func listing(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The state a host library keeps for this interpreter, created by `make` on first use.
    package func hostState<State: AnyObject>(_ make: () -> State) -> State {
        let key = ObjectIdentifier(State.self)
        if let state = hostStates[key] as? State { return state }
        let state = make()
        hostStates[key] = state
        return state
    }
}
