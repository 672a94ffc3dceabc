import Python
import TorchBindings

/// Names `nn.Module` calls by their path from the module the script called (`model.fc1`): the
/// root by the script's variable for it, each module below by the attribute names leading to it
/// (`named_modules()` paths).
struct ModulePaths {
    /// A non-tensor object the script bound to a name (the latest name wins).
    private struct NamedObject {
        let name: String
        weak var object: AnyObject?
    }

    /// An open module call: its event, its path, and (once needed) its submodules' paths.
    private struct OpenCall {
        let event: ModuleCallEvent
        var module: AnyObject { event.module }
        let path: String
        var below: [ObjectIdentifier: String]?
    }

    private var names: [ObjectIdentifier: NamedObject] = [:]
    /// When `names` holds this many entries, the ones of objects gone are dropped.
    private var pruneAt = 1024
    private var open: [OpenCall] = []

    /// Records `name = object` for an object of a script or library class.
    mutating func bound(name: String, to object: AnyObject) {
        names[ObjectIdentifier(object)] = NamedObject(name: name, object: object)
        if names.count >= pruneAt {
            names = names.filter { $0.value.object != nil }
            pruneAt = max(1024, names.count * 2)
        }
    }

    /// The path of the module `call` enters (found below the innermost open call that holds it),
    /// and marks the call open.
    mutating func enter(_ call: ModuleCallEvent) -> String {
        let id = ObjectIdentifier(call.module)
        var path: String?
        for i in open.indices.reversed() {
            if open[i].below == nil {
                var below: [ObjectIdentifier: String] = [:]
                for (p, m) in call.submodules(open[i].module) where below[ObjectIdentifier(m)] == nil {
                    below[ObjectIdentifier(m)] = p
                }
                open[i].below = below
            }
            if let relative = open[i].below?[id] {
                path = open[i].path + "." + relative
                break
            }
        }
        let resolved = path ?? rootPath(call)
        open.append(OpenCall(event: call, path: resolved, below: nil))
        return resolved
    }

    /// Marks the innermost call closed; its event.
    mutating func exit() -> ModuleCallEvent? { open.popLast()?.event }

    /// A path for a module no open call holds: the script's variable for it, else its path below
    /// a module the script named (variables in name order), else its class name.
    private func rootPath(_ call: ModuleCallEvent) -> String {
        let id = ObjectIdentifier(call.module)
        if let named = names[id], named.object === call.module { return named.name }
        for named in names.values.sorted(by: { $0.name < $1.name }) {
            guard let object = named.object, object !== call.module else { continue }
            if let found = call.submodules(object).first(where: { $0.module === call.module }) {
                return named.name + "." + found.path
            }
        }
        return call.className
    }
}
