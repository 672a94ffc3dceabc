import Python

/// A module of the Python prelude (`torch.nn`, `torch.optim.sgd`, ...) as scripts import it:
/// its source runs the first time a script reads one of its attributes, once per interpreter,
/// so a script that never touches `torch.nn` or `torch.optim` does not pay for them.
final class PreludeModule: PyObject, ModuleLike {
    let name: String
    /// Members the host provides without Python (`functional` of `torch.nn`).
    private let hostMembers: [String: Value]
    /// The other prelude modules of the same interpreter, by name.
    private unowned let registry: PreludeRegistry
    private var module: ModuleObject?
    private var loading = false

    init(name: String, hostMembers: [String: Value], registry: PreludeRegistry) {
        self.name = name
        self.hostMembers = hostMembers
        self.registry = registry
    }

    /// Whether the module's source has run.
    var isLoaded: Bool { module != nil }

    var typeName: String { "module" }
    func repr() -> String { "<module '\(name)'>" }

    func attribute(_ n: String, _ interp: Interpreter) throws -> Value? {
        if n == "__name__" { return .string(name) }
        if let member = hostMembers[n] { return member }
        if let submodule = registry.modules[name + "." + n] { return .object(submodule) }
        // A circular import (`from torch.nn import init` while torch.nn runs) finds nothing
        // here yet, as in Python, and falls back to importing the submodule.
        guard !loading else { return nil }
        return try load(interp).attribute(n, interp)
    }

    /// The module's namespace, running its source on first use.
    private func load(_ interp: Interpreter) throws -> ModuleObject {
        if let module { return module }
        guard let source = PreludeSources.source(of: name) else {
            throw PyException(.importError, "No prelude source for '\(name)'")
        }
        loading = true
        defer { loading = false }
        let path = name.replacingOccurrences(of: ".", with: "/") + (PreludeSources.isPackage(name) ? "/__init__.py" : ".py")
        let loaded = try interp.executeModule(source: source, filename: path, name: name)
        module = loaded
        return loaded
    }
}

/// The prelude modules of one interpreter.
final class PreludeRegistry {
    private(set) var modules: [String: PreludeModule] = [:]

    /// One module object per prelude module (nothing runs yet); `hostMembers` gives members
    /// some of them get from the host, by module name.
    init(hostMembers: [String: [String: Value]]) {
        for name in PreludeSources.moduleNames {
            modules[name] = PreludeModule(name: name, hostMembers: hostMembers[name] ?? [:], registry: self)
        }
    }

    /// The modules whose source has run, sorted.
    var loadedModuleNames: [String] { modules.values.filter(\.isLoaded).map(\.name).sorted() }

    /// Makes every prelude module importable in `interp`.
    func register(into interp: Interpreter) {
        for name in PreludeSources.moduleNames { interp.registerModule(name, .object(modules[name]!)) }
    }
}
