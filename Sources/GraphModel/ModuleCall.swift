/// One call of an `nn.Module` (`model(x)`, and inside it `self.fc1(x)`): where the module sits
/// in the module tree, which class it is, and which ops ran in it.
public struct ModuleCall: Sendable, Equatable {
    public let id: Int
    /// Dotted path from the root module the script called, starting with the script's variable
    /// for it (`model`, `model.fc1`, `model.layers.0`).
    public let path: String
    /// The module's class (`Linear`).
    public let className: String
    /// Its key sizes (`4→3` for `Linear(4, 3)`, `1→6, 5×5` for `Conv2d(1, 6, 5)`); empty if none.
    public let summary: String
    /// The call this one ran inside, if any.
    public let parent: Int?
    /// The innermost grad-mode region open when the call began (regions the call itself opens
    /// are not listed here).
    public let region: Int?
    /// The script line that made the call (inside the library's own code, the script line that
    /// called into it).
    public let line: Int
    /// The ops that ran in this call and not in a call nested in it, in execution order.
    public internal(set) var ops: [Int]
    /// The module's own registered parameters.
    public internal(set) var parameters: [ModuleParameter]

    /// The last component of `path` (`fc1`).
    public var name: String { path.split(separator: ".").last.map(String.init) ?? path }

    /// How a picture labels the call: `fc1: Linear(4→3)`, `relu: ReLU`.
    public var title: String { "\(name): \(className)" + (summary.isEmpty ? "" : "(\(summary))") }

    /// How deep the call is: 0 for a root call, 1 for a call inside it, ...
    public func depth(in graph: Graph) -> Int {
        var depth = 0
        var p = parent
        while let id = p {
            depth += 1
            p = graph.modules[id].parent
        }
        return depth
    }
}

/// A parameter registered in a module: its attribute name and its tensor record.
public struct ModuleParameter: Sendable, Equatable {
    /// The attribute name (`weight`).
    public let name: String
    /// The tensor record id.
    public let tensor: Int
}

extension Graph {
    /// Names every parameter of `call` by its module path (`model.fc1.weight`), unless an
    /// earlier call named it already (a module shared by two parents keeps its first path).
    mutating func nameParameters(of call: ModuleCall) {
        for p in call.parameters where tensors[p.tensor].parameterPath == nil {
            tensors[p.tensor].parameterPath = call.path + "." + p.name
        }
    }

    /// The first module call of the module that registered parameter `tensor`, if any.
    public func moduleCall(registering tensor: Int) -> ModuleCall? {
        modules.first { $0.parameters.contains { $0.tensor == tensor } }
    }

    /// The innermost module call each op ran in (nil outside any module), indexed by op id.
    public func moduleOfOp() -> [Int?] {
        var result = [Int?](repeating: nil, count: ops.count)
        for m in modules { for o in m.ops where o < result.count { result[o] = m.id } }
        return result
    }
}
