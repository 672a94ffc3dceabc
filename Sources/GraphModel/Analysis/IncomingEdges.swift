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
        // (target, index) packed in one integer, so that the sort compares integers, no closure.
        var keys = gradients.indices.map { UInt64(UInt32(truncatingIfNeeded: gradients.receiver($0))) << 32 | UInt64($0) }
        keys.sort()
        order = keys.map { Int($0 & 0xFFFF_FFFF) }
        targets = keys.map { Int($0 >> 32) }
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
