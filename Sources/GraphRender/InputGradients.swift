import GraphModel

/// The gradients some backward passes sent along each op input, in the order
/// `SceneBuilder.addGradients` adds them to the input's edge (pass by pass, each pass's in its
/// `edgeGradients` order), kept in one column sorted by op: a scene folded as it is built gives
/// each input edge its gradient lines and magnitudes as the edge is made.
struct InputGradients {
    private let graph: Graph
    /// Op `o`'s gradients are `entries[starts[o]..<starts[o + 1]]`.
    private var starts: [Int32]
    private var entries: [Entry]

    private struct Entry {
        /// The pass, and the gradient's position in its `edgeGradients`.
        let pass: Int32
        let index: Int32
        /// The op input it flowed along.
        let input: Int32
    }

    /// The gradients `passes` (in call order) sent along op inputs.
    init(_ graph: Graph, passes: [Int]) {
        self.graph = graph
        // One walk over the gradients, each node's op looked up once.
        var opOfNode = [Int32](repeating: -2, count: graph.nodes.count)
        var found: [(op: Int32, entry: Entry)] = []
        var starts = [Int32](repeating: 0, count: graph.ops.count + 1)
        for p in passes {
            let gradients = graph.backwardPasses[p].edgeGradients
            for k in gradients.indices {
                let e = gradients[k]
                guard e.grad != nil else { continue }
                if opOfNode[e.from] == -2 { opOfNode[e.from] = graph.nodes[e.from].op.map { Int32($0) } ?? -1 }
                let o = opOfNode[e.from]
                guard o >= 0 else { continue }
                found.append((o, Entry(pass: Int32(p), index: Int32(k), input: Int32(e.index))))
                starts[Int(o) + 1] += 1
            }
        }
        for o in graph.ops.indices { starts[o + 1] += starts[o] }
        // Sorted by op, each op's in the order found.
        var next = starts
        var entries = [Entry](repeating: Entry(pass: 0, index: 0, input: 0), count: found.count)
        for (o, entry) in found {
            entries[Int(next[Int(o)])] = entry
            next[Int(o)] += 1
        }
        self.starts = starts
        self.entries = entries
    }

    /// Adds the gradients sent along input `input` of op `op` to `edge` (the edge drawn for it):
    /// a tooltip line each, worded from `source` when read, and their magnitudes.
    func add(to edge: inout SceneEdge, op: Int, input: Int, source: SceneTextSource) {
        for entry in entries[Int(starts[op])..<Int(starts[op + 1])] where Int(entry.input) == input {
            let (pass, index) = (Int(entry.pass), Int(entry.index))
            guard let g = graph.backwardPasses[pass].edgeGradients[index].grad else { continue }
            edge.tooltipParts.gradients.append(EdgeGradientText(source: source, pass: pass, index: index))
            edge.gradientMagnitudes.append(Describe.magnitude(g))
        }
    }
}
