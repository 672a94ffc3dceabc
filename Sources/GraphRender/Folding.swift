/// Folding loop iterations: nodes with the same fold key (the same op at the same position of
/// the same source line, its result, its saved buffers, leaves made on that line) become one
/// node labelled with how many it stands for; edges between folded nodes merge the same way.
extension Scene {
    /// The scene with loop iterations folded. Linear in the scene's size.
    func folded() -> Scene {
        var result = Scene(notes: notes)
        var groupOfKey: [String: Int] = [:]
        var groupOfNode = [Int](repeating: 0, count: nodes.count)
        var members: [[Int]] = []
        for (i, n) in nodes.enumerated() {
            if let key = n.foldKey, let g = groupOfKey[key] {
                groupOfNode[i] = g
                members[g].append(i)
                continue
            }
            if let key = n.foldKey { groupOfKey[key] = members.count }
            groupOfNode[i] = members.count
            members.append([i])
        }
        var clusterOfKey: [String: Int] = [:]
        var clusterMap = [Int](repeating: 0, count: clusters.count)
        var calls: [Int] = []
        for (c, cluster) in clusters.enumerated() {
            if let existing = clusterOfKey[cluster.foldKey] {
                clusterMap[c] = existing
                calls[existing] += 1
                result.clusters[existing].passes += cluster.passes
                continue
            }
            clusterOfKey[cluster.foldKey] = result.clusters.count
            clusterMap[c] = result.clusters.count
            var folded = cluster
            folded.parent = cluster.parent.map { clusterMap[$0] }
            result.clusters.append(folded)
            calls.append(1)
        }
        for (c, n) in calls.enumerated() where n > 1 && !result.clusters[c].passes.isEmpty {
            let passes = Array(Set(result.clusters[c].passes)).sorted()
            result.clusters[c].label = SceneCluster.passLabel(passes: passes, call: result.clusters[c].call)
            result.clusters[c].tooltip += "\n\(n) backward frames from repeated runs of the same lines drawn as one"
        }
        for (c, n) in calls.enumerated() where n > 1 && result.clusters[c].module != nil {
            result.clusters[c].label += " ×\(n)"
            result.clusters[c].tooltip += "\n\(n) calls from repeated runs of the same lines drawn as one"
        }
        for group in members {
            guard let first = group.first, let last = group.last else { continue }
            var node = nodes[last]
            node.cluster = node.cluster.map { clusterMap[$0] }
            node.order = nodes[first].order
            node.line = nodes[first].line
            if group.count > 1 {
                node.subjects = group.flatMap { nodes[$0].subjects }
                node.id = "fold_" + nodes[first].id
                node.count = group.reduce(0) { $0 + nodes[$1].count }
                node.label = Scene.counted(node.label, node.count)
                node.tooltip +=
                    "\n\(node.count) recorded nodes from repeated runs of line \(node.line) drawn as one "
                    + "(this one shows the last; --unfold draws them all)"
                node.extraClasses.append("folded")
            }
            result.nodes.append(node)
        }
        var edgeOfKey: [String: Int] = [:]
        for e in edges {
            let (f, t) = (groupOfNode[e.from], groupOfNode[e.to])
            let key = "\(f)>\(t)>\(e.kind)>\(e.id.split(separator: "_").last ?? "")"
            if let existing = edgeOfKey[key] {
                var merged = result.edges[existing]
                // The latest gradient wins; an edge without one keeps an earlier one's look.
                let carries = { (roles: [StyleRole]) in roles.contains(.gradientEdge) || roles.contains(.nonFiniteGradient) }
                if carries(e.roles) || !carries(merged.roles) {
                    merged.roles = e.roles
                    merged.attributes = e.attributes
                    merged.tooltip = e.tooltip
                }
                merged.count += e.count
                result.edges[existing] = merged
                continue
            }
            var edge = e
            edge.from = f
            edge.to = t
            edge.id = "e_\(result.nodes[f].id)_\(result.nodes[t].id)_\(e.id.split(separator: "_").last ?? "0")"
            edgeOfKey[key] = result.edges.count
            result.edges.append(edge)
        }
        for i in result.edges.indices where result.edges[i].count > 1 {
            result.edges[i].tooltip += "\n(\(result.edges[i].count) recorded edges folded into this one)"
        }
        return result
    }

    /// `label` with a `×n` line added.
    static func counted(_ label: DOTValue, _ n: Int) -> DOTValue {
        Style.addingLine(
            "<FONT POINT-SIZE=\"9\" COLOR=\"\(Style.Palette.secondaryText)\"><B>×\(n)</B></FONT>", plain: "×\(n)", to: label)
    }
}
