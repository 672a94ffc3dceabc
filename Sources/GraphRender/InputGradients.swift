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
        func forEachGradient(_ body: (_ op: Int, Entry) -> Void) {
            for p in passes {
                let gradients = graph.backwardPasses[p].edgeGradients
                for (k, e) in gradients.enumerated() where e.grad != nil {
                    guard let o = graph.nodes[e.from].op else { continue }
                    body(o, Entry(pass: Int32(p), index: Int32(k), input: Int32(e.index)))
                }
            }
        }
        var starts = [Int32](repeating: 0, count: graph.ops.count + 1)
        forEachGradient { o, _ in starts[o + 1] += 1 }
        for o in graph.ops.indices { starts[o + 1] += starts[o] }
        var next = starts
        var entries = [Entry](repeating: Entry(pass: 0, index: 0, input: 0), count: Int(starts[graph.ops.count]))
        forEachGradient { o, entry in
            entries[Int(next[o])] = entry
            next[o] += 1
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
