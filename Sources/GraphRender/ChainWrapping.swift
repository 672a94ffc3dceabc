/// Long chains in wrapped columns: a graph whose longest path has hundreds of ranks would be a
/// strip thousands of ranks tall and one node wide. Past `wrapAbove` ranks, nodes are cut into
/// columns of about √(1.75 × depth) ranks (a roughly square picture for nodes about twice as
/// wide as a rank is tall), and the edges that cross from one column into the next stop
/// constraining ranks, so each column starts again at the top.
extension DOTWriter {
    /// Longest paths up to this many ranks are drawn as they are.
    static let wrapAbove = 60

    /// The indices of the edges that leave one column for the next; empty when the longest
    /// path is short enough.
    static func columnBreaks(_ scene: Scene) -> Set<Int> {
        let depth = longestPathDepths(scene)
        guard let deepest = depth.max(), deepest > wrapAbove else { return [] }
        let column = max(wrapAbove / 2, Int((1.75 * Double(deepest)).squareRoot()))
        var breaks = Set<Int>()
        for (i, e) in scene.edges.enumerated() where depth[e.from] / column != depth[e.to] / column {
            breaks.insert(i)
        }
        return breaks
    }

    /// Each node's rank along the longest path reaching it (0 for sources), in topological
    /// order; nodes on a cycle keep the rank reached before it.
    static func longestPathDepths(_ scene: Scene) -> [Int] {
        var indegree = [Int](repeating: 0, count: scene.nodes.count)
        var outgoing = [[Int]](repeating: [], count: scene.nodes.count)
        for e in scene.edges where e.from != e.to {
            indegree[e.to] += 1
            outgoing[e.from].append(e.to)
        }
        var depth = [Int](repeating: 0, count: scene.nodes.count)
        var ready = scene.nodes.indices.filter { indegree[$0] == 0 }
        while let n = ready.popLast() {
            for m in outgoing[n] {
                depth[m] = max(depth[m], depth[n] + 1)
                indegree[m] -= 1
                if indegree[m] == 0 { ready.append(m) }
            }
        }
        return depth
    }
}
