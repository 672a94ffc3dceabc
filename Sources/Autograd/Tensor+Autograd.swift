/// requires_grad, detach, .data, .grad, hooks, retain_grad and the backward entry points.
extension Tensor {
    /// `requires_grad_(flag)` / setting `requires_grad` on a leaf.
    public func setRequiresGrad(_ flag: Bool) throws {
        if !isLeaf {
            // requires_grad_() on a non-leaf is a no-op; turning it off is an error.
            if !flag { throw TorchError.runtime(AutogradMessages.requiresGradNonLeafFalse) }
            return
        }
        if flag && !dtype.isFloatingPoint { throw TorchError.runtime(AutogradMessages.onlyFloatRequiresGrad) }
        leafRequiresGrad = flag
    }

    /// Assignment to the `requires_grad` attribute, which is stricter than `requires_grad_()`.
    public func assignRequiresGrad(_ flag: Bool) throws {
        if !isLeaf {
            throw TorchError.runtime(flag ? AutogradMessages.requiresGradNonLeaf : AutogradMessages.requiresGradNonLeafFalse)
        }
        try setRequiresGrad(flag)
    }

    /// A view of the same storage and version counter with no autograd history.
    func alias() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset, version: versionCounter)
    }

    /// `detach()`: shares storage and the version counter; a leaf that needs no grad.
    public func detach() -> Tensor {
        let t = alias()
        t.isInference = isInference
        Observation.observer?.detached(source: self, result: t, origin: .detach)
        return t
    }

    /// `detach_()`: removes this tensor from the graph in place, making it a leaf.
    public func detachInPlace() {
        gradFn = nil
        outputNr = 0
        leafRequiresGrad = false
        Observation.observer?.detached(source: self, result: self, origin: .detachInPlace)
    }

    /// `.data`: shares storage but has a fresh version counter, so edits are invisible to autograd.
    public var data: Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        Observation.observer?.detached(source: self, result: t, origin: .data)
        return t
    }

    /// Assigning `.data`: this tensor takes over the other's values and shape.
    public func setData(_ other: Tensor) {
        storage = other.storage
        shape = other.shape
        strides = other.strides
        offset = other.offset
    }

    /// A contiguous copy with no history (used for accumulated gradients).
    func detachedCopy() -> Tensor { materialized() }

    /// Assigns `.grad` (None or a tensor of the same shape).
    public func setGrad(_ g: Tensor?) throws {
        if let g, g.shape != shape {
            throw TorchError.runtime(
                "attempting to assign a gradient of size '\(g.shape)' to a tensor of size '\(shape)'. Please ensure that the gradient and the tensor are the same size"
            )
        }
        storedGrad = g
    }

    /// `register_hook(fn)`: `fn` sees (and may replace) the gradient of this tensor.
    @discardableResult
    public func registerHook(_ fn: @escaping GradHook) throws -> HookHandle {
        guard requiresGrad else { throw TorchError.runtime(AutogradMessages.hookNoGrad) }
        let node: Node = gradFn ?? gradAccumulator()
        let id = HookHandle.nextID()
        node.hooks.append(RegisteredHook(id: id, outputNr: isLeaf ? 0 : outputNr, fn: fn))
        return HookHandle(id: id, node: node)
    }

    /// `retain_grad()`: keep `.grad` for this non-leaf after backward.
    public func retainGrad() throws {
        guard requiresGrad else { throw TorchError.runtime(AutogradMessages.retainGradNoGrad) }
        guard let fn = gradFn, !retainsGrad else { return }
        retainsGrad = true
        fn.retainGradTargets.append((outputNr, WeakTensor(self)))
    }

    /// `backward(gradient:retain_graph:create_graph:)`.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false) throws {
        try Autograd.backward([self], gradients: [gradient], retainGraph: retainGraph, createGraph: createGraph)
    }
}

/// Removes a registered hook (`handle.remove()`).
public final class HookHandle {
    static func nextID() -> Int {
        ThreadState.current.nextHookID += 1
        return ThreadState.current.nextHookID
    }

    let id: Int
    weak var node: Node?

    init(id: Int, node: Node) {
        self.id = id
        self.node = node
    }

    /// Unregisters the hook (`handle.remove()`); removing twice does nothing.
    public func remove() {
        guard let node else { return }
        node.hooks.removeAll { $0.id == id }
        node.preHooks.removeAll { $0.id == id }
        node.postHooks.removeAll { $0.id == id }
    }
}

/// `torch.autograd.backward` and `torch.autograd.grad`.
public enum Autograd {

    /// Seeds and validates root gradients (implicit ones only for single-element outputs).
    private static func roots(_ outputs: [Tensor], _ gradients: [Tensor?]) throws -> (edges: [Edge], grads: [Tensor]) {
        var edges = [Edge]()
        var grads = [Tensor]()
        for (i, out) in outputs.enumerated() {
            guard let edge = out.gradientEdge else {
                throw TorchError.runtime(AutogradMessages.doesNotRequireGrad(i))
            }
            let g: Tensor
            if i < gradients.count, let given = gradients[i] {
                guard given.shape == out.shape || given.numel == out.numel else {
                    throw TorchError.runtime(
                        "Mismatch in shape: grad_output[\(i)] has a shape of torch.Size(\(given.shape)) and output[\(i)] has a shape of torch.Size(\(out.shape))."
                    )
                }
                g = given
            } else {
                guard out.numel == 1 else { throw TorchError.runtime(AutogradMessages.implicitGradScalarOnly) }
                g = Tensor.onesLike(out)
            }
            edges.append(edge)
            grads.append(g)
        }
        return (edges, grads)
    }

    private static func startPass(
        _ kind: BackwardPass.Kind, _ roots: [Tensor], _ inputs: [Tensor],
        retain: Bool, create: Bool
    ) -> BackwardPass {
        ThreadState.current.backwardPasses += 1
        let pass = BackwardPass(
            index: ThreadState.current.backwardPasses, kind: kind, roots: roots, inputs: inputs,
            retainGraph: retain, createGraph: create)
        Observation.observer?.backwardStarted(pass)
        return pass
    }

    /// Accumulates gradients of `tensors` into the leaves' `.grad`.
    public static func backward(
        _ tensors: [Tensor], gradients: [Tensor?] = [], retainGraph: Bool? = nil,
        createGraph: Bool = false
    ) throws {
        let keep = retainGraph ?? createGraph
        let pass = startPass(.backward, tensors, [], retain: keep, create: createGraph)
        do {
            let (edges, grads) = try roots(tensors, gradients)
            _ = try Engine.run(
                roots: edges, rootGrads: grads, captures: nil, keepGraph: keep,
                createGraph: createGraph, pass: pass)
            Observation.observer?.backwardFinished(pass, error: nil)
        } catch {
            Observation.observer?.backwardFinished(pass, error: error)
            throw error
        }
    }

    /// Returns the gradients of `outputs` with respect to `inputs` without touching `.grad`.
    public static func grad(
        outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?] = [],
        retainGraph: Bool? = nil, createGraph: Bool = false,
        allowUnused: Bool = false
    ) throws -> [Tensor?] {
        let keep = retainGraph ?? createGraph
        let pass = startPass(.grad, outputs, inputs, retain: keep, create: createGraph)
        do {
            let (edges, grads) = try roots(outputs, gradOutputs)
            var captures = [Edge]()
            for input in inputs {
                guard let e = input.gradientEdge else {
                    throw TorchError.runtime("One of the differentiated Tensors does not require grad")
                }
                captures.append(e)
            }
            let result = try Engine.run(
                roots: edges, rootGrads: grads, captures: captures, keepGraph: keep,
                createGraph: createGraph, pass: pass)
            if !allowUnused, let missing = result.firstIndex(where: { $0 == nil }) {
                throw TorchError.runtime(AutogradMessages.unusedInput(missing))
            }
            Observation.observer?.backwardFinished(pass, error: nil)
            return result
        } catch {
            Observation.observer?.backwardFinished(pass, error: error)
            throw error
        }
    }
}
