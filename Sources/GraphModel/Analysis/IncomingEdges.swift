/// A pass's edge gradients grouped by the node they flow into: the edge indices ordered by
/// target node (ascending within a node). Built from the pass's own edges, so its cost does not
/// grow with the rest of the graph, and with no dictionary and no array per node.
///
/// When the targets span few more node ids than there are edges (a chain, one pass of a
/// network), a node's edges are found by its offset in that span; otherwise (a pass whose
/// edges also reach leaves recorded long before, such as a training step's parameters) by
/// binary search over the targets.
struct IncomingEdges {
    /// Edge indices ordered by (target node, index).
    private let order: [Int32]
    private let lookup: Lookup

    private enum Lookup {
        /// Node `low + k`'s edges are `order[starts[k]..<starts[k + 1]]`.
        case span(low: Int, starts: [Int32])
        /// The target node of each entry of `order`.
        case sorted(targets: [Int32])
    }

    init(_ gradients: EdgeGradientList) {
        var low = Int.max
        var high = -1
        for i in gradients.indices {
            let to = gradients.receiver(i)
            low = Swift.min(low, to)
            high = Swift.max(high, to)
        }
        let count = gradients.count
        guard high >= low, high - low <= 2 * count + 64 else {
            // (target, index) packed in one integer, so that the sort compares integers, no closure.
            var keys = gradients.indices.map { UInt64(UInt32(truncatingIfNeeded: gradients.receiver($0))) << 32 | UInt64($0) }
            keys.sort()
            order = keys.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
            lookup = .sorted(targets: keys.map { Int32(truncatingIfNeeded: $0 >> 32) })
            return
        }
        // A counting sort over the span: stable, so each node's edges stay in index order.
        var starts = [Int32](repeating: 0, count: high - low + 2)
        for i in gradients.indices { starts[gradients.receiver(i) - low + 1] += 1 }
        for k in 1..<starts.count { starts[k] += starts[k - 1] }
        var fill = starts
        var order = [Int32](repeating: 0, count: count)
        for i in gradients.indices {
            let k = gradients.receiver(i) - low
            order[Int(fill[k])] = Int32(truncatingIfNeeded: i)
            fill[k] += 1
        }
        self.order = order
        lookup = .span(low: low, starts: starts)
    }

    /// The indices of the edges into `node`, ascending; empty for a node no edge reaches.
    subscript(node: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> { order[positions(into: node)].lazy.map { Int($0) } }

    /// Where the edges into `node` are listed: `edge(at:)` of each position is one of them.
    func positions(into node: Int) -> Range<Int> {
        let range: Range<Int>
        switch lookup {
        case .span(let low, let starts):
            let k = node - low
            range = k >= 0 && k + 1 < starts.count ? Int(starts[k])..<Int(starts[k + 1]) : 0..<0
        case .sorted(let targets):
            let first = Self.first(atLeast: node, in: targets)
            var end = first
            while end < targets.count && Int(targets[end]) == node { end += 1 }
            range = first..<end
        }
        return range
    }

    /// The edge index listed at `position` (of `positions(into:)`).
    func edge(at position: Int) -> Int { Int(order[position]) }

    /// The position of the first of `targets` (ascending) that is `node` or later.
    private static func first(atLeast node: Int, in targets: [Int32]) -> Int {
        var low = 0
        var high = targets.count
        while low < high {
            let mid = (low + high) / 2
            if Int(targets[mid]) < node { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
