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
    /// in the scene's size. (`SceneFolder` does the folding; `SceneBuilder` also feeds it
    /// directly, so that a large scene is never held unfolded.)
    func folded(loops: [DetectedLoop]? = nil) -> Scene {
        var folder = SceneFolder(byLoop: loops != nil)
        for n in nodes { folder.add(n) }
        for e in edges { folder.add(e) }
        return folder.folded(clusters: clusters, notes: notes, loops: loops)
    }

    /// Cluster → the loop every node drawn in it (or in a cluster inside it) belongs to; nil
    /// when it holds nodes from another loop or ops from outside any, or none. A tensor from
    /// before the loop (a parameter drawn in the module call that first used it) goes with it.
    func clusterLoops() -> [Int?] {
        var tally = ClusterLoopTally(clusters: clusters)
        for n in nodes { tally.add(cluster: n.cluster, loop: n.loop, kind: n.kind) }
        return tally.loops
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

    /// The one node of a tensor and the versions a loop made of it, drawn as `head` (the first
    /// node of the version the loop started from) standing for `subjects`, badged `updated ×n`.
    static func updated(_ head: SceneNode, subjects: [SceneSubject], times n: Int, clusterMap: [Int]) -> SceneNode {
        var node = head
        node.cluster = node.cluster.map { clusterMap[$0] }
        node.subjects = subjects
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
