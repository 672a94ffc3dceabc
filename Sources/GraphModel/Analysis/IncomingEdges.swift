/// A pass's edge gradients grouped by the node they flow into: the edge indices sorted by
/// target node (ascending within a node), found by binary search. Built by one sort of the
/// pass's own edges, so its cost does not grow with the rest of the graph, and with no
/// dictionary and no array per node.
struct IncomingEdges {
    /// Edge indices ordered by (target node, index).
    private let order: [Int]
    /// The target node of each entry of `order`.
    private let targets: [Int]

    init(_ gradients: EdgeGradientList) {
        let to = gradients.map(\.to)
        order = to.indices.sorted { to[$0] < to[$1] || (to[$0] == to[$1] && $0 < $1) }
        targets = order.map { to[$0] }
    }

    /// The indices of the edges into `node`, ascending; empty for a node no edge reaches.
    subscript(node: Int) -> ArraySlice<Int> { order[first(atLeast: node)..<first(atLeast: node + 1)] }

    /// The position of the first entry whose target is `node` or later.
    private func first(atLeast node: Int) -> Int {
        var low = 0
        var high = targets.count
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < node { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
