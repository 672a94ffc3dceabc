import Autograd

/// The engine's events, turned into records.
extension Recorder: AutogradObserver {
    public func tensorCreated(_ tensor: Tensor, origin: TensorOrigin, op: String) {
        guard !insidePlainBackward, tensorIndex[tensor.id] == nil else { return }
        let source: TensorSource
        switch origin {
        case .factory: source = .factory
        case .op, .view: source = .op
        case .detach, .detachInPlace: source = .detach
        case .data: source = .data
        case .backward: source = .backward
        }
        addTensor(tensor, source: passStack.isEmpty ? source : .backward, factory: source == .factory ? op : "")
        lastEvent = .none
    }

    public func opExecuted(_ event: OpEvent) {
        recordOp(
            name: event.name, gradFn: event.gradFn, isInPlace: event.isInPlace, gradEnabled: event.gradEnabled,
            inputs: { event.forEachInput($0) }, outputs: { event.outputs.forEach($0) })
    }

    public func binaryOpExecuted(
        name: String, _ a: Tensor, _ b: Tensor?, output: Tensor, gradFn: Node?, gradEnabled: Bool
    ) {
        recordOp(
            name: name, gradFn: gradFn, isInPlace: false, gradEnabled: gradEnabled,
            inputs: { body in
                body(a)
                if let b { body(b) }
            }, outputs: { $0(output) })
    }

    /// Records one op: its inputs and outputs are read through `inputs` and `outputs`, which call
    /// their argument with each tensor in order.
    @inline(__always)
    private func recordOp(
        name: String, gradFn node: Node?, isInPlace: Bool, gradEnabled: Bool,
        inputs forEachInput: ((Tensor) -> Void) -> Void, outputs forEachOutput: ((Tensor) -> Void) -> Void
    ) {
        guard !insidePlainBackward else {
            lastEvent = .none
            return
        }
        let gradFn = node.map(nodeID)
        // The op's tensor ids go straight to the op table's id column as they are seen (nothing
        // records another op meanwhile): no array per op.
        var inputCount = 0
        forEachInput {
            graph.ops.addPendingTensor(sight($0))
            inputCount += 1
        }
        let id = graph.ops.count
        if let g = gradFn { graph.nodes.setOp(id, of: g) }
        if let node { noteAttributes(of: node, op: id) }
        let source: TensorSource = passStack.isEmpty ? .op : .backward
        let known = node.flatMap { node in gradFn.map { (node, $0) } }
        var outputIDs = OutputEngineIDs()
        forEachOutput { t in
            graph.ops.addPendingTensor(
                tensorIndex[t.id] != nil ? sight(t) : addTensor(t, source: source, producer: id, known: known))
            outputIDs.append(t.id)
        }
        graph.ops.appendPending(
            name: name, inputCount: inputCount, line: userLine, region: regionStack.last,
            gradEnabled: gradEnabled, gradFn: gradFn, isInPlace: isInPlace, pass: passStack.last,
            innerLine: innerLine, callLines: userCallLines)
        noteModuleOp(id)
        lastEvent = .op(id, outputs: outputIDs)
    }

    public func versionBumped(_ tensor: Tensor, op: String) {
        if insidePlainBackward {
            checkInvalidation(of: tensor, op: op)
            return
        }
        let t = sight(tensor)
        // An in-place op computes out of place, then writes back and bumps: fold the two
        // into one in-place op whose output is the modified tensor.
        if case .op(let i, let temps) = lastEvent, !graph.ops.isInPlace(i), graph.ops.firstInput(of: i) == t,
            case let name = graph.ops.name(of: i), op == name || op == name + "_"
        {
            for engineID in temps.all.reversed() {
                guard let r = tensorIndex[engineID], r == graph.tensors.count - 1, r != t else { continue }
                graph.tensors.removeLast()
                graph.tensorValues[r] = nil
                tensorIndex[engineID] = nil
            }
            graph.ops.makeInPlace(i, name: op, output: t)
            if let g = graph.ops.gradFn(of: i) { adoptNode(g, op: i, tensor: t) }
        } else {
            let opIndex = graph.ops.count
            graph.ops.append(
                name: op, inputs: CollectionOfOne(t), outputs: CollectionOfOne(t), line: userLine,
                region: regionStack.last, gradEnabled: GradMode.isEnabled, gradFn: nil, isInPlace: true,
                pass: passStack.last, innerLine: innerLine, callLines: userCallLines)
            noteModuleOp(opIndex)
        }
        checkInvalidation(of: tensor, op: op)
        lastEvent = .none
    }

    /// The line inside a custom Function's forward, for ops recorded there (not the Function's
    /// own op, recorded once forward has returned to the calling line).
    private var innerLine: Int? {
        guard !functionCalls.isEmpty else { return nil }
        let call = functionCalls[0].line
        let line = currentLine
        return line == call ? nil : line
    }

    /// Makes node `g` the grad_fn an in-place op `op` gave tensor `t`.
    private func adoptNode(_ g: Int, op: Int, tensor t: Int) {
        graph.ops.setGradFn(g, of: op)
        graph.nodes.setOp(op, of: g)
        graph.tensors.setGradFn(g, of: t)
        graph.tensors.setGradFlags(of: t, requiresGrad: true, isLeaf: false)
    }

    public func detached(source: Tensor, result: Tensor, origin: TensorOrigin) {
        guard !insidePlainBackward else { return }
        let id = graph.detaches.count
        if origin == .detachInPlace {
            let required = tensorIndex[source.id].map { graph.tensors.requiresGrad(of: $0) } ?? false
            let t = sight(source)
            graph.detaches.append(
                DetachRecord(
                    id: id, kind: .detachInPlace, source: t, result: t, line: userLine,
                    sourceRequiredGrad: required, opsBefore: graph.ops.count))
            graph.tensors.setDetach(id, of: t)
        } else {
            let s = sight(source)
            let kind: DetachKind = origin == .data ? .data : .detach
            let r =
                tensorIndex[result.id].map { _ in sight(result) }
                ?? addTensor(result, source: kind == .data ? .data : .detach, detach: id)
            graph.detaches.append(
                DetachRecord(
                    id: id, kind: kind, source: s, result: r, line: userLine,
                    sourceRequiredGrad: source.requiresGrad, opsBefore: graph.ops.count))
        }
        lastEvent = .none
    }

    public func backwardStarted(_ pass: BackwardPass) {
        let id = graph.backwardPasses.count
        let roots = pass.roots.compactMap { $0.gradFn.map(nodeID) }
        let rootTensors = pass.roots.map { sight($0) }
        let inputs = pass.inputs.map { sight($0) }
        graph.backwardPasses.append(
            BackwardRecord(
                id: id, kind: pass.kind == .grad ? .grad : .backward, line: userLine, roots: roots,
                rootTensors: rootTensors, inputs: inputs, retainGraph: pass.retainGraph, createGraph: pass.createGraph,
                opsBefore: graph.ops.count, tensorsBefore: graph.tensors.count))
        passByEngineIndex[pass.index] = id
        passTensorIDs.append((low: Tensor.scalar(0).id, high: Int.max))
        passStack.append(id)
        lastEvent = .none
    }

    public func backwardFinished(_ pass: BackwardPass, error: Error?) {
        guard let id = passByEngineIndex[pass.index] else { return }
        if let error { graph.backwardPasses[id].error = ErrorRecord(line: graph.backwardPasses[id].line, error: error) }
        passTensorIDs[id].high = Tensor.scalar(0).id
        passTensorIDsEnd = max(passTensorIDsEnd, passTensorIDs[id].high)
        if let i = passStack.lastIndex(of: id) { passStack.remove(at: i) }
        lastEvent = .none
    }

    public func nodeExecuted(_ node: Node, gradOutputs: [Tensor?], gradInputs: [Tensor?]) {
        guard let p = passStack.last else { return }
        let n = nodeID(node)
        graph.backwardPasses[p].executed.append(n)
        for i in 0..<graph.nodes.nextCount(of: n) {
            guard let edge = graph.nodes.nextEdge(i, of: n) else { continue }
            let gradient = i < gradInputs.count ? gradInputs[i] : nil
            if let t = gradient, t.numel <= GradSummary.valueLimit {
                // A small gradient's values go straight to the list's value column: no summary built.
                graph.backwardPasses[p].edgeGradients.append(
                    from: n, index: i, to: edge.node, inputNr: edge.inputNr, smallGradient: t)
                continue
            }
            graph.backwardPasses[p].edgeGradients.append(
                from: n, index: i, to: edge.node, inputNr: edge.inputNr, grad: gradient.map(summary))
        }
    }

    public func savedTensorsFreed(_ node: Node) {
        guard let p = passStack.last else { return }
        let n = nodeID(node)
        graph.nodes.free(buffersOf: n, by: p)
        graph.backwardPasses[p].freed.append(n)
    }

    public func gradAccumulated(_ leaf: Tensor, grad: Tensor) {
        guard let p = passStack.last else { return }
        let t = sight(leaf)
        let added = summary(grad)
        let total = leaf.storedGrad.map(summary) ?? added
        graph.backwardPasses[p].accumulated.append(Accumulation(tensor: t, grad: added, total: total))
    }

    /// The summary of a gradient; the last one is reused when the same tensor (at the same
    /// version) is summarised again, as a large gradient's edge into AccumulateGrad and its
    /// accumulation are.
    func summary(_ tensor: Tensor) -> GradSummary {
        let cache = lastSummary
        if cache.tensorID == tensor.id, cache.version == tensor.version, let s = cache.summary { return s }
        let s = GradSummary(tensor)
        cache.tensorID = tensor.id
        cache.version = tensor.version
        cache.summary = s
        return s
    }

    public func anomalyDetected(_ node: Node, outputNr: Int) {
        guard let p = passStack.last else { return }
        graph.backwardPasses[p].anomaly = AnomalyRecord(node: nodeID(node), output: outputNr)
    }

    public func hookFired(_ node: Node, outputNr: Int, replaced: Bool) {
        guard let p = passStack.last else { return }
        graph.backwardPasses[p].hooks.append(HookRecord(node: nodeID(node), outputNr: outputNr, replaced: replaced))
    }
}

/// The last gradient summarised, by its tensor's id (ids are never reused), so the recorder
/// neither keeps a tensor alive nor gives each gradient the side table a weak reference costs.
final class SummaryCache {
    var tensorID = -1
    var version = 0
    var summary: GradSummary?
}
