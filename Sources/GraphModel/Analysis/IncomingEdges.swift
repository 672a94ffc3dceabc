/// A pass's edge gradients grouped by the node they flow into, as compressed rows: one start
/// offset per node into a single list of edge indices (ascending within each node). Built in
/// two passes over the edges, with no dictionary and no array per node.
struct IncomingEdges {
    /// Where node `n`'s edge indices begin in `edges`; `starts[n + 1]` is where they end.
    private let starts: [Int]
    private let edges: [Int]

    init(_ gradients: [EdgeGradient], nodeCount: Int) {
        let rows = gradients.reduce(nodeCount) { Swift.max($0, $1.to + 1) }
        var starts = [Int](repeating: 0, count: rows + 1)
        for e in gradients where e.to >= 0 { starts[e.to + 1] += 1 }
        for n in 0..<rows { starts[n + 1] += starts[n] }
        var free = starts
        var edges = [Int](repeating: 0, count: starts[rows])
        for (i, e) in gradients.enumerated() where e.to >= 0 {
            edges[free[e.to]] = i
            free[e.to] += 1
        }
        self.starts = starts
        self.edges = edges
    }

    /// The indices of the edges into `node`, ascending; empty for a node no edge reaches.
    subscript(node: Int) -> ArraySlice<Int> {
        guard node >= 0, node + 1 < starts.count else { return [] }
        return edges[starts[node]..<starts[node + 1]]
    }
}
