/// Backward frames in time order, left to right.
///
/// `dot` ignores flat edges between clusters, and the order it gives clusters otherwise depends
/// on where cgraph happened to allocate their names (a test process and the CLI drew the same
/// DOT in different orders). What it does honour is crossings: each frame's latest node gets an
/// invisible edge down to an anchor on an extra bottom rank, and the anchors are chained left to
/// right, so any other order of the frames would cross those edges.
extension DOTWriter {
    /// The statements pinning the backward frames of `scene` in pass order; none for fewer
    /// than two frames.
    static func timeOrderStatements(_ scene: Scene) -> [String] {
        let frameOf = outermostFrames(scene)
        let frames = Set(frameOf.values).sorted { scene.clusters[$0].passes[0] < scene.clusters[$1].passes[0] }
        guard frames.count >= 2 else { return [] }
        var latest: [Int: Int] = [:]
        for (i, n) in scene.nodes.enumerated() {
            guard let c = n.cluster, let f = frameOf[c] else { continue }
            if latest[f].map({ scene.nodes[$0].order < n.order }) ?? true { latest[f] = i }
        }
        let anchored = frames.compactMap { f in latest[f].map { (frame: f, node: $0) } }
        guard anchored.count >= 2 else { return [] }
        let anchors = anchored.indices.map { DOTEscape.identifier("time_order_\($0)") }
        var lines = [
            "  {rank=max; "
                + anchors.map { "\($0) [shape=point, width=0, height=0, style=invis, label=\"\", class=\"time-order\"];" }.joined(
                    separator: " ")
                + "}",
            "  " + anchors.joined(separator: " -> ") + " [style=invis];"
        ]
        for (k, a) in anchored.enumerated() {
            lines.append("  \(DOTEscape.identifier(scene.nodes[a.node].id)) -> \(anchors[k]) [style=invis, weight=10];")
        }
        return lines
    }

    /// Cluster → the outermost backward frame it is in (itself, for such a frame), for the
    /// clusters inside one (a frame nested in another frame is not ordered on its own).
    private static func outermostFrames(_ scene: Scene) -> [Int: Int] {
        var result: [Int: Int] = [:]
        // Parents come before their children in `Scene.clusters`.
        for (c, cluster) in scene.clusters.enumerated() {
            if let p = cluster.parent, let f = result[p] {
                result[c] = f
            } else if !cluster.passes.isEmpty {
                result[c] = c
            }
        }
        return result
    }
}
