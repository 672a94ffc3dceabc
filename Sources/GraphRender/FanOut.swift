/// Splitting high fan-out leaves: a leaf (a weight shared by every step, an input) that feeds
/// many ops is drawn once per use, with the same name and colour. One node with hundreds of
/// edges makes `dot`'s crossing minimisation take minutes; copies keep the layout linear.
extension Scene {
    /// The scene with every leaf feeding more than `limit` edges drawn once per use: the first
    /// use keeps the node, each later use gets a copy `<id>_use<k>`.
    func splittingFanOut(limit: Int) -> Scene {
        var uses = [[Int]](repeating: [], count: nodes.count)
        for (i, e) in edges.enumerated() where e.kind == .data { uses[e.from].append(i) }
        var result = self
        for (n, list) in uses.enumerated() where nodes[n].isLeaf && list.count > limit {
            for (k, edgeIndex) in list.enumerated().dropFirst() {
                var copy = nodes[n]
                copy.id = "\(nodes[n].id)_use\(k)"
                copy.extraClasses.append("copy")
                // A module's parameter is drawn in the module call that uses it.
                if nodes[n].module != nil, let use = nodes[edges[edgeIndex].to].module, use != nodes[n].module {
                    copy.cluster = nodes[edges[edgeIndex].to].cluster
                    copy.module = use
                }
                copy.tooltip += "\n(drawn once per use: it feeds \(list.count) ops)"
                result.edges[edgeIndex].from = result.nodes.count
                result.edges[edgeIndex].writtenID = nil
                result.nodes.append(copy)
            }
            result.nodes[n].tooltip += "\n(drawn once per use: it feeds \(list.count) ops)"
        }
        return result
    }
}
