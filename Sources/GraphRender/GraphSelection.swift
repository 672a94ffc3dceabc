import GraphModel

/// Which records of a graph a picture covers: everything, or (with `RenderOptions.at`) the
/// graph as it stood after a script line ran the first time, narrowed to a backward pass's
/// graph by `RenderOptions.View.backward`.
struct GraphSelection {
    /// Ops `0..<opLimit` ran before the cut.
    let opLimit: Int
    /// Included backward passes, per pass id.
    let passIncluded: [Bool]
    /// Included detach events, per detach id.
    let detachIncluded: [Bool]
    /// Included tensors, per tensor id.
    let tensorIncluded: [Bool]
    /// Ops the view keeps (all included ops except, in the backward view, those outside the
    /// pass's graph), per op id.
    let opInView: [Bool]
    /// The cut line, if any.
    let line: Int?

    init(graph: Graph, at line: Int?, view: RenderOptions.View, pass chosen: Int?) {
        self.line = line
        let ops = graph.ops
        guard let line else {
            opLimit = ops.count
            passIncluded = [Bool](repeating: true, count: graph.backwardPasses.count)
            detachIncluded = [Bool](repeating: true, count: graph.detaches.count)
            tensorIncluded = [Bool](repeating: true, count: graph.tensors.count)
            opInView = GraphSelection.view(graph, view, chosen, opLimit: ops.count, passIncluded: passIncluded)
            return
        }
        let limit = ops.firstIndex { $0.line > line } ?? ops.count
        opLimit = limit
        // A pass ran after the ops that made its roots; it is in if its line is and those ops are.
        var passes: [Bool] = []
        var open = true
        for p in graph.backwardPasses {
            let rootsMade = p.rootTensors.allSatisfy { graph.tensors[$0].producer.map { $0 < limit } ?? true }
            open = open && p.line <= line && rootsMade
            passes.append(open)
        }
        passIncluded = passes
        let detaches = graph.detaches.map { $0.line <= line && $0.opsBefore <= limit }
        detachIncluded = detaches
        // The first tensor made by an op after the cut: later tensors were made after it.
        var firstLater = Int.max
        for o in ops[limit...] {
            for t in o.outputs where graph.tensors[t].producer == o.id { firstLater = min(firstLater, t) }
        }
        tensorIncluded = graph.tensors.map { t in
            guard t.line <= line, t.id < firstLater else { return false }
            if let p = t.producer, p >= limit { return false }
            if let p = t.pass, p < passes.count, !passes[p] { return false }
            if t.source == .detach || t.source == .data, let d = t.detach, d < detaches.count { return detaches[d] }
            return true
        }
        opInView = GraphSelection.view(graph, view, chosen, opLimit: limit, passIncluded: passes)
    }

    /// Per op: whether the view keeps it. The backward view keeps ops whose grad_fn a backward
    /// pass (the chosen one, else every included one) can reach from its roots.
    private static func view(
        _ graph: Graph, _ view: RenderOptions.View, _ chosen: Int?, opLimit: Int,
        passIncluded: [Bool]
    ) -> [Bool] {
        var keep = [Bool](repeating: false, count: graph.ops.count)
        guard view == .backward else {
            for i in 0..<opLimit { keep[i] = true }
            return keep
        }
        var starts: [Int] = []
        for p in graph.backwardPasses where passIncluded[p.id] && (chosen == nil || chosen == p.id) {
            starts += p.roots
        }
        var seen = [Bool](repeating: false, count: graph.nodes.count)
        var stack = starts
        while let n = stack.popLast() {
            guard !seen[n] else { continue }
            seen[n] = true
            for case let e? in graph.nodes[n].next where !seen[e.node] { stack.append(e.node) }
        }
        for i in 0..<opLimit {
            if let g = graph.ops[i].gradFn, seen[g] { keep[i] = true }
        }
        return keep
    }

    /// The state of a saved buffer as of the cut.
    func state(of buffer: SavedBuffer) -> BufferState {
        switch buffer.state {
        case .freed(let p) where p < passIncluded.count && !passIncluded[p]: return .retained
        case .invalidated(let l) where line.map({ l > $0 }) ?? false: return .retained
        default: return buffer.state
        }
    }
}
