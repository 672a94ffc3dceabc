/// The node budget: keep the part of the scene nearest the backward roots (or, without a
/// backward pass, nearest the last results), walking edges backwards breadth-first, and say in
/// the picture what was left out.
extension Scene {
    /// The scene cut to at most `maxNodes` nodes. Linear in the scene's size.
    func limited(to maxNodes: Int) -> Scene {
        guard nodes.count > maxNodes else { return self }
        var incoming = [[Int]](repeating: [], count: nodes.count)
        var outgoing = [Int](repeating: 0, count: nodes.count)
        for e in edges {
            incoming[e.to].append(e.from)
            outgoing[e.from] += 1
        }
        // Seeds: backward roots, then nodes nothing uses (results), latest first; then the rest.
        let byRecency = nodes.indices.sorted { nodes[$0].order != nodes[$1].order ? nodes[$0].order > nodes[$1].order : $0 > $1 }
        let roots = byRecency.filter { nodes[$0].roles.contains(.backwardRoot) }
        let sinks = byRecency.filter { outgoing[$0] == 0 && !nodes[$0].roles.contains(.backwardRoot) && nodes[$0].kind != .saved }
        var keep = [Bool](repeating: false, count: nodes.count)
        var kept = 0
        var queue: [Int] = []
        var head = 0
        for seed in roots + sinks + byRecency where kept < maxNodes {
            guard !keep[seed] else { continue }
            keep[seed] = true
            kept += 1
            queue.append(seed)
            while head < queue.count && kept < maxNodes {
                let n = queue[head]
                head += 1
                for p in incoming[n] where !keep[p] && kept < maxNodes {
                    keep[p] = true
                    kept += 1
                    queue.append(p)
                }
            }
        }
        var result = keeping(keep)
        var truncated = Set<String>()
        for e in edges where keep[e.to] && !keep[e.from] { truncated.insert(nodes[e.to].id) }
        for i in result.nodes.indices where truncated.contains(result.nodes[i].id) {
            result.nodes[i].extraClasses.append("truncated")
            result.nodes[i].tooltip += "\n(some of its inputs are not drawn: node budget)"
        }
        let dropped = nodes.indices.filter { !keep[$0] }
        let lines = dropped.map { nodes[$0].line }.filter { $0 > 0 }
        let span = lines.min().map { low in Style.lineText(low...(lines.max() ?? low)) } ?? "unknown lines"
        result.notes.append(
            "showing the \(kept) nodes nearest the backward roots; \(dropped.count) more "
                + "(from \(span)) are not drawn (--max-nodes \(maxNodes)); JSON and text dumps are complete")
        return result
    }
}
