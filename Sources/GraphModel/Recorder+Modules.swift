import Autograd

/// `nn.Module` calls: the script layer brackets each call with `enterModuleCall` /
/// `exitModuleCall`; ops recorded in between belong to the innermost call.
extension Recorder {
    /// Opens a call of the module at `path` (`model.fc1`) of class `className` with key sizes
    /// `summary`, made at script line `line`.
    package func enterModuleCall(path: String, className: String, summary: String, line: Int) {
        let call = ModuleCall(
            id: graph.modules.count, path: path, className: className, summary: summary, parent: moduleStack.last,
            region: regionStack.last, line: line, ops: [], parameters: [])
        graph.modules.append(call)
        moduleStack.append(call.id)
        lastEvent = .none
    }

    /// Closes the innermost open module call; `parameters` are the module's own as the call left
    /// them (a lazy module makes its parameters in its first call), named by their module path
    /// (`model.fc1.weight`) unless an earlier call named them.
    package func exitModuleCall(parameters: [(name: String, tensor: Tensor)] = []) {
        guard let m = moduleStack.popLast() else { return }
        graph.modules[m].parameters = parameters.map { ModuleParameter(name: $0.name, tensor: sight($0.tensor)) }
        graph.nameParameters(of: graph.modules[m])
        lastEvent = .none
    }

    /// Files op `id` under the innermost open module call.
    func noteModuleOp(_ id: Int) {
        guard let m = moduleStack.last else { return }
        graph.modules[m].ops.append(id)
    }
}
