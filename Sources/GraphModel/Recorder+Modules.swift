import Autograd

/// `nn.Module` calls: the script layer brackets each call with `enterModuleCall` /
/// `exitModuleCall`; ops recorded in between belong to the innermost call.
extension Recorder {
    /// Opens a call of the module at `path` (`model.fc1`) of class `className` with key sizes
    /// `summary`, made at script line `line`; `parameters` are the module's own, which are named
    /// by their module path (`model.fc1.weight`) unless an earlier call named them.
    public func enterModuleCall(
        path: String, className: String, summary: String, parameters: [(name: String, tensor: Tensor)], line: Int
    ) {
        let call = ModuleCall(
            id: graph.modules.count, path: path, className: className, summary: summary, parent: moduleStack.last,
            region: regionStack.last, line: line, ops: [],
            parameters: parameters.map { ModuleParameter(name: $0.name, tensor: sight($0.tensor)) })
        graph.modules.append(call)
        graph.nameParameters(of: call)
        moduleStack.append(call.id)
        lastEvent = .none
    }

    /// Closes the innermost open module call.
    public func exitModuleCall() {
        _ = moduleStack.popLast()
        lastEvent = .none
    }

    /// The path of the innermost open module call, if any.
    public var currentModulePath: String? { moduleStack.last.map { graph.modules[$0].path } }

    /// Files op `id` under the innermost open module call.
    func noteModuleOp(_ id: Int) {
        guard let m = moduleStack.last else { return }
        graph.modules[m].ops.append(id)
    }
}
