/// The backward walk: runs nodes newest-first once all gradients flowing into them are summed,
/// like PyTorch's engine.
enum Engine {

    /// Runs a backward pass from `roots` seeded with `rootGrads`.
    /// With `captures`, gradients arriving at those edges are returned and only the nodes needed
    /// to reach them run (`autograd.grad`); otherwise every reachable node runs and leaves accumulate.
    ///
    /// Per-node bookkeeping (pending dependency count, summed input gradients) lives in arrays
    /// indexed by the slot in each reachable node's `engineMark`, which pairs the slot with this
    /// pass's token (so "already visited" is one comparison). The marks a node had before are
    /// restored on exit, so a pass started from inside a hook cannot disturb the one that called it.
    static func run(
        roots: [Edge], rootGrads: [Tensor], captures: [Edge]?,
        keepGraph: Bool, createGraph: Bool, pass: BackwardPass
    ) throws -> [Tensor?] {
        let passIndex = pass.index
        let state = ThreadState.current
        state.enginePasses &+= 1
        let token = state.enginePasses
        state.runningGraphTasks.append(GraphTask(id: token, canCheckpoint: captures == nil))
        defer { state.runningGraphTasks.removeLast() }
        let order = reachableNodes(from: roots, token: token)
        defer { for (node, previous) in zip(order.nodes, order.previous) { node.engineMark = previous } }

        var dependencies = [Int](repeating: 0, count: order.nodes.count)
        var bufferStart = [Int](repeating: 0, count: order.nodes.count + 1)
        for (i, node) in order.nodes.enumerated() {
            for case let e? in node.nextEdges { dependencies[e.node.engineMark.slot] += 1 }
            bufferStart[i + 1] = bufferStart[i] + max(node.numOutputs, 1)
        }
        var buffers = [Tensor?](repeating: nil, count: bufferStart[order.nodes.count])

        var captureSlots = [Int: [CaptureSlot]]()
        if let captures {
            for (i, e) in captures.enumerated() where e.node.engineMark.token == token {
                captureSlots[e.node.engineMark.slot, default: []].append(CaptureSlot(inputNr: e.inputNr, index: i))
            }
        }
        let needed = captures == nil ? nil : neededNodes(order.nodes, targets: captureSlots)
        var captured = [Tensor?](repeating: nil, count: captures?.count ?? 0)

        var queue = ReadyQueue()
        for (edge, grad) in zip(roots, rootGrads) {
            try accumulate(grad, at: bufferStart[edge.node.engineMark.slot] + edge.inputNr, &buffers)
        }
        var seeded = Set<ObjectIdentifier>()
        for edge in roots where seeded.insert(ObjectIdentifier(edge.node)).inserted {
            if dependencies[edge.node.engineMark.slot] == 0 { queue.push(edge.node) }
        }

        let savedMode = GradMode.isEnabled
        GradMode.isEnabled = createGraph
        defer { GradMode.isEnabled = savedMode }

        // One array carries each node's output gradients and one the gradients it computes
        // for its inputs, emptied after the node as per-node arrays would be released (their
        // capacity kept unless a hook or the observer still holds them).
        var inputs = [Tensor?]()
        var outputs = [Tensor?]()
        while let node = queue.pop() {
            let slot = node.engineMark.slot
            let first = bufferStart[slot]
            for i in first..<bufferStart[slot + 1] {
                inputs.append(buffers[i])
                buffers[i] = nil
            }
            try runHooks(node, &inputs)
            if !node.preHooks.isEmpty { try node.runPreHooks(&inputs) }
            if captures != nil, let slots = captureSlots[slot] {
                for s in slots { captured[s.index] = inputs[s.inputNr] }
            }
            if let needed, !needed[slot] {
                emptyKeepingCapacity(&inputs)
                continue
            }
            if inputs.contains(where: { $0 != nil }) {
                try node.applyConsuming(&inputs, into: &outputs)
            } else {
                outputs.append(contentsOf: repeatElement(nil, count: node.nextEdges.count))
            }
            if !node.postHooks.isEmpty { try node.runPostHooks(&outputs, gradOutputs: inputs) }
            if node.nextEdges.count != outputs.count && !(node is AccumulateGrad) {
                throw TorchError.runtime(
                    AutogradMessages.wrongGradientCount(
                        node.name, expected: node.nextEdges.count, got: outputs.count))
            }
            state.observer?.nodeExecuted(node, gradOutputs: inputs, gradInputs: outputs)
            if state.anomalyDetection { try checkForNaN(node, outputs) }
            if !keepGraph { node.releaseSaved(pass: passIndex) }
            for (i, edge) in node.nextEdges.enumerated() {
                guard let edge else { continue }
                let next = edge.node.engineMark.slot
                if let g = outputs[i] { try accumulate(g, at: bufferStart[next] + edge.inputNr, &buffers) }
                dependencies[next] -= 1
                if dependencies[next] == 0 { queue.push(edge.node) }
            }
            emptyKeepingCapacity(&inputs)
            emptyKeepingCapacity(&outputs)
        }
        return captured
    }

    /// Empties a node's gradient buffer, keeping its capacity: `removeLast` per element, which
    /// for the one or two elements of most nodes costs a fraction of `removeAll(keepingCapacity:)`
    /// (a generic range replacement).
    @inline(__always)
    private static func emptyKeepingCapacity(_ buffer: inout [Tensor?]) {
        while !buffer.isEmpty { buffer.removeLast() }
    }

    /// Where a captured gradient goes: input `inputNr` of the node, result `index`.
    private struct CaptureSlot {
        let inputNr: Int
        let index: Int
    }

    private static func accumulate(_ grad: Tensor, at index: Int, _ buffers: inout [Tensor?]) throws {
        if let existing = buffers[index] {
            buffers[index] = try existing + grad
        } else {
            buffers[index] = grad
        }
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
            if let existing = t.storedGrad {
                t.storedGrad = try existing + g
            } else {
                t.storedGrad = GradMode.isEnabled ? g : g.detachedCopy()
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

    /// Every node reachable from the roots, found iteratively; each gets this pass's token and
    /// its index in `nodes` as its `engineMark`, and `previous` keeps the marks they had.
    static func reachableNodes(from roots: [Edge], token: Int) -> (nodes: [Node], previous: [EngineMark]) {
        var nodes = [Node]()
        var previous = [EngineMark]()
        var stack = roots.map(\.node)
        while let n = stack.popLast() {
            guard n.engineMark.token != token else { continue }
            previous.append(n.engineMark)
            n.engineMark = EngineMark(token: token, slot: nodes.count)
            nodes.append(n)
            for case let e? in n.nextEdges where e.node.engineMark.token != token { stack.append(e.node) }
        }
        return (nodes, previous)
    }

    /// Which nodes (by slot) must run because a capture target lies below them.
    private static func neededNodes(_ nodes: [Node], targets: [Int: [CaptureSlot]]) -> [Bool] {
        var needed = [Bool](repeating: false, count: nodes.count)
        // Children have lower sequence numbers than parents except AccumulateGrad (max), which
        // has no children; visit in ascending sequence so children are decided first.
        for node in nodes.sorted(by: { $0.sequenceNr < $1.sequenceNr }) {
            for case let e? in node.nextEdges {
                let k = e.node.engineMark.slot
                if targets[k] != nil || needed[k] {
                    needed[node.engineMark.slot] = true
                    break
                }
            }
        }
        return needed
    }
}

/// A node's place in the backward pass visiting it: the pass's token and the node's index in
/// that pass's arrays.
struct EngineMark {
    var token = 0
    var slot = 0
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
            let l = 2 * i + 1
            let r = l + 1
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
