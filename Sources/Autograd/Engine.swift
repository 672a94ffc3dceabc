/// The backward walk: runs nodes newest-first once all gradients flowing into them are summed,
/// like PyTorch's engine.
enum Engine {

    /// Runs a backward pass from `roots` seeded with `rootGrads`.
    /// With `captures`, gradients arriving at those edges are returned and only the nodes needed
    /// to reach them run (`autograd.grad`); otherwise every reachable node runs and leaves accumulate.
    static func run(roots: [Edge], rootGrads: [Tensor], captures: [Edge]?,
                    keepGraph: Bool, createGraph: Bool, pass: BackwardPass) throws -> [Tensor?] {
        let passIndex = pass.index
        let order = reachableNodes(from: roots.map(\.node))
        var dependencies = [ObjectIdentifier: Int]()
        for node in order {
            for case let e? in node.nextEdges { dependencies[ObjectIdentifier(e.node), default: 0] += 1 }
        }
        var captureSlots = [ObjectIdentifier: [(inputNr: Int, index: Int)]]()
        if let captures {
            for (i, e) in captures.enumerated() {
                captureSlots[ObjectIdentifier(e.node), default: []].append((e.inputNr, i))
            }
        }
        let needed = captures == nil ? nil : neededNodes(order, targets: Set(captureSlots.keys))
        var captured = [Tensor?](repeating: nil, count: captures?.count ?? 0)

        var buffers = [ObjectIdentifier: [Tensor?]]()
        var queue = ReadyQueue()
        for (edge, grad) in zip(roots, rootGrads) {
            try accumulate(grad, into: edge, buffers: &buffers)
        }
        var seeded = Set<ObjectIdentifier>()
        for edge in roots where seeded.insert(ObjectIdentifier(edge.node)).inserted {
            if dependencies[ObjectIdentifier(edge.node), default: 0] == 0 { queue.push(edge.node) }
        }

        let savedMode = GradMode.isEnabled
        GradMode.isEnabled = createGraph
        defer { GradMode.isEnabled = savedMode }

        while let node = queue.pop() {
            let key = ObjectIdentifier(node)
            var inputs = buffers.removeValue(forKey: key) ?? [Tensor?](repeating: nil, count: max(node.numOutputs, 1))
            try runHooks(node, &inputs)
            if let slots = captureSlots[key] {
                for s in slots { captured[s.index] = inputs[s.inputNr] }
            }
            if let needed, !needed.contains(key) { continue }
            let outputs = inputs.contains(where: { $0 != nil })
                ? try node.apply(inputs) : [Tensor?](repeating: nil, count: node.nextEdges.count)
            if node.nextEdges.count != outputs.count && !(node is AccumulateGrad) {
                throw TorchError.runtime(AutogradMessages.wrongGradientCount(
                    node.name, expected: node.nextEdges.count, got: outputs.count))
            }
            Observation.observer?.nodeExecuted(node, gradOutputs: inputs, gradInputs: outputs)
            if GradMode.anomalyDetection { try checkForNaN(node, outputs) }
            if !keepGraph { node.releaseSaved(pass: passIndex) }
            for (i, edge) in node.nextEdges.enumerated() {
                guard let edge else { continue }
                if let g = outputs[i] { try accumulate(g, into: edge, buffers: &buffers) }
                let k = ObjectIdentifier(edge.node)
                let remaining = dependencies[k, default: 1] - 1
                dependencies[k] = remaining
                if remaining == 0 { queue.push(edge.node) }
            }
        }
        return captured
    }

    private static func accumulate(_ grad: Tensor, into edge: Edge,
                                   buffers: inout [ObjectIdentifier: [Tensor?]]) throws {
        let key = ObjectIdentifier(edge.node)
        var slots = buffers[key] ?? [Tensor?](repeating: nil, count: max(edge.node.numOutputs, 1))
        if let existing = slots[edge.inputNr] {
            slots[edge.inputNr] = try existing + grad
        } else {
            slots[edge.inputNr] = grad
        }
        buffers[key] = slots
    }

    /// Tensor hooks in registration order (each may replace the gradient), then retain_grad.
    private static func runHooks(_ node: Node, _ inputs: inout [Tensor?]) throws {
        for hook in node.hooks {
            guard let g = inputs[hook.outputNr] else { continue }
            let replacement = try hook.fn(g)
            if let r = replacement { inputs[hook.outputNr] = r }
            Observation.observer?.hookFired(node, outputNr: hook.outputNr, replaced: replacement != nil)
        }
        for (outputNr, weakTensor) in node.retainGradTargets {
            guard let t = weakTensor.tensor, let g = inputs[outputNr] else { continue }
            if let existing = t.gradStorage {
                t.gradStorage = try existing + g
            } else {
                t.gradStorage = GradMode.isEnabled ? g : g.detachedCopy()
            }
        }
    }

    private static func checkForNaN(_ node: Node, _ outputs: [Tensor?]) throws {
        for (i, g) in outputs.enumerated() {
            guard let g, g.dtype.isFloatingPoint, g.containsNaN() else { continue }
            Observation.observer?.anomalyDetected(node, outputNr: i)
            if let trace = node.anomalyTrace {
                Diagnostics.warn("Error detected in \(node.name). Traceback of forward call that caused the error:\n\(trace)")
            }
            throw TorchError.runtime("Function '\(node.name)' returned nan values in its \(i)th output.")
        }
    }

    /// Every node reachable from `starts`, found iteratively.
    static func reachableNodes(from starts: [Node]) -> [Node] {
        var seen = Set<ObjectIdentifier>()
        var order = [Node]()
        var stack = starts
        while let n = stack.popLast() {
            guard seen.insert(ObjectIdentifier(n)).inserted else { continue }
            order.append(n)
            for case let e? in n.nextEdges { stack.append(e.node) }
        }
        return order
    }

    /// Nodes that must run because a capture target lies below them.
    private static func neededNodes(_ order: [Node], targets: Set<ObjectIdentifier>) -> Set<ObjectIdentifier> {
        var needed = Set<ObjectIdentifier>()
        // Children have lower sequence numbers than parents except AccumulateGrad (max), which
        // has no children; visit in ascending sequence so children are decided first.
        for node in order.sorted(by: { $0.sequenceNr < $1.sequenceNr }) {
            for case let e? in node.nextEdges {
                let k = ObjectIdentifier(e.node)
                if targets.contains(k) || needed.contains(k) {
                    needed.insert(ObjectIdentifier(node))
                    break
                }
            }
        }
        return needed
    }
}

/// A max-heap of nodes by sequence number.
struct ReadyQueue {
    private var heap: [Node] = []

    mutating func push(_ n: Node) {
        heap.append(n)
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if heap[p].sequenceNr >= heap[i].sequenceNr { break }
            heap.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> Node? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && heap[l].sequenceNr > heap[m].sequenceNr { m = l }
            if r < heap.count && heap[r].sequenceNr > heap[m].sequenceNr { m = r }
            if m == i { break }
            heap.swapAt(i, m)
            i = m
        }
        return top
    }
}
