import GraphModel

/// Collapsing module calls (`--depth N`, the torchview convention): every module call N levels
/// below a root call (the module the script called is level 0) is drawn as one node labelled
/// like its cluster (`fc1: Linear(4→3)`), standing for everything that ran inside it; edges
/// into and out of it are rewired to that node. Parameters stay drawn, next to the node, so
/// the picture still shows what feeds it and what gets gradients.
extension Scene {
    /// The scene with module calls at level `depth` and below drawn as one node each.
    func collapsingModules(atDepth depth: Int, in graph: Graph) -> Scene {
        var level = [Int](repeating: 0, count: graph.modules.count)
        var collapsedInto = [Int?](repeating: nil, count: graph.modules.count)
        for m in graph.modules {
            level[m.id] = m.parent.map { level[$0] + 1 } ?? 0
            if level[m.id] == depth {
                collapsedInto[m.id] = m.id
            } else if level[m.id] > depth, let p = m.parent {
                collapsedInto[m.id] = collapsedInto[p]
            }
        }
        var clusterOfModule: [Int: Int] = [:]
        for (c, cluster) in clusters.enumerated() { if let m = cluster.module { clusterOfModule[m] = c } }

        var result = Scene(notes: notes)
        // Kept clusters, parents first (as `clusters` lists them).
        var clusterMap = [Int?](repeating: nil, count: clusters.count)
        for (c, cluster) in clusters.enumerated() where cluster.module.flatMap({ collapsedInto[$0] }) == nil {
            var kept = cluster
            kept.parent = cluster.parent.flatMap { clusterMap[$0] }
            clusterMap[c] = result.clusters.count
            result.clusters.append(kept)
        }
        /// Where a collapsed call's node goes: the cluster around the call's own cluster.
        func outerCluster(of call: Int) -> Int? {
            clusterOfModule[call].flatMap { clusters[$0].parent }.flatMap { clusterMap[$0] }
        }
        let owner = nodes.map { n in n.module.flatMap { collapsedInto[$0] } }
        // A tensor made inside a collapsed call and used outside it (its output) stays drawn.
        var usedOutside = [Bool](repeating: false, count: nodes.count)
        for e in edges where owner[e.from] != nil && owner[e.from] != owner[e.to] { usedOutside[e.from] = true }
        var newIndex = [Int](repeating: 0, count: nodes.count)
        var collapsedNode: [Int: Int] = [:]
        var absorbed: [Int: Int] = [:]
        for (i, n) in nodes.enumerated() {
            guard let call = owner[i] else {
                var node = n
                node.cluster = n.cluster.flatMap { clusterMap[$0] }
                newIndex[i] = result.nodes.count
                result.nodes.append(node)
                continue
            }
            if n.kind == .tensor && (n.isLeaf || usedOutside[i]) {
                // A parameter of the collapsed call, or its output: drawn beside its node.
                var node = n
                node.cluster = outerCluster(of: call)
                node.module = graph.modules[call].parent
                newIndex[i] = result.nodes.count
                result.nodes.append(node)
                continue
            }
            if let existing = collapsedNode[call] {
                newIndex[i] = existing
                result.nodes[existing].subjects += n.subjects
                absorbed[call, default: 0] += n.kind == .op ? 1 : 0
                continue
            }
            let record = graph.modules[call]
            collapsedNode[call] = result.nodes.count
            absorbed[call] = n.kind == .op ? 1 : 0
            newIndex[i] = result.nodes.count
            result.nodes.append(
                SceneNode(
                    id: "module\(call)", kind: .module, roles: [.collapsedModule],
                    label: Style.moduleLabel(title: record.title, path: record.path, line: record.line),
                    tooltip: Describe.moduleTooltip(record, in: graph), cluster: outerCluster(of: call),
                    foldKey: clusterOfModule[call].map { "C" + clusters[$0].foldKey }, order: n.order, line: record.line,
                    module: record.parent, subjects: [.module(call)] + n.subjects, loop: n.loop))
        }
        for (call, index) in collapsedNode {
            result.nodes[index].tooltip +=
                "\ndrawn as one node (--depth \(depth)): \(absorbed[call] ?? 0) op\(absorbed[call] == 1 ? "" : "s") ran inside it"
        }
        var edgeOfKey: [String: Int] = [:]
        for e in edges {
            let (f, t) = (newIndex[e.from], newIndex[e.to])
            guard f != t else { continue }
            let collapsedEnd = result.nodes[f].kind == .module || result.nodes[t].kind == .module
            let key = "\(f)>\(t)>\(e.kind)" + (collapsedEnd ? "" : ">\(e.position)")
            if let existing = edgeOfKey[key] {
                result.edges[existing].count += e.count
                continue
            }
            var edge = e
            edge.from = f
            edge.to = t
            edge.writtenID = nil
            edgeOfKey[key] = result.edges.count
            result.edges.append(edge)
        }
        return result
    }
}
