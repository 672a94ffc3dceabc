/// Folding loop iterations. With the loops `SceneBuilder` detected, each loop's identical
/// iterations become one: nodes with the same fold key in the same loop (the same op at the same
/// position of an iteration, its result, its saved buffers, leaves made in the loop) become one
/// node labelled with how many it stands for, inside a box titled with the loop statement;
/// nothing outside a loop is merged. Without loops (the fallback for large pictures), every
/// node with the same key merges: the same op at the same position of a run of the same line.
/// Edges between folded nodes merge the same way. A tensor a loop modifies in place (a
/// parameter's update) is drawn once, with an `updated ×n` badge: its versions join its first
/// node, so the update is drawn as the loop it is (an edge back from the in-place op to the
/// tensor it updates).
extension Scene {
    /// The scene with loop iterations folded: only the iterations of `loops` (indexed by
    /// `SceneNode.loop`), each loop in its box, or with `loops` nil every repeated key. Linear
    /// in the scene's size.
    func folded(loops: [DetectedLoop]? = nil) -> Scene {
        var result = Scene(notes: notes)
        var groupOfKey: [NodeFoldKey: Int] = [:]
        var groupOfNode = [Int](repeating: 0, count: nodes.count)
        var members: [[Int]] = []
        for (i, n) in nodes.enumerated() {
            let foldKey =
                loops == nil
                ? n.foldKey.map { NodeFoldKey(loop: nil, key: $0) }
                : n.loop.flatMap { l in n.foldKey.map { NodeFoldKey(loop: l, key: $0) } }
            if let key = foldKey, let g = groupOfKey[key] {
                groupOfNode[i] = g
                members[g].append(i)
                continue
            }
            if let key = foldKey { groupOfKey[key] = members.count }
            groupOfNode[i] = members.count
            members.append([i])
        }
        let updates = joiningRepeatedUpdates(&members, &groupOfNode)
        var clusterOfKey: [String: Int] = [:]
        var clusterMap = [Int](repeating: 0, count: clusters.count)
        var calls: [Int] = []
        let loopOfCluster = loops == nil ? [] : clusterLoops()
        for (c, cluster) in clusters.enumerated() {
            let key = loops == nil ? cluster.foldKey : loopOfCluster[c].map { "\($0)|\(cluster.foldKey)" } ?? "#\(c)"
            if let existing = clusterOfKey[key] {
                clusterMap[c] = existing
                calls[existing] += 1
                result.clusters[existing].passes += cluster.passes
                if cluster.module != nil {
                    // A folded call's cluster stands for the last call, as its folded nodes do.
                    result.clusters[existing].id = cluster.id
                    result.clusters[existing].module = cluster.module
                    result.clusters[existing].tooltip = cluster.tooltip
                }
                continue
            }
            clusterOfKey[key] = result.clusters.count
            clusterMap[c] = result.clusters.count
            var folded = cluster
            folded.parent = cluster.parent.map { clusterMap[$0] }
            result.clusters.append(folded)
            calls.append(1)
        }
        for (c, n) in calls.enumerated() where n > 1 && !result.clusters[c].passes.isEmpty {
            let passes = Array(Set(result.clusters[c].passes)).sorted()
            result.clusters[c].passes = passes
            result.clusters[c].label = SceneCluster.foldedPassLabel(frames: n, call: result.clusters[c].call)
            result.clusters[c].tooltip +=
                "\n\(n) backward frames from repeated runs of the same lines drawn as one: "
                + SceneCluster.passLabel(passes: passes, call: result.clusters[c].call)
        }
        for (c, n) in calls.enumerated() where n > 1 && result.clusters[c].module != nil {
            result.clusters[c].label += " ×\(n)"
            result.clusters[c].tooltip += "\n\(n) calls from repeated runs of the same lines drawn as one"
        }
        // Group → its node in the result (groups emptied by joining updates have none).
        var nodeOfGroup = [Int](repeating: 0, count: members.count)
        for (g, group) in members.enumerated() {
            guard let first = group.first, let last = group.last else { continue }
            nodeOfGroup[g] = result.nodes.count
            if updates[g] > 0 {
                result.nodes.append(updated(group, times: updates[g], clusterMap: clusterMap))
                continue
            }
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
        var edgeOfKey: [EdgeFoldKey: Int] = [:]
        let carries = { (roles: [StyleRole]) in
            roles.contains(.gradientEdge) || roles.contains(.zeroGradient) || roles.contains(.nonFiniteGradient)
        }
        for e in edges {
            let (f, t) = (nodeOfGroup[groupOfNode[e.from]], nodeOfGroup[groupOfNode[e.to]])
            let key = EdgeFoldKey(from: f, to: t, kind: e.kind, position: e.position)
            if let existing = edgeOfKey[key] {
                // Changed in place: a copy of the edge would copy its growing list of magnitudes
                // once per folded edge. The latest gradient wins; an edge without one keeps an
                // earlier one's look.
                if carries(e.roles) || !carries(result.edges[existing].roles) {
                    result.edges[existing].roles = e.roles
                    result.edges[existing].attributes = e.attributes
                    result.edges[existing].tooltipParts = e.tooltipParts
                }
                result.edges[existing].count += e.count
                result.edges[existing].gradientMagnitudes += e.gradientMagnitudes
                continue
            }
            var edge = e
            edge.from = f
            edge.to = t
            edge.writtenID = nil
            edgeOfKey[key] = result.edges.count
            result.edges.append(edge)
        }
        for i in result.edges.indices where result.edges[i].count > 1 {
            result.edges[i].tooltip += "\n(\(result.edges[i].count) recorded edges folded into this one)"
            result.edges[i].addGradientRange()
        }
        return loops.map { result.boxingLoops($0) } ?? result
    }

    /// Cluster → the loop every node drawn in it (or in a cluster inside it) belongs to; nil
    /// when it holds nodes from another loop or ops from outside any, or none. A tensor from
    /// before the loop (a parameter drawn in the module call that first used it) goes with it.
    func clusterLoops() -> [Int?] {
        var loop = [Int?](repeating: nil, count: clusters.count)
        var mixed = [Bool](repeating: false, count: clusters.count)
        for n in nodes where n.loop != nil || n.kind != .tensor {
            var c = n.cluster
            while let current = c {
                if n.loop == nil || (loop[current] != nil && loop[current] != n.loop) { mixed[current] = true }
                if loop[current] == nil { loop[current] = n.loop }
                c = clusters[current].parent
            }
        }
        return loop.indices.map { mixed[$0] ? nil : loop[$0] }
    }

    /// The scene with each loop of `loops` that has nodes drawn in a box of its own, titled
    /// with the loop (`for step in range(20) ×20`): the box holds the loop's nodes outside every
    /// cluster and the outermost clusters holding only the loop's nodes. Boxes come first in
    /// `clusters`, so parents still precede their children.
    func boxingLoops(_ loops: [DetectedLoop]) -> Scene {
        let drawn = Set(nodes.compactMap(\.loop)).sorted()
        guard !drawn.isEmpty else { return self }
        var boxOfLoop: [Int: Int] = [:]
        var result = self
        result.clusters = drawn.enumerated().map { box, l in
            boxOfLoop[l] = box
            let loop = loops[l]
            return SceneCluster(
                id: "cluster_loop_\(l)", label: loop.title, isRegion: false,
                tooltip: "\(loop.title): \(loop.iterations) identical iterations of \(Style.lineText(loop.lines)) drawn as one; "
                    + "each node inside stands for the same op in every iteration (--unfold draws them all)",
                foldKey: "loop\(l)", loop: l)
        }
        let loopOfCluster = clusterLoops()
        for (c, cluster) in clusters.enumerated() {
            var moved = cluster
            moved.parent = cluster.parent.map { $0 + drawn.count } ?? loopOfCluster[c].flatMap { boxOfLoop[$0] }
            result.clusters.append(moved)
        }
        for i in result.nodes.indices {
            result.nodes[i].cluster = nodes[i].cluster.map { $0 + drawn.count } ?? nodes[i].loop.flatMap { boxOfLoop[$0] }
        }
        return result
    }

    /// Joins each group of repeated in-place versions of one tensor (`t3_v2`, `t3_v3`, … folded
    /// together) to the group of the version the loop started from (`t3_v1`, or `t3`), emptying
    /// it; returns, per group, how many versions joined it.
    func joiningRepeatedUpdates(_ members: inout [[Int]], _ groupOfNode: inout [Int]) -> [Int] {
        var updates = [Int](repeating: 0, count: members.count)
        var tensorNode: [String: Int] = [:]
        for (i, n) in nodes.enumerated() where n.kind == .tensor { tensorNode[n.id] = tensorNode[n.id] ?? i }
        for g in members.indices where members[g].count > 1 {
            let group = members[g]
            let head = nodes[group[0]]
            guard head.kind == .tensor, head.foldKey?.hasSuffix(">v") == true, case .tensor(let t)? = head.subjects.first,
                group.allSatisfy({ nodes[$0].subjects == [.tensor(t)] }),
                let version = head.id.split(separator: "_v").last.flatMap({ Int($0) }),
                let base = tensorNode[version > 1 ? "t\(t)_v\(version - 1)" : "t\(t)"]
            else { continue }
            let target = groupOfNode[base]
            for i in group { groupOfNode[i] = target }
            members[target] += group
            members[g] = []
            updates[target] += group.count
        }
        return updates
    }

    /// The one node of a tensor and the versions a loop made of it, `group` (the version the loop
    /// started from first), badged
    /// `updated ×n`.
    func updated(_ group: [Int], times n: Int, clusterMap: [Int]) -> SceneNode {
        var node = nodes[group[0]]
        node.cluster = node.cluster.map { clusterMap[$0] }
        node.subjects = group.flatMap { nodes[$0].subjects }
        node.label = Style.addingLine(
            "<FONT POINT-SIZE=\"9\" COLOR=\"\(Style.Palette.secondaryText)\"><B>updated ×\(n)</B></FONT>",
            plain: "updated ×\(n)", to: node.label)
        node.tooltip += "\nmodified in place \(n) times by a loop; drawn once, the in-place op's edge loops back to it"
        node.extraClasses.append("updated")
        return node
    }

    /// `label` with a `×n` line added.
    static func counted(_ label: DOTValue, _ n: Int) -> DOTValue {
        Style.addingLine(
            "<FONT POINT-SIZE=\"9\" COLOR=\"\(Style.Palette.secondaryText)\"><B>×\(n)</B></FONT>", plain: "×\(n)", to: label)
    }
}

/// Nodes with equal keys fold into one: the same fold key, in the same loop when loops fold.
private struct NodeFoldKey: Hashable {
    let loop: Int?
    let key: String
}

/// Edges with equal keys fold into one: the same folded ends, kind and input position.
private struct EdgeFoldKey: Hashable {
    let from: Int
    let to: Int
    let kind: SceneEdgeKind
    let position: Int
}

extension SceneEdge {
    /// On a folded edge labelled with one pass's gradient, a line with the range of the
    /// gradient's magnitude over every pass that sent one along it (`‖g‖ 0.012…3.4 over 20 passes`,
    /// `‖g‖ 0.25 in each of 20 passes`).
    mutating func addGradientRange() {
        let finite = gradientMagnitudes.filter(\.isFinite)
        guard gradientMagnitudes.count > 1, case .text(let label)? = attributes["label"], let low = finite.min(),
            let high = finite.max()
        else { return }
        let (lowText, highText) = (Describe.number(low, digits: 3), Describe.number(high, digits: 3))
        let passes = gradientMagnitudes.count
        let nonFinite = passes - finite.count
        let line =
            (lowText == highText
                ? "‖g‖ \(lowText) in each of \(passes) passes" : "‖g‖ \(lowText)…\(highText) over \(passes) passes")
            + (nonFinite > 0 ? " (\(nonFinite) NaN/Inf)" : "")
        attributes = attributes.merging(["label": .text(label + "\n" + line)])
        tooltip += "\ngradient magnitude over the folded passes: " + line
    }
}
