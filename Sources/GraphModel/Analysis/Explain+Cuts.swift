/// A pass's tensor dataflow walked back from its roots in time order, noting for every tensor
/// whether it is reached without crossing a cut and which of its uses reach only through one.
///
/// The value of tensor `t` used by op `o` is the one made by the latest op writing `t` before
/// `o` (in-place ops included), so a later in-place change never explains an earlier use. The walk
/// stops at leaves that require grad: gradients end there whatever their values' history. A
/// leaf made by detaching a tensor that required grad (then `requires_grad_()`) is walked
/// through, so that history is reported as cut at the detach rather than unused.
struct CutWalk {
    /// Tensors reached without crossing a cut.
    private(set) var clean = Set<Int>()
    /// Per tensor, its uses whose only route to the roots crosses a cut.
    private(set) var uses: [Int: [CutUse]] = [:]

    private struct Key: Hashable {
        let tensor: Int
        /// The producing op, or `-1 - detach id` for a detach hop.
        let step: Int
        let label: CutUse.Kind?
    }

    /// Walks `pass`; `producers` is `graph.producerIndex()`.
    init(graph: Graph, pass: BackwardRecord, producers: TensorOpIndex) {
        var queue: [(tensor: Int, before: Int, label: CutUse.Kind?, use: Int?)] =
            pass.rootTensors.map { ($0, pass.opsBefore, nil, nil) }
        var seen = Set<Key>()
        var head = 0
        while head < queue.count {
            let (t, before, label, use) = queue[head]
            head += 1
            let tensor = graph.tensors[t]
            if let l = label {
                let u = CutUse(kind: l, line: graph.line(of: l), use: use)
                if uses[t]?.contains(u) != true { uses[t, default: []].append(u) }
            } else {
                clean.insert(t)
            }
            if tensor.isLeaf && tensor.requiresGrad && !graph.wasCutFromHistory(tensor) { continue }
            if let o = producers.latest(of: t, before: before) {
                let op = graph.ops[o]
                var l = label
                if l == nil, let d = tensor.detach, graph.detaches[d].kind == .detachInPlace,
                    graph.detaches[d].sourceRequiredGrad, o < graph.detaches[d].opsBefore, graph.detaches[d].opsBefore <= before
                {
                    l = .detach(d)
                }
                if l == nil && graph.cutsHistory(op) { l = .noGrad(o) }
                if l == nil && graph.isNonDifferentiable(op) { l = .nonDifferentiable(o) }
                guard seen.insert(Key(tensor: t, step: o, label: l)).inserted else { continue }
                for i in op.inputs { queue.append((i, o, l, o)) }
            } else if let d = tensor.detach, graph.detaches[d].kind != .detachInPlace {
                let event = graph.detaches[d]
                let l = label ?? (event.sourceRequiredGrad ? .detach(d) : nil)
                guard seen.insert(Key(tensor: t, step: -1 - d, label: l)).inserted else { continue }
                queue.append((event.source, event.opsBefore, l, nil))
            }
        }
    }
}

extension Graph {
    /// Whether `tensor` is the result of a detach (`detach()`, `detach_()`, `.data`) of a
    /// tensor that required grad.
    func wasCutFromHistory(_ tensor: TensorRecord) -> Bool {
        tensor.detach.map { detaches[$0].sourceRequiredGrad } ?? false
    }

    /// Whether `op` ran with grad mode on, on an input that required grad, yet its results have
    /// no gradient history (comparisons, argmax, integer results).
    func isNonDifferentiable(_ op: OpRecord) -> Bool {
        op.pass == nil && op.gradEnabled && op.gradFn == nil && !op.isInPlace
            && op.inputs.contains { tensors.requiresGrad(of: $0) } && !op.outputs.contains { tensors.requiresGrad(of: $0) }
    }

    /// The script line of a cut.
    func line(of cut: CutUse.Kind) -> Int {
        switch cut {
        case .detach(let d): return detaches[d].line
        case .noGrad(let o), .nonDifferentiable(let o): return ops[o].line
        }
    }
}
