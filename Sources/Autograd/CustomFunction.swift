/// The `ctx` object of a custom autograd Function: tensors saved for backward and which inputs
/// need a gradient.
public final class FunctionContext {
    /// One flag per forward argument (false for non-tensor arguments).
    public let needsInputGrad: [Bool]
    private var pending: [Tensor?] = []
    fileprivate weak var node: Node?

    init(needsInputGrad: [Bool]) { self.needsInputGrad = needsInputGrad }

    /// `ctx.save_for_backward(*tensors)`.
    public func saveForBackward(_ tensors: [Tensor?]) { pending = tensors }

    /// `ctx.saved_tensors`, with PyTorch's errors when freed or modified in place.
    public func savedTensors() throws -> [Tensor?] {
        guard let node else { return pending }
        var result = [Tensor?]()
        var slot = 0
        for t in pending {
            if t == nil {
                result.append(nil)
                continue
            }
            result.append(try node.saved[slot].unpack(for: node))
            slot += 1
        }
        return result
    }

    fileprivate func bind(to node: Node, outputs: [Tensor]) {
        self.node = node
        node.saved = pending.compactMap { $0 }.enumerated().map { i, t in
            if let k = outputs.firstIndex(where: { $0 === t }) {
                return SavedTensor(role: "saved_\(i)", tensor: t, isOutput: true, outputNr: k, savingNode: node.name)
            }
            return SavedTensor(role: "saved_\(i)", tensor: t, isOutput: false)
        }
    }
}

/// A custom Function class as its nodes are recorded: its name and the kind of its
/// `<name>Backward` nodes. Make one per class and reuse it (the torch bindings keep one with
/// each Python class): each made is a kind of its own, which an observer files separately.
public final class FunctionClass: Sendable {
    /// The Function's class name, e.g. `Foo`; it names the forward op.
    public let name: String
    /// The kind of the class's nodes, `<name>Backward`.
    let nodeKind: NodeKind

    public init(name: String) {
        self.name = name
        nodeKind = NodeKind("\(name)Backward")
    }
}

/// Custom Functions (`class Foo(torch.autograd.Function)` with `Foo.apply(...)`).
public enum CustomFunction {
    /// Runs `forward` without recording, then gives its outputs a `<name>Backward` node whose
    /// backward calls `backward` with one gradient per output; `backward` must return one
    /// gradient (or nil) per forward argument.
    ///
    /// - Parameters:
    ///   - function: the Function's class; its node is called `<name>Backward`.
    ///   - arguments: the forward arguments, nil where an argument is not a tensor.
    ///   - forward: computes the outputs from the context (which holds what it saves).
    ///   - backward: maps the context and one gradient per output to one gradient per argument.
    public static func apply(
        _ function: FunctionClass, arguments: [Tensor?],
        forward: (FunctionContext) throws -> [Tensor],
        backward: @escaping (FunctionContext, [Tensor]) throws -> [Tensor?]
    ) throws -> [Tensor] {
        let needs = arguments.map { $0?.requiresGrad ?? false }
        let ctx = FunctionContext(needsInputGrad: needs)
        let outputs = try GradMode.noGrad { try forward(ctx) }
        let tensorArgs = arguments.indices.filter { arguments[$0] != nil }
        let name = function.name
        guard GradMode.isEnabled, needs.contains(true) else {
            if let observer = Observation.observer {
                observer.opExecuted(
                    OpEvent(
                        name: name, inputs: arguments, outputs: outputs,
                        gradFn: nil, isInPlace: false))
            }
            return outputs
        }
        let argumentCount = arguments.count
        // The engine checks the count against the edges; check against all arguments here.
        let node = FormulaNode(
            kind: function.nodeKind, nextEdges: tensorArgs.map { arguments[$0]!.gradientEdge },
            numOutputs: outputs.count
        ) { bctx in
            let grads = try backward(ctx, bctx.grads)
            guard grads.count == argumentCount else {
                throw TorchError.runtime(
                    AutogradMessages.wrongGradientCount(
                        function.nodeKind.name, expected: argumentCount, got: grads.count))
            }
            return tensorArgs.map { grads[$0] }
        }
        let results = outputs.map { out in arguments.contains { $0 === out } ? out.alias() : out }
        attach(node, outputs: results)
        ctx.bind(to: node, outputs: results)
        if let observer = Observation.observer {
            observer.opExecuted(
                OpEvent(
                    name: name, inputs: arguments, outputs: results,
                    gradFn: node, isInPlace: false))
        }
        return results
    }
}
