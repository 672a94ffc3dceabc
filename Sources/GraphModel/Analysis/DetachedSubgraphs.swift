/// Where gradient history was cut.
public enum Cut: Sendable, Equatable {
    /// A detach / detach_ / .data event (its `DetachRecord` id).
    case detach(Int)
    /// Ops run with grad mode off on inputs that required grad: a region's id, or for ops run
    /// outside any recorded region, the first such op's id.
    case noGradRegion(Int)
    case noGradOp(Int)
}

/// Everything downstream of one cut that can no longer carry a gradient to a leaf requiring grad.
public struct DetachedSubgraph: Sendable {
    public let cut: Cut
    /// Line of the cut (the detach, or the region's first line).
    public let line: Int
    /// Ops whose results lost gradient history because of this cut, in execution order.
    public let ops: [Int]
    /// Tensors without gradient history because of this cut, in recording order.
    public let tensors: [Int]
}

/// Tensor → op adjacency in compressed form.
struct TensorOpIndex {
    private var offsets: [Int]
    private var items: [Int]

    /// The ops of `ops` grouped by each tensor in `tensorsOf(op id)`.
    init(tensorCount: Int, ops: OpTable, _ tensorsOf: (Int) -> ArraySlice<Int32>) {
        var counts = [Int](repeating: 0, count: tensorCount + 1)
        for op in ops.indices { for t in tensorsOf(op) { counts[Int(t) + 1] += 1 } }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var fill = counts
        items = [Int](repeating: 0, count: counts[tensorCount])
        for op in ops.indices {
            for t in tensorsOf(op) {
                items[fill[Int(t)]] = op
                fill[Int(t)] += 1
            }
        }
        offsets = counts
    }

    subscript(tensor: Int) -> ArraySlice<Int> { items[offsets[tensor]..<offsets[tensor + 1]] }

    /// The latest of `tensor`'s ops with an id below `before`: a binary search, since each
    /// tensor's ops are listed in recording order.
    func latest(of tensor: Int, before: Int) -> Int? {
        var low = offsets[tensor]
        var high = offsets[tensor + 1]
        while low < high {
            let mid = (low + high) / 2
            if items[mid] < before { low = mid + 1 } else { high = mid }
        }
        return low > offsets[tensor] ? items[low - 1] : nil
    }
}

extension Graph {
    /// Each tensor's producing ops (in-place ops included), built once and shared by every
    /// backward pass's analysis so that a question about a pass costs that pass's part of the
    /// graph, not the whole recording.
    func producerIndex() -> TensorOpIndex {
        TensorOpIndex(tensorCount: tensors.count, ops: ops) { ops.storedOutputs(of: $0) }
    }
}

/// `Graph.producerIndex()` made on first use and shared by every pass's analysis, so that
/// questions answered without walking the dataflow (every gradient arrived) never build it.
final class SharedProducerIndex {
    private var built: TensorOpIndex?

    /// The index of `graph`, which must be the same graph at every call.
    func index(of graph: Graph) -> TensorOpIndex {
        if let built { return built }
        let index = graph.producerIndex()
        built = index
        return index
    }
}

extension Graph {
    /// Whether tensor `t` carries history toward a leaf that requires grad.
    func carriesGrad(_ t: Int) -> Bool { tensors.requiresGrad(of: t) }

    /// Whether `op` ran with grad mode off on an input that required grad (so it cut history).
    func cutsHistory(_ op: OpRecord) -> Bool {
        op.pass == nil && !op.gradEnabled && op.gradFn == nil && op.inputs.contains { carriesGrad($0) }
    }

    /// One subgraph per cut that removed history, detach cuts first (in event order), then
    /// no-grad cuts (in op order). An op belongs to the first cut that reaches it. Linear time.
    public func detachedSubgraphs() -> [DetachedSubgraph] {
        // Most graphs have no cut: answer without the indexes below (about 35 bytes an op).
        let anyCut =
            detaches.contains { $0.sourceRequiredGrad }
            || ops.indices.contains { !ops.gradEnabled($0) && cutsHistory(ops[$0]) }
        guard anyCut else { return [] }
        let consumers = TensorOpIndex(tensorCount: tensors.count, ops: ops) { ops.storedInputs(of: $0) }
        var claimed = [Bool](repeating: false, count: ops.count)
        var marked = [Bool](repeating: false, count: tensors.count)
        var result: [DetachedSubgraph] = []

        func spread(seeds: [Int], seedOps: [Int], minOp: Int) -> (ops: [Int], tensors: [Int]) {
            var found: [Int] = seedOps
            var cutTensors: [Int] = []
            var queue: [Int] = []
            for t in seeds where !marked[t] && !carriesGrad(t) {
                marked[t] = true
                cutTensors.append(t)
                queue.append(t)
            }
            var head = 0
            while head < queue.count {
                let t = queue[head]
                head += 1
                for o in consumers[t] where o >= minOp && !claimed[o] {
                    let op = ops[o]
                    guard !op.outputs.contains(where: carriesGrad) else { continue }
                    claimed[o] = true
                    found.append(o)
                    for out in op.outputs where !marked[out] {
                        marked[out] = true
                        cutTensors.append(out)
                        queue.append(out)
                    }
                }
            }
            return (found.sorted(), cutTensors.sorted())
        }

        for d in detaches where d.sourceRequiredGrad {
            let minOp = d.kind == .detachInPlace ? d.opsBefore : 0
            let (o, t) = spread(seeds: [d.result], seedOps: [], minOp: minOp)
            result.append(DetachedSubgraph(cut: .detach(d.id), line: d.line, ops: o, tensors: t))
        }
        var groups: [(cut: Cut, line: Int, ops: [Int])] = []
        var groupOfRegion: [Int: Int] = [:]
        // Only ops run with grad mode off can cut history: the others' records are not built.
        for o in ops.indices where !claimed[o] && !ops.gradEnabled(o) {
            let op = ops[o]
            guard cutsHistory(op) else { continue }
            claimed[op.id] = true
            if let r = op.region, let g = groupOfRegion[r] {
                groups[g].ops.append(op.id)
            } else if let r = op.region {
                groupOfRegion[r] = groups.count
                groups.append((.noGradRegion(r), regions[r].startLine, [op.id]))
            } else {
                groups.append((.noGradOp(op.id), op.line, [op.id]))
            }
        }
        for g in groups {
            let seeds = g.ops.flatMap { ops[$0].outputs }
            let (o, t) = spread(seeds: seeds, seedOps: g.ops, minOp: 0)
            result.append(DetachedSubgraph(cut: g.cut, line: g.line, ops: o, tensors: t))
        }
        return result
    }
}
